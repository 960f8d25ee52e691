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

void wrap_macro_source(const struct options *o, struct buf *b, struct strmap *names,
			      struct strmap *exprs)
{
	char *hdr = realpath(o->header, NULL);
	buf_printf(b, "#include \"%s\"\n", hdr ? hdr : o->header);
	free(hdr);
	for (int i = 0; i < o->wrap_macros.n; i++) {
		char *expr;
		const char *proto = split_wrap_expr(o->wrap_macros.v[i], &expr);
		char *name = prototype_name(proto);
		const char *seen = strmap_get(names, name);
		if (seen && !strcmp(seen, o->wrap_macros.v[i])) {
			free(name);
			continue; /* the same line twice */
		}
		if (seen)
			error("--wrap-macro: two prototypes name '%s' ('%s' and '%s'); a macro wrapped "
			      "at several types needs a helper name for each, e.g. 'void NAME(T x) = "
			      "%s(x);'", name, seen, (const char *)o->wrap_macros.v[i], name);
		strmap_put(names, xstrdup(name), o->wrap_macros.v[i]);
		if (expr)
			strmap_put(exprs, xstrdup(name), expr);
		/* a plain prototype declares the macro's function only where the
		 * macro exists: a name that is a function in this configuration
		 * (inline or out of line) is wrapped as that function */
		size_t n = strlen(proto);
		const char *semi = n && proto[n - 1] == ';' ? "" : ";";
		if (!expr)
			buf_printf(b, "#ifdef %s\n", name);
		buf_printf(b, "#pragma push_macro(\"%s\")\n#undef %s\n%s%s\n#pragma pop_macro(\"%s\")\n",
			   name, name, proto, semi, name);
		/* not a macro here: the prototype is still checked by clang, under
		 * a name of its own (read_function passes it over) */
		if (!expr)
			buf_printf(b, "#else\n#define %s " WRAP_CHECK_PREFIX "%s\n%s%s\n#undef %s\n#endif\n",
				   name, name, proto, semi, name);
		free(name);
	}
}

/* --wrap-list and --wrap-macro: a listed name or prototype that gets no
 * wrapper is said, not passed over. */
void check_wrap_list(struct parser *p)
{
	struct ctx *c = p->c;
	const struct options *o = c->opt;
	if (!o->n_wrap_only && !p->wrapped.n)
		return;
	struct strmap wrapped = {0};
	for (int i = 0; i < c->items.n; i++) {
		const struct item *it = c->items.v[i];
		if (it->kind == IT_FUNC && it->wrap)
			strmap_put(&wrapped, it->cname, (void *)it);
	}
	for (int i = 0; i < o->wrap_only_names.n; i++) {
		const char *n = o->wrap_only_names.v[i];
		if (!strmap_get(&wrapped, n))
			warning("--wrap-list: '%s' is not a static function of the input (or it cannot "
				"be wrapped: --explain %s says why); no wrapper for it", n, n);
	}
	for (size_t i = 0; i < p->wrapped.cap; i++) {
		const char *n = p->wrapped.slots[i].key;
		if (n && !strmap_get(&wrapped, n))
			warning("--wrap-macro: '%s' is neither a macro nor a function of the input (or "
				"it cannot be wrapped: --explain %s says why); no wrapper for it", n, n);
	}
	strmap_free(&wrapped);
}

