/* emit_record.c — structs and unions: fields, bitfield units and their
 * accessors, visibility, union wrappers, layout tests. */
#include "emit.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ---- records ---- */

bool type_is_bool(const struct type *t)
{
	while (t->kind == TY_ITEM && t->item->kind == IT_TYPEDEF)
		t = t->item->aliased;
	return t->kind == TY_PRIM && !strcmp(t->prim, "bool");
}

enum bf_repr { BF_INT, BF_BOOL, BF_OTHER };

/* How a bitfield's Rust type converts to and from the unit's raw u64. */
static enum bf_repr bitfield_repr(const struct type *t)
{
	while (t->kind == TY_ITEM && t->item->kind == IT_TYPEDEF)
		t = t->item->aliased;
	if (t->kind == TY_ITEM && t->item->kind == IT_ENUM &&
	    (t->item->style == ENUM_CONSTS || t->item->style == ENUM_MODULE_CONSTS))
		return BF_INT;
	if (t->kind != TY_PRIM)
		return BF_OTHER;
	if (!strcmp(t->prim, "bool"))
		return BF_BOOL;
	return BF_INT;
}

/* Rust expression turning the raw bits `raw` into the field's type. */
static void bitfield_from_raw(struct emitter *e, struct buf *b, const struct field *f,
			      const char *ty, const char *raw)
{
	uint64_t bytes = emit_type_bytes(e->c, f->type);
	unsigned bits = bytes >= 8 ? 64 : bytes >= 4 ? 32 : bytes >= 2 ? 16 : 8;
	int w = f->bit_width;
	switch (bitfield_repr(f->type)) {
	case BF_BOOL:
		buf_printf(b, "%s != 0", raw);
		break;
	case BF_INT:
		if (f->is_signed && w < 64) /* sign-extend the field's top bit */
			buf_printf(b, "((%s << %d) as i64 >> %d) as %s", raw, 64 - w, 64 - w, ty);
		else
			buf_printf(b, "%s as %s", raw, ty);
		break;
	case BF_OTHER:
		buf_printf(b, "unsafe { %s::mem::transmute(%s as u%u) }", e->stdp, raw, bits);
		break;
	}
}

/* Rust expression turning `val` of the field's type into a u64; a type
 * that is not an integer (Rust enum, newtype) is first transmuted in a
 * statement written to pre at the given indent. */
static void bitfield_to_raw(struct emitter *e, struct buf *pre, int indent, struct buf *b,
			    const struct field *f, const char *val)
{
	uint64_t bytes = emit_type_bytes(e->c, f->type);
	unsigned bits = bytes >= 8 ? 64 : bytes >= 4 ? 32 : bytes >= 2 ? 16 : 8;
	if (bitfield_repr(f->type) == BF_OTHER) {
		buf_indent(pre, indent);
		buf_printf(pre, "let %s: u%u = unsafe { %s::mem::transmute(%s) };\n", val, bits,
			   e->stdp, val);
	}
	buf_printf(b, "%s as u64", val);
}

/* ---- visibility (bindgen's compute_visibility) ---- */

/* A private annotation's visibility: "" (private) or "pub " (private="false"). */
static const char *annot_vis(const struct annot *a, const char *dflt)
{
	if (!a || a->vis == AV_UNSET)
		return dflt;
	return a->vis == AV_PRIVATE ? "" : "pub ";
}

/* The visibility of a field of the record being written: its own private
 * annotation, else the record's (e->vis). */
static const char *field_vis(const struct emitter *e, const struct field *f)
{
	return annot_vis(f->annot, e->vis);
}

/* bindgen's FieldVisibilityKind order: private < pub(crate) < pub. */
static int vis_rank(const char *v)
{
	return !*v ? 0 : v[3] == '(' ? 1 : 2;
}

/* A bitfield unit and its constructor: the least visible of the record's
 * visibility and its named bitfields' (BitfieldUnit codegen). */
static const char *unit_vis(const struct emitter *e, const struct rs_field *u)
{
	const char *v = e->vis;
	for (int i = 0; i < u->nbits; i++) {
		const char *fv = field_vis(e, u->bits[i]);
		if (u->bits[i]->cname[0] && vis_rank(fv) < vis_rank(v))
			v = fv;
	}
	return v;
}

