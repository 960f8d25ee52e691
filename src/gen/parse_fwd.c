/* parse_fwd.c — forwarding macros (--wrap-fn-macros). A function-like
 * macro whose expansion is one call of a declared function, each of its
 * parameters passed once as a whole argument (parenthesised or cast, as in
 * zlib's deflateInit(strm, level) → deflateInit_((strm), (level),
 * ZLIB_VERSION, (int)sizeof(z_stream))), is wrapped at the callee's types:
 * each parameter takes the type of the callee's parameter it is passed to,
 * the result the callee's. The wrapper calls the macro itself, so what it
 * does is the macro's; the types only say what Rust passes. Every other
 * function-like macro is listed as skipped with the reason. The tokens are
 * libclang's; the types are read from the callee's declaration. */
#include "parse.h"

#include <stdlib.h>
#include <string.h>

void fwd_note_macro(struct parser *p, CXCursor cur, int64_t order)
{
	CXToken *toks;
	unsigned n;
	clang_tokenize(p->tu, clang_getCursorExtent(cur), &toks, &n);
	struct fwd_macro *m = xcalloc(1, sizeof *m);
	m->name = cxstr(clang_getCursorSpelling(cur));
	m->cur = cur;
	m->order = order;
	m->params = xcalloc(n + 1, sizeof *m->params);
	m->toks = xcalloc(n + 1, sizeof *m->toks);
	unsigned i = 2; /* after NAME ( */
	for (; i < n; i++) {
		char *s = cxstr(clang_getTokenSpelling(p->tu, toks[i]));
		if (!strcmp(s, ")")) {
			i++;
			break;
		}
		if (!strcmp(s, "..."))
			m->variadic = true;
		else if (strcmp(s, ","))
			m->params[m->nparams++] = s;
	}
	for (; i < n; i++)
		if (clang_getTokenKind(toks[i]) != CXToken_Comment)
			m->toks[m->ntoks++] = cxstr(clang_getTokenSpelling(p->tu, toks[i]));
	clang_disposeTokens(p->tu, toks, n);
	vec_push(&p->fwd_macros, m);
}

void fwd_note_function(struct parser *p, const char *name, CXCursor cur)
{
	if (strmap_get(&p->fn_decls, name))
		return;
	CXCursor *c = xcalloc(1, sizeof *c);
	*c = cur;
	strmap_put(&p->fn_decls, xstrdup(name), c);
}

/* The token after the bracket group opening at toks[i], or -1. */
static int group_end(char **toks, int i, int n)
{
	int depth = 0;
	for (int j = i; j < n; j++) {
		if (!strcmp(toks[j], "(") || !strcmp(toks[j], "[") || !strcmp(toks[j], "{"))
			depth++;
		else if (!strcmp(toks[j], ")") || !strcmp(toks[j], "]") || !strcmp(toks[j], "}"))
			if (--depth == 0)
				return j + 1;
	}
	return -1;
}

/* [*b, *e) without brackets around all of it and without a leading cast
 * '(T)' (a group followed by more tokens, holding no parameter). */
static void strip(const struct fwd_macro *m, int *b, int *e, bool casts)
{
	for (;;) {
		if (*e - *b >= 2 && !strcmp(m->toks[*b], "(") && group_end(m->toks, *b, *e) == *e) {
			(*b)++, (*e)--;
			continue;
		}
		int g = *e - *b >= 3 && casts && !strcmp(m->toks[*b], "(") ? group_end(m->toks, *b, *e) : -1;
		bool param = false;
		for (int j = *b; g > 0 && j < g; j++)
			for (int k = 0; k < m->nparams; k++)
				param |= !strcmp(m->toks[j], m->params[k]);
		if (g > 0 && g < *e && !param) {
			*b = g;
			continue;
		}
		return;
	}
}

