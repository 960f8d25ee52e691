/* emit_type.c — the Rust spelling of a C type: primitives through the
 * ctypes prefix, pointers, arrays, function pointers, blobs. */
#include "emit.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

const char *ctypes(const struct ctx *c)
{
	if (c->opt->ctypes_prefix)
		return c->opt->ctypes_prefix;
	/* bindgen's helpers::ast_ty::raw_type: ::core::ffi with --use-core
	 * from Rust 1.64 (core_ffi_c), ::std::os::raw otherwise */
	return c->opt->use_core && rust_has(c->opt, RUST_CORE_FFI_C) ? "::core::ffi"
								       : "::std::os::raw";
}

/* bindgen's helpers::blob: integers of the alignment, one of them
 * written bare. */
void emit_blob(struct buf *b, uint64_t size, uint64_t align)
{
	uint64_t a = align > 8 ? 8 : align ? align : 1;
	if (size == a)
		buf_printf(b, "u%llu", (unsigned long long)a * 8);
	else
		buf_printf(b, "[u%llu; %lluusize]", (unsigned long long)a * 8,
			   (unsigned long long)(size / a));
}

/* bindgen's helpers::blob with ffi_safe (to_opaque): an integer of the
 * alignment (u8..u128) once, or __BindgenOpaqueArray<uN, K> (from Rust
 * 1.51, min_const_generics; [uN; K] before). */
static void emit_ffi_blob(struct emitter *e, struct buf *b, uint64_t size, uint64_t align)
{
	uint64_t n = size / align;
	if (n == 1) {
		buf_printf(b, "u%llu", (unsigned long long)align * 8);
	} else if (rust_has(e->c->opt, RUST_CONST_GENERICS)) {
		e->need |= NEED_OPAQUE_ARRAY;
		buf_printf(b, "__BindgenOpaqueArray<u%llu, %lluusize>", (unsigned long long)align * 8,
			   (unsigned long long)n);
	} else {
		buf_printf(b, "[u%llu; %lluusize]", (unsigned long long)align * 8,
			   (unsigned long long)n);
	}
}

/* bindgen's to_rust_ty: a pointer of another size than the target's is
 * an error, and to_rust_ty_or_opaque writes the blob of its layout (u32
 * for void *__ptr32); a pointer to a function (or to a typedef of a
 * function type) is the Option<fn> itself. */
static void emit_pointer(struct emitter *e, struct buf *b, const struct type *t)
{
	if (t->odd_size) {
		emit_blob(b, t->size, t->align);
		return;
	}
	if (!type_is_fn(t->sub))
		buf_puts(b, t->is_const ? "*const " : "*mut ");
	emit_type(e, b, t->sub);
}

/* A named record, enum or typedef where a type is used. */
static void emit_item_name(struct emitter *e, struct buf *b, const struct item *it)
{
	if (it->stdint) { /* bindgen's type_from_named */
		buf_puts(b, it->stdint);
		return;
	}
	if (it->kind == IT_ENUM && it->int_alias && !it->alias_same) {
		/* `enum E` where the integer typedef E has another size or
		 * signedness: bindgen writes E, with the typedef's layout */
		emit_type(e, b, it->int_type);
		return;
	}
	buf_puts(b, it->name);
	if (it->kind == IT_ENUM && it->style == ENUM_MODULE_CONSTS)
		buf_puts(b, "::Type");
}

void emit_type(struct emitter *e, struct buf *b, const struct type *t)
{
	const char *cp = e->cprefix;
	switch (t->kind) {
	case TY_VOID:
		buf_printf(b, "%s::c_void", cp);
		break;
	case TY_PRIM:
		if (t->ctype)
			buf_printf(b, "%s::%s", cp, t->prim);
		else
			buf_puts(b, t->prim);
		break;
	case TY_PTR:
		emit_pointer(e, b, t);
		break;
	case TY_ARRAY:
		buf_putc(b, '[');
		emit_type(e, b, t->sub);
		buf_printf(b, "; %lluusize]", (unsigned long long)t->len);
		break;
	case TY_FLEX:
		/* bindgen's Array(T, 0): a struct's own field of this type is
		 * an __IncompleteArrayField (emit_field_line) */
		buf_putc(b, '[');
		emit_type(e, b, t->sub);
		buf_puts(b, "; 0usize]");
		break;
	case TY_FUNC:
		/* a calling convention Rust cannot express: the pointer's bytes */
		if (t->abi_why) {
			emit_blob(b, t->size, t->align);
			break;
		}
		buf_printf(b, "%s::option::Option<", e->stdp);
		emit_fn_sig(e, b, t, true);
		buf_putc(b, '>');
		break;
	case TY_ITEM:
		emit_item_name(e, b, t->item);
		break;
	case TY_BLOB: {
		if (t->ffi_blob) {
			emit_ffi_blob(e, b, t->size, t->align);
			break;
		}
		uint64_t a = t->align > 8 ? 8 : t->align;
		buf_printf(b, "[u%llu; %lluusize]", (unsigned long long)a * 8,
			   (unsigned long long)(t->size / a));
		break;
	}
	case TY_COMPLEX:
		e->need |= NEED_COMPLEX;
		buf_puts(b, "__BindgenComplex<");
		emit_type(e, b, t->sub);
		buf_putc(b, '>');
		break;
	case TY_FLOAT16:
		e->need |= NEED_FLOAT16;
		buf_puts(b, "__BindgenFloat16");
		break;
	}
}

/* bindgen's fnsig_return_ty_internal: no return type when the type,
 * through its aliases, is void (typedef void VOID; VOID f(void);). */
void emit_return(struct emitter *e, struct buf *b, const struct type *f)
{
	if (f->noreturn)
		buf_puts(b, " -> !");
	else if (!type_is_void(f->sub)) {
		buf_puts(b, " -> ");
		emit_type(e, b, f->sub);
	}
}

/* unsafe extern "C" fn(arg1: T, ...) -> R, with the function's ABI */
void emit_fn_sig(struct emitter *e, struct buf *b, const struct type *f, bool names)
{
	buf_printf(b, "unsafe extern \"%s\" fn(", f->abi ? f->abi : "C");
	for (int i = 0; i < f->nparams; i++) {
		if (i)
			buf_puts(b, ", ");
		buf_printf(b, "%s: ", f->params[i].name);
		emit_type(e, b, f->params[i].type);
	}
	if (f->variadic)
		buf_puts(b, f->nparams ? ", ..." : "...");
	buf_putc(b, ')');
	emit_return(e, b, f);
}

/* The size of the Rust type of t (layout.c's view). */
uint64_t emit_type_bytes(struct ctx *c, const struct type *t)
{
	uint64_t s, a;
	rs_type_layout(c, t, &s, &a);
	return s;
}
