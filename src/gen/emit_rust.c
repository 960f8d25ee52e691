/* emit_rust.c — IR → Rust text, in bindgen's shapes and rustfmt's layout.
 * Items are written in declaration order, in two halves on two threads
 * (joined in order, so the text does not depend on the threads); the
 * prelude (bitfield unit, incomplete array field, …) goes first, only if
 * used. */
#include "h2rs.h"

#include <math.h>
#include <stdarg.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

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

const char *ctypes(const struct ctx *c)
{
	if (c->opt->ctypes_prefix)
		return c->opt->ctypes_prefix;
	/* bindgen's helpers::ast_ty::raw_type: ::core::ffi with --use-core
	 * from Rust 1.64 (core_ffi_c), ::std::os::raw otherwise */
	return c->opt->use_core && rust_has(c->opt, RUST_CORE_FFI_C) ? "::core::ffi"
								       : "::std::os::raw";
}

static void emit_fn_sig(struct ctx *c, struct buf *b, const struct type *f, bool names);

/* bindgen's helpers::blob: integers of the alignment, one of them
 * written bare. */
static void emit_blob(struct buf *b, uint64_t size, uint64_t align)
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
static void emit_ffi_blob(struct ctx *c, struct buf *b, uint64_t size, uint64_t align)
{
	uint64_t n = size / align;
	if (n == 1) {
		buf_printf(b, "u%llu", (unsigned long long)align * 8);
	} else if (rust_has(c->opt, RUST_CONST_GENERICS)) {
		c->need_opaque_array = true;
		buf_printf(b, "__BindgenOpaqueArray<u%llu, %lluusize>", (unsigned long long)align * 8,
			   (unsigned long long)n);
	} else {
		buf_printf(b, "[u%llu; %lluusize]", (unsigned long long)align * 8,
			   (unsigned long long)n);
	}
}

void emit_type(struct ctx *c, struct buf *b, const struct type *t)
{
	const char *cp = ctypes(c);
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
		/* bindgen's to_rust_ty: a pointer of another size than the
		 * target's is an error, and to_rust_ty_or_opaque writes the
		 * blob of its layout (u32 for void *__ptr32) */
		if (t->odd_size) {
			emit_blob(b, t->size, t->align);
			break;
		}
		/* a pointer to a function (or to a typedef of a function type) is
		 * the Option<fn> itself */
		if (type_is_fn(t->sub)) {
			emit_type(c, b, t->sub);
			break;
		}
		buf_puts(b, t->is_const ? "*const " : "*mut ");
		emit_type(c, b, t->sub);
		break;
	case TY_ARRAY:
		buf_putc(b, '[');
		emit_type(c, b, t->sub);
		buf_printf(b, "; %lluusize]", (unsigned long long)t->len);
		break;
	case TY_FLEX:
		/* bindgen's Array(T, 0): a struct's own field of this type is
		 * an __IncompleteArrayField (emit_field_line) */
		buf_putc(b, '[');
		emit_type(c, b, t->sub);
		buf_puts(b, "; 0usize]");
		break;
	case TY_FUNC:
		/* a calling convention Rust cannot express: the pointer's bytes */
		if (t->abi_why) {
			emit_blob(b, t->size, t->align);
			break;
		}
		buf_puts(b, c->opt->use_core ? "::core::option::Option<" : "::std::option::Option<");
		emit_fn_sig(c, b, t, true);
		buf_putc(b, '>');
		break;
	case TY_ITEM:
		if (t->item->stdint) { /* bindgen's type_from_named */
			buf_puts(b, t->item->stdint);
			break;
		}
		if (t->item->kind == IT_ENUM && t->item->int_alias && !t->item->alias_same) {
			/* `enum E` where the integer typedef E has another size or
			 * signedness: bindgen writes E, with the typedef's layout */
			emit_type(c, b, t->item->int_type);
			break;
		}
		buf_puts(b, t->item->name);
		if (t->item->kind == IT_ENUM && t->item->style == ENUM_MODULE_CONSTS)
			buf_puts(b, "::Type");
		break;
	case TY_BLOB: {
		if (t->ffi_blob) {
			emit_ffi_blob(c, b, t->size, t->align);
			break;
		}
		uint64_t a = t->align > 8 ? 8 : t->align;
		buf_printf(b, "[u%llu; %lluusize]", (unsigned long long)a * 8,
			   (unsigned long long)(t->size / a));
		break;
	}
	case TY_COMPLEX:
		c->need_complex = true;
		buf_puts(b, "__BindgenComplex<");
		emit_type(c, b, t->sub);
		buf_putc(b, '>');
		break;
	case TY_FLOAT16:
		c->need_float16 = true;
		buf_puts(b, "__BindgenFloat16");
		break;
	}
}

/* bindgen's fnsig_return_ty_internal: no return type when the type,
 * through its aliases, is void (typedef void VOID; VOID f(void);). */
static void emit_return(struct ctx *c, struct buf *b, const struct type *f)
{
	if (f->noreturn)
		buf_puts(b, " -> !");
	else if (!type_is_void(f->sub)) {
		buf_puts(b, " -> ");
		emit_type(c, b, f->sub);
	}
}

/* unsafe extern "C" fn(arg1: T, ...) -> R, with the function's ABI */
static void emit_fn_sig(struct ctx *c, struct buf *b, const struct type *f, bool names)
{
	buf_printf(b, "unsafe extern \"%s\" fn(", f->abi ? f->abi : "C");
	for (int i = 0; i < f->nparams; i++) {
		if (i)
			buf_puts(b, ", ");
		buf_printf(b, "%s: ", f->params[i].name);
		emit_type(c, b, f->params[i].type);
	}
	if (f->variadic)
		buf_puts(b, f->nparams ? ", ..." : "...");
	buf_putc(b, ')');
	emit_return(c, b, f);
}

/* ---- rustfmt's line breaking, for the shapes we emit ---- */

/* The function type t is written as (an Option<fn>), or NULL. */
static const struct type *fn_of(const struct type *t)
{
	if (t->kind == TY_PTR)
		t = t->sub;
	return t->kind == TY_FUNC && !t->abi_why ? t : NULL;
}

/* Parameters one per line at indent, each ending in a comma. */
static void emit_params_vertical(struct emitter *e, int indent, const struct type *f);

/* lead + type + trail at indent, broken the way rustfmt breaks it when the
 * line is longer than 100 columns: after "=" first, then inside
 * Option<fn(..)>, then one parameter per line. */
static void emit_typed_line(struct emitter *e, int indent, const char *lead, const struct type *t,
			    const char *trail)
{
	struct ctx *c = e->c;
	struct buf *b = e->b;
	struct buf ty = {0};
	emit_type(c, &ty, t);
	size_t lead_len = strlen(lead), trail_len = strlen(trail);
	if (indent + lead_len + ty.len + trail_len <= MAX_WIDTH) {
		buf_indent(b, indent);
		buf_printf(b, "%s%s%s\n", lead, ty.p, trail);
		goto out;
	}
	/* type aliases break after "=", struct fields (not parameters) after ":" */
	bool alias = lead_len >= 2 && !strcmp(lead + lead_len - 2, "= ");
	bool field = (e->in_field || !strncmp(lead, "pub ", 4)) && lead_len >= 2 &&
		     !strcmp(lead + lead_len - 2, ": ");
	if ((alias || field) &&
	    indent + 4 + ty.len + trail_len <= MAX_WIDTH) {
		buf_indent(b, indent);
		buf_putn(b, lead, lead_len - 1);
		buf_putc(b, '\n');
		buf_indent(b, indent + 4);
		buf_printf(b, "%s%s\n", ty.p, trail);
		goto out;
	}
	const struct type *f = fn_of(t);
	if (!f) {
		buf_indent(b, indent);
		buf_printf(b, "%s%s%s\n", lead, ty.p, trail);
		goto out;
	}
	buf_indent(b, indent);
	buf_printf(b, "%s%s::option::Option<\n", lead, e->stdp);
	buf_reset(&ty);
	emit_fn_sig(c, &ty, f, true);
	if (indent + 4 + ty.len + 1 <= MAX_WIDTH) {
		buf_indent(b, indent + 4);
		buf_printf(b, "%s,\n", ty.p);
	} else {
		buf_indent(b, indent + 4);
		buf_printf(b, "unsafe extern \"%s\" fn(\n", f->abi ? f->abi : "C");
		emit_params_vertical(e, indent + 8, f);
		buf_indent(b, indent + 4);
		buf_putc(b, ')');
		emit_return(c, b, f);
		buf_puts(b, ",\n");
	}
	buf_indent(b, indent);
	buf_printf(b, ">%s\n", trail);
out:
	buf_free(&ty);
}

