/* parse_type.c — CXType → struct type, and the values Rust cannot pass
 * as C does (long double, __float128, vectors, by value). */
#include "parse.h"

#include <clang-c/Documentation.h>
#include <clang-c/Index.h>
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>

/* ---- types ---- */

static struct type *new_type(enum ty_kind k)
{
	struct type *t = xcalloc(1, sizeof *t);
	t->kind = k;
	return t;
}

struct type *prim_type(const char *name, bool ctype, CXType t)
{
	struct type *r = new_type(TY_PRIM);
	r->prim = name;
	r->ctype = ctype;
	r->size = clang_Type_getSizeOf(t);
	r->align = clang_Type_getAlignOf(t);
	return r;
}

static struct type *blob(CXType t)
{
	struct type *r = new_type(TY_BLOB);
	long long s = clang_Type_getSizeOf(t), a = clang_Type_getAlignOf(t);
	r->size = s > 0 ? s : 0;
	r->align = a > 0 ? a : 1;
	return r;
}

struct type *item_type(struct item *it)
{
	struct type *r = new_type(TY_ITEM);
	r->item = it;
	return r;
}

/* Collect parameter names from ParmDecl children of cur, if there are n. */
struct names_acc {
	const char **names; /* collected names */
	int n;              /* collected */
	int max;            /* capacity */
};

static enum CXChildVisitResult collect_parm(CXCursor c, CXCursor parent, CXClientData d)
{
	struct names_acc *a = d;
	if (clang_getCursorKind(c) == CXCursor_ParmDecl && a->n < a->max)
		a->names[a->n++] = cxstr(clang_getCursorSpelling(c));
	return CXChildVisit_Continue;
}

/* bindgen's get_abi (ir/function.rs): clang's calling convention as a Rust
 * ABI (NULL for "C"). Where Rust has none for it on this target, *why says
 * so: bindgen panics on such a convention ("Unknown calling convention"),
 * and maps aarch64_vector_pcs to "vectorcall", an x86 ABI rustc rejects on
 * aarch64. */
static const char *cc_abi(const struct parser *p, enum CXCallingConv cc, const char **why)
{
	/* the C spelling of each convention, for the reason (18..21 are
	 * libclang 15, 18 and 19's; CXCallingConv's numbers are fixed) */
	static const char *const spelling[] = {
		[CXCallingConv_X86Pascal] = "pascal",
		[CXCallingConv_AAPCS_VFP] = "pcs(\"aapcs-vfp\")",
		[CXCallingConv_X86RegCall] = "regcall",
		[CXCallingConv_IntelOclBicc] = "intel_ocl_bicc",
		[CXCallingConv_X86_64Win64] = "ms_abi",
		[CXCallingConv_Swift] = "swiftcall",
		[CXCallingConv_PreserveMost] = "preserve_most",
		[CXCallingConv_PreserveAll] = "preserve_all",
		[CXCallingConv_AArch64VectorCall] = "aarch64_vector_pcs",
		[CXCallingConv_SwiftAsync] = "swiftasynccall",
		[18] = "aarch64_sve_pcs", [19] = "m68k_rtd", [20] = "preserve_none",
		[21] = "riscv_vector_cc",
	};
	*why = NULL;
	switch (cc) {
	case CXCallingConv_Default:
	case CXCallingConv_C:
	case CXCallingConv_Invalid: /* not a function type */
		return NULL;
	case CXCallingConv_X86StdCall: return "stdcall";
	case CXCallingConv_X86FastCall: return "fastcall";
	case CXCallingConv_X86ThisCall: return "thiscall";
	case CXCallingConv_X86VectorCall: return "vectorcall";
	case CXCallingConv_AAPCS: return "aapcs";
	case CXCallingConv_X86_64SysV: return "sysv64"; /* bindgen: unknown */
	case CXCallingConv_X86_64Win64:
		if (p->x86_64)
			return "win64";
		break; /* ms_abi on aarch64: Rust's win64 is x86-64 only */
	case CXCallingConv_AAPCS_VFP:
		if (p->arm_hard_float)
			return NULL; /* the target's own C convention */
		break;
	default:
		break;
	}
	const char *name = (unsigned)cc < sizeof spelling / sizeof spelling[0] && spelling[cc]
				   ? spelling[cc] : NULL;
	*why = name ? xstrfmt("Rust has no ABI for its calling convention, %s, on this target", name)
		    : xstrfmt("Rust has no ABI for its calling convention (one libclang does not "
			      "name: CXCallingConv %d)", (int)cc);
	return NULL;
}