/* Getter, setter and raw accessors of one bitfield. bindgen's names
 * (deanonymize_fields in ir/comp.rs, bitfield_raw_getter_name in codegen):
 * the getter is the mangled field name (type_), the raw getter that plus
 * _raw (type__raw); the setter is set_ and the C name, mangled as a whole. */
static void emit_bitfield_accessors(struct emitter *e, struct rs_field *u, struct field *f)
{
	struct buf *b = e->b;
	struct buf ty = {0}, expr = {0};
	emit_type(e, &ty, f->type);
	unsigned long long off = f->bit_offset - u->offset * 8;
	unsigned long long ub = u->bytes;
	int w = f->bit_width;
	const char *S = e->stdp;
	char raw[200];
	const char *name = rust_ident(f->cname);

	/* a union's fields are only reachable in unsafe code; in bindgen's
	 * wrapper struct the unit is behind __BindgenUnionField's as_ref and
	 * as_mut (codegen/mod.rs, BitfieldUnit codegen for a union that is
	 * not a Rust union) */
	bool un = e->cur_union, wrap = e->cur_wrapper;
	const char *get = wrap ? ".as_ref()" : "", *set = wrap ? ".as_mut()" : "";
	snprintf(raw, sizeof raw, "self._bitfield_%d%s.get(%lluusize, %du8)", u->unit, get, off, w);
	bitfield_from_raw(e, &expr, f, ty.p, un ? "raw" : raw);
	const char *vis = field_vis(e, f);
	buf_printf(b, "    #[inline]\n    %sfn %s(&self) -> %s {\n", vis, name, ty.p);
	if (un)
		buf_printf(b, "        let raw = unsafe { %s };\n", raw);
	buf_printf(b, "        %s\n    }\n", expr.p);

	buf_reset(&expr);
	buf_printf(b, "    #[inline]\n    %sfn set_%s(&mut self, val: %s) {\n", vis, f->cname, ty.p);
	bitfield_to_raw(e, b, 8, &expr, f, "val");
	if (un)
		buf_printf(b, "        unsafe { self._bitfield_%d%s.set(%lluusize, %du8, %s) }\n", u->unit,
			   set, off, w, expr.p);
	else
		buf_printf(b, "        self._bitfield_%d.set(%lluusize, %du8, %s)\n", u->unit, off, w,
			   expr.p);
	buf_puts(b, "    }\n");

	buf_reset(&expr);
	bitfield_from_raw(e, &expr, f, ty.p, "raw");
	buf_printf(b,
		   "    #[inline]\n    %sunsafe fn %s_raw(this: *const Self) -> %s {\n"
		   "        let raw = unsafe {\n"
		   "            <__BindgenBitfieldUnit<[u8; %lluusize]>>::raw_get(\n"
		   "                %s%s::ptr::addr_of!((*this)._bitfield_%d)%s,\n"
		   "                %lluusize,\n                %du8,\n            )\n        };\n"
		   "        %s\n    }\n",
		   vis, name, ty.p, ub, wrap ? "(*" : "", S, u->unit,
		   wrap ? ").as_ref() as *const _" : "", off, w, expr.p);

	buf_reset(&expr);
	buf_printf(b, "    #[inline]\n    %sunsafe fn set_%s_raw(this: *mut Self, val: %s) {\n",
		   vis, f->cname, ty.p);
	bitfield_to_raw(e, b, 8, &expr, f, "val");
	buf_printf(b,
		   "        unsafe {\n"
		   "            <__BindgenBitfieldUnit<[u8; %lluusize]>>::raw_set(\n"
		   "                %s%s::ptr::addr_of_mut!((*this)._bitfield_%d)%s,\n"
		   "                %lluusize,\n                %du8,\n                %s,\n"
		   "            )\n        }\n    }\n",
		   ub, wrap ? "(*" : "", S, u->unit, wrap ? ").as_mut() as *mut _" : "", off, w,
		   expr.p);
	buf_free(&ty);
	buf_free(&expr);
}

