/* layout.c — the Rust layout of every record.
 *
 * clang gives the exact C layout (size, alignment, every field's bit
 * offset). Here we choose Rust fields — real fields, explicit padding,
 * bitfield units — and a repr (C, packed(N), align(N)) and simulate how
 * rustc lays them out. If the simulation reproduces the C layout exactly,
 * that is the output; if no repr Rust allows can, the record becomes an
 * opaque blob of the exact size and alignment, with a warning naming the
 * reason. Never a guess. */
#include "h2rs.h"

#include <stdlib.h>
#include <string.h>

/* bindgen's Item::is_opaque for what the user asks: --opaque-type or an
 * opaque annotation. */
bool user_opaque(const struct options *o, const struct item *it)
{
	return (it->annot && it->annot->opaque) || regex_list_match(&o->opaque_type, it->name);
}

static uint64_t round_up(uint64_t x, uint64_t a)
{
	return a ? (x + a - 1) / a * a : x;
}

void rs_type_layout(struct ctx *c, const struct type *t, uint64_t *size, uint64_t *align)
{
	uint64_t s = 0, a = 1;
	switch (t->kind) {
	case TY_VOID:
		break;
	case TY_PRIM:
	case TY_PTR:
		s = t->size;
		a = t->align ? t->align : 1;
		break;
	case TY_BLOB:
		/* emitted as uN elements of its alignment, up to u64, whose own
		 * alignment is the target's (an _Atomic long long on i386 is
		 * [u64; 1], align 8 in C, 4 in Rust) */
		s = t->size;
		a = t->align ? t->align : 1;
		if (a >= 8 && c->u64_align && c->u64_align < 8)
			a = c->u64_align;
		break;
	case TY_FUNC:
		s = a = sizeof(void *);
		break;
	case TY_ARRAY:
		rs_type_layout(c, t->sub, &s, &a);
		s *= t->len;
		break;
	case TY_FLEX:
		rs_type_layout(c, t->sub, &s, &a);
		s = 0;
		break;
	case TY_COMPLEX:
		rs_type_layout(c, t->sub, &s, &a);
		s *= 2;
		break;
	case TY_FLOAT16:
		s = a = 2;
		break;
	case TY_ITEM: {
		struct item *it = t->item;
		if (it->kind == IT_TYPEDEF) {
			rs_type_layout(c, it->aliased, &s, &a);
		} else if (it->kind == IT_ENUM) {
			rs_type_layout(c, it->int_type, &s, &a);
		} else if (it->kind == IT_RECORD && it->complete) {
			layout_record(c, it);
			s = it->size;
			a = it->align;
		}
		break;
	}
	}
	*size = s;
	*align = a;
}

bool type_has_align_repr(struct ctx *c, const struct type *t)
{
	switch (t->kind) {
	case TY_ARRAY:
	case TY_FLEX:
	case TY_COMPLEX:
		return type_has_align_repr(c, t->sub);
	case TY_BLOB:
		return t->align > 8;
	case TY_ITEM:
		if (t->item->kind == IT_TYPEDEF)
			return type_has_align_repr(c, t->item->aliased);
		if (t->item->kind == IT_RECORD && t->item->complete) {
			layout_record(c, t->item);
			return t->item->rs_has_align;
		}
		return false;
	default:
		return false;
	}
}

/* Bytes of the C type a bitfield is declared with (its storage unit). */
static uint64_t bitfield_type_bytes(struct ctx *c, const struct field *f)
{
	uint64_t s, a;
	rs_type_layout(c, f->type, &s, &a);
	return s ? s : 1;
}

static void push_rs(struct vec *v, struct rs_field rf)
{
	struct rs_field *p = xmalloc(sizeof *p);
	*p = rf;
	vec_push(v, p);
}