static bool is_ident(const char *s)
{
	return (*s == '_' || (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z'));
}

/* Why the macro is no forwarding macro (NULL if it is: callee, and for
 * each parameter the callee's argument it is passed as, in arg). */
static const char *not_forwarding(struct parser *p, const struct fwd_macro *m, const char **callee,
				  int *arg)
{
	if (m->variadic)
		return "a variadic macro";
	for (int i = 0; i < m->ntoks; i++)
		if (!strcmp(m->toks[i], "#") || !strcmp(m->toks[i], "##"))
			return "it stringifies or pastes tokens (# or ##)";
	int b = 0, e = m->ntoks;
	strip(m, &b, &e, false);
	if (e - b < 3 || !is_ident(m->toks[b]) || strcmp(m->toks[b + 1], "(") ||
	    group_end(m->toks, b + 1, e) != e)
		return "its expansion is not one function call (a statement, an expression or "
		       "a constant)";
	*callee = m->toks[b];
	CXCursor *fc = strmap_get(&p->fn_decls, *callee);
	if (!fc)
		return strmap_get(&p->c->fn_macros, *callee)
			       ? xstrfmt("it calls the macro %s (chains of macros are not followed)", *callee)
			       : xstrfmt("it calls %s, which is not a function declared in the input", *callee);
	CXType ft = clang_getCursorType(*fc);
	int nargs = clang_getNumArgTypes(ft);
	for (int k = 0; k < m->nparams; k++) {
		arg[k] = -1;
		int uses = 0;
		for (int i = 0; i < m->ntoks; i++)
			uses += !strcmp(m->toks[i], m->params[k]);
		if (uses != 1)
			return xstrfmt("its parameter %s is used %s", m->params[k],
				       uses ? "more than once" : "nowhere");
	}
	int a = 0, s = b + 2;
	for (int i = b + 2; i < e; i++) {
		int g = strcmp(m->toks[i], "(") && strcmp(m->toks[i], "[") && strcmp(m->toks[i], "{")
				? -1 : group_end(m->toks, i, e);
		if (g > 0) {
			i = g - 1;
			continue;
		}
		if (strcmp(m->toks[i], ",") && i != e - 1)
			continue;
		int ab = s, ae = i;
		strip(m, &ab, &ae, true);
		for (int k = 0; k < m->nparams && ae - ab == 1; k++)
			if (!strcmp(m->toks[ab], m->params[k]))
				arg[k] = a;
		a++, s = i + 1;
	}
	for (int k = 0; k < m->nparams; k++) {
		if (arg[k] < 0)
			return xstrfmt("its parameter %s is not passed as a whole argument of %s",
				       m->params[k], *callee);
		if (arg[k] >= nargs)
			return xstrfmt("its parameter %s is passed to the variadic part of %s",
				       m->params[k], *callee);
	}
	return NULL;
}

/* The macro as a function item at the callee's types. */
static struct item *forwarding_item(struct parser *p, const struct fwd_macro *m,
				    const char *callee, const int *arg)
{
	CXCursor fc = *(CXCursor *)strmap_get(&p->fn_decls, callee);
	CXType ft = clang_getCursorType(fc);
	struct type *cft = conv_type(p, ft, fc);
	if (cft->kind != TY_FUNC || cft->abi_why)
		return NULL;
	struct item *it = new_item(p, IT_FUNC, m->cur);
	it->order = m->order;
	it->cname = it->name = m->name;
	it->doc = doc_of(p, m->cur);
	struct type *t = xcalloc(1, sizeof *t);
	*t = *cft;
	t->variadic = false;
	t->nparams = m->nparams;
	t->params = xcalloc(m->nparams + 1, sizeof *t->params);
	it->c_params = xcalloc(m->nparams + 1, sizeof *it->c_params);
	it->c_param_names = xcalloc(m->nparams + 1, sizeof *it->c_param_names);
	it->c_ret = wrapper_spelling(clang_getResultType(ft));
	for (int k = 0; k < m->nparams; k++) {
		t->params[k] = cft->params[arg[k]];
		t->params[k].name = m->params[k];
		it->c_params[k] = wrapper_spelling(clang_getArgType(ft, arg[k]));
		it->c_param_names[k] = m->params[k];
		if (!it->c_params[k])
			it->c_ret = NULL;
	}
	it->type = t;
	it->wrap = WRAP_MACRO;
	it->macro_is_fn = true;
	it->fwd_callee = callee;
	if (!it->c_ret) {
		p->c->items.n--; /* new_item pushed it last */
		return NULL;
	}
	return it;
}

/* The prototype a wrapped macro has ('int deflateInit(z_streamp strm, int level)'). */
char *fwd_prototype(const struct item *it)
{
	struct buf b = {0};
	buf_printf(&b, "%s%s%s(", it->c_ret, it->c_ret[strlen(it->c_ret) - 1] == '*' ? "" : " ",
		   it->cname);
	for (int k = 0; k < it->type->nparams; k++)
		buf_printf(&b, "%s%s%s%s", k ? ", " : "", it->c_params[k],
			   it->c_params[k][strlen(it->c_params[k]) - 1] == '*' ? "" : " ",
			   it->c_param_names[k]);
	buf_puts(&b, it->type->nparams ? ")" : "void)");
	return b.p;
}

/* Candidates for a const fn: no #/##, not variadic (not_forwarding's
 * first two reasons). */
static bool constfn_candidate(const struct fwd_macro *m, const char **why)
{
	if (m->variadic || m->nparams > 32)
		return false;
	/* brackets that do not pair up would break the unit's next lines */
	int depth[3] = {0};
	static const char *const open[] = {"(", "[", "{"}, *const close[] = {")", "]", "}"};
	for (int i = 0; i < m->ntoks; i++) {
		if (!strcmp(m->toks[i], "#") || !strcmp(m->toks[i], "##"))
			return false;
		if (!strcmp(m->toks[i], "::")) {
			*why = "it has '::', which C has no operator for";
			return false; /* and libclang 19 hangs on '(::' */
		}
		for (int k = 0; k < 3; k++) {
			depth[k] += !strcmp(m->toks[i], open[k]);
			if (!strcmp(m->toks[i], close[k]) && --depth[k] < 0) {
				*why = "its brackets do not pair up";
				return false;
			}
		}
	}
	if (depth[0] || depth[1] || depth[2]) {
		*why = "its brackets do not pair up";
		return false;
	}
	return true;
}

void fwd_infer(struct parser *p)
{
	const struct options *o = p->c->opt;
	struct fwd_macro **cands = xcalloc(p->fwd_macros.n + 1, sizeof *cands);
	const char **whys = xcalloc(p->fwd_macros.n + 1, sizeof *whys);
	int ncands = 0;
	for (int i = 0; i < p->fwd_macros.n; i++) {
		struct fwd_macro *m = p->fwd_macros.v[i];
		if (strmap_get(&p->wrapped, m->name))
			continue; /* the user's --wrap-macro prototype */
		if (strmap_get(&p->colon_names, m->name)) {
			skip_push(&p->c->skipped, m->name,
				  "function-like macro that is or expands to a '::' token: C has no "
				  "operator for it; not wrapped (libclang 19 never returns from '(::')");
			continue;
		}
		const char *callee = NULL;
		int *arg = xcalloc(m->nparams + 1, sizeof *arg);
		const char *why = not_forwarding(p, m, &callee, arg);
		struct item *it = why ? NULL : forwarding_item(p, m, callee, arg);
		if (!why && !it)
			why = xstrfmt("%s's types have no C spelling or no Rust ABI", callee);
		if (why && o->wrap_fn_macros && constfn_candidate(m, &why)) {
			cands[ncands] = m; /* an integer expression, maybe */
			whys[ncands++] = why;
		} else if (why) {
			skip_push(&p->c->skipped, m->name,
				  xstrfmt("function-like macro, not wrapped: %s (--wrap-macro PROTOTYPE "
					  "wraps it at the types you give)", why));
		} else if (!o->wrap_fn_macros) {
			p->c->items.n--; /* told about, not wrapped */
			skip_push(&p->c->skipped, m->name,
				  xstrfmt("function-like macro forwarding to %s: not emitted; "
					  "--wrap-fn-macros wraps it as '%s', as does --wrap-macro '%s;'",
					  callee, fwd_prototype(it), fwd_prototype(it)));
		}
		free(arg);
	}
	if (ncands)
		constfn_infer(p, cands, whys, ncands);
	free(cands);
	free(whys);
}
