/* parse_wrap.c — the parser's side of the wrappers: the unit that puts
 * the --wrap-macro / --wrap-list prototypes after the header (each with its
 * macro switched off, so that it declares a function), and the check that
 * every listed name got a wrapper. */
#include "parse.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static bool attribute_word(const char *s, size_t n)
{
	static const char *const words[] = {"__attribute__", "__attribute", "__declspec",
					    "_Alignas", "asm", "__asm__", "__asm"};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strlen(words[i]) == n && !strncmp(s, words[i], n))
			return true;
	return false;
}

/* The name a prototype declares: the identifier before its last
 * top-level '(' that does not open an attribute (so a macro that expands
 * to one before the name, as the kernel's __realloc_size(2), is passed
 * over, and so is a trailing __attribute__((...))). */
static char *prototype_name(const char *proto)
{
	int depth = 0;
	const char *best = NULL;
	size_t best_n = 0;
	for (const char *q = proto; *q; q++) {
		if (*q == ')')
			depth--;
		if (*q != '(' || depth++)
			continue;
		const char *e = q;
		while (e > proto && isspace((unsigned char)e[-1]))
			e--;
		const char *s = e;
		while (s > proto && (isalnum((unsigned char)s[-1]) || s[-1] == '_'))
			s--;
		if (s < e && !isdigit((unsigned char)*s) && !attribute_word(s, (size_t)(e - s))) {
			best = s;
			best_n = (size_t)(e - s);
		}
	}
	if (!best)
		error("--wrap-macro: cannot find the macro name in '%s' (expected a C prototype "
		      "such as 'int f(int a);')", proto);
	return xstrfmt("%.*s", (int)best_n, best);
}

/* 'PROTOTYPE = EXPR;' (a helper named by the prototype that evaluates
 * EXPR, one macro at several types): the prototype as its own string, and
 * EXPR (trimmed, without the ';') in *expr; NULL there for a plain
 * prototype. The '=' is the first one outside brackets: a prototype has
 * none of its own there. */
static char *split_wrap_expr(const char *proto, char **expr)
{
	int depth = 0;
	*expr = NULL;
	for (const char *q = proto; *q; q++) {
		if (*q == '(' || *q == '[')
			depth++;
		else if ((*q == ')' || *q == ']') && depth)
			depth--;
		else if (*q == '=' && !depth) {
			const char *e = q + 1 + strspn(q + 1, " \t");
			size_t n = strlen(e);
			while (n && (e[n - 1] == ';' || isspace((unsigned char)e[n - 1])))
				n--;
			if (!n)
				error("--wrap-macro: '%s': nothing after '=' (expected "
				      "'PROTOTYPE = EXPRESSION;')", proto);
			*expr = xstrfmt("%.*s", (int)n, e);
			return xstrfmt("%.*s", (int)(q - proto), proto);
		}
	}
	return xstrdup(proto);
}

static intptr_t macro_cond(const struct options *o, int i)
{
	return i < o->wrap_macro_cond.n ? (intptr_t)o->wrap_macro_cond.v[i] : 0;
}