static void emit_new_bitfield(struct emitter *e, struct rs_field *u)
{
	struct buf *b = e->b;
	struct buf sig = {0};
	int n = 0;
	for (int i = 0; i < u->nbits; i++) {
		struct field *f = u->bits[i];
		if (!f->cname[0])
			continue;
		buf_printf(&sig, "%s%s: ", n++ ? ", " : "", rust_ident(f->cname));
		emit_type(e, &sig, f->type);
	}
	char ret[96];
	snprintf(ret, sizeof ret, ") -> __BindgenBitfieldUnit<[u8; %lluusize]> {",
		 (unsigned long long)u->bytes);
	char head[64];
	snprintf(head, sizeof head, "    %sfn new_bitfield_%d(", unit_vis(e, u), u->unit);
	buf_puts(b, "    #[inline]\n");
	if (strlen(head) + sig.len + strlen(ret) <= MAX_WIDTH) {
		buf_printf(b, "%s%s%s\n", head, buf_str(&sig), ret);
	} else {
		buf_printf(b, "%s\n", head);
		for (int i = 0; i < u->nbits; i++) {
			struct field *f = u->bits[i];
			if (!f->cname[0])
				continue;
			buf_printf(b, "        %s: ", rust_ident(f->cname));
			emit_type(e, b, f->type);
			buf_puts(b, ",\n");
		}
		buf_printf(b, "    %s\n", ret);
	}
	buf_free(&sig);
	buf_printf(b,
		   "        let mut __bindgen_bitfield_unit: __BindgenBitfieldUnit<[u8; %lluusize]> =\n"
		   "            __BindgenBitfieldUnit::new([0u8; %lluusize]);\n",
		   (unsigned long long)u->bytes, (unsigned long long)u->bytes);
	struct buf expr = {0};
	for (int i = 0; i < u->nbits; i++) {
		struct field *f = u->bits[i];
		if (!f->cname[0])
			continue;
		buf_reset(&expr);
		bitfield_to_raw(e, b, 8, &expr, f, rust_ident(f->cname));
		buf_printf(b, "        __bindgen_bitfield_unit.set(%lluusize, %du8, %s);\n",
			   (unsigned long long)(f->bit_offset - u->offset * 8), f->bit_width, expr.p);
	}
	buf_free(&expr);
	buf_puts(b, "        __bindgen_bitfield_unit\n    }\n");
}

/* A field's accessor kind (bindgen's FieldCodegen for FieldData): its own
 * accessor annotation, else the record's, else none. */
static enum annot_accessor accessor_of(const struct item *it, const struct field *f)
{
	if (f->annot && f->annot->accessor != AA_UNSET)
		return f->annot->accessor;
	if (it->annot && it->annot->accessor != AA_UNSET)
		return it->annot->accessor;
	return AA_NONE;
}

/* One getter of an accessor annotation: "    pub [unsafe ]fn NAME(SELF) -> &[mut ]TY {",
 * the parameter on a line of its own when that is too long (rustfmt). A
 * member of a Rust union is read in an unsafe block (bindgen's plain
 * `&self.f` does not compile there). */
static void emit_getter(struct emitter *e, const char *fn, bool is_unsafe, bool mut,
			const char *field, const char *ty, bool rust_union)
{
	struct buf *b = e->b;
	const char *u = is_unsafe ? "unsafe " : "", *m = mut ? "mut " : "";
	const char *self = mut ? "&mut self" : "&self";
	buf_puts(b, "    #[inline]\n");
	if (strlen("    pub fn (") + strlen(u) + strlen(fn) + strlen(self) + strlen(") -> & {") +
		    strlen(m) + strlen(ty) <= MAX_WIDTH)
		buf_printf(b, "    pub %sfn %s(%s) -> &%s%s {\n", u, fn, self, m, ty);
	else
		buf_printf(b, "    pub %sfn %s(\n        %s,\n    ) -> &%s%s {\n", u, fn, self, m, ty);
	if (rust_union)
		buf_printf(b, "        unsafe { &%sself.%s }\n    }\n", m, field);
	else
		buf_printf(b, "        &%sself.%s\n    }\n", m, field);
}

