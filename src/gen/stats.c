/* --stats: one table on stderr at the end of a run. What was emitted, by
 * kind; which records are opaque, and why; what was skipped, by reason;
 * and the macro figures. The reasons are the ones --verbose prints one by
 * one, grouped: the parts that name one declaration (a location, a quoted
 * name, clang's own words, a number) are left out of the group's key. */
#include "h2rs.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One row of a group: a reason and how often it was given. */
struct stat_row {
	char *key;  /* the reason without its specifics */
	int count;  /* how many declarations gave it */
};

struct stat_group {
	struct stat_row *v; /* rows, in the order first seen */
	int n, cap;         /* rows used, allocated */
	int total;          /* sum of the counts */
};

/* The reason WHY without what names one declaration: cut at " at
 * FILE:LINE" or " (clang: " (clang's message follows), a quoted
 * 'name' as '…', the enum in "enumerator of NAME;" left out, and numbers
 * (digit runs not part of a word) as N. */
static char *reason_key(const char *why)
{
	struct buf b = {0};
	const char *end = why + strlen(why);
	const char *q = strstr(why, " (clang: ");
	if (q)
		end = q;
	/* " at FILE:LINE": a word with a colon after " at " */
	for (q = strstr(why, " at "); q && q < end; q = strstr(q + 1, " at ")) {
		size_t w = strcspn(q + 4, " ");
		if (memchr(q + 4, ':', w)) {
			end = q;
			break;
		}
	}
	for (const char *s = why; s < end; s++) {
		if (*s == '\'') {
			const char *q = memchr(s + 1, '\'', (size_t)(end - s - 1));
			if (q) {
				buf_puts(&b, "'…'");
				s = q;
				continue;
			}
		}
		if (!strncmp(s, "enumerator of ", 14) && memchr(s, ';', (size_t)(end - s))) {
			buf_puts(&b, "enumerator of an anonymous or clashing enum");
			s = memchr(s, ';', (size_t)(end - s)) - 1;
			continue;
		}
		if (*s >= '0' && *s <= '9' && (s == why || !isalnum((unsigned char)s[-1]))) {
			while (s + 1 < end && s[1] >= '0' && s[1] <= '9')
				s++;
			buf_putc(&b, 'N');
			continue;
		}
		buf_putc(&b, *s);
	}
	char *k = xstrdup(buf_str(&b));
	buf_free(&b);
	return k;
}

static void group_add(struct stat_group *g, const char *why)
{
	char *k = reason_key(why);
	g->total++;
	for (int i = 0; i < g->n; i++)
		if (!strcmp(g->v[i].key, k)) {
			g->v[i].count++;
			free(k);
			return;
		}
	if (g->n == g->cap) {
		g->cap = g->cap ? 2 * g->cap : 16;
		g->v = realloc(g->v, (size_t)g->cap * sizeof *g->v);
		if (!g->v)
			error("out of memory");
	}
	g->v[g->n++] = (struct stat_row){k, 1};
}

/* The table's lines, kept until all are known so that the numbers can
 * stand in one column after the longest label. */
struct table {
	struct { int indent; const char *label; int n; bool plain; } *v;
	int len, cap;
};

static void row(struct table *t, int indent, const char *label, int n)
{
	if (t->len == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 32;
		t->v = realloc(t->v, (size_t)t->cap * sizeof *t->v);
		if (!t->v)
			error("out of memory");
	}
	t->v[t->len].indent = indent;
	t->v[t->len].label = label;
	t->v[t->len].n = n;
	t->v[t->len].plain = n < 0;
	t->len++;
}

static void table_print(struct buf *b, const struct table *t)
{
	int w = 0;
	for (int i = 0; i < t->len; i++) {
		int l = t->v[i].indent + (int)strlen(t->v[i].label);
		w = l > w ? l : w;
	}
	for (int i = 0; i < t->len; i++) {
		int pad = w - t->v[i].indent;
		if (t->v[i].plain)
			buf_printf(b, "%*s%s\n", t->v[i].indent, "", t->v[i].label);
		else
			buf_printf(b, "%*s%-*s %7d\n", t->v[i].indent, "", pad, t->v[i].label, t->v[i].n);
	}
}

