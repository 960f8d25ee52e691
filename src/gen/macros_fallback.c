/* macros_fallback.c — --clang-macro-fallback under bindgen's rules: the
 * integer macros clang evaluates after the header (bindgen's
 * parse_macro_clang_fallback), and those the rules then take. */
#include "macros.h"

#include <clang-c/Index.h>
#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- --clang-macro-fallback (bindgen's rules only) ----
 *
 * bindgen's parse_macro (ir/var.rs): a macro its cexpr evaluator cannot
 * read goes to parse_macro_clang_fallback, which reparses a unit holding
 * the headers (a precompiled header) and "int main() { NAME; }", and keeps
 * what clang_Cursor_Evaluate gives for the first statement if it is an
 * integer (EvalResult::as_int: an unsigned value above i64::MAX is
 * dropped), typed as cexpr's integers are (default_macro_constant_type).
 * The macro is then known to cexpr, so a later macro built from it is
 * evaluated by the rules. Here every such macro gets a function of its own
 * in one unit that includes the header; the macros the rules take once the
 * fallback's values are known are evaluated by eval_bindgen, with those
 * values as literals. */

struct fallback_run {
	struct ctx *c;
	struct fallback_macro **v; /* the candidates, in order */
	int n;
	bool *ok;                  /* candidate i: the fallback gave an integer */
	int64_t *val;              /* its value */
};

