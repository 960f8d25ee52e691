/* options_list.c — the list files of the command line: --wrap-list,
 * --wrap-macros-file and --const-list, one entry per line, with '# '
 * comments and #if/#ifdef/#ifndef/#elif/#else/#endif sections (each
 * line's condition, decided later by clang in the wrap unit). */
#include "h2rs.h"

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The #if sections of a --wrap-list / --wrap-macros-file: the condition of
 * each open section's branch, and of the branches before it. */
struct wrap_section {
	char *branch;  /* the C condition of the branch being read */
	char *own;     /* the branch's own #if / #elif condition (NULL for #else) */
	char *before;  /* "!(A) && !(B)": none of the branches before it held ("" for
			* none before it) */
};

struct wrap_reader {
	struct options *o;
	const char *opt, *path;
	int line;                      /* the line being read (1-based) */
	struct wrap_section stack[16]; /* open sections, innermost last */
	int depth;                     /* sections open */
	int cond;                      /* 1 + index in o->wrap_conds of the lines' condition */
};

/* The condition of the lines now read: every open section's branch. */
static void settle_cond(struct wrap_reader *r)
{
	if (!r->depth) {
		r->cond = 0;
		return;
	}
	struct buf b = {0};
	for (int i = 0; i < r->depth; i++)
		buf_printf(&b, "%s(%s)", i ? " && " : "", r->stack[i].branch);
	vec_push(&r->o->wrap_conds, b.p);
	r->cond = r->o->wrap_conds.n;
}

static bool word_is(const char *s, size_t n, const char *w)
{
	return n == strlen(w) && !strncmp(s, w, n);
}

/* One identifier, the operand of #ifdef / #ifndef. */
static const char *ident_arg(struct wrap_reader *r, const char *s, const char *dir)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
	if (!n || isdigit((unsigned char)*s) || s[n + strspn(s + n, " \t")])
		error("%s: %s:%d: '#%s' needs one macro name", r->opt, r->path, r->line, dir);
	return xstrfmt("%.*s", (int)n, s);
}

/* A line '#if EXPR', '#ifdef NAME', '#ifndef NAME', '#elif EXPR', '#else'
 * or '#endif' (no space after '#'; '# text' is a comment): true if it was
 * one. The section's lines are wrapped only where the condition holds. */
static bool wrap_directive(struct wrap_reader *r, const char *s)
{
	if (*s != '#' || !isalpha((unsigned char)s[1]))
		return false;
	s++;
	size_t n = strcspn(s, " \t");
	const char *arg = s + n + strspn(s + n, " \t");
	char *cut = strstr(arg, "//");
	char *a = cut ? xstrfmt("%.*s", (int)(cut - arg), arg) : xstrdup(arg);
	for (size_t m = strlen(a); m && isspace((unsigned char)a[m - 1]);)
		a[--m] = 0;
	struct wrap_section *top = r->depth ? &r->stack[r->depth - 1] : NULL;
	bool open = word_is(s, n, "if") || word_is(s, n, "ifdef") || word_is(s, n, "ifndef");
	if (open && r->depth == (int)(sizeof r->stack / sizeof r->stack[0]))
		error("%s: %s:%d: #if sections nested too deep", r->opt, r->path, r->line);
	if (!open && !top && (word_is(s, n, "elif") || word_is(s, n, "else") ||
			      word_is(s, n, "endif")))
		error("%s: %s:%d: '#%.*s' without #if", r->opt, r->path, r->line, (int)n, s);
	if (word_is(s, n, "if") || word_is(s, n, "elif")) {
		if (!*a)
			error("%s: %s:%d: '#%.*s' needs a condition", r->opt, r->path, r->line,
			      (int)n, s);
	}
	if (open) {
		top = &r->stack[r->depth++];
		top->before = "";
		top->own = word_is(s, n, "if")      ? a
			   : word_is(s, n, "ifdef") ? xstrfmt("defined(%s)", ident_arg(r, a, "ifdef"))
						    : xstrfmt("!defined(%s)", ident_arg(r, a, "ifndef"));
		top->branch = top->own;
	} else if (word_is(s, n, "elif") || word_is(s, n, "else")) {
		if (!top->own)
			error("%s: %s:%d: '#%.*s' after #else", r->opt, r->path, r->line, (int)n, s);
		top->before = *top->before ? xstrfmt("%s && !(%s)", top->before, top->own)
					   : xstrfmt("!(%s)", top->own);
		top->own = word_is(s, n, "elif") ? a : NULL;
		top->branch = top->own ? xstrfmt("%s && (%s)", top->before, top->own) : top->before;
	} else if (word_is(s, n, "endif")) {
		r->depth--;
	} else {
		error("%s: %s:%d: unknown directive '#%.*s' (expected #if, #ifdef, #ifndef, #elif, "
		      "#else or #endif; '# ' starts a comment)", r->opt, r->path, r->line, (int)n, s);
	}
	settle_cond(r);
	return true;
}

