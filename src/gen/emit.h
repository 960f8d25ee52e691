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

struct emitter {
	struct ctx *c;       /* the run */
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

void emit_blob(struct buf *b, uint64_t size, uint64_t align);
void emit_return(struct ctx *c, struct buf *b, const struct type *f);
void emit_fn_sig(struct ctx *c, struct buf *b, const struct type *f, bool names);

/* ---- emit_lines.c ---- */

const struct type *fn_of(const struct type *t);
void emit_typed_line(struct emitter *e, int indent, const char *lead, const struct type *t,
		     const char *trail);
void emit_params_vertical(struct emitter *e, int indent, const struct type *f);
__attribute__((sentinel)) const char *emit_join(struct buf *s, ...);
void open_item(struct buf *b, const char *kw, const char *name, const char *brace);
void emit_assert_offset(struct emitter *e, const char *head, const char *t, const char *f,
			unsigned long long want);
void emit_assert_type(struct emitter *e, const char *head, const char *fn, const char *t,
		      unsigned long long want);

/* ---- emit_attrs.c ---- */

bool must_use_type(const struct ctx *c, const struct item *it);
void emit_derives(struct ctx *c, struct buf *b, struct item *it, unsigned d,
		  int applies);
void emit_enum_derives(struct ctx *c, struct buf *b, struct item *it);
void emit_zeroing_default(struct emitter *e, const char *name);

/* ---- emit_record.c ---- */

uint64_t type_bytes(struct ctx *c, const struct type *t);
bool type_is_bool(const struct type *t);
void emit_record(struct emitter *e, struct item *it);
void emit_const(struct buf *b, int indent, const char *name, const char *ty,
		const char *val);

/* ---- emit_enum.c ---- */

void emit_int_value(struct buf *b, bool is_signed, int64_t v, uint64_t u);
uint64_t mask_to(uint64_t v, uint64_t bytes);
void emit_enum(struct emitter *e, struct item *it);

/* ---- emit_items.c ---- */

void emit_typedef(struct emitter *e, struct item *it);
void emit_function(struct emitter *e, struct item *it);
void emit_var(struct emitter *e, struct item *it);
void emit_macro(struct emitter *e, struct item *it);

/* ---- emit_rust.c ---- */

void emit_item(struct emitter *e, struct item *it);

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