/* EvalResult::new's guard: a type reference to an unexposed type. */
static enum CXChildVisitResult unexposed_ref(CXCursor c, CXCursor parent, CXClientData d)
{
	if (clang_getCursorKind(c) == CXCursor_TypeRef &&
	    clang_getCanonicalType(clang_getCursorType(c)).kind == CXType_Unexposed) {
		*(bool *)d = true;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Recurse;
}

/* The first statement of __h2rs_fbN's body, evaluated as bindgen does. */
static void fallback_eval(struct fallback_run *r, CXCursor fn, int i)
{
	CXCursor body = clang_getNullCursor(), stmt = clang_getNullCursor();
	clang_visitChildren(fn, macros_first_child, &body);
	if (clang_Cursor_isNull(body) || clang_getCursorKind(body) != CXCursor_CompoundStmt)
		return;
	clang_visitChildren(body, macros_first_child, &stmt);
	bool bad = false;
	if (clang_Cursor_isNull(stmt))
		return;
	clang_visitChildren(stmt, unexposed_ref, &bad);
	CXEvalResult ev = bad ? NULL : clang_Cursor_Evaluate(stmt);
	if (!ev)
		return;
	if (clang_EvalResult_getKind(ev) == CXEval_Int) {
		if (!clang_EvalResult_isUnsignedInt(ev)) {
			r->ok[i] = true;
			r->val[i] = clang_EvalResult_getAsLongLong(ev);
		} else if (clang_EvalResult_getAsUnsigned(ev) <= INT64_MAX) {
			r->ok[i] = true;
			r->val[i] = (int64_t)clang_EvalResult_getAsUnsigned(ev);
		}
	}
	clang_EvalResult_dispose(ev);
}

static enum CXChildVisitResult fallback_child(CXCursor cur, CXCursor parent, CXClientData d)
{
	struct fallback_run *r = d;
	if (clang_getCursorKind(cur) != CXCursor_FunctionDecl)
		return CXChildVisit_Continue;
	CXString sp = clang_getCursorSpelling(cur);
	int i = -1;
	sscanf(clang_getCString(sp), "__h2rs_fb%d", &i);
	clang_disposeString(sp);
	if (i >= 0 && i < r->n)
		fallback_eval(r, cur, i);
	return CXChildVisit_Continue;
}

/* The header, then "void __h2rs_fbN(void) { NAME; }" per candidate. */
static void fallback_unit(struct fallback_run *r)
{
	struct ctx *c = r->c;
	struct buf src = {0};
	char *hdr = realpath(c->opt->header, NULL);
	buf_printf(&src, "#include \"%s\"\n", hdr ? hdr : c->opt->header);
	free(hdr);
	for (int i = 0; i < r->n; i++)
		if (!r->v[i]->unbalanced && !r->v[i]->colons)
			buf_printf(&src, "void __h2rs_fb%d(void) { %s; }\n", i, r->v[i]->name);
	struct vec args = {0};
	for (int i = 0; i < c->clang_args.n; i++)
		vec_push(&args, c->clang_args.v[i]);
	vec_push(&args, "-w");
	vec_push(&args, "-ferror-limit=0");
	if (getenv("H2RS_DUMP_MACROS")) {
		char *dump = xstrfmt("%s.fallback.c", getenv("H2RS_DUMP_MACROS"));
		write_file_atomic(dump, src.p, src.len);
		free(dump);
	}
	CXIndex index = clang_createIndex(0, 0);
	struct CXUnsavedFile uf = {"h2rs-fallback.c", src.p, src.len};
	CXTranslationUnit tu = NULL;
	clang_parseTranslationUnit2(index, "h2rs-fallback.c", (const char *const *)args.v, args.n,
				    &uf, 1, CXTranslationUnit_None, &tu);
	if (tu) {
		clang_visitChildren(clang_getTranslationUnitCursor(tu), fallback_child, r);
		clang_disposeTranslationUnit(tu);
	} else {
		warning("--clang-macro-fallback: libclang refused the evaluation unit");
	}
	clang_disposeIndex(index);
	free(args.v);
	buf_free(&src);
}

/* Whether bindgen's rules take candidate m once the macros in known are
 * known (read_macro's rule: literals, operators, known macros, not a
 * string mixed with anything else). known maps a name to a macro_def. */
static bool rules_take(const struct fallback_macro *m, const struct strmap *known)
{
	bool has_str = m->has_str, has_other = m->has_other;
	if (!m->cexpr_shape)
		return false;
	for (int i = 0; i < m->nidents; i++) {
		const struct macro_def *r = strcmp(m->idents[i], m->name) ? strmap_get(known, m->idents[i])
									 : NULL;
		if (!r)
			return false;
		has_str |= r->is_string;
		has_other |= !r->is_string;
	}
	return !(has_str && has_other);
}

/* A macro_def standing for candidate m (its place; body as given). */
static struct macro_def *fallback_def(const struct fallback_macro *m, char *body)
{
	struct macro_def *d = xcalloc(1, sizeof *d);
	d->name = m->name;
	d->body = body;
	d->file = m->file;
	d->line = m->line;
	d->col = m->col;
	d->order = m->order;
	d->single_token = m->ntokens == 1;
	return d;
}

/* The value as a literal of cexpr's type (i64). */
static char *i64_literal(int64_t v)
{
	if (v == INT64_MIN)
		return xstrdup("(-9223372036854775807LL - 1)");
	return v < 0 ? xstrfmt("(%lldLL)", (long long)v) : xstrfmt("%lldLL", (long long)v);
}

/* Put the rules' macros a body names into need, and what they name in
 * turn (a body is tokens joined by spaces). */
static void need_named(const char *body, const struct strmap *defs, struct strmap *need)
{
	for (const char *p = body; *p;) {
		size_t n = strcspn(p, " ");
		if (isalpha((unsigned char)*p) || *p == '_') {
			char *name = xstrfmt("%.*s", (int)n, p);
			struct macro_def *d = strmap_get(defs, name);
			if (d && !strmap_get(need, d->name)) {
				strmap_put(need, d->name, d);
				need_named(d->body, defs, need);
			}
			free(name);
		}
		p += n + (p[n] == ' ');
	}
}

/* The candidates bindgen's rules take given the fallback's values
 * (is_dep), evaluated by eval_bindgen with the rules' macros they need and
 * the fallback's values as literals. */
static void eval_dependents(struct fallback_run *r, const bool *is_dep, struct macro_out *out)
{
	struct ctx tmp = *r->c;
	tmp.macros = (struct vec){0};
	struct strmap defs = {0}, need = {0};
	for (int i = 0; i < r->c->macros.n; i++) {
		struct macro_def *d = r->c->macros.v[i];
		strmap_put(&defs, d->name, d);
	}
	for (int i = 0; i < r->n; i++)
		if (is_dep[i])
			need_named(r->v[i]->body, &defs, &need);
	for (int i = 0; i < r->c->macros.n; i++) {
		struct macro_def *d = r->c->macros.v[i];
		if (strmap_get(&need, d->name) == d) {
			struct macro_def *copy = xmalloc(sizeof *copy);
			*copy = *d;
			copy->referenced = true; /* #defined, not only evaluated */
			vec_push(&tmp.macros, copy);
		}
	}
	struct strmap named = {0};
	for (int i = 0; i < r->n; i++)
		for (int k = 0; is_dep[i] && k < r->v[i]->nidents; k++)
			strmap_put(&named, r->v[i]->idents[k], (void *)1);
	for (int i = 0; i < r->n; i++) {
		struct macro_def *d = NULL;
		if (is_dep[i]) {
			d = fallback_def(r->v[i], r->v[i]->body);
			d->is_string = r->v[i]->has_str;
			d->is_float = r->v[i]->is_float;
			d->referenced = true;
		} else if (r->ok[i] && strmap_get(&named, r->v[i]->name)) {
			d = fallback_def(r->v[i], i64_literal(r->val[i]));
			d->referenced = true;
		}
		if (d)
			vec_push(&tmp.macros, d);
	}
	CXIndex index = clang_createIndex(0, 0);
	macros_eval_bindgen(&tmp, index, out);
	clang_disposeIndex(index);
	strmap_free(&named);
	strmap_free(&defs);
	strmap_free(&need);
}

/* The item for candidate i: the rules' (dependents), else the fallback's. */
static struct item *fallback_item(struct fallback_run *r, int i, const struct strmap *dep_items)
{
	struct item *it = strmap_get(dep_items, r->v[i]->name);
	if (it || !r->ok[i])
		return it;
	struct macro_out o = {0};
	struct macro_def *d = fallback_def(r->v[i], r->v[i]->body);
	int64_t v = r->val[i];
	macros_push_int(&o, d, (uint64_t)v);
	it = o.items.v[0];
	free(o.items.v);
	free(d);
	return it;
}

void macros_fallback(struct ctx *c)
{
	struct strmap known = {0};
	for (int i = 0; i < c->items.n; i++) {
		struct item *it = c->items.v[i];
		if (it->kind == IT_MACRO)
			strmap_put(&known, it->cname, (void *)1);
	}
	/* the first definition of each name the rules left out */
	struct fallback_run r = {.c = c, .v = xcalloc(c->fallback_macros.n + 1, sizeof(void *))};
	struct strmap seen = {0};
	for (int i = 0; i < c->fallback_macros.n; i++) {
		struct fallback_macro *m = c->fallback_macros.v[i];
		if (!strmap_get(&known, m->name) && !strmap_get(&seen, m->name)) {
			strmap_put(&seen, m->name, m);
			r.v[r.n++] = m;
		}
	}
	r.ok = xcalloc(r.n + 1, sizeof *r.ok);
	r.val = xcalloc(r.n + 1, sizeof *r.val);
	if (r.n)
		fallback_unit(&r);
	/* in order, as bindgen meets them: the rules take a macro whose names
	 * are all known, the fallback's values included */
	struct strmap rules = {0};
	for (int i = 0; i < c->macros.n; i++) {
		struct macro_def *d = c->macros.v[i];
		if (strmap_get(&known, d->name))
			strmap_put(&rules, d->name, d);
	}
	bool *is_dep = xcalloc(r.n + 1, sizeof *is_dep);
	bool any_dep = false;
	static const struct macro_def int_value = {.name = ""}, str_value = {.is_string = true};
	for (int i = 0; i < r.n; i++) {
		is_dep[i] = rules_take(r.v[i], &rules);
		any_dep |= is_dep[i];
		if (is_dep[i] || r.ok[i])
			strmap_put(&rules, r.v[i]->name,
				   (void *)(is_dep[i] && r.v[i]->has_str ? &str_value : &int_value));
	}
	struct macro_out dep = {0}, out = {0};
	struct strmap dep_items = {0};
	if (any_dep)
		eval_dependents(&r, is_dep, &dep);
	for (int i = 0; i < dep.items.n; i++) {
		struct item *it = dep.items.v[i];
		for (int k = 0; k < r.n; k++)
			if (is_dep[k] && !strcmp(r.v[k]->name, it->cname))
				strmap_put(&dep_items, it->cname, it);
	}
	for (int i = 0; i < r.n; i++) {
		struct item *it = fallback_item(&r, i, &dep_items);
		if (it)
			vec_push(&out.items, it);
		else
			skip_push(&out.skipped, r.v[i]->name,
				  r.v[i]->unbalanced ? "--clang-macro-fallback: its brackets do not pair up"
				  : r.v[i]->colons ? "--clang-macro-fallback: it has '::', which C has no "
						     "operator for"
						     : "--clang-macro-fallback: clang does not evaluate it to "
						       "an integer in i64's range");
	}
	macros_add_out(c, &out);
	free(dep.items.v);
	free(dep.skipped.v);
	strmap_free(&known);
	strmap_free(&seen);
	strmap_free(&rules);
	strmap_free(&dep_items);
	free(r.v);
	free(r.ok);
	free(r.val);
	free(is_dep);
}