static void emit_params_vertical(struct emitter *e, int indent, const struct type *f)
{
	for (int i = 0; i < f->nparams; i++) {
		char *lead = xstrfmt("%s: ", f->params[i].name);
		emit_typed_line(e, indent, lead, f->params[i].type, ",");
		free(lead);
	}
	if (f->variadic) {
		buf_indent(e->b, indent);
		buf_puts(e->b, "...\n");
	}
}

/* Strings joined into a scratch buffer (reset first); the list ends in NULL. */
static __attribute__((sentinel)) const char *join(struct buf *s, ...)
{
	va_list ap;
	buf_reset(s);
	va_start(ap, s);
	for (const char *p; (p = va_arg(ap, const char *));)
		buf_puts(s, p);
	va_end(ap);
	return s->p ? s->p : "";
}

/* An item's opening line, "KW NAME {", as rustfmt writes it: when it
 * would pass the last column, the brace (or "{}") goes on a line of its
 * own, and an inherent impl's type on one more. */
static void open_item(struct buf *b, const char *kw, const char *name, const char *brace)
{
	if (strlen(kw) + 1 + strlen(name) + 1 + strcspn(brace, "\n") <= MAX_WIDTH)
		buf_printf(b, "%s %s %s", kw, name, brace);
	else if (!strcmp(kw, "impl"))
		buf_printf(b, "impl\n    %s\n%s", name, brace);
	else
		buf_printf(b, "%s %s\n%s", kw, name, brace);
}

/* Layout assertions, "    HEAD[S::mem::EXPR - N];", broken as rustfmt
 * breaks an index expression: all on one line; else the index on the next
 * line; else the index broken where it starts, if its first line allows;
 * else broken on the next line. Returns false when neither of the first
 * two fits (tail holds "[S::mem::EXPR - N];", num "Nusize"). */
static bool assert_fits(struct emitter *e, const char *head, const char *expr, const char *num)
{
	struct buf *b = e->b;
	const char *tail = join(&e->tail, "[", e->stdp, "::mem::", expr, " - ", num, "];", NULL);
	size_t hl = strlen(head), tl = e->tail.len;
	if (4 + hl + tl <= MAX_WIDTH) {
		buf_puts(b, "    ");
		buf_putn(b, head, hl);
		buf_putn(b, tail, tl);
		buf_putc(b, '\n');
		return true;
	}
	if (8 + tl <= MAX_WIDTH) {
		buf_printf(b, "    %s\n        %s\n", head, tail);
		return true;
	}
	return false;
}

/* " - N" after a broken index's last line, or on a line of its own when
 * the width the index started with (after "    HEAD[") is too small. */
static void assert_minus(struct buf *b, size_t hl, const char *close, const char *num)
{
	long width = (long)MAX_WIDTH - (long)(4 + hl + 1) - 2;
	bool below = width >= 0 && width < (long)(strlen(close) + 3 + strlen(num));
	buf_printf(b, "    %s%s- %s];\n", close, below ? "\n        " : " ", num);
}

/* offset_of!(T, f): its arguments one per line; the macro's path cannot
 * be broken, so rustfmt keeps it on the head line however long. */
static void emit_assert_offset(struct emitter *e, const char *head, const char *t, const char *f,
			       unsigned long long want)
{
	char num[32];
	snprintf(num, sizeof num, "%lluusize", want);
	if (assert_fits(e, head, join(&e->expr, "offset_of!(", t, ", ", f, ")", NULL), num))
		return;
	buf_printf(e->b, "    %s[%s::mem::offset_of!(\n        %s,\n        %s\n", head, e->stdp, t, f);
	assert_minus(e->b, strlen(head), ")", num);
}

/* size_of::<T>() / align_of::<T>() (fn). Broken where it starts: T on a
 * line of its own, if "S::mem::fn::<" fits the width left after the head;
 * otherwise on the next line: " - N" below the call if the call fits,
 * else the call's empty parentheses broken, else T on a line of its own. */
static void emit_assert_type(struct emitter *e, const char *head, const char *fn, const char *t,
			     unsigned long long want)
{
	struct buf *b = e->b;
	const char *S = e->stdp;
	char num[32];
	snprintf(num, sizeof num, "%lluusize", want);
	if (assert_fits(e, head, join(&e->expr, fn, "::<", t, ">()", NULL), num))
		return;
	size_t hl = strlen(head);
	size_t path = strlen(S) + strlen("::mem::") + strlen(fn) + strlen("::<");
	if (hl + path <= MAX_WIDTH - 2) {
		buf_printf(b, "    %s[%s::mem::%s::<\n        %s,\n", head, S, fn, t);
		assert_minus(b, hl, ">()", num);
		return;
	}
	size_t call = path + strlen(t) + strlen(">()");
	if (9 + call <= MAX_WIDTH - 2)
		buf_printf(b, "    %s\n        [%s::mem::%s::<%s>()\n            - %s];\n", head, S, fn, t,
			   num);
	else if (9 + call - 1 <= MAX_WIDTH)
		buf_printf(b, "    %s\n        [%s::mem::%s::<%s>(\n        ) - %s];\n", head, S, fn, t,
			   num);
	else
		buf_printf(b, "    %s\n        [%s::mem::%s::<\n            %s,\n        >() - %s];\n", head,
			   S, fn, t, num);
}

/* ---- doc comments ---- */

static void emit_doc_line(struct buf *b, int indent, const char *s, size_t n)
{
	buf_indent(b, indent);
	buf_puts(b, "#[doc = \"");
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];
		if (ch == '"' || ch == '\\')
			buf_putc(b, '\\');
		if (ch == '\t')
			buf_putc(b, ' ');
		else if ((unsigned char)ch >= 0x20 || ch < 0)
			buf_putc(b, ch);
	}
	buf_puts(b, "\"]\n");
}

/* Strip comment markers the way bindgen does and write #[doc] lines. */
void emit_doc(struct ctx *c, struct buf *b, int indent, const char *doc)
{
	if (!doc || !c->opt->doc_comments)
		return;
	const char *p = doc;
	bool block = !strncmp(p, "/*", 2);
	if (block) {
		p += 2;
		while (*p == '*' || *p == '!')
			p++;
	}
	const char *end = p + strlen(p);
	if (block && end - p >= 2 && !strncmp(end - 2, "*/", 2))
		end -= 2;
	bool first = true;
	while (p < end) {
		const char *nl = memchr(p, '\n', end - p);
		const char *le = nl ? nl : end;
		const char *s = p;
		if (block) {
			if (!first) {
				while (s < le && (*s == ' ' || *s == '\t'))
					s++;
				if (s < le && *s == '*') {
					s++;
				}
			}
		} else {
			while (s < le && (*s == ' ' || *s == '\t'))
				s++;
			if (!strncmp(s, "///", 3) || !strncmp(s, "//!", 3))
				s += 3;
			else if (!strncmp(s, "//", 2))
				s += 2;
		}
		const char *e = le;
		while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
			e--;
		bool last = !nl || nl + 1 >= end;
		if (!((first || last) && e == s && block))
			emit_doc_line(b, indent, s, e - s);
		first = false;
		p = nl ? nl + 1 : end;
	}
}