/* The function type r's ABI from clang's calling convention, and why Rust
 * cannot call it so here, if it cannot: no such ABI, none on the
 * --rust-target (bindgen's FunctionSig::abi: thiscall from 1.73,
 * vectorcall on nightly only), or a variadic win64 function. */
static void set_func_abi(struct parser *p, struct type *r, CXType t)
{
	const char *why;
	r->abi = cc_abi(p, clang_getFunctionTypeCallingConv(t), &why);
	if (!why && r->abi && !rust_has(p->c->opt, abi_min_rust(r->abi)))
		why = xstrfmt("its calling convention is the \"%s\" ABI, which is not available on "
			      "--rust-target 1.%d", r->abi, p->c->opt->rust_minor);
	if (!why && r->abi && !strcmp(r->abi, "win64") && r->variadic && r->nparams)
		why = "its calling convention is the \"win64\" ABI, which bindgen does not give a "
		      "variadic function";
	r->abi_why = why;
	r->size = r->align = p->ptr_bytes;
}

static struct type *conv_func(struct parser *p, CXType t, CXCursor names)
{
	struct type *r = new_type(TY_FUNC);
	CXType res = clang_getResultType(t);
	r->sub = res.kind == CXType_Void ? new_type(TY_VOID) : conv_type(p, res, clang_getNullCursor());
	int n = clang_getNumArgTypes(t);
	r->nparams = n > 0 ? n : 0;
	r->params = xcalloc(r->nparams, sizeof *r->params);
	struct names_acc acc = {xcalloc(r->nparams, sizeof(char *)), 0, r->nparams};
	if (!clang_Cursor_isNull(names) && r->nparams &&
	    clang_getCursorKind(names) == CXCursor_FunctionDecl &&
	    clang_Cursor_getNumArguments(names) == r->nparams) {
		/* a function's own parameters, not those of a function pointer
		 * type in its return type */
		for (int i = 0; i < r->nparams; i++)
			acc.names[acc.n++] = cxstr(clang_getCursorSpelling(clang_Cursor_getArgument(names, i)));
	} else if (!clang_Cursor_isNull(names) && r->nparams) {
		clang_visitChildren(names, collect_parm, &acc);
	}
	for (int i = 0; i < r->nparams; i++) {
		CXType at = clang_getArgType(t, i);
		struct type *pt = conv_type(p, at, clang_getNullCursor());
		/* arrays decay to pointers in parameters, also behind a typedef
		 * (va_list is an array of one __va_list_tag) */
		const struct type *arr = pt;
		while (arr->kind == TY_ITEM && arr->item->kind == IT_TYPEDEF)
			arr = arr->item->aliased;
		if (arr->kind == TY_ARRAY || arr->kind == TY_FLEX) {
			struct type *q = new_type(TY_PTR);
			q->sub = arr->sub;
			if (p->c->opt->array_pointers) {
				/* --use-array-pointers-in-arguments: a pointer to the
				 * array (a typedef'd one keeps its name; int a[] is [T; 0]) */
				q->sub = pt;
				if (arr->kind == TY_FLEX) {
					struct type *z = new_type(TY_ARRAY);
					z->sub = arr->sub;
					q->sub = z;
				}
			}
			CXType cat = clang_getCanonicalType(at);
			q->is_const = cat.kind == CXType_Pointer
					      ? clang_isConstQualifiedType(clang_getPointeeType(cat))
					      : clang_isConstQualifiedType(cat) ||
							clang_isConstQualifiedType(clang_getArrayElementType(at));
			q->size = q->align = sizeof(void *);
			pt = q;
		}
		const char *nm = acc.n == r->nparams && acc.names[i][0] ? acc.names[i] : NULL;
		r->params[i].name = nm ? rust_ident(nm) : xstrfmt("arg%d", i + 1);
		r->params[i].type = pt;
	}
	free(acc.names);
	r->variadic = t.kind == CXType_FunctionProto && clang_isFunctionTypeVariadic(t);
	CXString sp = clang_getTypeSpelling(t);
	r->noreturn = strstr(clang_getCString(sp), "noreturn") != NULL;
	clang_disposeString(sp);
	if (!r->noreturn && !clang_Cursor_isNull(names) &&
	    clang_getCursorKind(names) == CXCursor_FunctionDecl)
		r->noreturn = cursor_noreturn(names);
	set_func_abi(p, r, t);
	return r;
}