/* Group the C fields into Rust fields: plain fields and bitfield units. */
static void plan_fields(struct ctx *c, struct item *it, struct vec *out)
{
	int unit = 0;
	for (int i = 0; i < it->nfields;) {
		struct field *f = it->fields[i];
		if (f->bit_width < 0) {
			push_rs(out, (struct rs_field){.kind = RF_FIELD, .name = f->name, .cfield = f,
						       .offset = f->bit_offset / 8});
			i++;
			continue;
		}
		/* a run of bitfields: in a union every bitfield starts at bit 0,
		 * so the whole union's bitfields share one unit */
		int j = i;
		uint64_t lo = UINT64_MAX, hi = 0, maxty = 1;
		struct vec bits = {0};
		while (j < it->nfields && it->fields[j]->bit_width >= 0) {
			struct field *g = it->fields[j++];
			if (g->bit_width == 0)
				continue;
			if (g->bit_offset < lo)
				lo = g->bit_offset;
			if (g->bit_offset + g->bit_width > hi)
				hi = g->bit_offset + g->bit_width;
			uint64_t tb = bitfield_type_bytes(c, g);
			if (tb > maxty)
				maxty = tb;
			vec_push(&bits, g);
			if (it->is_union)
				while (j < it->nfields && it->fields[j]->bit_width < 0)
					j++; /* keep scanning for more union bitfields */
		}
		if (it->is_union) {
			/* plain fields skipped above are emitted in their own turn */
			for (int k = i; k < j; k++)
				if (it->fields[k]->bit_width < 0)
					push_rs(out, (struct rs_field){.kind = RF_FIELD,
								       .name = it->fields[k]->name,
								       .cfield = it->fields[k]});
		}
		i = j;
		if (!bits.n)
			continue; /* only zero-width bitfields: they just align */
		unit++;
		uint64_t start = lo / 8, end = (hi + 7) / 8;
		uint64_t al = maxty > 8 ? 8 : maxty;
		while (al > 1 && start % al)
			al /= 2;
		push_rs(out, (struct rs_field){.kind = RF_BITFIELD_ALIGN, .unit = unit,
					       .offset = start, .align = al,
					       .name = xstrfmt("_bitfield_align_%d", unit)});
		push_rs(out, (struct rs_field){.kind = RF_BITFIELD_UNIT, .unit = unit,
					       .offset = start, .bytes = end - start,
					       .name = xstrfmt("_bitfield_%d", unit),
					       .bits = (struct field **)bits.v, .nbits = bits.n});
	}
	it->nunits = unit;
}

static void rs_field_layout(struct ctx *c, const struct rs_field *rf, uint64_t *s, uint64_t *a)
{
	switch (rf->kind) {
	case RF_FIELD:
		rs_type_layout(c, rf->cfield->type, s, a);
		break;
	case RF_PADDING:
	case RF_BITFIELD_UNIT:
		*s = rf->bytes;
		*a = 1;
		break;
	case RF_BITFIELD_ALIGN:
		/* [uN; 0]: a [u64; 0] has the target's u64 alignment (4 on i386) */
		*s = 0;
		*a = rf->align >= 8 && c->u64_align && c->u64_align < 8 ? c->u64_align : rf->align;
		break;
	}
}

/* Simulate rustc's repr(C) layout of plan with the given packing (0 = none)
 * and forced alignment, inserting explicit padding where C has a gap.
 * Returns false if the C layout cannot be reproduced. */
static bool simulate(struct ctx *c, struct item *it, struct vec *plan, int pack,
		     uint64_t force_align, struct vec *out, uint64_t *out_align)
{
	uint64_t off = 0, al = 1;
	int npad = 0;
	/* --explicit-padding: every gap of a struct as a field, not only the
	 * ones Rust's own layout would not leave */
	bool every_gap = c->opt->explicit_padding && !it->is_union;
	for (int i = 0; i < plan->n; i++) {
		struct rs_field *rf = plan->v[i];
		uint64_t s, a;
		rs_field_layout(c, rf, &s, &a);
		if (pack && a > (uint64_t)pack)
			a = pack;
		if (a > al)
			al = a;
		if (it->is_union) {
			if (s > off)
				off = s;
			push_rs(out, *rf);
			continue;
		}
		uint64_t at = round_up(off, a);
		if (at > rf->offset || rf->offset % a)
			return false;
		if (at < rf->offset || (every_gap && off < rf->offset)) {
			push_rs(out, (struct rs_field){.kind = RF_PADDING, .offset = off,
						       .bytes = rf->offset - off,
						       .name = xstrfmt("__bindgen_padding_%d", npad++)});
		}
		push_rs(out, *rf);
		off = rf->offset + s;
	}
	if (force_align > al)
		al = force_align;
	if (round_up(off, al) < it->size || (every_gap && off < it->size)) {
		if (it->is_union)
			push_rs(out, (struct rs_field){.kind = RF_PADDING, .bytes = it->size,
						       .name = xstrfmt("__bindgen_padding_%d", npad++)});
		else
			push_rs(out, (struct rs_field){.kind = RF_PADDING, .offset = off,
						       .bytes = it->size - off,
						       .name = xstrfmt("__bindgen_padding_%d", npad++)});
		off = it->size;
	}
	*out_align = al;
	return round_up(off, al) == it->size && al == it->align;
}

