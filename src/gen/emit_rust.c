/* emit_rust.c — the Rust emitter's driver: IR → Rust text in bindgen's
 * shapes and rustfmt's layout (the parts: emit_type.c, emit_lines.c,
 * emit_attrs.c, emit_record.c, emit_enum.c, emit_items.c). Items are
 * written in declaration order, in two halves on two threads (joined in
 * order, so the text does not depend on the threads); bindgen's helper
 * types (rs/NAME.rs: bitfield unit, incomplete array field, …) go first, only
 * if used. */
#include "emit.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* One item, by kind (emit_record also calls it for its nested types). */
void emit_item(struct emitter *e, struct item *it)
{
	if (dyn_item(e->c, it))
		return; /* --dynamic-loading: a member of the library struct */
	switch (it->kind) {
	case IT_RECORD: emit_record(e, it); break;
	case IT_ENUM: emit_enum(e, it); break;
	case IT_TYPEDEF: emit_typedef(e, it); break;
	case IT_FUNC: emit_function(e, it); break;
	case IT_VAR: emit_var(e, it); break;
	case IT_MACRO: emit_macro(e, it); break;
	}
}

/* A rough measure of an item's text, to split the work in two halves. */
static size_t item_weight(const struct item *it)
{
	switch (it->kind) {
	case IT_RECORD: return 4 + 3 * (size_t)it->nrs;
	case IT_ENUM: return 2 + (size_t)it->nconsts;
	case IT_FUNC: return 2 + (size_t)(it->type ? it->type->nparams : 0);
	default: return 1;
	}
}

/* One half of the items, written by one thread into its own buffer. The
 * IR is read-only by now (analyse.c computed every layout and derive), so
 * the only state a half writes is its copy of the run's prelude flags. */
struct emit_half {
	struct ctx c;       /* a copy of the run: its need_* flags are this half's */
	struct buf text;    /* the half's text */
	int from, to;       /* items [from, to) */
	pthread_t thread;   /* its thread, if it has one */
};

/* Whether the record writes its nested types itself (emit_nested): a
 * complete record written with fields. An opaque one has no inner types
 * in bindgen's codegen (they stay where they are), nor has one that the
 * output leaves out. */
static bool nests_types(const struct ctx *c, const struct item *p)
{
	return p->kind == IT_RECORD && p->emit && generated(c->opt, p) && p->complete &&
	       !p->opaque && !dyn_item(c, p);
}

/* Whether an emitted type is declared inside such a record, which then
 * writes it (emit_nested) in place of the item loop. */
static bool written_by_parent(const struct ctx *c, const struct item *it)
{
	return it->parent && (it->kind == IT_RECORD || it->kind == IT_ENUM) && it->emit &&
	       generated(c->opt, it) && nests_types(c, it->parent);
}

static void *emit_half_run(void *arg)
{
	struct emit_half *h = arg;
	struct ctx *c = &h->c;
	struct emitter e = {.c = c, .b = &h->text, .cprefix = ctypes(c),
			    .stdp = c->opt->use_core ? "::core" : "::std",
			    .vis = c->opt->field_vis ? c->opt->field_vis : "pub "};
	c->need_bitfield_unit = c->need_incomplete_array = c->need_complex = false;
	c->need_float16 = c->need_union_field = c->need_opaque_array = false;
	for (int i = h->from; i < h->to; i++) {
		struct item *it = c->items.v[i];
		if (it->emit && generated(c->opt, it) && !written_by_parent(c, it))
			emit_item(&e, it);
	}
	struct buf *scratch[] = {&e.head, &e.expr, &e.open, &e.tail, &e.lead, &e.val};
	for (size_t i = 0; i < sizeof scratch / sizeof scratch[0]; i++)
		buf_free(scratch[i]);
	return NULL;
}

/* Each emitted type declared inside such a record goes on its list. */
static void collect_nested(struct ctx *c)
{
	for (int i = 0; i < c->items.n; i++) {
		struct item *it = c->items.v[i];
		if (written_by_parent(c, it))
			vec_push(&it->parent->nested, it);
	}
}

void emit_rust(struct ctx *c, struct buf out[EMIT_PARTS])
{
	collect_nested(c);
	/* the second half on a thread of its own, the first here */
	size_t total = 0, acc = 0;
	for (int i = 0; i < c->items.n; i++)
		if (((struct item *)c->items.v[i])->emit)
			total += item_weight(c->items.v[i]);
	int mid = 0;
	while (mid < c->items.n && acc * 2 < total) {
		if (((struct item *)c->items.v[mid])->emit)
			acc += item_weight(c->items.v[mid]);
		mid++;
	}
	struct emit_half h[2] = {{*c, {0}, 0, mid, 0}, {*c, {0}, mid, c->items.n, 0}};
	bool threaded = !c->opt->one_thread &&
			pthread_create(&h[1].thread, NULL, emit_half_run, &h[1]) == 0;
	emit_half_run(&h[0]);
	if (threaded)
		pthread_join(h[1].thread, NULL);
	else
		emit_half_run(&h[1]);
	c->need_bitfield_unit = h[0].c.need_bitfield_unit || h[1].c.need_bitfield_unit;
	c->need_incomplete_array = h[0].c.need_incomplete_array || h[1].c.need_incomplete_array;
	c->need_complex = h[0].c.need_complex || h[1].c.need_complex;
	c->need_float16 = h[0].c.need_float16 || h[1].c.need_float16;
	c->need_union_field = h[0].c.need_union_field || h[1].c.need_union_field;
	c->need_opaque_array = h[0].c.need_opaque_array || h[1].c.need_opaque_array;
	/* bindgen pushes the library struct after every other item, before
	 * the post-processing passes */
	if (c->opt->dynamic_library)
		emit_dynamic(c, &h[1].text);

	struct buf *head = &out[0];
	if (c->opt->header_comment)
		buf_printf(head, "/* automatically generated by h2rs %s (rust-bindgen %s compatible) */\n\n",
			   H2RS_VERSION, BINDGEN_COMPAT_VERSION);
	for (int i = 0; i < c->opt->raw_lines.n; i++)
		buf_printf(head, "%s\n", (const char *)c->opt->raw_lines.v[i]);
	if (c->opt->raw_lines.n)
		buf_putc(head, '\n');
	/* bindgen's helper types are items like the others: with a
	 * post-processing pass they go through it with the rest */
	bool post = c->opt->merge_extern_blocks || c->opt->sort_semantically;
	struct buf *helpers = head;
	if (post) {
		out[1] = (struct buf){0};
		helpers = &out[1];
	}
	if (c->need_bitfield_unit)
		buf_putn(helpers, rs_bitfield_unit, rs_bitfield_unit_len);
	if (c->need_opaque_array) /* bindgen's order: just after the unit */
		buf_putn(helpers, rs_opaque_array, rs_opaque_array_len);
	if (c->need_incomplete_array)
		buf_putn(helpers, rs_incomplete_array, rs_incomplete_array_len);
	if (c->need_union_field)
		buf_putn(helpers, rs_union_field, rs_union_field_len);
	if (c->need_complex)
		buf_putn(helpers, rs_complex, rs_complex_len);
	if (c->need_float16)
		buf_putn(helpers, rs_float16, rs_float16_len);
	if (!post) {
		out[1] = h[0].text;
		out[2] = h[1].text;
		return;
	}
	for (int k = 0; k < 2; k++) {
		buf_putn(&out[1], h[k].text.p ? h[k].text.p : "", h[k].text.len);
		buf_free(&h[k].text);
	}
	postprocess(c->opt, &out[1]);
	out[2] = (struct buf){0};
}