static void group_print(struct table *b, const char *title, struct stat_group *g)
{
	/* most frequent first, ties in first-seen order (an insertion sort:
	 * stable, and groups are short) */
	struct stat_row *sorted = xmalloc((size_t)(g->n ? g->n : 1) * sizeof *sorted);
	if (g->n)
		memcpy(sorted, g->v, (size_t)g->n * sizeof *sorted);
	for (int i = 1; i < g->n; i++) {
		struct stat_row r = sorted[i];
		int j = i;
		while (j > 0 && sorted[j - 1].count < r.count) {
			sorted[j] = sorted[j - 1];
			j--;
		}
		sorted[j] = r;
	}
	row(b, 2, title, g->total);
	for (int i = 0; i < g->n; i++)
		row(b, 4, sorted[i].key, sorted[i].count);
	free(sorted); /* the keys stay with g */
}

void stats_report(const struct ctx *c)
{
	enum { S_STRUCT, S_UNION, S_ENUM, S_TYPEDEF, S_FUNC, S_WRAPPER, S_VAR, S_MACRO, S_N };
	static const char *const label[S_N] = {
		"structs", "unions", "enums", "type aliases", "functions",
		"  of them through generated C wrappers", "variables", "macro constants"};
	int n[S_N] = {0}, emitted = 0, macros_emitted = 0, macros_dropped = 0;
	struct stat_group opaque = {0}, skipped = {0};
	for (int i = 0; i < c->items.n; i++) {
		const struct item *it = c->items.v[i];
		if (it->kind == IT_MACRO) {
			macros_emitted += it->emit;
			macros_dropped += !it->emit;
		}
		if (!it->emit || !generated(c->opt, it))
			continue;
		emitted++;
		switch (it->kind) {
		case IT_RECORD:
			n[it->is_union ? S_UNION : S_STRUCT]++;
			if (it->opaque)
				group_add(&opaque, it->opaque_reason ? it->opaque_reason
								     : "--opaque-type or an opaque annotation");
			break;
		case IT_ENUM: n[S_ENUM]++; break;
		case IT_TYPEDEF: n[S_TYPEDEF]++; break;
		case IT_FUNC:
			n[S_FUNC]++;
			n[S_WRAPPER] += it->wrap != WRAP_NONE;
			break;
		case IT_VAR: n[S_VAR]++; break;
		case IT_MACRO: n[S_MACRO]++; break;
		}
	}
	for (int i = 0; i < c->skipped.n; i++)
		group_add(&skipped, c->skipped.v[i].why);
	struct table t = {0};
	row(&t, 2, "items emitted", emitted);
	for (int k = 0; k < S_N; k++)
		row(&t, 4, label[k], n[k]);
	group_print(&t, "opaque records (emitted as blobs of the right size)", &opaque);
	group_print(&t, "skipped declarations and macros, by reason", &skipped);
	row(&t, 2, c->opt->macros_full ? "macros (full rules)" : "macros (bindgen rules)", -1);
	row(&t, 4, "object-like macros with a body", c->n_obj_macros);
	row(&t, 4, "emitted as constants", macros_emitted);
	row(&t, 4, "not constant expressions under these rules", c->n_macro_not_const);
	row(&t, 4, "constant, but not emitted", c->n_macro_const_lost + macros_dropped);
	struct buf b = {0};
	buf_printf(&b, "h2rs: statistics for %s\n", c->opt->header ? c->opt->header : "-");
	table_print(&b, &t);
	fwrite(b.p, 1, b.len, stderr);
	buf_free(&b);
	free(t.v);
	for (int i = 0; i < opaque.n; i++)
		free(opaque.v[i].key);
	for (int i = 0; i < skipped.n; i++)
		free(skipped.v[i].key);
	free(opaque.v);
	free(skipped.v);
}