/* bindgen's accessor methods: get_NAME (&self) and get_NAME_mut (&mut
 * self), both unsafe for accessor="unsafe", only the first for
 * accessor="immutable"; the type is the field's as written. */
static void emit_accessors(struct emitter *e, struct item *it, struct rs_field *rf,
			   enum annot_accessor k)
{
	struct buf ty = {0};
	const struct type *t = rf->cfield->type;
	bool rust_union = it->is_union && !e->cur_wrapper;
	if (e->cur_wrapper) {
		buf_puts(&ty, "__BindgenUnionField<");
		emit_type(e, &ty, t);
		buf_putc(&ty, '>');
	} else if (e->cur_md) {
		buf_printf(&ty, "%s::mem::ManuallyDrop<", e->stdp);
		emit_type(e, &ty, t);
		buf_putc(&ty, '>');
	} else {
		emit_type(e, &ty, t);
	}
	char *get = xstrfmt("get_%s", rf->name), *get_mut = xstrfmt("get_%s_mut", rf->name);
	emit_getter(e, get, k == AA_UNSAFE, false, rf->name, ty.p, rust_union);
	if (k != AA_IMMUTABLE)
		emit_getter(e, get_mut, k == AA_UNSAFE, true, rf->name, ty.p, rust_union);
	free(get);
	free(get_mut);
	buf_free(&ty);
}

/* The record's impl block, in field order as bindgen collects its methods:
 * accessor-annotated fields' getters, and each bitfield unit's accessors
 * and constructor. Nothing if there are none. */
static void emit_methods(struct emitter *e, struct item *it, const char *impl_ty)
{
	bool any = false;
	for (int i = 0; i < it->nrs && !any; i++)
		any = it->rs[i].kind == RF_BITFIELD_UNIT ||
		      (it->rs[i].kind == RF_FIELD && accessor_of(it, it->rs[i].cfield) != AA_NONE);
	if (!any)
		return;
	e->cur_union = it->is_union;
	open_item(e->b, "impl", impl_ty, "{\n");
	for (int i = 0; i < it->nrs; i++) {
		struct rs_field *u = &it->rs[i];
		if (u->kind == RF_FIELD && accessor_of(it, u->cfield) != AA_NONE)
			emit_accessors(e, it, u, accessor_of(it, u->cfield));
		if (u->kind != RF_BITFIELD_UNIT)
			continue;
		e->need |= NEED_BITFIELD_UNIT;
		for (int k = 0; k < u->nbits; k++)
			if (u->bits[k]->cname[0])
				emit_bitfield_accessors(e, u, u->bits[k]);
		emit_new_bitfield(e, u);
	}
	buf_puts(e->b, "}\n");
}

/* "    pub name: WRAPPER<T>," (ManuallyDrop, __BindgenUnionField,
 * __IncompleteArrayField); too long for one line, rustfmt breaks it after
 * the colon, as for any field. */
static void emit_wrapped_field(struct emitter *e, const struct rs_field *rf, const char *wrapper,
			       const struct type *t)
{
	struct buf *b = e->b;
	buf_reset(&e->tail);
	buf_puts(&e->tail, wrapper);
	emit_type(e, &e->tail, t);
	buf_putc(&e->tail, '>');
	size_t one = INDENT + strlen(e->vis) + strlen(": ,") + strlen(rf->name) + e->tail.len;
	buf_printf(b, "    %s%s:", e->vis, rf->name);
	if (one > MAX_WIDTH && 2 * INDENT + e->tail.len + 1 <= MAX_WIDTH)
		buf_puts(b, "\n        ");
	else
		buf_putc(b, ' ');
	buf_putn(b, e->tail.p, e->tail.len);
	buf_puts(b, ",\n");
}