/* The Rust spelling of a builtin type; *ctype when it is one of the
 * ctypes-prefix types (c_int, …; c_float and c_double with float_ctypes,
 * --no-convert-floats). */
static const char *builtin_prim(enum CXTypeKind k, bool *ctype, bool float_ctypes)
{
	*ctype = true;
	switch (k) {
	case CXType_Float: return float_ctypes ? "c_float" : (*ctype = false, "f32");
	case CXType_Double: return float_ctypes ? "c_double" : (*ctype = false, "f64");
	case CXType_Char_U:
	case CXType_Char_S: return "c_char";
	case CXType_SChar: return "c_schar";
	case CXType_UChar: return "c_uchar";
	case CXType_Short: return "c_short";
	case CXType_UShort: return "c_ushort";
	case CXType_Int: return "c_int";
	case CXType_UInt: return "c_uint";
	case CXType_Long: return "c_long";
	case CXType_ULong: return "c_ulong";
	case CXType_LongLong: return "c_longlong";
	case CXType_ULongLong: return "c_ulonglong";
	default: break;
	}
	*ctype = false;
	switch (k) {
	case CXType_Bool: return "bool";
	case CXType_Int128: return "i128";
	case CXType_UInt128: return "u128";
	case CXType_Char16: return "u16";
	case CXType_Char32: return "u32";
	case CXType_WChar: return "c_int";
	default: return NULL;
	}
}

/* A pointer (bindgen's from_clang_ty, CXType_Pointer; its issue 2244):
 * where the pointee's constness differs from the canonical type's, the
 * canonical pointee is taken. libclang drops the const under a
 * btf_type_tag (the kernel's __user with some configs) and behind a
 * typedef of a const type (typedef const int ci;). */
static struct type *conv_pointer(struct parser *p, CXType t, CXCursor names)
{
	CXType pt = clang_getPointeeType(t);
	CXType can = clang_getCanonicalType(t);
	if (t.kind == CXType_Pointer && !clang_equalTypes(t, can)) {
		CXType cpt = clang_getPointeeType(can);
		if (clang_isConstQualifiedType(cpt) != clang_isConstQualifiedType(pt))
			pt = cpt;
	}
	struct type *r = new_type(TY_PTR);
	r->is_const = clang_isConstQualifiedType(pt);
	r->sub = conv_type(p, pt, names);
	r->size = clang_Type_getSizeOf(t);
	r->align = clang_Type_getAlignOf(t);
	/* void *__ptr32 (-fms-extensions) on a 64-bit target */
	r->odd_size = r->size > 0 && (long long)r->size != p->ptr_bytes;
	return r;
}

/* A type made of elements: arrays (a zero-length or incomplete one is
 * TY_FLEX), vectors (arrays of their lanes) and complex numbers. */
static struct type *conv_elements(struct parser *p, CXType t)
{
	bool array = t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray ||
		     t.kind == CXType_VariableArray || t.kind == CXType_DependentSizedArray;
	CXType et = array ? clang_getArrayElementType(t) : clang_getElementType(t);
	struct type *r = new_type(t.kind == CXType_Complex ? TY_COMPLEX : TY_ARRAY);
	r->sub = conv_type(p, et, clang_getNullCursor());
	if (t.kind == CXType_ConstantArray)
		r->len = clang_getArraySize(t);
	else if (t.kind == CXType_Vector)
		r->len = clang_getNumElements(t);
	else if (array)
		r->kind = TY_FLEX;
	if (t.kind == CXType_ConstantArray && r->len == 0)
		r->kind = TY_FLEX;
	return r;
}

