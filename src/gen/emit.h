/*
 * emit.h — what the Rust emitter's files (emit_*.c) share: the emitter
 * state of one half of the items, and each file's functions the others
 * call, grouped by the file that owns them.
 */
#ifndef H2RS_EMIT_H
#define H2RS_EMIT_H

#include "h2rs.h"

#define INDENT 4
#define MAX_WIDTH 100

/* bindgen's helper types (rs/NAME.rs), written before the items when the
 * items' text uses them. */
enum {
	NEED_BITFIELD_UNIT = 1,    /* __BindgenBitfieldUnit */
	NEED_OPAQUE_ARRAY = 2,     /* __BindgenOpaqueArray */
	NEED_INCOMPLETE_ARRAY = 4, /* __IncompleteArrayField */
	NEED_UNION_FIELD = 8,      /* __BindgenUnionField */
	NEED_COMPLEX = 16,         /* __BindgenComplex */
	NEED_FLOAT16 = 32,         /* __BindgenFloat16 */
};

struct emitter {
	struct ctx *c;       /* the run */
	unsigned need;       /* NEED_* bits: the helper types this text uses */
	struct buf *b;       /* items text */
	const char *cprefix; /* ctypes prefix, e.g. ::std::os::raw */
	const char *stdp;    /* ::std or ::core */
	bool cur_union;      /* the record being written is a union */
	bool cur_wrapper;    /* ... written as bindgen's wrapper struct (__BindgenUnionField) */
	bool cur_md;         /* ... a Rust union with every member in ManuallyDrop */
	const struct rs_field *fam; /* --flexarray-dst: its field written as FAM, or NULL */
	bool in_field;       /* emit_typed_line is writing a struct field */
	const char *vis;     /* fields' and accessors' visibility: "pub ", "pub(crate) " or "" */
	struct buf head, expr, open, tail; /* scratch for layout assertions */
	struct buf lead;     /* scratch for a field line's "pub name: " */
	struct buf val;      /* scratch for a macro constant's value */
};

/* ---- emit_type.c ---- */

/* The ctypes prefix (--ctypes-prefix, else bindgen's default). */
const char *ctypes(const struct ctx *c);
void emit_blob(struct buf *b, uint64_t size, uint64_t align);
void emit_type(struct emitter *e, struct buf *b, const struct type *t);
void emit_return(struct emitter *e, struct buf *b, const struct type *f);
void emit_fn_sig(struct emitter *e, struct buf *b, const struct type *f, bool names);
uint64_t emit_type_bytes(struct ctx *c, const struct type *t);

/* ---- emit_lines.c ---- */

const struct type *fn_of(const struct type *t);
void emit_typed_line(struct emitter *e, int indent, const char *lead, const struct type *t,
		     const char *trail);
void emit_params_vertical(struct emitter *e, int indent, const struct type *f);
__attribute__((sentinel)) const char *emit_join(struct buf *s, ...);
void open_item(struct buf *b, const char *kw, const char *name, const char *brace);
void emit_const(struct buf *b, int indent, const char *name, const char *ty,
		const char *val);
void emit_assert_offset(struct emitter *e, const char *head, const char *t, const char *f,
			unsigned long long want);
void emit_assert_type(struct emitter *e, const char *head, const char *fn, const char *t,
		      unsigned long long want);

/* ---- emit_attrs.c ---- */

void emit_doc(struct ctx *c, struct buf *b, int indent, const char *doc);
bool fn_must_use(const struct ctx *c, const struct item *it);
bool must_use_type(const struct ctx *c, const struct item *it);
void emit_derives(struct ctx *c, struct buf *b, struct item *it, unsigned d,
		  int applies);
void emit_enum_derives(struct ctx *c, struct buf *b, struct item *it);
void emit_zeroing_default(struct emitter *e, const char *name);

/* ---- emit_record.c ---- */

bool type_is_bool(const struct type *t);
void emit_record(struct emitter *e, struct item *it);

/* ---- emit_enum.c ---- */

void emit_int_value(struct buf *b, bool is_signed, int64_t v, uint64_t u);
uint64_t emit_mask_to(uint64_t v, uint64_t bytes);
void emit_enum(struct emitter *e, struct item *it);

/* ---- emit_items.c ---- */

void emit_typedef(struct emitter *e, struct item *it);
void emit_function(struct emitter *e, struct item *it);
void emit_var(struct emitter *e, struct item *it);
void emit_macro(struct emitter *e, struct item *it);

/* ---- emit_impls.c: hand-written trait impls, flexible array impls ---- */
/* --impl-debug: impl Debug for a record that does not derive it (derives:
 * its derives), for the type impl_ty (NAME, or NAME<[T; 0]>). */
void emit_debug_impl(struct ctx *c, struct buf *b, struct item *it, unsigned derives,
		     const char *impl_ty);
/* --impl-partialeq: impl PartialEq where the analysis says Manually. */
void emit_partialeq_impl(struct ctx *c, struct buf *b, struct item *it, const char *impl_ty);
/* --flexarray-dst: impl NAME<[T]> and impl NAME<[T; 0]> (elem: T's text). */
void emit_flexarray_impls(struct ctx *c, struct buf *b, const struct item *it, const char *elem);

/* ---- emit_dyn.c: --dynamic-loading (bindgen's codegen/dyngen.rs) ---- */
/* Whether the item is a member of the library struct instead of an extern
 * block: a function, or a static that is not a constant. */
bool dyn_item(const struct ctx *c, const struct item *it);
/* Append the library struct and its impl (after every other item). */
void emit_dynamic(struct emitter *e, struct buf *out);

/* ---- rs/NAME.rs: bindgen's helper types, embedded at build time ----
 * (scripts/embed.sh; NUL-terminated, _len bytes before the NUL) */
extern const char rs_bitfield_unit[];
extern const unsigned long rs_bitfield_unit_len;
extern const char rs_opaque_array[];
extern const unsigned long rs_opaque_array_len;
extern const char rs_incomplete_array[];
extern const unsigned long rs_incomplete_array_len;
extern const char rs_union_field[];
extern const unsigned long rs_union_field_len;
extern const char rs_complex[];
extern const unsigned long rs_complex_len;
extern const char rs_float16[];
extern const unsigned long rs_float16_len;

#endif /* H2RS_EMIT_H */
