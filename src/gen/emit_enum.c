/* emit_enum.c — enums in each of bindgen's styles (consts, module consts,
 * newtype, bitfield, Rust enums). */
#include "emit.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ---- enums ---- */

void emit_int_value(struct buf *b, bool is_signed, int64_t v, uint64_t u)
{
	char d[24], *p = d + sizeof d;
	bool neg = is_signed && v < 0;
	uint64_t x = !is_signed ? u : neg ? 0 - (uint64_t)v : (uint64_t)v;
	*--p = 0;
	do
		*--p = (char)('0' + x % 10);
	while (x /= 10);
	if (neg)
		*--p = '-';
	buf_puts(b, p);
}

uint64_t emit_mask_to(uint64_t v, uint64_t bytes)
{
	return bytes >= 8 ? v : v & ((1ull << (bytes * 8)) - 1);
}

/* Rust primitive of the same size and signedness, for #[repr(..)]. */
static const char *repr_prim(struct ctx *c, struct item *it, bool is_signed)
{
	uint64_t s = emit_type_bytes(c, it->int_type);
	static const char *const u[] = {"u8", "u16", "u32", "u64"};
	static const char *const i[] = {"i8", "i16", "i32", "i64"};
	int k = s >= 8 ? 3 : s >= 4 ? 2 : s >= 2 ? 1 : 0;
	return is_signed ? i[k] : u[k];
}

/* The value of en as the text of a Rust integer of the given signedness
 * and size. */
static const char *enum_value(struct buf *val, const struct enumerator *en, bool sig,
			      uint64_t bytes)
{
	buf_reset(val);
	emit_int_value(val, sig, en->value, emit_mask_to(en->uvalue, bytes));
	return val->p;
}

/* consts style: pub const E_A: E = 0; ... pub type E = c_uint; (no type
 * when an integer typedef has the enum's name: the constants then take
 * its type, and its size and signedness for their values, as a C
 * assignment to it converts them) */
static void emit_enum_consts(struct emitter *e, struct item *it, const char *ity, bool sig,
			     uint64_t bytes)
{
	struct ctx *c = e->c;
	struct buf *b = e->b, val = {0};
	if (it->int_alias) {
		const struct type *t = it->int_alias->aliased;
		sig = prim_signed(t);
		bytes = emit_type_bytes(c, t);
	}
	for (int i = 0; i < it->nconsts; i++) {
		struct enumerator *en = it->consts[i];
		if (en->skip)
			continue;
		emit_doc(c, b, 0, en->doc);
		emit_const(b, 0, en->rname, it->name, enum_value(&val, en, sig, bytes));
	}
	buf_free(&val);
	if (it->int_alias)
		return;
	emit_doc(c, b, 0, it->doc);
	if (must_use_type(c, it))
		buf_puts(b, "#[must_use]\n");
	buf_printf(b, "pub type %s = %s;\n", it->name, ity);
}

/* newtype, newtype_global and bitfield styles: the constants in one
 * impl block, or at module level (newtype_global, and any anonymous enum:
 * bindgen's EnumBuilder::build), then the BitOr/BitAnd impls and the
 * #[repr(transparent)] struct. */
static void emit_enum_newtype(struct emitter *e, struct item *it, enum enum_style st,
			      const char *ity, bool sig, uint64_t bytes)
{
	struct ctx *c = e->c;
	struct buf *b = e->b, val = {0}, v = {0};
	bool global = st == ENUM_NEWTYPE_GLOBAL || enum_anonymous(it);
	if (!global)
		open_item(b, "impl", it->name, it->nconsts ? "{\n" : "{}\n");
	for (int i = 0; i < it->nconsts; i++) {
		struct enumerator *en = it->consts[i];
		if (global && en->skip)
			continue;
		buf_reset(&v);
		buf_printf(&v, "%s(%s)", it->name, enum_value(&val, en, sig, bytes));
		emit_doc(c, b, global ? 0 : INDENT, en->doc);
		emit_const(b, global ? 0 : INDENT, global ? en->rname : rust_ident(en->name), it->name,
			   v.p);
	}
	if (!global && it->nconsts)
		buf_puts(b, "}\n");
	buf_free(&val);
	buf_free(&v);
	if (st == ENUM_BITFIELD) {
		static const char *const ops[][4] = {
			{"BitOr", "bitor", "|", "BitOrAssign"},
			{"BitAnd", "bitand", "&", "BitAndAssign"},
		};
		for (int k = 0; k < 2; k++) {
			buf_printf(b,
				   "impl %s::ops::%s<%s> for %s {\n"
				   "    type Output = Self;\n"
				   "    #[inline]\n"
				   "    fn %s(self, other: Self) -> Self {\n"
				   "        %s(self.0 %s other.0)\n"
				   "    }\n"
				   "}\n"
				   "impl %s::ops::%s for %s {\n"
				   "    #[inline]\n"
				   "    fn %s_assign(&mut self, rhs: %s) {\n"
				   "        self.0 %s= rhs.0;\n"
				   "    }\n"
				   "}\n",
				   e->stdp, ops[k][0], it->name, it->name, ops[k][1], it->name,
				   ops[k][2], e->stdp, ops[k][3], it->name, ops[k][1], it->name,
				   ops[k][2]);
		}
	}
	emit_doc(c, b, 0, it->doc);
	buf_puts(b, "#[repr(transparent)]\n");
	if (must_use_type(c, it))
		buf_puts(b, "#[must_use]\n");
	emit_enum_derives(c, b, it);
	buf_printf(b, "pub struct %s(pub %s);\n", it->name, ity);
}