/* Every other kind: a builtin primitive (one shared, read-only type per
 * builtin kind), else (BTF type tags, bfloat16, ...) the canonical type if
 * it differs, otherwise the exact size as bytes. */
static struct type *conv_other(struct parser *p, CXType t, CXCursor names)
{
	bool ctype;
	const char *pn = builtin_prim(t.kind, &ctype, p->c->opt->no_convert_floats);
	if (pn && t.kind >= 0 && t.kind < PRIM_CACHE) {
		if (!p->prims[t.kind])
			p->prims[t.kind] = prim_type(pn, ctype, t);
		return p->prims[t.kind];
	}
	if (pn)
		return prim_type(pn, ctype, t);
	CXType can = clang_getCanonicalType(t);
	if (can.kind != t.kind)
		return conv_type(p, can, names);
	return blob(t);
}

struct type *conv_type(struct parser *p, CXType t, CXCursor names)
{
	switch (t.kind) {
	case CXType_Elaborated:
		return conv_type(p, clang_Type_getNamedType(t), names);
	case CXType_Attributed:
		return conv_type(p, clang_Type_getModifiedType(t), names);
	case CXType_Void:
		return new_type(TY_VOID);
	case CXType_Typedef: /* the typedef, or the anonymous record/enum it names */
		return item_type(typedef_item(p, clang_getTypeDeclaration(t)));
	case CXType_Record:
		return item_type(record_item(p, clang_getTypeDeclaration(t), NULL));
	case CXType_Enum:
		return item_type(enum_item(p, clang_getTypeDeclaration(t), NULL));
	case CXType_Pointer:
	case CXType_BlockPointer:
		return conv_pointer(p, t, names);
	case CXType_ConstantArray:
	case CXType_IncompleteArray:
	case CXType_VariableArray:
	case CXType_DependentSizedArray:
	case CXType_Vector:
	case CXType_Complex:
		return conv_elements(p, t);
	case CXType_FunctionProto:
	case CXType_FunctionNoProto:
		return conv_func(p, t, names);
	case CXType_Atomic: {
		CXType vt = clang_Type_getValueType(t);
		if (clang_Type_getSizeOf(vt) == clang_Type_getSizeOf(t) &&
		    clang_Type_getAlignOf(vt) == clang_Type_getAlignOf(t))
			return conv_type(p, vt, names);
		return blob(t);
	}
	case CXType_LongDouble:
	case CXType_Float128:
		if (clang_Type_getSizeOf(t) == 16 && clang_Type_getAlignOf(t) == 16)
			return prim_type("u128", false, t);
		return blob(t);
	case CXType_Half:
	case CXType_Float16:
		return new_type(TY_FLOAT16);
	default:
		return conv_other(p, t, names);
	}
}

static struct type *macro_value_type_canon(CXType t)
{
	bool ctype;
	CXType can = clang_getCanonicalType(t);
	if (can.kind == CXType_Enum)
		can = clang_getCanonicalType(clang_getEnumDeclIntegerType(clang_getTypeDeclaration(can)));
	const char *pn = builtin_prim(can.kind, &ctype, false);
	return pn ? prim_type(pn, ctype, can) : NULL;
}

/* The type of a macro's value, as an evaluation unit (another translation
 * unit) sees it: a typedef is found by name among typedefs (this run's, or
 * NULL where the unit has none of the header's); otherwise a primitive.
 * NULL if it is neither (pointers, records…). */
struct type *macro_value_type(const struct strmap *typedefs, const void *cxtype)
{
	CXType t = *(const CXType *)cxtype;
	while (t.kind == CXType_Elaborated)
		t = clang_Type_getNamedType(t);
	if (t.kind == CXType_Typedef && typedefs) {
		char *name = cxstr(clang_getTypedefName(t));
		struct item *it = strmap_get(typedefs, name);
		free(name);
		if (it) {
			struct item *r = resolve_typedef(it);
			if (r && r->kind == IT_TYPEDEF && r->aliased->kind == TY_PRIM)
				return item_type(it);
			if (r && r->kind == IT_ENUM)
				return item_type(it);
		}
	}
	return macro_value_type_canon(t);
}