static void emit_field_line(struct emitter *e, struct item *it, struct rs_field *rf)
{
	struct buf *b = e->b;
	struct ctx *c = e->c;
	switch (rf->kind) {
	case RF_FIELD: {
		const char *rec = e->vis;
		e->vis = field_vis(e, rf->cfield);
		emit_doc(c, b, INDENT, rf->cfield->doc);
		if (e->cur_md) {
			emit_wrapped_field(e, rf, emit_join(&e->open, e->stdp, "::mem::ManuallyDrop<", NULL),
					   rf->cfield->type);
		} else if (rf == e->fam) {
			buf_printf(b, "    %s%s: FAM,\n", e->vis, rf->name);
		} else if (!it->is_union && rf->cfield->type->kind == TY_FLEX) {
			/* bindgen's FieldCodegen: a struct's field whose own type
			 * (not a typedef's) is Array(T, 0), wherever it is */
			e->need |= NEED_INCOMPLETE_ARRAY;
			emit_wrapped_field(e, rf, "__IncompleteArrayField<", rf->cfield->type->sub);
		} else {
			e->in_field = true;
			emit_typed_line(e, INDENT, emit_join(&e->lead, e->vis, rf->name, ": ", NULL),
					rf->cfield->type, ",");
			e->in_field = false;
		}
		e->vis = rec;
		break;
	}
	case RF_PADDING:
		buf_printf(b, "    %s%s: [u8; %lluusize],\n", e->vis, rf->name,
			   (unsigned long long)rf->bytes);
		break;
	case RF_BITFIELD_ALIGN:
		buf_printf(b, "    %s%s: [u%llu; 0],\n", e->vis, rf->name,
			   (unsigned long long)rf->align * 8);
		break;
	case RF_BITFIELD_UNIT:
		e->need |= NEED_BITFIELD_UNIT;
		buf_printf(b, "    %s%s: __BindgenBitfieldUnit<[u8; %lluusize]>,\n", unit_vis(e, rf),
			   rf->name, (unsigned long long)rf->bytes);
		break;
	}
}

static void emit_layout_tests(struct emitter *e, struct item *it)
{
	struct buf *b = e->b;
	if (!e->c->opt->layout_tests || !it->complete)
		return;
	buf_puts(b, "#[allow(clippy::unnecessary_operation, clippy::identity_op)]\nconst _: () = {\n");
	const char *n = it->name;
	emit_assert_type(e, emit_join(&e->head, "[\"Size of ", n, "\"]", NULL), "size_of", n, it->size);
	emit_assert_type(e, emit_join(&e->head, "[\"Alignment of ", n, "\"]", NULL), "align_of", n,
			 it->align);
	for (int i = 0; i < it->nrs; i++) {
		struct rs_field *rf = &it->rs[i];
		if (rf->kind != RF_FIELD)
			continue;
		emit_assert_offset(e, emit_join(&e->head, "[\"Offset of field: ", n, "::", rf->name, "\"]", NULL),
				   n, rf->name, rf->cfield->bit_offset / 8);
	}
	buf_puts(b, "};\n");
}

/* A union whose members are not all Copy, in bindgen's default style: a
 * struct of zero-sized __BindgenUnionField<T> markers (as_ref/as_mut give
 * the member) and a blob that has the union's size and alignment. */
static void emit_union_wrapper(struct emitter *e, struct item *it)
{
	struct ctx *c = e->c;
	struct buf *b = e->b;
	open_item(b, "pub struct", it->name, "{\n");
	for (int i = 0; i < it->nrs; i++) {
		struct rs_field *rf = &it->rs[i];
		if (rf->kind == RF_BITFIELD_ALIGN) {
			emit_field_line(e, it, rf);
			continue;
		}
		if (rf->kind == RF_BITFIELD_UNIT) { /* --disable-untagged-union */
			e->need |= NEED_BITFIELD_UNIT | NEED_UNION_FIELD;
			buf_printf(b, "    %s%s: __BindgenUnionField<__BindgenBitfieldUnit<[u8; %lluusize]>>,\n",
				   e->vis, rf->name, (unsigned long long)rf->bytes);
			continue;
		}
		if (rf->kind != RF_FIELD)
			continue;
		e->need |= NEED_UNION_FIELD; /* bindgen's saw_bindgen_union */
		emit_doc(c, b, INDENT, rf->cfield->doc);
		const char *rec = e->vis;
		e->vis = field_vis(e, rf->cfield);
		emit_wrapped_field(e, rf, "__BindgenUnionField<", rf->cfield->type);
		e->vis = rec;
	}
	buf_puts(b, "    pub bindgen_union_field: ");
	emit_blob(b, it->size, it->align);
	buf_puts(b, ",\n}\n");
}

