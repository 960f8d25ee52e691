/* postprocess.c — bindgen's post-processing passes
 * (codegen/postprocessing/), run over the finished Rust text when asked:
 * --merge-extern-blocks, then --sort-semantically. bindgen runs them on the
 * syn items of its output (the header comment and --raw-line text are not
 * items); here the items are found in the text, which h2rs writes as
 * rustfmt does: every item starts at column 0, its attributes on the lines
 * above it, its body indented or closed by a line starting with '}', ')', ']' or
 * '>'. */
#include "h2rs.h"

#include <stdlib.h>
#include <string.h>

/* One top-level item: its text, from its first attribute line. */
struct rs_item {
	const char *p;   /* first byte */
	size_t len;      /* bytes, through its last newline */
	size_t head;     /* offset of the line after the attributes (the keyword line) */
	int rank;        /* bindgen's sort_semantically key */
	int order;       /* position in the input, for a stable sort */
};

static bool starts(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/* The sort key sort_semantically.rs gives the syn::Item kind of a
 * keyword line. */
static int item_rank(const char *line)
{
	static const struct {
		const char *kw;
		int rank;
	} kinds[] = {
		{"type ", 0},   {"struct ", 1}, {"const ", 2},       {"fn ", 3},
		{"unsafe fn ", 3}, {"enum ", 4}, {"union ", 5},       {"static ", 6},
		{"trait ", 7},  {"impl", 9},    {"unsafe impl", 9}, {"mod ", 10},
		{"use ", 11},   {"extern crate ", 13}, {"extern \"", 14},
		{"unsafe extern \"", 14}, {"macro_rules!", 15},
	};
	if (starts(line, "pub(crate) "))
		line += strlen("pub(crate) ");
	else if (starts(line, "pub "))
		line += strlen("pub ");
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (starts(line, kinds[i].kw))
			return kinds[i].rank;
	return 18;
}

static bool attr_line(const char *line)
{
	return line[0] == '#' || starts(line, "//");
}

static bool closing_line(const char *line)
{
	return line[0] == '}' || line[0] == ')' || line[0] == ']' || line[0] == '>';
}

/* Split text into items (see the top of the file). */
static struct rs_item *split_items(const char *text, size_t len, int *n_out)
{
	int n = 0, cap = 64;
	struct rs_item *v = xmalloc(cap * sizeof *v);
	bool in_attrs = false; /* the current item has not reached its keyword line */
	for (const char *l = text; l < text + len;) {
		const char *nl = memchr(l, '\n', text + len - l);
		const char *next = nl ? nl + 1 : text + len;
		bool col0 = *l != ' ' && *l != '\n';
		if (col0 && !closing_line(l)) {
			if (!in_attrs) {
				if (n == cap)
					v = realloc(v, (cap *= 2) * sizeof *v);
				if (!v)
					error("out of memory");
				v[n] = (struct rs_item){.p = l, .order = n, .rank = 18};
				n++;
			}
			in_attrs = attr_line(l);
			if (!in_attrs) {
				v[n - 1].head = (size_t)(l - v[n - 1].p);
				v[n - 1].rank = item_rank(l);
			}
		}
		if (n)
			v[n - 1].len = (size_t)(next - v[n - 1].p);
		l = next;
	}
	*n_out = n;
	return v;
}

static int by_rank(const void *a, const void *b)
{
	const struct rs_item *x = a, *y = b;
	if (x->rank != y->rank)
		return x->rank - y->rank;
	return x->order - y->order;
}

/* An extern block's key: its attributes and its opening line (the ABI),
 * as merge_extern_blocks.rs compares attrs and abi. */
static bool same_block(const struct rs_item *a, const struct rs_item *b)
{
	const char *ea = memchr(a->p + a->head, '\n', a->len - a->head);
	const char *eb = memchr(b->p + b->head, '\n', b->len - b->head);
	size_t ka = (size_t)(ea - a->p), kb = (size_t)(eb - b->p);
	return ka == kb && !memcmp(a->p, b->p, ka);
}

/* The lines between an extern block's opening line and its closing '}'. */
static void block_body(const struct rs_item *it, const char **p, size_t *len)
{
	const char *open_end = memchr(it->p + it->head, '\n', it->len - it->head) + 1;
	const char *close = it->p + it->len - 2; /* the '}' of the last line "}\n" */
	while (close > open_end && close[-1] != '\n')
		close--;
	*p = open_end;
	*len = (size_t)(close - open_end);
}

/* merge_extern_blocks.rs: every extern block joins the first with the same
 * attributes and ABI; the merged blocks follow all other items, in the
 * order their first block had. */
static void merge_extern_blocks(struct rs_item *v, int n, struct buf *out)
{
	int *first = xmalloc((n ? n : 1) * sizeof *first);
	int nblocks = 0;
	for (int i = 0; i < n; i++) {
		if (v[i].rank != 14) {
			buf_putn(out, v[i].p, v[i].len);
			continue;
		}
		int k = 0;
		while (k < nblocks && !same_block(&v[first[k]], &v[i]))
			k++;
		if (k == nblocks)
			first[nblocks++] = i;
	}
	for (int k = 0; k < nblocks; k++) {
		const struct rs_item *b = &v[first[k]];
		const char *open_end = memchr(b->p + b->head, '\n', b->len - b->head) + 1;
		buf_putn(out, b->p, (size_t)(open_end - b->p));
		for (int i = first[k]; i < n; i++) {
			if (v[i].rank != 14 || !same_block(b, &v[i]))
				continue;
			const char *p;
			size_t len;
			block_body(&v[i], &p, &len);
			buf_putn(out, p, len);
		}
		buf_puts(out, "}\n");
	}
	free(first);
}

void postprocess(const struct options *o, struct buf *text)
{
	if (!o->merge_extern_blocks && !o->sort_semantically)
		return;
	struct buf cur = *text, next = {0};
	int n;
	struct rs_item *v;
	if (o->merge_extern_blocks) {
		v = split_items(buf_str(&cur), cur.len, &n);
		merge_extern_blocks(v, n, &next);
		free(v);
		buf_free(&cur);
		cur = next;
		next = (struct buf){0};
	}
	if (o->sort_semantically) {
		v = split_items(buf_str(&cur), cur.len, &n);
		qsort(v, n, sizeof *v, by_rank);
		for (int i = 0; i < n; i++)
			buf_putn(&next, v[i].p, v[i].len);
		free(v);
		buf_free(&cur);
		cur = next;
	}
	*text = cur;
}