/* rustified styles (bindgen's Enum codegen): first, for each variant whose
 * value an earlier one has, `impl E { pub const B: E = E::A; }`, and for
 * an anonymous enum a module-level constant per variant instead
 * (`pub const A: _bindgen_ty_1 = _bindgen_ty_1::A;`), in variant order,
 * also for a variant annotated constant (`pub const E_A: E = E::A;`, its
 * force_constification); then the enum, with each value once. */
static void emit_enum_rust(struct emitter *e, struct item *it, enum enum_style st, bool sig,
			   uint64_t bytes)
{
	struct ctx *c = e->c;
	struct buf *b = e->b, v = {0};
	bool anon = enum_anonymous(it);
	int *first = xcalloc(it->nconsts, sizeof *first);
	for (int i = 0; i < it->nconsts; i++) {
		struct enumerator *en = it->consts[i];
		first[i] = i;
		for (int k = 0; k < i && first[i] == i; k++)
			if (it->consts[k]->uvalue == en->uvalue)
				first[i] = k;
		buf_reset(&v);
		buf_printf(&v, "%s::%s", it->name, rust_ident(it->consts[first[i]]->name));
		if (anon && !en->skip) {
			emit_const(b, 0, en->rname, it->name, v.p);
		} else if (!anon && first[i] != i) {
			open_item(b, "impl", it->name, "{\n");
			emit_const(b, INDENT, rust_ident(en->name), it->name, v.p);
			buf_puts(b, "}\n");
		} else if (!anon && en->annot && en->annot->constant) {
			/* add_constant: the enum's name first, unless
			 * --no-prepend-enum-name */
			char *cn = c->opt->prepend_enum_name ? xstrfmt("%s_%s", it->name, en->name)
							      : xstrdup(rust_ident(en->name));
			emit_const(b, 0, cn, it->name, v.p);
			free(cn);
		}
	}
	buf_free(&v);
	emit_doc(c, b, 0, it->doc);
	buf_printf(b, "#[repr(%s)]\n", repr_prim(c, it, sig));
	if (st == ENUM_RUST_NONEXHAUST)
		buf_puts(b, "#[non_exhaustive]\n");
	if (must_use_type(c, it))
		buf_puts(b, "#[must_use]\n");
	emit_enum_derives(c, b, it);
	open_item(b, "pub enum", it->name, "{\n");
	for (int i = 0; i < it->nconsts; i++) {
		struct enumerator *en = it->consts[i];
		if (first[i] != i)
			continue;
		emit_doc(c, b, INDENT, en->doc);
		buf_printf(b, "    %s = ", rust_ident(en->name));
		emit_int_value(b, sig, en->value, emit_mask_to(en->uvalue, bytes));
		buf_puts(b, ",\n");
	}
	buf_puts(b, "}\n");
	free(first);
}

void emit_enum(struct emitter *e, struct item *it)
{
	struct ctx *c = e->c;
	struct buf *b = e->b;
	bool sig = prim_signed(it->int_type); /* clang reports values sign-extended */
	uint64_t bytes = emit_type_bytes(c, it->int_type);
	struct buf ity = {0};
	if (c->opt->translate_enum_ints && it->int_type->kind == TY_PRIM && it->int_type->ctype)
		buf_puts(&ity, repr_prim(c, it, sig)); /* --translate-enum-integer-types */
	else
		emit_type(e, &ity, it->int_type);
	enum enum_style st = it->style;
	if ((st == ENUM_RUST || st == ENUM_RUST_NONEXHAUST) && !it->nconsts)
		st = ENUM_CONSTS; /* Rust rejects repr on an enum without variants */
	switch (st) {
	case ENUM_CONSTS:
		emit_enum_consts(e, it, ity.p, sig, bytes);
		break;
	case ENUM_MODULE_CONSTS:
		emit_doc(c, b, 0, it->doc);
		buf_printf(b, "pub mod %s {\n%s    pub type Type = %s;\n", it->name,
			   must_use_type(c, it) ? "    #[must_use]\n" : "", ity.p);
		for (int i = 0; i < it->nconsts; i++) {
			struct enumerator *en = it->consts[i];
			emit_doc(c, b, INDENT, en->doc);
			buf_printf(b, "    pub const %s: Type = ", rust_ident(en->name));
			emit_int_value(b, sig, en->value, emit_mask_to(en->uvalue, bytes));
			buf_puts(b, ";\n");
		}
		buf_puts(b, "}\n");
		break;
	case ENUM_NEWTYPE:
	case ENUM_NEWTYPE_GLOBAL:
	case ENUM_BITFIELD:
		emit_enum_newtype(e, it, st, ity.p, sig, bytes);
		break;
	case ENUM_RUST:
	case ENUM_RUST_NONEXHAUST:
		emit_enum_rust(e, it, st, sig, bytes);
		break;
	}
	buf_free(&ity);
}