static void make_opaque(struct ctx *c, struct item *it, const char *reason)
{
	it->opaque = true;
	it->opaque_reason = reason;
	/* the blob is of uN up to u64, whose alignment is the target's: more
	 * needs repr(align) (an align-8 blob on i386, where u64 has 4) */
	uint64_t natural = c->u64_align ? c->u64_align : 8;
	it->rs_has_align = it->align > natural;
	it->repr_packed = 0;
	it->repr_align = it->align > natural ? it->align : 0;
	it->rs = NULL;
	it->nrs = 0;
	it->nunits = 0;
	if (reason)
		warning("%s '%s' (%s:%u) is emitted as an opaque blob of %llu bytes, align %llu: %s",
			it->is_union ? "union" : "struct", it->name ? it->name : "?", it->file,
			it->line, (unsigned long long)it->size, (unsigned long long)it->align,
			reason);
}

static bool plan_has_align_repr(struct ctx *c, struct vec *plan)
{
	for (int i = 0; i < plan->n; i++) {
		struct rs_field *rf = plan->v[i];
		if (rf->kind == RF_FIELD && type_has_align_repr(c, rf->cfield->type))
			return true;
	}
	return false;
}

static void adopt(struct item *it, struct vec *v)
{
	it->rs = xcalloc(v->n, sizeof *it->rs);
	for (int i = 0; i < v->n; i++)
		it->rs[i] = *(struct rs_field *)v->v[i];
	it->nrs = v->n;
}

static bool too_wide_bitfield(struct ctx *c, struct item *it)
{
	for (int i = 0; i < it->nfields; i++) {
		struct field *f = it->fields[i];
		if (f->bit_width > 0 && (uint64_t)f->bit_width > bitfield_type_bytes(c, f) * 8)
			return true;
		if (f->bit_width > 64)
			return true;
	}
	return false;
}

void layout_record(struct ctx *c, struct item *it)
{
	if (it->laid_out)
		return;
	it->laid_out = true;
	if (!it->complete)
		return;
	if (user_opaque(c->opt, it)) { /* --opaque-type, or an opaque annotation */
		make_opaque(c, it, NULL);
		return;
	}
	if (it->bad_bitfield || too_wide_bitfield(c, it)) {
		make_opaque(c, it, "a bitfield is wider than its type or its width is unknown");
		return;
	}
	struct vec plan = {0}, out = {0};
	uint64_t al;
	plan_fields(c, it, &plan);
	uint64_t natural = 1;
	for (int i = 0; i < plan.n; i++) {
		uint64_t s, a;
		rs_field_layout(c, plan.v[i], &s, &a);
		if (a > natural)
			natural = a;
	}
	bool inner_align = plan_has_align_repr(c, &plan);
	if (it->align >= natural &&
	    simulate(c, it, &plan, 0, it->align > natural ? it->align : 0, &out, &al)) {
		it->repr_align = it->align > natural ? it->align : 0;
		it->rs_has_align = it->repr_align || inner_align;
		adopt(it, &out);
		return;
	}
	out.n = 0;
	if (simulate(c, it, &plan, (int)it->align, 0, &out, &al)) {
		if (inner_align) {
			make_opaque(c, it, "packed record contains a type with an alignment "
					   "attribute (Rust E0588)");
			return;
		}
		it->repr_packed = (int)it->align;
		it->rs_has_align = false;
		adopt(it, &out);
		return;
	}
	make_opaque(c, it, it->align > 1 ? "packed and aligned at once (Rust E0587), or a field "
					   "placement no Rust repr can express"
					 : "field placement no Rust repr can express");
}