/* ---- values Rust cannot pass as C does ----
 * long double becomes u128 (x86-64) or [u32; 3] (i386), __float128 u128,
 * _Float16 a struct of u16, a vector an array: each has C's size and
 * alignment, so records holding them keep their layout, but each is passed
 * and returned in other registers than C uses (x87, SSE or memory instead
 * of general registers), and so is a record holding one. A function taking
 * or returning such a value by value would be called with garbage: it is
 * skipped, with the reason. Pointers to them are fine. */

struct abi_walk {
	const char *why; /* the first problem found */
	int depth;       /* record nesting, bounded */
};

static const char *abi_problem(CXType t, int depth);

static enum CXVisitorResult abi_field(CXCursor c, CXClientData d)
{
	struct abi_walk *w = d;
	w->why = abi_problem(clang_getCursorType(c), w->depth + 1);
	return w->why ? CXVisit_Break : CXVisit_Continue;
}

static const char *abi_problem(CXType t, int depth)
{
	t = clang_getCanonicalType(t);
	switch (t.kind) {
	case CXType_LongDouble:
		return "long double";
	case CXType_Float128:
	case CXType_Ibm128:
		return "a 128-bit float";
	case CXType_Half:
	case CXType_Float16:
	case CXType_BFloat16:
		return "a 16-bit float";
	case CXType_Vector:
	case CXType_ExtVector:
		return "a vector type";
	case CXType_Complex:
		return abi_problem(clang_getElementType(t), depth);
	case CXType_ConstantArray:
		return abi_problem(clang_getArrayElementType(t), depth);
	case CXType_Record: {
		struct abi_walk w = {NULL, depth};
		if (depth < 16)
			clang_Type_visitFields(t, abi_field, &w);
		return w.why ? xstrfmt("a record holding %s", w.why) : NULL;
	}
	default:
		return NULL;
	}
}

/* Why a function's values cannot cross from Rust as C passes them, or NULL. */
static const char *function_abi_problem(CXType ft)
{
	const char *why = abi_problem(clang_getResultType(ft), 0);
	int n = clang_getNumArgTypes(ft);
	for (int i = 0; !why && i < n; i++)
		why = abi_problem(clang_getArgType(ft, i), 0);
	return why ? xstrfmt("takes or returns %s by value, which Rust's stand-in type would "
			     "pass in other registers than C", why)
		   : NULL;
}

/* The C names of a prototype's parameters (__h2rs_aN for an unnamed
 * one), for a wrapper whose body uses them. */
static const char **param_names(CXCursor cur, CXType ft)
{
	int n = clang_getNumArgTypes(ft);
	const char **v = xcalloc(n > 0 ? n : 1, sizeof *v);
	for (int i = 0; i < n; i++) {
		char *s = cxstr(clang_getCursorSpelling(clang_Cursor_getArgument(cur, i)));
		v[i] = *s ? s : xstrfmt("__h2rs_a%d", i);
	}
	return v;
}

/* How a function is wrapped: a --wrap-macro prototype (PROTOTYPE = EXPR,
 * or the macro it names), or a static or listed function called as is. */
static void set_wrap(struct parser *p, struct item *it, CXCursor cur, CXType ft,
		     bool from_wrap_list, bool call)
{
	const char *name = it->cname;
	if (from_wrap_list && strmap_get(&p->wrap_exprs, name)) {
		it->wrap = WRAP_MACRO; /* PROTOTYPE = EXPR: the helper evaluates EXPR */
		it->wrap_expr = strmap_get(&p->wrap_exprs, name);
		it->c_param_names = param_names(cur, ft);
	} else if (from_wrap_list) {
		it->wrap = WRAP_MACRO;
		/* called with its arguments, unless an object-like macro stands
		 * for the value ('int errno_value(void)' of errno) */
		it->macro_is_fn = strmap_get(&p->c->fn_macros, name) != NULL ||
				  clang_getNumArgTypes(ft) > 0;
	} else if (call) {
		/* static, or listed (--wrap-list, a --wrap-macro prototype whose
		 * macro is a function in this configuration): out of line too, the
		 * helper is made (the kernel's rust/helpers wrap functions that are
		 * inline in some configurations only) */
		it->wrap = WRAP_STATIC;
	}
}