/* One prototype line of the unit, under its #if section's condition. */
static void wrap_prototype(struct parser *p, struct buf *b, int i)
{
	const struct options *o = p->c->opt;
	char *expr;
	const char *line = o->wrap_macros.v[i];
	const char *proto = split_wrap_expr(line, &expr);
	char *name = prototype_name(proto);
	const char *seen = strmap_get(&p->wrapped, name);
	if (seen && !strcmp(seen, line)) {
		free(name);
		return; /* the same line twice */
	}
	if (seen)
		error("--wrap-macro: two prototypes name '%s' ('%s' and '%s'); a macro wrapped "
		      "at several types needs a helper name for each, e.g. 'void NAME(T x) = "
		      "%s(x);'", name, seen, line, name);
	strmap_put(&p->wrapped, xstrdup(name), (void *)line);
	if (expr)
		strmap_put(&p->wrap_exprs, xstrdup(name), expr);
	intptr_t cond = macro_cond(o, i);
	if (cond) {
		strmap_put(&p->wrap_cond, xstrdup(name), (void *)cond);
		buf_printf(b, "#if %s\n", (const char *)o->wrap_conds.v[cond - 1]);
	}
	/* a plain prototype declares the macro's function only where the
	 * macro exists: a name that is a function in this configuration
	 * (inline or out of line) is wrapped as that function */
	size_t n = strlen(proto);
	const char *semi = n && proto[n - 1] == ';' ? "" : ";";
	if (!expr)
		buf_printf(b, "#ifdef %s\n", name);
	buf_printf(b, "#pragma push_macro(\"%s\")\n#undef %s\n", name, name);
	/* under a name of its own, so that a header's function of the name
	 * with other types is no conflict (PROTOTYPE = EXPR; a macro that
	 * names a function as well, '#define readb_relaxed readb_relaxed') */
	buf_printf(b, "#define %s " WRAP_EXPR_PREFIX "%s\n", name, name);
	buf_printf(b, "%s%s\n", proto, semi);
	buf_printf(b, "#undef %s\n", name);
	buf_printf(b, "#pragma pop_macro(\"%s\")\n", name);
	/* not a macro here: the prototype is still checked by clang, under
	 * a name of its own (read_function passes it over) */
	if (!expr)
		buf_printf(b, "#else\n#define %s " WRAP_CHECK_PREFIX "%s\n%s%s\n#undef %s\n#endif\n",
			   name, name, proto, semi, name);
	if (cond)
		buf_puts(b, "#endif\n");
	free(name);
}

void wrap_macro_source(struct parser *p, struct buf *b)
{
	const struct options *o = p->c->opt;
	char *hdr = realpath(o->header, NULL);
	buf_printf(b, "#include \"%s\"\n", hdr ? hdr : o->header);
	free(hdr);
	/* each #if condition of the lists is decided by clang, after the
	 * header (a condition may test the header's own macros) */
	for (int i = 0; i < o->wrap_conds.n; i++)
		buf_printf(b, "#if %s\n#define " WRAP_LIVE_PREFIX "%d\n#endif\n",
			   (const char *)o->wrap_conds.v[i], i);
	p->cond_holds = xcalloc(o->wrap_conds.n + 1, sizeof *p->cond_holds);
	for (size_t i = 0; i < o->wrap_only_cond.cap; i++)
		if (o->wrap_only_cond.slots[i].key)
			strmap_put(&p->wrap_cond, o->wrap_only_cond.slots[i].key,
				   o->wrap_only_cond.slots[i].val);
	for (int i = 0; i < o->wrap_macros.n; i++)
		wrap_prototype(p, b, i);
	/* --const-list: each constant a static const of its type, under a
	 * name of its own (read_var gives it back its name) */
	for (int i = 0; i < o->const_lines.n; i++) {
		const struct const_line *k = o->const_lines.v[i];
		if (k->cond) {
			strmap_put(&p->wrap_cond, k->name, (void *)(intptr_t)k->cond);
			buf_printf(b, "#if %s\n", (const char *)o->wrap_conds.v[k->cond - 1]);
		}
		buf_printf(b, "static const %s " WRAP_CONST_PREFIX "%s = (%s);\n", k->type, k->name,
			   k->expr);
		if (k->cond)
			buf_puts(b, "#endif\n");
	}
}

bool wrap_live_marker(struct parser *p, const char *name)
{
	size_t n = strlen(WRAP_LIVE_PREFIX);
	if (!p->cond_holds || strncmp(name, WRAP_LIVE_PREFIX, n))
		return false;
	int i = atoi(name + n);
	if (i >= 0 && i < p->c->opt->wrap_conds.n)
		p->cond_holds[i] = true;
	return true;
}

const char *wrap_dead(const struct parser *p, const char *name)
{
	intptr_t cond = p->cond_holds ? (intptr_t)strmap_get(&p->wrap_cond, name) : 0;
	if (!cond || p->cond_holds[cond - 1])
		return NULL;
	return p->c->opt->wrap_conds.v[cond - 1];
}