/* A --wrap-list name: listed once; under two conditions, under either. */
static void add_wrap_name(struct wrap_reader *r, const char *s)
{
	struct options *o = r->o;
	if (s[strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")])
		error("%s: %s:%d: '%s' is neither a function name nor a prototype", r->opt,
		      r->path, r->line, s);
	intptr_t had = (intptr_t)strmap_get(&o->wrap_only_cond, s);
	if (!strmap_get(&o->wrap_only, s)) {
		char *k = xstrdup(s);
		strmap_put(&o->wrap_only, k, k);
		vec_push(&o->wrap_only_names, k);
		o->n_wrap_only++;
		if (r->cond)
			strmap_put(&o->wrap_only_cond, k, (void *)(intptr_t)r->cond);
	} else if (had && had != r->cond) {
		if (r->cond)
			vec_push(&o->wrap_conds, xstrfmt("(%s) || (%s)",
							 (char *)o->wrap_conds.v[had - 1],
							 (char *)o->wrap_conds.v[r->cond - 1]));
		strmap_put(&o->wrap_only_cond, s,
			   (void *)(intptr_t)(r->cond ? o->wrap_conds.n : 0));
	}
}

/* A --const-list line: 'TYPE NAME;' or 'TYPE NAME = EXPR;'. */
static void add_const_line(struct wrap_reader *r, const char *s)
{
	char *line = xstrdup(s), *expr = NULL;
	size_t n = strlen(line);
	while (n && (line[n - 1] == ';' || isspace((unsigned char)line[n - 1])))
		line[--n] = 0;
	char *eq = strchr(line, '=');
	if (eq) {
		*eq = 0;
		expr = xstrdup(eq + 1 + strspn(eq + 1, " \t"));
	}
	n = strlen(line);
	while (n && isspace((unsigned char)line[n - 1]))
		line[--n] = 0;
	size_t id = n;
	while (id && (isalnum((unsigned char)line[id - 1]) || line[id - 1] == '_'))
		id--;
	const char *type = line + strspn(line, " \t");
	if (id == n || isdigit((unsigned char)line[id]) || type >= line + id || (expr && !*expr))
		error("%s: %s:%d: '%s': expected 'TYPE NAME;' or 'TYPE NAME = EXPRESSION;'", r->opt,
		      r->path, r->line, s);
	struct const_line *c = xcalloc(1, sizeof *c);
	c->name = xstrdup(line + id);
	line[id] = 0;
	c->type = xstrdup(type);
	for (size_t m = strlen(c->type); m && isspace((unsigned char)c->type[m - 1]);)
		c->type[--m] = 0;
	c->expr = expr ? expr : c->name;
	c->cond = r->cond;
	for (int i = 0; i < r->o->const_lines.n; i++)
		if (!strcmp(((struct const_line *)r->o->const_lines.v[i])->name, c->name))
			error("%s: %s:%d: '%s' is listed twice", r->opt, r->path, r->line, c->name);
	vec_push(&r->o->const_lines, c);
	free(line);
}

/* One C prototype per line; blank lines and '# ' comments are skipped, and
 * '#if'/'#ifdef'/'#ifndef'/'#elif'/'#else'/'#endif' lines make sections
 * (wrap_directive). With names (--wrap-list), a line without '(' is the
 * name of a static inline function to wrap. */
void read_wrap_file(struct options *o, const char *opt, const char *path, bool names,
		    bool consts)
{
	FILE *f = fopen(path, "r");
	if (!f)
		error("%s: cannot read '%s': %s", opt, path, strerror(errno));
	struct wrap_reader r = {.o = o, .opt = opt, .path = path};
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, f)) > 0) {
		r.line++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' '))
			line[--n] = 0;
		const char *s = line + strspn(line, " \t");
		if (!*s || wrap_directive(&r, s) || *s == '#')
			continue;
		if (consts) {
			add_const_line(&r, s);
			continue;
		}
		if (names && !strchr(s, '(')) {
			add_wrap_name(&r, s);
			continue;
		}
		while (o->wrap_macro_cond.n < o->wrap_macros.n)
			vec_push(&o->wrap_macro_cond, NULL);
		vec_push(&o->wrap_macros, xstrdup(s));
		vec_push(&o->wrap_macro_cond, (void *)(intptr_t)r.cond);
	}
	free(line);
	fclose(f);
	if (r.depth)
		error("%s: %s: #if without #endif at the end of the file", opt, path);
}