/* Whether the declaration is one of the --wrap-macro / --wrap-list
 * prototypes (the unit's main file, after the header). */
static bool from_wrap_unit(struct parser *p, CXCursor cur)
{
	CXFile f;
	clang_getExpansionLocation(clang_getCursorLocation(cur), &f, NULL, NULL, NULL);
	return p->c->main_file && f && !strcmp(file_name(p, f), p->c->main_file);
}

void read_function(struct parser *p, CXCursor cur)
{
	if (cursor_map_get(p, clang_getCanonicalCursor(cur)))
		return;
	const struct options *o = p->c->opt;
	char *name = cxstr(clang_getCursorSpelling(cur));
	bool is_static = clang_Cursor_getStorageClass(cur) == CX_SC_Static;
	bool from_wrap_list = from_wrap_unit(p, cur);
	if (from_wrap_list && !strncmp(name, WRAP_CHECK_PREFIX, strlen(WRAP_CHECK_PREFIX)))
		return; /* only there for clang to check the prototype */
	if ((o->wrap_fn_macros || o->explain || o->verbose || o->stats) && !from_wrap_list)
		fwd_note_function(p, name, cur); /* a forwarding macro's callee, maybe */
	/* a 'PROTOTYPE = EXPR;' line, declared under a name of its own so that
	 * its types are the line's even where the header declares the name
	 * otherwise (check_wrap_list drops the header's declaration) */
	if (from_wrap_list && !strncmp(name, WRAP_EXPR_PREFIX, strlen(WRAP_EXPR_PREFIX)))
		name = xstrdup(name + strlen(WRAP_EXPR_PREFIX));
	/* named by --wrap-list, or by a --wrap-macro prototype whose macro
	 * this configuration does not have (it is a function here) */
	const char *dead = wrap_dead(p, name);
	bool listed = !from_wrap_list && !dead &&
		      (strmap_get(&o->wrap_only, name) || strmap_get(&p->wrapped, name));
	if (is_static && !o->wrap_static_fns && !listed) {
		p->c->nskipped_inline++;
		skip_function(p, name, "static function, has no symbol to link to (use "
				       "--wrap-static-fns)");
		return;
	}
	if (is_static && o->n_wrap_only && !from_wrap_list && !listed) {
		p->c->nskipped_inline++;
		skip_function(p, name, dead ? xstrfmt("its --wrap-list line is under '#if %s', "
						       "which does not hold here", dead)
					    : "static function not named in --wrap-list");
		return;
	}
	/* bindgen's Function::parse (ir/function.rs): an inline function is
	 * skipped unless --generate-inline-functions or --wrap-static-fns, and
	 * with --wrap-static-fns one that is not static is skipped too */
	CXCursor def = clang_getCursorDefinition(cur);
	bool inlined = clang_Cursor_isFunctionInlined(cur) ||
		       (!clang_Cursor_isNull(def) && clang_Cursor_isFunctionInlined(def));
	if (inlined && !from_wrap_list && !listed &&
	    ((!o->generate_inline_functions && !o->wrap_static_fns) ||
	     (o->wrap_static_fns && !is_static))) {
		skip_function(p, name, "inline function, has no symbol of its own (bindgen skips "
				       "it; --generate-inline-functions declares it)");
		return;
	}
	CXType ft = clang_getCursorType(cur);
	if ((is_static || from_wrap_list) && ft.kind == CXType_FunctionProto &&
	    clang_isFunctionTypeVariadic(ft)) {
		p->c->nskipped_inline++;
		skip_function(p, name, "variadic static function: C cannot forward its arguments");
		return;
	}
	const char *abi = function_abi_problem(ft);
	if (abi) {
		p->c->nskipped_abi++;
		skip_function(p, name, abi);
		return;
	}
	struct item *it = new_item(p, IT_FUNC, cur);
	it->cname = it->name = name;
	it->doc = doc_of(p, cur);
	it->annot = annot_of(cur);
	it->type = conv_func(p, ft, cur);
	struct attr_scan a = {0};
	a.tu = p->tu;
	clang_visitChildren(cur, scan_attr, &a);
	it->type->noreturn |= a.noreturn;
	it->must_use = a.must_use;
	set_wrap(p, it, cur, ft, from_wrap_list, is_static || listed);
	if (it->wrap && !wrapper_types(it, ft)) {
		it->wrap = WRAP_NONE;
		p->c->items.n--; /* new_item pushed it last */
		skip_function(p, name, "a parameter or return type has no C spelling (anonymous)");
	}
}

