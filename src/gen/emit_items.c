/* emit_items.c — typedefs, functions, variables and macro constants. */
#include "emit.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

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
	emit_type(e, &ty, it->aliased);
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

void emit_typedef(struct emitter *e, struct item *it)
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
	emit_fn_sig(e, &e->tail, rf, true);
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
void emit_function(struct emitter *e, struct item *it)
{
	struct ctx *c = e->c;
	struct buf *b = e->b;
	const struct type *f = it->type;
	/* bindgen puts #[link(wasm_import_module)] before a function's extern
	 * block (codegen/mod.rs), not a variable's */
	if (c->opt->wasm_import_module)
		buf_printf(b, "#[link(wasm_import_module = \"%s\")]\n", c->opt->wasm_import_module);
	emit_extern_open(c, b, it->abi);
	/* bindgen's Function codegen pushes #[must_use] before the doc */
	if (fn_must_use(c, it))
		buf_puts(b, "    #[must_use]\n");
	emit_doc(c, b, INDENT, it->doc);
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
		emit_type(e, &params, f->params[i].type);
	}
	if (f->variadic)
		buf_puts(&params, f->nparams ? ", ..." : "...");
	emit_return(e, &ret, f);
	size_t head = strlen("    pub fn (") + strlen(it->name);
	size_t open_line = head + params.len + 1; /* up to ')' */
	const char *pp = buf_str(&params), *rp = buf_str(&ret);
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

void emit_var(struct emitter *e, struct item *it)
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
		emit_type(e, &ty, it->type);
		if (it->vkind == MV_FLOAT)
			emit_float(&val, e->stdp, emit_type_bytes(c, it->type) == 4 ? "f32" : "f64", it->fval);
		else if (type_is_bool(it->type))
			buf_puts(&val, it->uval ? "true" : "false");
		else
			emit_int_value(&val, !it->vunsigned, it->ival,
				       emit_mask_to(it->uval, emit_type_bytes(c, it->type)));
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
			emit_join(&e->lead, "pub static ", it->is_const ? "" : "mut ", it->name, ": ", NULL),
			it->type, ";");
	buf_puts(b, "}\n");
}

/* A macro typed as C types it (--macro-constants=full). */
static void emit_typed_macro(struct emitter *e, struct item *it)
{
	struct ctx *c = e->c;
	struct buf ty = {0}, val = {0};
	emit_type(e, &ty, it->type);
	uint64_t bytes = emit_type_bytes(c, it->type);
	if (it->vkind == MV_FLOAT)
		emit_float(&val, e->stdp, bytes == 4 ? "f32" : "f64", it->fval);
	else if (type_is_bool(it->type))
		buf_puts(&val, it->uval ? "true" : "false");
	else
		emit_int_value(&val, !it->vunsigned, it->ival, emit_mask_to(it->uval, bytes));
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

void emit_macro(struct emitter *e, struct item *it)
{
	struct buf *val = &e->val; /* scratch, reused from macro to macro */
	buf_reset(val);
	char ty[64];
	if (it->const_fn) { /* an integer function-like macro (parse_constfn.c) */
		buf_printf(e->b, "#[allow(unused_parens)]\npub const fn %s%s\n", it->name, it->const_fn);
		return;
	}
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