/* --flexarray-dst: "pub struct NAME<FAM: ?Sized = [T; 0]> {" (bindgen's
 * CompInfo codegen: the flexible array member's type is the parameter),
 * the brace or else the parameter on a line of its own when too long, as
 * rustfmt breaks it. */
static void open_fam_struct(struct emitter *e, const struct item *it)
{
	buf_reset(&e->open);
	buf_puts(&e->open, "FAM: ?Sized = [");
	emit_type(e, &e->open, e->fam->cfield->type->sub);
	buf_puts(&e->open, "; 0]");
	size_t len = strlen("pub struct <>") + strlen(it->name) + e->open.len;
	if (len + 2 <= MAX_WIDTH)
		buf_printf(e->b, "pub struct %s<%s> {\n", it->name, e->open.p);
	else if (len <= MAX_WIDTH)
		buf_printf(e->b, "pub struct %s<%s>\n{\n", it->name, e->open.p);
	else
		buf_printf(e->b, "pub struct %s<\n    %s,\n> {\n", it->name, e->open.p);
}

/* What follows a record's layout tests, in bindgen's order: the flexible
 * array member's impls, impl Default, impl Debug, impl PartialEq, then the
 * methods (accessor getters, bitfield accessors). With --flexarray-dst each impl is for the sized
 * form, NAME<[T; 0]>. */
static void emit_record_impls(struct emitter *e, struct item *it, unsigned d, bool zero_default)
{
	struct ctx *c = e->c;
	const char *ty = it->name;
	char *sized = NULL;
	if (e->fam) {
		struct buf elem = {0};
		emit_type(e, &elem, e->fam->cfield->type->sub);
		ty = sized = xstrfmt("%s<[%s; 0]>", it->name, elem.p);
		emit_flexarray_impls(c, e->b, it, elem.p);
		buf_free(&elem);
	}
	if (zero_default)
		emit_zeroing_default(e, ty);
	emit_debug_impl(c, e->b, it, d, ty);
	emit_partialeq_impl(c, e->b, it, ty);
	if (!it->opaque)
		emit_methods(e, it, ty);
	free(sized);
}

/* The types declared inside a record, in order: bindgen's CompInfo codegen
 * writes them (each with its own tests and impls) between the record's
 * definition and the record's layout tests and impls. The emitter's
 * per-record state is the nested type's own meanwhile, and its fields'
 * visibility starts again from the default. */
static void emit_nested(struct emitter *e, const struct item *it, const char *outer_vis)
{
	if (!it->nested.n)
		return;
	bool wrap = e->cur_wrapper, md = e->cur_md;
	const struct rs_field *fam = e->fam;
	const char *vis = e->vis;
	e->cur_wrapper = e->cur_md = false;
	e->fam = NULL;
	e->vis = outer_vis;
	for (int i = 0; i < it->nested.n; i++) { /* records and enums only */
		struct item *n = it->nested.v[i];
		if (n->kind == IT_RECORD)
			emit_record(e, n);
		else
			emit_enum(e, n);
	}
	e->cur_wrapper = wrap;
	e->cur_md = md;
	e->fam = fam;
	e->vis = vis;
}

/* A forward declaration: a struct even for a union (is_rust_union is
 * false for one, ir/comp.rs). */
static void emit_forward_record(struct emitter *e, struct item *it)
{
	struct ctx *c = e->c;
	unsigned fd = item_derives(c, it);
	buf_puts(e->b, "#[repr(C)]\n");
	emit_derives(c, e->b, it, fd, 1);
	open_item(e->b, "pub struct", it->name, "{\n    _unused: [u8; 0],\n}\n");
	emit_debug_impl(c, e->b, it, fd, it->name);
}

/* bindgen's CompInfo codegen for an opaque item: the blob of its layout
 * (helpers::blob); a union stays a union when is_rust_union holds.
 * bindgen also writes repr(align) of the alignment on every opaque item;
 * here only where the blob needs it, so that a packed record can still
 * hold the item (rustc rejects a packed type holding a repr(align) one,
 * E0588). */