void read_var(struct parser *p, CXCursor cur)
{
	if (cursor_map_get(p, clang_getCanonicalCursor(cur)))
		return;
	char *name = cxstr(clang_getCursorSpelling(cur));
	bool listed = !strncmp(name, WRAP_CONST_PREFIX, strlen(WRAP_CONST_PREFIX)) &&
		      from_wrap_unit(p, cur);
	if (listed)
		name = xstrdup(name + strlen(WRAP_CONST_PREFIX)); /* a --const-list line */
	CXType t = clang_getCursorType(cur);
	CXType tc = clang_getCanonicalType(t);
	/* an array of const elements is as read-only as a const scalar */
	bool is_const = clang_isConstQualifiedType(t) || clang_isConstQualifiedType(tc) ||
			((tc.kind == CXType_ConstantArray || tc.kind == CXType_IncompleteArray) &&
			 clang_isConstQualifiedType(clang_getArrayElementType(t)));
	CXEvalResult ev = NULL;
	if (is_const)
		ev = clang_Cursor_Evaluate(cur);
	bool is_static = clang_Cursor_getStorageClass(cur) == CX_SC_Static;
	CXEvalResultKind ek = ev ? clang_EvalResult_getKind(ev) : CXEval_UnExposed;
	CXType can = clang_getCanonicalType(t);
	bool scalar = can.kind != CXType_Pointer && can.kind != CXType_Record &&
		      can.kind != CXType_ConstantArray;
	if (is_static && !(scalar && (ek == CXEval_Int || ek == CXEval_Float))) {
		if (ev)
			clang_EvalResult_dispose(ev);
		if (listed)
			warning("--const-list: '%s' is not an integer or floating constant here; no "
				"constant for it", name);
		skip_push(&p->c->skipped, name, listed ? "--const-list: not a constant here"
						       : "static variable, has no symbol");
		return;
	}
	struct item *it = new_item(p, IT_VAR, cur);
	it->cname = it->name = name;
	it->doc = doc_of(p, cur);
	it->annot = annot_of(cur);
	it->type = conv_type(p, t, cur);
	if (it->type->kind == TY_FLEX) /* extern int a[]; is [T; 0] (fields get the wrapper) */
		it->type->kind = TY_ARRAY;
	it->is_const = is_const;
	it->from_const_list = listed;
	/* const char s[] = "hi"; is a string constant */
	if (is_const && ek == CXEval_StrLiteral && tc.kind == CXType_ConstantArray &&
	    clang_Type_getSizeOf(clang_getArrayElementType(tc)) == 1) {
		const char *str = clang_EvalResult_getAsStr(ev);
		it->has_value = true;
		it->vkind = MV_STR;
		it->slen = clang_getArraySize(tc);
		it->sval = xcalloc(it->slen + 1, 1);
		memcpy(it->sval, str, strlen(str) < it->slen ? strlen(str) : it->slen);
	}
	if (scalar && ek == CXEval_Int) {
		it->has_value = true;
		it->vkind = MV_INT;
		it->vunsigned = clang_EvalResult_isUnsignedInt(ev);
		it->uval = clang_EvalResult_getAsUnsigned(ev);
		it->ival = clang_EvalResult_getAsLongLong(ev);
	} else if (scalar && ek == CXEval_Float) {
		it->has_value = true;
		it->vkind = MV_FLOAT;
		it->fval = clang_EvalResult_getAsDouble(ev);
	}
	if (ev)
		clang_EvalResult_dispose(ev);
}