/* ---- derives and attributes ---- */

/* Whether the comma-separated list l (or NULL) has the entry x. */
static bool has_list_entry(const char *l, const char *x)
{
	size_t n = strlen(x);
	for (const char *p = l; p && *p;) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len == n && !strncmp(p, x, n))
			return true;
		p = e ? e + 2 : NULL;
	}
	return false;
}

/* bindgen's Item::must_use: --must-use-type or a mustusetype annotation. */
static bool must_use_type(const struct ctx *c, const struct item *it)
{
	return item_must_use(c->opt, it);
}

/* bindgen's Function codegen: #[must_use] for the function's own attribute
 * (--enable-function-attribute-detection), or for a return type (through
 * type refs, not typedefs) that --must-use-type or a mustusetype
 * annotation names. */
bool fn_must_use(const struct ctx *c, const struct item *it)
{
	const struct type *rt = it->type->sub;
	return (it->must_use && c->opt->fn_attr_detection) ||
	       (rt && rt->kind == TY_ITEM && must_use_type(c, rt->item));
}

/* The derive list of bindgen's CompInfo and Enum codegen: the derivable
 * traits, then derive= annotations (records and enums only; an enum drops
 * one it already has), then --with-derive-custom*. */
static void emit_derive_list(struct ctx *c, struct buf *b, struct item *it, unsigned d,
			     int applies)
{
	struct buf l = {0};
	static const struct {
		unsigned bit;
		const char *name;
	} order[] = {
		{DERIVE_DEBUG, "Debug"}, {DERIVE_DEFAULT, "Default"}, {DERIVE_COPY, "Copy"},
		{DERIVE_COPY | DERIVE_CLONE, "Clone"},  {DERIVE_HASH, "Hash"},       {DERIVE_PARTIALORD, "PartialOrd"},
		{DERIVE_ORD, "Ord"},     {DERIVE_PARTIALEQ, "PartialEq"}, {DERIVE_EQ, "Eq"},
	};
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
		if (d & order[i].bit)
			buf_printf(&l, "%s%s", l.len ? ", " : "", order[i].name);
	const struct annot *a = it->kind == IT_TYPEDEF ? NULL : it->annot;
	for (int i = 0; a && i < a->derives.n; i++) {
		const char *dv = a->derives.v[i];
		if (it->kind == IT_ENUM && has_list_entry(l.p, dv))
			continue;
		buf_printf(&l, "%s%s", l.len ? ", " : "", dv);
	}
	for (int i = 0; i < c->opt->customs.n; i++) {
		struct custom_attr *ca = c->opt->customs.v[i];
		if (ca->is_derive && (ca->applies & applies) &&
		    regexec(&ca->re, it->name, 0, NULL, 0) == 0)
			buf_printf(&l, "%s%s", l.len ? ", " : "", ca->text);
	}
	if (l.len)
		buf_printf(b, "#[derive(%s)]\n", l.p);
	buf_free(&l);
}

/* attribute= annotations (records and enums), then --with-attribute-custom*. */
static void emit_attr_lines(struct ctx *c, struct buf *b, struct item *it, int applies)
{
	const struct annot *a = it->kind == IT_TYPEDEF ? NULL : it->annot;
	for (int i = 0; a && i < a->attrs.n; i++)
		buf_printf(b, "%s\n", (const char *)a->attrs.v[i]);
	for (int i = 0; i < c->opt->customs.n; i++) {
		struct custom_attr *ca = c->opt->customs.v[i];
		if (!ca->is_derive && (ca->applies & applies) &&
		    regexec(&ca->re, it->name, 0, NULL, 0) == 0)
			buf_printf(b, "%s\n", ca->text);
	}
}

/* A record's or newtype's: derives, attributes, and (bindgen's CompInfo
 * codegen) #[must_use] last. */
static void emit_derives(struct ctx *c, struct buf *b, struct item *it, unsigned d,
			 int applies)
{
	emit_derive_list(c, b, it, d, applies);
	emit_attr_lines(c, b, it, applies);
	if (it->kind == IT_RECORD && must_use_type(c, it))
		buf_puts(b, "#[must_use]\n");
}

/* An enum's (bindgen's Enum codegen): the attributes, then the derives. */
static void emit_enum_derives(struct ctx *c, struct buf *b, struct item *it)
{
	emit_attr_lines(c, b, it, 4);
	emit_derive_list(c, b, it, enum_derives(c, it), 4);
}

static void emit_zeroing_default(struct emitter *e, const char *name)
{
	if (strlen("impl Default for  {") + strlen(name) > MAX_WIDTH)
		buf_printf(e->b, "impl Default\n    for %s\n{\n", name);
	else
		buf_printf(e->b, "impl Default for %s {\n", name);
	buf_printf(e->b,
		   "    fn default() -> Self {\n"
		   "        let mut s = %s::mem::MaybeUninit::<Self>::uninit();\n"
		   "        unsafe {\n"
		   "            %s::ptr::write_bytes(s.as_mut_ptr(), 0, 1);\n"
		   "            s.assume_init()\n"
		   "        }\n"
		   "    }\n"
		   "}\n",
		   e->stdp, e->stdp);
}

/* ---- records ---- */

static uint64_t type_bytes(struct ctx *c, const struct type *t)
{
	uint64_t s, a;
	rs_type_layout(c, t, &s, &a);
	return s;
}