static bool skipped_before(const struct ctx *c, const char *name)
{
	for (int i = 0; i < c->skipped.n; i++)
		if (!strcmp(c->skipped.v[i].name, name))
			return true;
	return false;
}

/* --wrap-list and --wrap-macro: a listed name or prototype that gets no
 * wrapper is said, not passed over. */
/* A prototype line's helper named as a function of the header (the
 * kernel's memchr, set_bit at the helper's own types; readb_relaxed, a
 * macro and a function of one name on arm64): the line's helper replaces
 * that function's declaration. */
static void drop_replaced(struct ctx *c)
{
	struct strmap helpers = {0};
	for (int i = 0; i < c->items.n; i++) {
		struct item *it = c->items.v[i];
		if (it->kind == IT_FUNC && it->wrap == WRAP_MACRO && !it->fwd_callee)
			strmap_put(&helpers, it->cname, it);
	}
	int n = 0;
	for (int i = 0; i < c->items.n; i++) {
		struct item *it = c->items.v[i];
		struct item *h = it->kind == IT_FUNC ? strmap_get(&helpers, it->cname) : NULL;
		if (h && h != it)
			skip_push(&c->skipped, it->name, "replaced by its 'PROTOTYPE = EXPR;' helper "
							 "(--wrap-list / --wrap-macro)");
		else
			c->items.v[n++] = it;
	}
	c->items.n = n;
	strmap_free(&helpers);
}

/* --const-list: a listed constant replaces the macro of its name (what the
 * kernel's RUST_CONST_HELPER_ constants, their sed and --blocklist-item
 * lines do by hand); a listed name that got no constant is said. */
void check_const_list(struct ctx *c)
{
	const struct options *o = c->opt;
	if (!o->const_lines.n)
		return;
	struct strmap listed = {0};
	for (int i = 0; i < c->items.n; i++) {
		struct item *it = c->items.v[i];
		if (it->kind == IT_VAR && it->from_const_list)
			strmap_put(&listed, it->cname, it);
	}
	int n = 0;
	for (int i = 0; i < c->items.n; i++) {
		struct item *it = c->items.v[i];
		if (it->kind == IT_MACRO && strmap_get(&listed, it->cname))
			skip_push(&c->skipped, it->name, "replaced by its --const-list constant");
		else
			c->items.v[n++] = it;
	}
	c->items.n = n;
	strmap_free(&listed);
}

void check_wrap_list(struct parser *p)
{
	struct ctx *c = p->c;
	const struct options *o = c->opt;
	if (!o->n_wrap_only && !p->wrapped.n)
		return;
	if (p->wrapped.n)
		drop_replaced(c);
	struct strmap wrapped = {0};
	for (int i = 0; i < c->items.n; i++) {
		const struct item *it = c->items.v[i];
		if (it->kind == IT_FUNC && it->wrap)
			strmap_put(&wrapped, it->cname, (void *)it);
	}
	for (int i = 0; i < o->wrap_only_names.n; i++) {
		const char *n = o->wrap_only_names.v[i];
		const char *dead = wrap_dead(p, n);
		if (dead && !strmap_get(&wrapped, n) && !skipped_before(c, n))
			skip_push(&c->skipped, n, xstrfmt("its --wrap-list line is under '#if %s', which does "
							  "not hold here", dead));
		else if (!strmap_get(&wrapped, n) && !dead)
			warning("--wrap-list: '%s' is not a static function of the input (or it cannot "
				"be wrapped: --explain %s says why); no wrapper for it", n, n);
	}
	for (size_t i = 0; i < p->wrapped.cap; i++) {
		const char *n = p->wrapped.slots[i].key;
		const char *dead = n ? wrap_dead(p, n) : NULL;
		if (dead && !strmap_get(&wrapped, n))
			skip_push(&c->skipped, n, xstrfmt("its --wrap-macro line is under '#if %s', which does "
							  "not hold here", dead));
		else if (n && !strmap_get(&wrapped, n))
			warning("--wrap-macro: '%s' is neither a macro nor a function of the input (or "
				"it cannot be wrapped: --explain %s says why); no wrapper for it", n, n);
	}
	strmap_free(&wrapped);
}