static void emit_opaque_record(struct emitter *e, struct item *it, unsigned d)
{
	struct ctx *c = e->c;
	struct buf *b = e->b;
	bool un = opaque_rust_union(c, it);
	buf_puts(b, "#[repr(C)]\n");
	if (it->repr_align)
		buf_printf(b, "#[repr(align(%llu))]\n", (unsigned long long)it->repr_align);
	emit_derives(c, b, it, d, un ? 2 : 1);
	open_item(b, un ? "pub union" : "pub struct", it->name, "{\n");
	buf_puts(b, "    pub _bindgen_opaque_blob: ");
	emit_blob(b, it->size, it->align);
	buf_puts(b, ",\n}\n");
}

/* The repr attributes of a record written with its fields. */
static void emit_record_repr(struct buf *b, const struct item *it, bool wrap)
{
	if (wrap && it->align > 8)
		buf_printf(b, "#[repr(C)]\n#[repr(align(%llu))]\n", (unsigned long long)it->align);
	else if (wrap)
		buf_puts(b, "#[repr(C)]\n");
	else if (it->repr_packed == 1)
		buf_puts(b, "#[repr(C, packed)]\n");
	else if (it->repr_packed)
		buf_printf(b, "#[repr(C, packed(%d))]\n", it->repr_packed);
	else
		buf_puts(b, "#[repr(C)]\n");
	if (it->repr_align && !wrap)
		buf_printf(b, "#[repr(align(%llu))]\n", (unsigned long long)it->repr_align);
}

/* A record written with its fields: a struct, a Rust union, or bindgen's
 * wrapper struct for a union. */
static void emit_record_fields(struct emitter *e, struct item *it, unsigned d)
{
	struct ctx *c = e->c;
	struct buf *b = e->b;
	const char *kw = it->is_union ? "pub union" : "pub struct";
	bool wrap = union_wrapper(c, it);
	emit_record_repr(b, it, wrap);
	/* a wrapper is bindgen's DeriveTypeKind::Struct */
	emit_derives(c, b, it, d, it->is_union && !wrap ? 2 : 1);
	e->cur_wrapper = wrap;
	e->cur_md = union_manually_drop(c, it);
	e->fam = flex_array_member(c, it);
	if (wrap) {
		emit_union_wrapper(e, it);
	} else if (!it->nrs) {
		open_item(b, kw, it->name, "{}\n");
	} else {
		if (e->fam)
			open_fam_struct(e, it);
		else
			open_item(b, kw, it->name, "{\n");
		for (int i = 0; i < it->nrs; i++)
			emit_field_line(e, it, &it->rs[i]);
		buf_puts(b, "}\n");
	}
}

void emit_record(struct emitter *e, struct item *it)
{
	struct ctx *c = e->c;
	const struct options *o = c->opt;
	emit_doc(c, e->b, 0, it->doc);
	if (!it->complete) {
		emit_forward_record(e, it);
		return;
	}
	unsigned d = item_derives(c, it);
	/* --with-derive-default: derive where possible, impl otherwise (not
	 * with --no-default or a nodefault annotation) */
	bool want_default = o->derive_default && !regex_list_match(&o->no_default, it->name) &&
			    !(it->annot && it->annot->nodefault);
	/* the fields' visibility: a private annotation on the record, else
	 * --default-visibility (bindgen's CompInfo codegen) */
	const char *outer_vis = e->vis;
	e->vis = annot_vis(it->annot, outer_vis);
	if (it->opaque)
		emit_opaque_record(e, it, d);
	else
		emit_record_fields(e, it, d);
	emit_nested(e, it, outer_vis);
	emit_layout_tests(e, it);
	emit_record_impls(e, it, d, want_default && !(d & DERIVE_DEFAULT));
	e->cur_wrapper = e->cur_md = false;
	e->fam = NULL;
	e->vis = outer_vis;
}

/* pub const NAME: TYPE = VALUE; broken as rustfmt does when too long:
 * after "=" if the left side fits, else after ":". */