static bool type_is_bool(const struct type *t)
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
	uint64_t bytes = type_bytes(e->c, f->type);
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
	uint64_t bytes = type_bytes(e->c, f->type);
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
	struct ctx *c = e->c;
	struct buf *b = e->b;
	struct buf ty = {0}, expr = {0};
	emit_type(c, &ty, f->type);
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
	struct ctx *c = e->c;
	struct buf *b = e->b;
	struct buf sig = {0};
	int n = 0;
	for (int i = 0; i < u->nbits; i++) {
		struct field *f = u->bits[i];
		if (!f->cname[0])
			continue;
		buf_printf(&sig, "%s%s: ", n++ ? ", " : "", rust_ident(f->cname));
		emit_type(c, &sig, f->type);
	}
	char ret[96];
	snprintf(ret, sizeof ret, ") -> __BindgenBitfieldUnit<[u8; %lluusize]> {",
		 (unsigned long long)u->bytes);
	char head[64];
	snprintf(head, sizeof head, "    %sfn new_bitfield_%d(", unit_vis(e, u), u->unit);
	buf_puts(b, "    #[inline]\n");
	if (strlen(head) + sig.len + strlen(ret) <= MAX_WIDTH) {
		buf_printf(b, "%s%s%s\n", head, sig.p ? sig.p : "", ret);
	} else {
		buf_printf(b, "%s\n", head);
		for (int i = 0; i < u->nbits; i++) {
			struct field *f = u->bits[i];
			if (!f->cname[0])
				continue;
			buf_printf(b, "        %s: ", rust_ident(f->cname));
			emit_type(c, b, f->type);
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
		emit_type(e->c, &ty, t);
		buf_putc(&ty, '>');
	} else if (e->cur_md) {
		buf_printf(&ty, "%s::mem::ManuallyDrop<", e->stdp);
		emit_type(e->c, &ty, t);
		buf_putc(&ty, '>');
	} else {
		emit_type(e->c, &ty, t);
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
		e->c->need_bitfield_unit = true;
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
	emit_type(e->c, &e->tail, t);
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
			emit_wrapped_field(e, rf, join(&e->open, e->stdp, "::mem::ManuallyDrop<", NULL),
					   rf->cfield->type);
		} else if (rf == e->fam) {
			buf_printf(b, "    %s%s: FAM,\n", e->vis, rf->name);
		} else if (!it->is_union && rf->cfield->type->kind == TY_FLEX) {
			/* bindgen's FieldCodegen: a struct's field whose own type
			 * (not a typedef's) is Array(T, 0), wherever it is */
			c->need_incomplete_array = true;
			emit_wrapped_field(e, rf, "__IncompleteArrayField<", rf->cfield->type->sub);
		} else {
			e->in_field = true;
			emit_typed_line(e, INDENT, join(&e->lead, e->vis, rf->name, ": ", NULL),
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
		e->c->need_bitfield_unit = true;
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
	emit_assert_type(e, join(&e->head, "[\"Size of ", n, "\"]", NULL), "size_of", n, it->size);
	emit_assert_type(e, join(&e->head, "[\"Alignment of ", n, "\"]", NULL), "align_of", n,
			 it->align);
	for (int i = 0; i < it->nrs; i++) {
		struct rs_field *rf = &it->rs[i];
		if (rf->kind != RF_FIELD)
			continue;
		emit_assert_offset(e, join(&e->head, "[\"Offset of field: ", n, "::", rf->name, "\"]", NULL),
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
			c->need_bitfield_unit = c->need_union_field = true;
			buf_printf(b, "    %s%s: __BindgenUnionField<__BindgenBitfieldUnit<[u8; %lluusize]>>,\n",
				   e->vis, rf->name, (unsigned long long)rf->bytes);
			continue;
		}
		if (rf->kind != RF_FIELD)
			continue;
		c->need_union_field = true; /* bindgen's saw_bindgen_union */
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
	emit_type(e->c, &e->open, e->fam->cfield->type->sub);
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
		emit_type(c, &elem, e->fam->cfield->type->sub);
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

static void emit_record(struct emitter *e, struct item *it)
{
	struct ctx *c = e->c;
	struct buf *b = e->b;
	const char *kw = it->is_union ? "pub union" : "pub struct";
	int applies = it->is_union ? 2 : 1;
	emit_doc(c, b, 0, it->doc);
	if (!it->complete) {
		/* a struct even for a union: is_rust_union is false for a
		 * forward declaration (ir/comp.rs) */
		unsigned fd = item_derives(c, it);
		buf_puts(b, "#[repr(C)]\n");
		emit_derives(c, b, it, fd, 1);
		open_item(b, "pub struct", it->name, "{\n    _unused: [u8; 0],\n}\n");
		emit_debug_impl(c, b, it, fd, it->name);
		return;
	}
	unsigned d = item_derives(c, it);
	bool want_default = false;
	{
		/* --with-derive-default: derive where possible, impl otherwise
		 * (not with --no-default or a nodefault annotation) */
		const struct options *o = c->opt;
		want_default = o->derive_default && !regex_list_match(&o->no_default, it->name) &&
			       !(it->annot && it->annot->nodefault);
	}
	/* the fields' visibility: a private annotation on the record, else
	 * --default-visibility (bindgen's CompInfo codegen) */
	const char *outer_vis = e->vis;
	e->vis = annot_vis(it->annot, outer_vis);
	if (it->opaque) {
		/* bindgen's CompInfo codegen for an opaque item: the blob of its
		 * layout (helpers::blob); a union stays a union when
		 * is_rust_union holds. bindgen also writes repr(align) of the
		 * alignment on every opaque item; here only where the blob needs
		 * it, so that a packed record can still hold the item (rustc
		 * rejects a packed type holding a repr(align) one, E0588) */
		bool un = opaque_rust_union(c, it);
		if (!un)
			applies = 1;
		buf_puts(b, "#[repr(C)]\n");
		if (it->repr_align)
			buf_printf(b, "#[repr(align(%llu))]\n", (unsigned long long)it->repr_align);
		emit_derives(c, b, it, d, applies);
		open_item(b, un ? "pub union" : "pub struct", it->name, "{\n");
		buf_puts(b, "    pub _bindgen_opaque_blob: ");
		emit_blob(b, it->size, it->align);
		buf_puts(b, ",\n}\n");
	} else {
		bool wrap = union_wrapper(c, it);
		if (wrap)
			applies = 1; /* bindgen's DeriveTypeKind::Struct */
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
		emit_derives(c, b, it, d, applies);
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
	emit_layout_tests(e, it);
	emit_record_impls(e, it, d, want_default && !(d & DERIVE_DEFAULT));
	e->cur_wrapper = e->cur_md = false;
	e->fam = NULL;
	e->vis = outer_vis;
}

/* pub const NAME: TYPE = VALUE; broken as rustfmt does when too long:
 * after "=" if the left side fits, else after ":". */
static void emit_const(struct buf *b, int indent, const char *name, const char *ty,
		       const char *val)
{
	size_t nl = strlen(name), tl = strlen(ty), vl = strlen(val);
	size_t lhs = indent + strlen("pub const : ") + nl + tl;
	buf_indent(b, indent);
	if (lhs + 3 + vl + 1 <= MAX_WIDTH) {
		buf_puts(b, "pub const ");
		buf_putn(b, name, nl);
		buf_putn(b, ": ", 2);
		buf_putn(b, ty, tl);
		buf_putn(b, " = ", 3);
		buf_putn(b, val, vl);
		buf_putn(b, ";\n", 2);
	} else if (lhs + 2 <= MAX_WIDTH) {
		buf_printf(b, "pub const %s: %s =\n%*s%s;\n", name, ty, indent + 4, "", val);
	} else {
		buf_printf(b, "pub const %s:\n%*s%s = %s;\n", name, indent + 4, "", ty, val);
	}
}

/* ---- enums ---- */

static void emit_int_value(struct buf *b, bool is_signed, int64_t v, uint64_t u)
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

bool prim_signed(const struct type *t)
{
	while (t->kind == TY_ITEM && t->item->kind == IT_TYPEDEF)
		t = t->item->aliased;
	if (t->kind != TY_PRIM)
		return false;
	const char *p = t->prim;
	if (p[0] == 'i')
		return true;
	/* c_char only appears here for char-typed enums; treat it as signed */
	return !strncmp(p, "c_", 2) && strncmp(p, "c_u", 3);
}

static uint64_t mask_to(uint64_t v, uint64_t bytes)
{
	return bytes >= 8 ? v : v & ((1ull << (bytes * 8)) - 1);
}

/* Rust primitive of the same size and signedness, for #[repr(..)]. */
static const char *repr_prim(struct ctx *c, struct item *it, bool is_signed)
{
	uint64_t s = type_bytes(c, it->int_type);
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
	emit_int_value(val, sig, en->value, mask_to(en->uvalue, bytes));
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
		bytes = type_bytes(c, t);
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
		emit_int_value(b, sig, en->value, mask_to(en->uvalue, bytes));
		buf_puts(b, ",\n");
	}
	buf_puts(b, "}\n");
	free(first);
}

static void emit_enum(struct emitter *e, struct item *it)
{
	struct ctx *c = e->c;
	struct buf *b = e->b;
	bool sig = prim_signed(it->int_type); /* clang reports values sign-extended */
	uint64_t bytes = type_bytes(c, it->int_type);
	struct buf ity = {0};
	if (c->opt->translate_enum_ints && it->int_type->kind == TY_PRIM && it->int_type->ctype)
		buf_puts(&ity, repr_prim(c, it, sig)); /* --translate-enum-integer-types */
	else
		emit_type(c, &ity, it->int_type);
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
			emit_int_value(b, sig, en->value, mask_to(en->uvalue, bytes));
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

/* ---- typedefs, functions, variables, constants ---- */

/* bindgen's alias styles (codegen/mod.rs, Type codegen): --normal-alias
 * first, then --new-type-alias, --new-type-alias-deref, the default. */
static enum alias_style alias_style_of(const struct options *o, const struct item *it)
{
	if (regex_list_match(&o->alias_normal, it->name))
		return ALIAS_TYPE;
	if (regex_list_match(&o->alias_newtype, it->name))
		return ALIAS_NEWTYPE;
	if (regex_list_match(&o->alias_newtype_deref, it->name))
		return ALIAS_NEWTYPE_DEREF;
	return o->default_alias_style;
}

/* #[repr(transparent)] pub struct NAME(pub INNER); with bindgen's derives,
 * and for new_type_deref the Deref and DerefMut impls. */
static void emit_newtype_alias(struct emitter *e, struct item *it, bool deref)
{
	struct ctx *c = e->c;
	struct buf *b = e->b;
	buf_puts(b, "#[repr(transparent)]\n");
	emit_derives(c, b, it, item_derives(c, it), 1);
	struct buf ty = {0};
	emit_type(c, &ty, it->aliased);
	size_t one = strlen("pub struct (") + strlen(it->name) + strlen(e->vis) + ty.len + 2;
	if (one <= MAX_WIDTH) {
		buf_printf(b, "pub struct %s(%s%s);\n", it->name, e->vis, ty.p);
	} else {
		/* rustfmt: the field on a line of its own, broken as a field is */
		buf_printf(b, "pub struct %s(\n", it->name);
		emit_typed_line(e, INDENT, e->vis, it->aliased, ",");
		buf_puts(b, ");\n");
	}
	if (deref) {
		buf_printf(b, "impl %s::ops::Deref for %s {\n", e->stdp, it->name);
		emit_typed_line(e, INDENT, "type Target = ", it->aliased, ";");
		buf_puts(b, "    #[inline]\n    fn deref(&self) -> &Self::Target {\n        &self.0\n"
			    "    }\n}\n");
		buf_printf(b, "impl %s::ops::DerefMut for %s {\n", e->stdp, it->name);
		buf_puts(b, "    #[inline]\n    fn deref_mut(&mut self) -> &mut Self::Target {\n"
			    "        &mut self.0\n    }\n}\n");
	}
	buf_free(&ty);
}

static void emit_typedef(struct emitter *e, struct item *it)
{
	emit_doc(e->c, e->b, 0, it->doc);
	enum alias_style st = alias_style_of(e->c->opt, it);
	if (st != ALIAS_TYPE) {
		emit_newtype_alias(e, it, st == ALIAS_NEWTYPE_DEREF);
		return;
	}
	char *lead = xstrfmt("pub type %s = ", it->name);
	/* --override-abi also names function pointer typedefs: bindgen's
	 * FunctionSig::abi matches the signature's name, the typedef's, and
	 * changes the outermost function type */
	const struct type *f = it->aliased->kind == TY_PTR ? it->aliased->sub : it->aliased;
	const char *abi = f->kind == TY_FUNC && it->cname ? abi_override_for(e->c->opt, it->cname)
							  : NULL;
	if (!abi) {
		emit_typed_line(e, 0, lead, it->aliased, ";");
		free(lead);
		return;
	}
	struct type fo = *f, po = *it->aliased;
	fo.abi = abi;
	fo.abi_why = NULL; /* the override wins over clang's convention */
	if (po.kind == TY_PTR)
		po.sub = &fo;
	emit_typed_line(e, 0, lead, po.kind == TY_PTR ? &po : &fo, ";");
	free(lead);
}

/* "    ) -> R;" closing a function whose parameters are one per line; a
 * function pointer R too long for that line is broken inside its Option<>,
 * as rustfmt does. */
static void emit_long_return(struct emitter *e, const struct type *f, const char *rp)
{
	struct buf *b = e->b;
	const struct type *rf = f->noreturn ? NULL : fn_of(f->sub);
	if (!rf || 6 + strlen(rp) <= MAX_WIDTH) {
		buf_printf(b, "    )%s;\n", rp);
		return;
	}
	buf_reset(&e->tail);
	emit_fn_sig(e->c, &e->tail, rf, true);
	if (8 + e->tail.len + 1 > MAX_WIDTH) {
		buf_printf(b, "    )%s;\n", rp); /* rare: left long */
		return;
	}
	buf_printf(b, "    ) -> %s::option::Option<\n        %s,\n    >;\n", e->stdp, e->tail.p);
}

/* bindgen's Function and Var codegen (codegen/mod.rs): the block is
 * "unsafe extern" from Rust 1.82 (unsafe_extern_blocks), which edition 2024
 * requires. */
static void emit_extern_open(struct ctx *c, struct buf *b, const char *abi)
{
	buf_printf(b, "%sextern \"%s\" {\n", rust_has(c->opt, RUST_UNSAFE_EXTERN) ? "unsafe " : "",
		   abi ? abi : "C");
}

/* A function or static whose Rust name is not its symbol (a keyword or
 * primitive, renamed type_) links by the symbol, which \u{1} keeps LLVM from
 * mangling further (bindgen's codegen: link_name::<false> when
 * names_will_be_identical_after_mangling is false). */
static void emit_link_name(struct buf *b, const struct item *it)
{
	if (it->cname && strcmp(it->name, it->cname))
		buf_printf(b, "    #[link_name = \"\\u{1}%s\"]\n", it->cname);
}

/* rustfmt: one line if it fits; else the return type alone moves down if
 * the parameters fit; else one parameter per line. */
static void emit_function(struct emitter *e, struct item *it)
{
	struct ctx *c = e->c;
	struct buf *b = e->b;
	const struct type *f = it->type;
	/* bindgen puts #[link(wasm_import_module)] before a function's extern
	 * block (codegen/mod.rs), not a variable's */
	if (c->opt->wasm_import_module)
		buf_printf(b, "#[link(wasm_import_module = \"%s\")]\n", c->opt->wasm_import_module);
	emit_extern_open(c, b, it->abi);
	emit_doc(c, b, INDENT, it->doc);
	if (fn_must_use(c, it))
		buf_puts(b, "    #[must_use]\n");
	/* --prefix-link-name: bindgen's PrefixLinkNameCallback names the symbol
	 * PREFIX + name, unmangled ("\u{1}"); a static function then is not
	 * wrapped (analyse.c) */
	if (c->opt->prefix_link_name && it->wrap != WRAP_MACRO)
		buf_printf(b, "    #[link_name = \"\\u{1}%s%s\"]\n", c->opt->prefix_link_name,
			   it->cname);
	else if (it->wrap)
		buf_printf(b, "    #[link_name = \"%s\"]\n", wrapper_name(c, it));
	else
		emit_link_name(b, it);
	struct buf params = {0}, ret = {0};
	for (int i = 0; i < f->nparams; i++) {
		if (i)
			buf_puts(&params, ", ");
		buf_printf(&params, "%s: ", f->params[i].name);
		emit_type(c, &params, f->params[i].type);
	}
	if (f->variadic)
		buf_puts(&params, f->nparams ? ", ..." : "...");
	emit_return(c, &ret, f);
	size_t head = strlen("    pub fn (") + strlen(it->name);
	size_t open_line = head + params.len + 1; /* up to ')' */
	const char *pp = params.p ? params.p : "", *rp = ret.p ? ret.p : "";
	/* rustfmt keeps the ';' of a foreign item with a return type inside the
	 * width: one column less for the one-line form, and a return type that
	 * only overflows by that column moves to its own line; without a
	 * return type the line may end at the last column */
	size_t full = open_line + ret.len + 1;
	if (full < MAX_WIDTH || (full == MAX_WIDTH && !ret.len) || (!f->nparams && !f->variadic)) {
		buf_printf(b, "    pub fn %s(%s)%s;\n", it->name, pp, rp);
	} else if (ret.len && full == MAX_WIDTH) {
		buf_printf(b, "    pub fn %s(%s)\n        %s;\n", it->name, pp, rp + 1);
	} else {
		buf_printf(b, "    pub fn %s(\n", it->name);
		emit_params_vertical(e, 8, f);
		emit_long_return(e, f, rp);
	}
	buf_free(&params);
	buf_free(&ret);
	buf_puts(b, "}\n");
}

static void emit_float(struct buf *b, const char *stdp, const char *ty, double v)
{
	if (isnan(v)) {
		buf_printf(b, "%s::%s::NAN", stdp, ty);
		return;
	}
	if (isinf(v)) {
		buf_printf(b, "%s%s::%s::INFINITY", v < 0 ? "-" : "", stdp, ty);
		return;
	}
	char s[64];
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(s, sizeof s, "%.*g", prec, v);
		if (strtod(s, NULL) == v)
			break;
	}
	buf_puts(b, s);
	if (!strpbrk(s, ".eEn"))
		buf_puts(b, ".0");
}

static void emit_macro(struct emitter *e, struct item *it);

static void emit_var(struct emitter *e, struct item *it)
{
	struct ctx *c = e->c;
	struct buf *b = e->b;
	if (it->has_value && it->is_const && it->vkind == MV_STR) {
		emit_doc(c, b, 0, it->doc);
		emit_macro(e, it);
		return;
	}
	if (it->has_value && it->is_const) {
		struct buf ty = {0}, val = {0};
		emit_doc(c, b, 0, it->doc);
		emit_type(c, &ty, it->type);
		if (it->vkind == MV_FLOAT)
			emit_float(&val, e->stdp, type_bytes(c, it->type) == 4 ? "f32" : "f64", it->fval);
		else if (type_is_bool(it->type))
			buf_puts(&val, it->uval ? "true" : "false");
		else
			emit_int_value(&val, !it->vunsigned, it->ival,
				       mask_to(it->uval, type_bytes(c, it->type)));
		emit_const(b, 0, it->name, ty.p, val.p);
		buf_free(&ty);
		buf_free(&val);
		return;
	}
	emit_extern_open(c, b, NULL);
	emit_doc(c, b, INDENT, it->doc);
	emit_link_name(b, it);
	/* too long, it breaks after the colon, as a field does */
	emit_typed_line(e, INDENT,
			join(&e->lead, "pub static ", it->is_const ? "" : "mut ", it->name, ": ", NULL),
			it->type, ";");
	buf_puts(b, "}\n");
}

/* A macro typed as C types it (--macro-constants=full). */
static void emit_typed_macro(struct emitter *e, struct item *it)
{
	struct ctx *c = e->c;
	struct buf ty = {0}, val = {0};
	emit_type(c, &ty, it->type);
	uint64_t bytes = type_bytes(c, it->type);
	if (it->vkind == MV_FLOAT)
		emit_float(&val, e->stdp, bytes == 4 ? "f32" : "f64", it->fval);
	else if (type_is_bool(it->type))
		buf_puts(&val, it->uval ? "true" : "false");
	else
		emit_int_value(&val, !it->vunsigned, it->ival, mask_to(it->uval, bytes));
	emit_const(e->b, 0, it->name, ty.p, val.p);
	buf_free(&ty);
	buf_free(&val);
}

/* --fit-macro-constant-types: the smallest type that holds the value,
 * unsigned unless it is negative. */
static const char *fitted_int_type(const struct item *it)
{
	if (it->vunsigned || it->ival >= 0)
		return it->uval <= UINT8_MAX ? "u8" : it->uval <= UINT16_MAX ? "u16"
		       : it->uval <= UINT32_MAX ? "u32" : "u64";
	return it->ival >= INT8_MIN ? "i8" : it->ival >= INT16_MIN ? "i16"
	       : it->ival >= INT32_MIN ? "i32" : "i64";
}

/* --default-macro-constant-type signed: bindgen's
 * default_macro_constant_type (ir/var.rs) for a signed default, i32 (or
 * i64 when it does not fit), smaller with --fit-macro-constant-types. */
static const char *signed_macro_type(const struct options *o, int64_t v)
{
	if (v < INT32_MIN || v > INT32_MAX)
		return "i64";
	if (!o->fit_macro_types || v < INT16_MIN || v > INT16_MAX)
		return "i32";
	return v < INT8_MIN || v > INT8_MAX ? "i16" : "i8";
}

/* The text of bytes in b"...", as bindgen writes it (proc-macro2's
 * Literal::byte_string): \0 (\x00 before an octal digit), \t, \n, \r,
 * \" and \\, printable ASCII as itself, anything else \xHH. */
static void put_byte_literal(struct buf *b, const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = s[i];
		if (ch == 0)
			buf_puts(b, i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '7' ? "\\x00" : "\\0");
		else if (ch == '\t')
			buf_puts(b, "\\t");
		else if (ch == '\n')
			buf_puts(b, "\\n");
		else if (ch == '\r')
			buf_puts(b, "\\r");
		else if (ch == '"' || ch == '\\')
			buf_printf(b, "\\%c", ch);
		else if (ch >= 0x20 && ch < 0x7f)
			buf_putc(b, (char)ch);
		else
			buf_printf(b, "\\x%02X", ch);
	}
}

/* The length of the UTF-8 sequence at s (at most n bytes), 0 if invalid. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	size_t len = s[0] >= 0xf0 && s[0] <= 0xf4 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc2 ? 2 : 0;
	if (!len || s[0] >= 0xf5 || len > n)
		return 0;
	for (size_t k = 1; k < len; k++)
		if ((s[k] & 0xc0) != 0x80)
			return 0;
	unsigned cp = s[0] & (0x7f >> len);
	for (size_t k = 1; k < len; k++)
		cp = cp << 6 | (s[k] & 0x3f);
	static const unsigned least[] = {0, 0, 0x80, 0x800, 0x10000};
	if (cp < least[len] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

/* The text of a C string (no NUL in it) in c"...", as bindgen writes it
 * (proc-macro2's Literal::c_string): valid UTF-8 through char's
 * escape_debug (ASCII controls as \t, \n, \r or \u{hex}; other
 * characters as themselves), every other byte \xHH. */
static void put_c_literal(struct buf *b, const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned char ch = s[i];
		size_t len = ch < 0x80 ? 1 : utf8_len(s + i, n - i);
		if (!len)
			buf_printf(b, "\\x%02X", ch);
		else if (len > 1)
			buf_putn(b, (const char *)s + i, len);
		else if (ch == '\t')
			buf_puts(b, "\\t");
		else if (ch == '\n')
			buf_puts(b, "\\n");
		else if (ch == '\r')
			buf_puts(b, "\\r");
		else if (ch == '"' || ch == '\\')
			buf_printf(b, "\\%c", ch);
		else if (ch >= 0x20 && ch < 0x7f)
			buf_putc(b, (char)ch);
		else
			buf_printf(b, "\\u{%x}", ch);
		i += len ? len : 1;
	}
}

static void emit_macro(struct emitter *e, struct item *it)
{
	struct buf *val = &e->val; /* scratch, reused from macro to macro */
	buf_reset(val);
	char ty[64];
	if (it->type && it->vkind != MV_STR) {
		emit_typed_macro(e, it);
		return;
	}
	switch (it->vkind) {
	case MV_INT:
		if (e->c->opt->macro_signed) {
			int64_t v = it->vunsigned ? (int64_t)it->uval : it->ival;
			snprintf(ty, sizeof ty, "%s", signed_macro_type(e->c->opt, v));
			emit_int_value(val, true, v, (uint64_t)v);
			break;
		}
		snprintf(ty, sizeof ty, "%s",
			 e->c->opt->fit_macro_types ? fitted_int_type(it) : it->mtype);
		emit_int_value(val, !it->vunsigned, it->ival, it->uval);
		break;
	case MV_CHAR:
		snprintf(ty, sizeof ty, "u8");
		buf_printf(val, "%lluu8", (unsigned long long)it->uval);
		break;
	case MV_FLOAT:
		snprintf(ty, sizeof ty, "f64");
		emit_float(val, e->stdp, "f64", it->fval);
		break;
	case MV_STR: {
		/* bindgen's Var codegen (codegen/mod.rs): &CStr from Rust 1.59
		 * (const_cstr), a c"" literal from 1.77 in editions 2021 and
		 * 2024 (literal_cstr), else from_bytes_with_nul_unchecked under
		 * #[allow(unsafe_code)]; a byte array otherwise */
		const struct options *o = e->c->opt;
		bool cstr = o->generate_cstr && strlen(it->sval) + 1 == it->slen &&
			    rust_has(o, RUST_CONST_CSTR);
		bool literal = cstr && rust_has(o, RUST_OFFSET_OF) && o->rust_edition >= 2021;
		size_t n = it->slen;
		if (literal) {
			snprintf(ty, sizeof ty, "&%s::ffi::CStr", e->stdp);
			buf_puts(val, "c\"");
			n--; /* the literal has its NUL implicitly */
		} else if (cstr) {
			snprintf(ty, sizeof ty, "&%s::ffi::CStr", e->stdp);
			buf_printf(val, "unsafe { %s::ffi::CStr::from_bytes_with_nul_unchecked(b\"",
				   e->stdp);
			buf_puts(e->b, "#[allow(unsafe_code)]\n");
		} else {
			snprintf(ty, sizeof ty, "&[u8; %zu]", it->slen);
			buf_puts(val, "b\"");
		}
		if (literal)
			put_c_literal(val, (const unsigned char *)it->sval, n);
		else
			put_byte_literal(val, (const unsigned char *)it->sval, n);
		buf_putc(val, '"');
		if (cstr && !literal)
			buf_puts(val, ") }");
		break;
	}
	case MV_NONE:
		return;
	}
	emit_const(e->b, 0, it->name, ty, val->p);
}

/* ---- prelude ---- */

static const char prelude_unit[] =
	"#[repr(C)]\n"
	"#[derive(Copy, Clone, Debug, Default, Eq, Hash, Ord, PartialEq, PartialOrd)]\n"
	"pub struct __BindgenBitfieldUnit<Storage> {\n"
	"    storage: Storage,\n"
	"}\n"
	"impl<Storage> __BindgenBitfieldUnit<Storage> {\n"
	"    #[inline]\n"
	"    pub const fn new(storage: Storage) -> Self {\n"
	"        Self { storage }\n"
	"    }\n"
	"}\n"
	"impl<Storage> __BindgenBitfieldUnit<Storage>\n"
	"where\n"
	"    Storage: AsRef<[u8]> + AsMut<[u8]>,\n"
	"{\n"
	"    #[inline]\n"
	"    fn extract_bit(byte: u8, index: usize) -> bool {\n"
	"        let bit_index = if cfg!(target_endian = \"big\") {\n"
	"            7 - (index % 8)\n"
	"        } else {\n"
	"            index % 8\n"
	"        };\n"
	"        let mask = 1 << bit_index;\n"
	"        byte & mask == mask\n"
	"    }\n"
	"    #[inline]\n"
	"    pub fn get_bit(&self, index: usize) -> bool {\n"
	"        debug_assert!(index / 8 < self.storage.as_ref().len());\n"
	"        let byte_index = index / 8;\n"
	"        let byte = self.storage.as_ref()[byte_index];\n"
	"        Self::extract_bit(byte, index)\n"
	"    }\n"
	"    #[inline]\n"
	"    pub unsafe fn raw_get_bit(this: *const Self, index: usize) -> bool {\n"
	"        debug_assert!(index / 8 < ::core::mem::size_of::<Storage>());\n"
	"        let byte_index = index / 8;\n"
	"        let byte = unsafe {\n"
	"            *(::core::ptr::addr_of!((*this).storage) as *const u8).offset(byte_index as isize)\n"
	"        };\n"
	"        Self::extract_bit(byte, index)\n"
	"    }\n"
	"    #[inline]\n"
	"    fn change_bit(byte: u8, index: usize, val: bool) -> u8 {\n"
	"        let bit_index = if cfg!(target_endian = \"big\") {\n"
	"            7 - (index % 8)\n"
	"        } else {\n"
	"            index % 8\n"
	"        };\n"
	"        let mask = 1 << bit_index;\n"
	"        if val {\n"
	"            byte | mask\n"
	"        } else {\n"
	"            byte & !mask\n"
	"        }\n"
	"    }\n"
	"    #[inline]\n"
	"    pub fn set_bit(&mut self, index: usize, val: bool) {\n"
	"        debug_assert!(index / 8 < self.storage.as_ref().len());\n"
	"        let byte_index = index / 8;\n"
	"        let byte = &mut self.storage.as_mut()[byte_index];\n"
	"        *byte = Self::change_bit(*byte, index, val);\n"
	"    }\n"
	"    #[inline]\n"
	"    pub unsafe fn raw_set_bit(this: *mut Self, index: usize, val: bool) {\n"
	"        debug_assert!(index / 8 < ::core::mem::size_of::<Storage>());\n"
	"        let byte_index = index / 8;\n"
	"        let byte = unsafe {\n"
	"            (::core::ptr::addr_of_mut!((*this).storage) as *mut u8).offset(byte_index as isize)\n"
	"        };\n"
	"        unsafe { *byte = Self::change_bit(*byte, index, val) };\n"
	"    }\n"
	"    #[inline]\n"
	"    pub fn get(&self, bit_offset: usize, bit_width: u8) -> u64 {\n"
	"        debug_assert!(bit_width <= 64);\n"
	"        debug_assert!(bit_offset / 8 < self.storage.as_ref().len());\n"
	"        debug_assert!((bit_offset + (bit_width as usize)) / 8 <= self.storage.as_ref().len());\n"
	"        let mut val = 0;\n"
	"        for i in 0..(bit_width as usize) {\n"
	"            if self.get_bit(i + bit_offset) {\n"
	"                let index = if cfg!(target_endian = \"big\") {\n"
	"                    bit_width as usize - 1 - i\n"
	"                } else {\n"
	"                    i\n"
	"                };\n"
	"                val |= 1 << index;\n"
	"            }\n"
	"        }\n"
	"        val\n"
	"    }\n"
	"    #[inline]\n"
	"    pub unsafe fn raw_get(this: *const Self, bit_offset: usize, bit_width: u8) -> u64 {\n"
	"        debug_assert!(bit_width <= 64);\n"
	"        debug_assert!(bit_offset / 8 < ::core::mem::size_of::<Storage>());\n"
	"        debug_assert!((bit_offset + (bit_width as usize)) / 8 <= ::core::mem::size_of::<Storage>());\n"
	"        let mut val = 0;\n"
	"        for i in 0..(bit_width as usize) {\n"
	"            if unsafe { Self::raw_get_bit(this, i + bit_offset) } {\n"
	"                let index = if cfg!(target_endian = \"big\") {\n"
	"                    bit_width as usize - 1 - i\n"
	"                } else {\n"
	"                    i\n"
	"                };\n"
	"                val |= 1 << index;\n"
	"            }\n"
	"        }\n"
	"        val\n"
	"    }\n"
	"    #[inline]\n"
	"    pub fn set(&mut self, bit_offset: usize, bit_width: u8, val: u64) {\n"
	"        debug_assert!(bit_width <= 64);\n"
	"        debug_assert!(bit_offset / 8 < self.storage.as_ref().len());\n"
	"        debug_assert!((bit_offset + (bit_width as usize)) / 8 <= self.storage.as_ref().len());\n"
	"        for i in 0..(bit_width as usize) {\n"
	"            let mask = 1 << i;\n"
	"            let val_bit_is_set = val & mask == mask;\n"
	"            let index = if cfg!(target_endian = \"big\") {\n"
	"                bit_width as usize - 1 - i\n"
	"            } else {\n"
	"                i\n"
	"            };\n"
	"            self.set_bit(index + bit_offset, val_bit_is_set);\n"
	"        }\n"
	"    }\n"
	"    #[inline]\n"
	"    pub unsafe fn raw_set(this: *mut Self, bit_offset: usize, bit_width: u8, val: u64) {\n"
	"        debug_assert!(bit_width <= 64);\n"
	"        debug_assert!(bit_offset / 8 < ::core::mem::size_of::<Storage>());\n"
	"        debug_assert!((bit_offset + (bit_width as usize)) / 8 <= ::core::mem::size_of::<Storage>());\n"
	"        for i in 0..(bit_width as usize) {\n"
	"            let mask = 1 << i;\n"
	"            let val_bit_is_set = val & mask == mask;\n"
	"            let index = if cfg!(target_endian = \"big\") {\n"
	"                bit_width as usize - 1 - i\n"
	"            } else {\n"
	"                i\n"
	"            };\n"
	"            unsafe { Self::raw_set_bit(this, index + bit_offset, val_bit_is_set) };\n"
	"        }\n"
	"    }\n"
	"}\n";

static const char prelude_opaque_array[] =
	"/// If Bindgen could only determine the size and alignment of a\n"
	"/// type, it is represented like this.\n"
	"#[derive(PartialEq, Copy, Clone, Debug, Hash)]\n"
	"#[repr(C)]\n"
	"pub struct __BindgenOpaqueArray<T: Copy, const N: usize>(pub [T; N]);\n"
	"impl<T: Copy + Default, const N: usize> Default for __BindgenOpaqueArray<T, N> {\n"
	"    fn default() -> Self {\n"
	"        Self([<T as Default>::default(); N])\n"
	"    }\n"
	"}\n";

static const char prelude_flex[] =
	"#[repr(C)]\n"
	"pub struct __IncompleteArrayField<T>(::core::marker::PhantomData<T>, [T; 0]);\n"
	"impl<T> __IncompleteArrayField<T> {\n"
	"    #[inline]\n"
	"    pub const fn new() -> Self {\n"
	"        __IncompleteArrayField(::core::marker::PhantomData, [])\n"
	"    }\n"
	"    #[inline]\n"
	"    pub fn as_ptr(&self) -> *const T {\n"
	"        self as *const _ as *const T\n"
	"    }\n"
	"    #[inline]\n"
	"    pub fn as_mut_ptr(&mut self) -> *mut T {\n"
	"        self as *mut _ as *mut T\n"
	"    }\n"
	"    #[inline]\n"
	"    pub unsafe fn as_slice(&self, len: usize) -> &[T] {\n"
	"        unsafe { ::core::slice::from_raw_parts(self.as_ptr(), len) }\n"
	"    }\n"
	"    #[inline]\n"
	"    pub unsafe fn as_mut_slice(&mut self, len: usize) -> &mut [T] {\n"
	"        unsafe { ::core::slice::from_raw_parts_mut(self.as_mut_ptr(), len) }\n"
	"    }\n"
	"}\n"
	"impl<T> ::core::default::Default for __IncompleteArrayField<T> {\n"
	"    fn default() -> Self {\n"
	"        Self::new()\n"
	"    }\n"
	"}\n"
	"impl<T> ::core::fmt::Debug for __IncompleteArrayField<T> {\n"
	"    fn fmt(&self, fmt: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {\n"
	"        fmt.write_str(\"__IncompleteArrayField\")\n"
	"    }\n"
	"}\n";

static const char prelude_union_field[] =
	"#[repr(C)]\n"
	"pub struct __BindgenUnionField<T>(::core::marker::PhantomData<T>);\n"
	"impl<T> __BindgenUnionField<T> {\n"
	"    #[inline]\n"
	"    pub const fn new() -> Self {\n"
	"        __BindgenUnionField(::core::marker::PhantomData)\n"
	"    }\n"
	"    #[inline]\n"
	"    pub unsafe fn as_ref(&self) -> &T {\n"
	"        unsafe { ::core::mem::transmute(self) }\n"
	"    }\n"
	"    #[inline]\n"
	"    pub unsafe fn as_mut(&mut self) -> &mut T {\n"
	"        unsafe { ::core::mem::transmute(self) }\n"
	"    }\n"
	"}\n"
	"impl<T> ::core::default::Default for __BindgenUnionField<T> {\n"
	"    #[inline]\n"
	"    fn default() -> Self {\n"
	"        Self::new()\n"
	"    }\n"
	"}\n"
	"impl<T> ::core::clone::Clone for __BindgenUnionField<T> {\n"
	"    #[inline]\n"
	"    fn clone(&self) -> Self {\n"
	"        *self\n"
	"    }\n"
	"}\n"
	"impl<T> ::core::marker::Copy for __BindgenUnionField<T> {}\n"
	"impl<T> ::core::fmt::Debug for __BindgenUnionField<T> {\n"
	"    fn fmt(&self, fmt: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {\n"
	"        fmt.write_str(\"__BindgenUnionField\")\n"
	"    }\n"
	"}\n"
	"impl<T> ::core::hash::Hash for __BindgenUnionField<T> {\n"
	"    fn hash<H: ::core::hash::Hasher>(&self, _state: &mut H) {}\n"
	"}\n"
	"impl<T> ::core::cmp::PartialEq for __BindgenUnionField<T> {\n"
	"    fn eq(&self, _other: &__BindgenUnionField<T>) -> bool {\n"
	"        true\n"
	"    }\n"
	"}\n"
	"impl<T> ::core::cmp::Eq for __BindgenUnionField<T> {}\n";

static const char prelude_complex[] =
	"#[derive(PartialEq, Copy, Clone, Hash, Debug, Default)]\n"
	"#[repr(C)]\n"
	"pub struct __BindgenComplex<T> {\n"
	"    pub re: T,\n"
	"    pub im: T,\n"
	"}\n";

static const char prelude_f16[] =
	"#[derive(PartialEq, Copy, Clone, Hash, Debug, Default)]\n"
	"#[repr(transparent)]\n"
	"pub struct __BindgenFloat16(pub u16);\n";

static void emit_item(struct emitter *e, struct item *it)
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

/* Whether --generate (and --ignore-functions) let the item's kind through:
 * bindgen's Item::is_enabled_for_codegen. The item still took part in the
 * allowlist walk, naming and derives, as in bindgen. */
bool generated(const struct options *o, const struct item *it)
{
	unsigned bit = it->kind == IT_FUNC			  ? GEN_FUNCTIONS
		       : it->kind == IT_VAR || it->kind == IT_MACRO ? GEN_VARS
								  : GEN_TYPES;
	return (o->generate & bit) != 0;
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
		if (it->emit && generated(c->opt, it))
			emit_item(&e, it);
	}
	struct buf *scratch[] = {&e.head, &e.expr, &e.open, &e.tail, &e.lead, &e.val};
	for (size_t i = 0; i < sizeof scratch / sizeof scratch[0]; i++)
		buf_free(scratch[i]);
	return NULL;
}

void emit_rust(struct ctx *c, struct buf out[EMIT_PARTS])
{
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
		buf_puts(helpers, prelude_unit);
	if (c->need_opaque_array) /* bindgen's order: just after the unit */
		buf_puts(helpers, prelude_opaque_array);
	if (c->need_incomplete_array)
		buf_puts(helpers, prelude_flex);
	if (c->need_union_field)
		buf_puts(helpers, prelude_union_field);
	if (c->need_complex)
		buf_puts(helpers, prelude_complex);
	if (c->need_float16)
		buf_puts(helpers, prelude_f16);
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
