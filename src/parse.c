/* parse.c — libclang → IR. The only file that walks cursors: one walk over
 * the translation unit, in declaration order, turning declarations into
 * items and CXTypes into struct type. */
#include "h2rs.h"

#include <clang-c/Documentation.h>
#include <clang-c/Index.h>
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>

/* Map from canonical cursor to item. */
struct cursor_map {
	CXCursor *keys; /* canonical cursors */
	struct item **vals; /* their items */
	size_t cap;     /* slots (a power of two) */
	size_t n;       /* slots in use */
};

#define PRIM_CACHE 64 /* CXType_FirstBuiltin .. CXType_LastBuiltin, with room */

struct parser {
	struct ctx *c;          /* the run */
	CXTranslationUnit tu;   /* the parsed header */
	struct cursor_map map;  /* declarations seen */
	CXFile last_file;       /* cache for file names */
	const char *last_name;  /* name of last_file */
	struct strmap macro_names; /* name → struct macro_def *, eligible macros */
	struct strmap seen_macros; /* object-like macro names seen (--verbose statistics) */
	int top_index;          /* the top-level cursor being read (1-based) */
	struct buf body;        /* scratch: the macro body being read */
	struct type *prims[PRIM_CACHE]; /* builtin types by CXTypeKind, made once */
	long long ptr_bytes;    /* the target's pointer size */
	bool x86_64;            /* the target is x86-64 (Rust's win64, sysv64) */
	bool arm_hard_float;    /* the target is 32-bit arm with the VFP variant of
				 * AAPCS as its C convention (eabihf, -mfloat-abi=hard) */
};

static struct type *conv_type(struct parser *p, CXType t, CXCursor names);
static struct item *record_item(struct parser *p, CXCursor cur, struct item *parent);
static struct item *enum_item(struct parser *p, CXCursor cur, struct item *parent);

/* ---- small libclang helpers ---- */

static char *cxstr(CXString s)
{
	char *r = xstrdup(clang_getCString(s) ? clang_getCString(s) : "");
	clang_disposeString(s);
	return r;
}

static const char *file_name(struct parser *p, CXFile f)
{
	if (!f)
		return "";
	if (f == p->last_file)
		return p->last_name;
	p->last_file = f;
	p->last_name = cxstr(clang_getFileName(f));
	return p->last_name;
}

static void set_location(struct parser *p, struct item *it, CXCursor cur)
{
	CXFile f;
	unsigned line, col;
	clang_getExpansionLocation(clang_getCursorLocation(cur), &f, &line, &col, NULL);
	it->file = file_name(p, f);
	it->line = line;
	it->col = col;
}

static const char *doc_of(struct parser *p, CXCursor cur)
{
	if (!p->c->opt->doc_comments)
		return NULL;
	CXString s = clang_Cursor_getRawCommentText(cur);
	const char *t = clang_getCString(s);
	char *r = t && *t ? xstrdup(t) : NULL;
	clang_disposeString(s);
	return r;
}

/* ---- bindgen's <div rustbindgen ...> annotations (ir/annotations.rs) ---- */

/* bindgen's parse_accessor: "false" none, "unsafe", "immutable", anything
 * else (no value included) the plain getters. */
static enum annot_accessor accessor_kind(const char *v)
{
	if (!strcmp(v, "false"))
		return AA_NONE;
	if (!strcmp(v, "unsafe"))
		return AA_UNSAFE;
	if (!strcmp(v, "immutable"))
		return AA_IMMUTABLE;
	return AA_REGULAR;
}

/* One attribute of a rustbindgen tag into a; unknown names are ignored,
 * as bindgen ignores them. */
static void annot_attr(struct annot *a, const char *name, char *v)
{
	if (!strcmp(name, "opaque"))
		a->opaque = true;
	else if (!strcmp(name, "hide"))
		a->hide = true;
	else if (!strcmp(name, "nocopy"))
		a->nocopy = true;
	else if (!strcmp(name, "nodebug"))
		a->nodebug = true;
	else if (!strcmp(name, "nodefault"))
		a->nodefault = true;
	else if (!strcmp(name, "mustusetype"))
		a->must_use = true;
	else if (!strcmp(name, "constant"))
		a->constant = true;
	else if (!strcmp(name, "replaces"))
		a->replaces = xstrdup(v);
	else if (!strcmp(name, "derive") && *v)
		vec_push(&a->derives, xstrdup(v));
	else if (!strcmp(name, "attribute") && *v)
		vec_push(&a->attrs, xstrdup(v));
	else if (!strcmp(name, "private"))
		a->vis = strcmp(v, "false") ? AV_PRIVATE : AV_PUBLIC;
	else if (!strcmp(name, "accessor"))
		a->accessor = accessor_kind(v);
}

/* bindgen's Annotations::parse: every HTML start tag <div> in the comment
 * tree whose first attribute is rustbindgen adds its attributes. */
static void annot_walk(CXComment cm, struct annot *a, bool *matched)
{
	if (clang_Comment_getKind(cm) == CXComment_HTMLStartTag &&
	    clang_HTMLStartTag_getNumAttrs(cm) > 0) {
		char *tag = cxstr(clang_HTMLTagComment_getTagName(cm));
		char *first = cxstr(clang_HTMLStartTag_getAttrName(cm, 0));
		if (!strcmp(tag, "div") && !strcmp(first, "rustbindgen")) {
			*matched = true;
			unsigned n = clang_HTMLStartTag_getNumAttrs(cm);
			for (unsigned i = 0; i < n; i++) {
				char *an = cxstr(clang_HTMLStartTag_getAttrName(cm, i));
				char *av = cxstr(clang_HTMLStartTag_getAttrValue(cm, i));
				annot_attr(a, an, av);
				free(an);
				free(av);
			}
		}
		free(tag);
		free(first);
	}
	unsigned n = clang_Comment_getNumChildren(cm);
	for (unsigned i = 0; i < n; i++)
		annot_walk(clang_Comment_getChild(cm, i), a, matched);
}

/* The annotations in cur's parsed doc comment (libclang's: the first
 * redeclaration's with one; a typedef without one has its tag's), or NULL.
 * Read whether or not doc comments are emitted. Only a comment whose text
 * names rustbindgen is parsed, except a typedef's, which has no text of
 * its own when it borrows its tag's. */
static const struct annot *annot_of(CXCursor cur)
{
	if (clang_getCursorKind(cur) != CXCursor_TypedefDecl) {
		CXString s = clang_Cursor_getRawCommentText(cur);
		const char *t = clang_getCString(s);
		bool maybe = t && strstr(t, "rustbindgen");
		clang_disposeString(s);
		if (!maybe)
			return NULL;
	}
	struct annot a = {0};
	bool matched = false;
	annot_walk(clang_Cursor_getParsedComment(cur), &a, &matched);
	if (!matched)
		return NULL;
	struct annot *r = xmalloc(sizeof *r);
	*r = a;
	return r;
}

/* The definition of the record or enum a typedef's canonical type is, or
 * a null cursor (bindgen's `decl` in Item::from_ty). */
static CXCursor typedef_tag_def(CXCursor cur)
{
	CXType can = clang_getCanonicalType(clang_getCursorType(cur));
	if (can.kind != CXType_Record && can.kind != CXType_Enum)
		return clang_getNullCursor();
	return clang_getCursorDefinition(clang_getTypeDeclaration(can));
}

/* bindgen's Item::from_ty for a typedef: the annotations of that
 * definition, if it has any, else the typedef's own (so `typedef struct s
 * t;` is hidden, opaque, ... with s). */
static const struct annot *typedef_annot(CXCursor cur)
{
	CXCursor def = typedef_tag_def(cur);
	const struct annot *a = clang_Cursor_isNull(def) ? NULL : annot_of(def);
	return a ? a : annot_of(cur);
}

/* bindgen's Item::from_ty for a typedef: its own doc comment, else that
 * definition's (`typedef struct s t;` has s's). */
static const char *typedef_doc(struct parser *p, CXCursor cur)
{
	const char *d = doc_of(p, cur);
	CXCursor def = typedef_tag_def(cur);
	return d || clang_Cursor_isNull(def) ? d : doc_of(p, def);
}

/* ---- cursor → item map ---- */

static size_t map_slot(struct cursor_map *m, CXCursor k)
{
	size_t i = clang_hashCursor(k) & (m->cap - 1);
	while (m->vals[i] && !clang_equalCursors(m->keys[i], k))
		i = (i + 1) & (m->cap - 1);
	return i;
}

static struct item *map_get(struct parser *p, CXCursor k)
{
	if (!p->map.cap)
		return NULL;
	return p->map.vals[map_slot(&p->map, k)];
}

static void map_put(struct parser *p, CXCursor k, struct item *it)
{
	struct cursor_map *m = &p->map;
	if ((m->n + 1) * 2 > m->cap) {
		struct cursor_map old = *m;
		m->cap = old.cap ? old.cap * 2 : 1024;
		m->keys = xcalloc(m->cap, sizeof *m->keys);
		m->vals = xcalloc(m->cap, sizeof *m->vals);
		m->n = 0;
		for (size_t i = 0; i < old.cap; i++)
			if (old.vals[i]) {
				size_t s = map_slot(m, old.keys[i]);
				m->keys[s] = old.keys[i];
				m->vals[s] = old.vals[i];
				m->n++;
			}
		free(old.keys);
		free(old.vals);
	}
	size_t s = map_slot(m, k);
	m->keys[s] = k;
	m->vals[s] = it;
	m->n++;
}

static struct item *new_item(struct parser *p, enum item_kind kind, CXCursor cur)
{
	struct item *it = xcalloc(1, sizeof *it);
	it->kind = kind;
	it->order = p->c->next_order++;
	set_location(p, it, cur);
	vec_push(&p->c->items, it);
	map_put(p, clang_getCanonicalCursor(cur), it);
	return it;
}

/* ---- types ---- */

static struct type *new_type(enum ty_kind k)
{
	struct type *t = xcalloc(1, sizeof *t);
	t->kind = k;
	return t;
}

static struct type *prim(const char *name, bool ctype, CXType t)
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

static struct type *item_type(struct item *it)
{
	struct type *r = new_type(TY_ITEM);
	r->item = it;
	return r;
}

static bool cursor_noreturn(CXCursor cur);

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

static struct item *typedef_item(struct parser *p, CXCursor cur);

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

static struct type *conv_type(struct parser *p, CXType t, CXCursor names)
{
	bool ctype;
	const char *pn;
	switch (t.kind) {
	case CXType_Elaborated:
		return conv_type(p, clang_Type_getNamedType(t), names);
	case CXType_Attributed:
		return conv_type(p, clang_Type_getModifiedType(t), names);
	case CXType_Void:
		return new_type(TY_VOID);
	case CXType_Typedef: {
		struct item *it = typedef_item(p, clang_getTypeDeclaration(t));
		if (it->kind != IT_TYPEDEF)
			return item_type(it); /* typedef naming an anonymous record/enum */
		return item_type(it);
	}
	case CXType_Record:
		return item_type(record_item(p, clang_getTypeDeclaration(t), NULL));
	case CXType_Enum:
		return item_type(enum_item(p, clang_getTypeDeclaration(t), NULL));
	case CXType_Pointer:
	case CXType_BlockPointer: {
		CXType pt = clang_getPointeeType(t);
		/* bindgen's from_clang_ty (ir/ty.rs, CXType_Pointer; its issue
		 * 2244): where the pointee's constness differs from the canonical
		 * type's, the canonical pointee is taken. libclang drops the const
		 * under a btf_type_tag (the kernel's __user with some configs)
		 * and behind a typedef of a const type (typedef const int ci;) */
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
	case CXType_ConstantArray: {
		struct type *r = new_type(TY_ARRAY);
		r->sub = conv_type(p, clang_getArrayElementType(t), clang_getNullCursor());
		r->len = clang_getArraySize(t);
		if (r->len == 0)
			r->kind = TY_FLEX;
		return r;
	}
	case CXType_IncompleteArray:
	case CXType_VariableArray:
	case CXType_DependentSizedArray: {
		struct type *r = new_type(TY_FLEX);
		r->sub = conv_type(p, clang_getArrayElementType(t), clang_getNullCursor());
		return r;
	}
	case CXType_FunctionProto:
	case CXType_FunctionNoProto:
		return conv_func(p, t, names);
	case CXType_Vector: {
		struct type *r = new_type(TY_ARRAY);
		r->sub = conv_type(p, clang_getElementType(t), clang_getNullCursor());
		r->len = clang_getNumElements(t);
		return r;
	}
	case CXType_Complex: {
		struct type *r = new_type(TY_COMPLEX);
		r->sub = conv_type(p, clang_getElementType(t), clang_getNullCursor());
		return r;
	}
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
			return prim("u128", false, t);
		return blob(t);
	case CXType_Half:
	case CXType_Float16:
		return new_type(TY_FLOAT16);
	default:
		break;
	}
	pn = builtin_prim(t.kind, &ctype, p->c->opt->no_convert_floats);
	if (pn && t.kind >= 0 && t.kind < PRIM_CACHE) {
		/* one shared, read-only type per builtin kind */
		if (!p->prims[t.kind])
			p->prims[t.kind] = prim(pn, ctype, t);
		return p->prims[t.kind];
	}
	if (pn)
		return prim(pn, ctype, t);
	/* anything else (BTF type tags, bfloat16, …): follow the canonical type
	 * if it differs, otherwise keep the exact size as bytes */
	CXType can = clang_getCanonicalType(t);
	if (can.kind != t.kind)
		return conv_type(p, can, names);
	return blob(t);
}

static struct type *macro_value_type_canon(CXType t)
{
	bool ctype;
	CXType can = clang_getCanonicalType(t);
	if (can.kind == CXType_Enum)
		can = clang_getCanonicalType(clang_getEnumDeclIntegerType(clang_getTypeDeclaration(can)));
	const char *pn = builtin_prim(can.kind, &ctype, false);
	return pn ? prim(pn, ctype, can) : NULL;
}

/* The type of a macro's value, as an evaluation unit (another translation
 * unit) sees it: a typedef is found by name among typedefs (this run's, or
 * NULL where the unit has none of the header's); otherwise a primitive.
 * NULL if it is neither (pointers, records…). */
struct type *macro_value_type(const struct strmap *typedefs, void *cxtype)
{
	CXType t = *(CXType *)cxtype;
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

/* ---- attributes ---- */

struct attr_scan {
	bool noreturn;   /* saw noreturn */
	bool must_use;   /* saw warn_unused_result */
	bool packed;     /* saw packed */
	CXTranslationUnit tu; /* for tokens */
};

static bool attr_token_is(CXTranslationUnit tu, CXCursor c, const char *const *names)
{
	CXToken *toks;
	unsigned n;
	bool hit = false;
	clang_tokenize(tu, clang_getCursorExtent(c), &toks, &n);
	if (n > 0) {
		CXString s = clang_getTokenSpelling(tu, toks[0]);
		for (int i = 0; names[i]; i++)
			hit |= !strcmp(clang_getCString(s), names[i]);
		clang_disposeString(s);
	}
	clang_disposeTokens(tu, toks, n);
	return hit;
}

static enum CXChildVisitResult scan_attr(CXCursor c, CXCursor parent, CXClientData d)
{
	static const char *const noreturn_names[] = {"noreturn", "__noreturn__", "_Noreturn", NULL};
	struct attr_scan *a = d;
	switch (clang_getCursorKind(c)) {
	case CXCursor_WarnUnusedResultAttr: a->must_use = true; break;
	case CXCursor_PackedAttr: a->packed = true; break;
	case CXCursor_UnexposedAttr:
		if (attr_token_is(a->tu, c, noreturn_names))
			a->noreturn = true;
		break;
	default: break;
	}
	return CXChildVisit_Continue;
}

static bool cursor_noreturn(CXCursor cur)
{
	struct attr_scan a = {0};
	a.tu = clang_Cursor_getTranslationUnit(cur);
	clang_visitChildren(cur, scan_attr, &a);
	return a.noreturn;
}

/* ---- records ---- */

struct record_walk {
	struct parser *p;     /* parser */
	struct item *it;      /* the record being read */
	CXType rtype;         /* its type, for offsets of anonymous members */
	int anon_fields;      /* __bindgen_anon_N counter */
	struct vec fields;    /* struct field * */
};

/* Offset (bits) of an anonymous member: find a named leaf field inside it and
 * ask clang for that leaf's offset in the outer record. */
static bool leaf_of(struct item *anon, const char **name, uint64_t *off)
{
	for (int i = 0; i < anon->nfields; i++) {
		struct field *f = anon->fields[i];
		if (f->cname && f->cname[0]) {
			*name = f->cname;
			*off = f->bit_offset;
			return true;
		}
		if (f->type->kind == TY_ITEM && f->type->item->anon_member &&
		    leaf_of(f->type->item, name, off)) {
			*off += f->bit_offset;
			return true;
		}
	}
	return false;
}

/* Unnamed tag: libclang 14 gives an empty spelling, newer ones spell it
 * "struct (unnamed at file:line:col)". */
static bool is_unnamed(CXCursor cur)
{
	if (clang_Cursor_isAnonymous(cur))
		return true;
	CXString s = clang_getCursorSpelling(cur);
	const char *t = clang_getCString(s);
	bool r = !t || !*t || strstr(t, "(unnamed") || strstr(t, "(anonymous");
	clang_disposeString(s);
	return r;
}

/* Where an anonymous member sub sits in the record being read, in bits,
 * found through a named leaf that C reaches through the record; -1 if none. */
static long long member_base(struct record_walk *w, struct item *sub)
{
	const char *leaf;
	uint64_t inner;
	if (!leaf_of(sub, &leaf, &inner))
		return -1;
	long long o = clang_Type_getOffsetOf(w->rtype, leaf);
	return o < 0 || (uint64_t)o < inner ? -1 : o - (long long)inner;
}

/* member_base for a member of a tagged type, where every named field of sub
 * must agree, so that a field of the record that merely shares a name with
 * one of sub's is not taken for it. */
static long long tagged_member_base(struct record_walk *w, struct item *sub)
{
	long long base = member_base(w, sub);
	if (base < 0)
		return -1;
	for (int i = 0; i < sub->nfields; i++) {
		struct field *f = sub->fields[i];
		if (!f->cname || !f->cname[0])
			continue;
		if (clang_Type_getOffsetOf(w->rtype, f->cname) != base + (long long)f->bit_offset)
			return -1;
	}
	return base;
}

static void push_anon_field(struct record_walk *w, struct item *sub, long long base)
{
	struct field *f = xcalloc(1, sizeof *f);
	f->name = xstrfmt("%s%d", w->p->c->opt->anon_prefix, ++w->anon_fields);
	f->type = item_type(sub);
	f->bit_width = -1;
	f->bit_offset = base >= 0 ? (uint64_t)base : 0;
	vec_push(&w->fields, f);
}

/* "struct t;" rather than "struct t *p;": the declaration is followed by
 * ';' where it is written (not in a macro expansion). */
static bool declares_nothing_else(struct parser *p, CXCursor c)
{
	CXSourceLocation end = clang_getRangeEnd(clang_getCursorExtent(c));
	CXFile f;
	unsigned off;
	size_t n;
	clang_getSpellingLocation(end, &f, NULL, NULL, &off);
	const char *s = f ? clang_getFileContents(p->tu, f, &n) : NULL;
	if (!s || !clang_equalLocations(end, clang_getLocationForOffset(p->tu, f, off)))
		return false;
	while (off < n && isspace((unsigned char)s[off]))
		off++;
	return off < n && s[off] == ';';
}

static enum CXChildVisitResult record_child(CXCursor c, CXCursor parent, CXClientData d)
{
	struct record_walk *w = d;
	struct parser *p = w->p;
	enum CXCursorKind k = clang_getCursorKind(c);
	if (k == CXCursor_StructDecl || k == CXCursor_UnionDecl) {
		/* "struct t *p;" declares t here without defining it: t is not
		 * nested in this record */
		bool nested = clang_isCursorDefinition(c) || is_unnamed(c);
		struct item *sub = record_item(p, c, nested ? w->it : NULL);
		if (clang_Cursor_isAnonymousRecordDecl(c)) {
			push_anon_field(w, sub, member_base(w, sub));
		} else if (!nested && sub->complete) {
			/* -fms-extensions: "struct t;" inside a record is an
			 * anonymous member of the tagged type t. libclang does
			 * not visit its implicit FieldDecl (nor does bindgen 0.72.1,
			 * whose CompInfo::from_ty in ir/comp.rs skips this
			 * StructDecl because its semantic parent is not the record:
			 * it leaves a gap there, and in a union a Rust union
			 * smaller than C's). Its fields, reachable by name through
			 * the record, and the ';' after it tell it from
			 * "struct t *p;". */
			long long base = declares_nothing_else(p, c) ? tagged_member_base(w, sub) : -1;
			if (base >= 0)
				push_anon_field(w, sub, base);
		}
		return CXChildVisit_Continue;
	}
	if (k == CXCursor_EnumDecl) {
		enum_item(p, c, clang_isCursorDefinition(c) || is_unnamed(c) ? w->it : NULL);
		return CXChildVisit_Continue;
	}
	if (k == CXCursor_PackedAttr)
		w->it->packed_attr = true;
	if (k != CXCursor_FieldDecl)
		return CXChildVisit_Continue;
	struct field *f = xcalloc(1, sizeof *f);
	f->cname = cxstr(clang_getCursorSpelling(c));
	f->name = rust_ident(f->cname);
	CXType ft = clang_getCursorType(c);
	f->type = conv_type(p, ft, c);
	long long off = clang_Cursor_getOffsetOfField(c);
	f->bit_offset = off >= 0 ? (uint64_t)off : 0;
	f->bit_width = -1;
	if (clang_Cursor_isBitField(c)) {
		f->bit_width = clang_getFieldDeclBitWidth(c);
		if (f->bit_width < 0)
			w->it->bad_bitfield = true;
		CXType can = clang_getCanonicalType(ft);
		if (can.kind == CXType_Enum)
			can = clang_getCanonicalType(clang_getEnumDeclIntegerType(clang_getTypeDeclaration(can)));
		switch (can.kind) {
		case CXType_SChar: case CXType_Char_S: case CXType_Short: case CXType_Int:
		case CXType_Long: case CXType_LongLong: case CXType_Int128:
			f->is_signed = true;
			break;
		default:
			break;
		}
	}
	f->doc = doc_of(p, c);
	f->annot = annot_of(c);
	vec_push(&w->fields, f);
	return CXChildVisit_Continue;
}

static void read_record(struct parser *p, struct item *it, CXCursor def)
{
	struct record_walk w = {p, it, clang_getCursorType(def), 0, {0}};
	it->complete = true;
	it->order = p->c->next_order++;
	set_location(p, it, def);
	it->doc = doc_of(p, def);
	long long s = clang_Type_getSizeOf(w.rtype), a = clang_Type_getAlignOf(w.rtype);
	it->size = s > 0 ? s : 0;
	it->align = a > 0 ? a : 1;
	clang_visitChildren(def, record_child, &w);
	it->fields = (struct field **)w.fields.v;
	it->nfields = w.fields.n;
}

/* The record a declaration is written inside of, or NULL. */
static struct item *enclosing_record(struct parser *p, CXCursor decl)
{
	CXCursor lex = clang_getCursorLexicalParent(decl);
	enum CXCursorKind lk = clang_getCursorKind(lex);
	if (lk != CXCursor_StructDecl && lk != CXCursor_UnionDecl)
		return NULL;
	return map_get(p, clang_getCanonicalCursor(lex));
}

/* Name a new record or enum: its tag, or parent's next _bindgen_ty_N when
 * it has none (top-level unnamed ones are numbered in analyse.c). */
static void name_tag(struct parser *p, struct item *it, CXCursor cur, struct item *parent)
{
	it->parent = parent;
	if (it->unnamed) {
		it->cname = NULL;
		if (parent)
			it->name = xstrfmt("_bindgen_ty_%d", ++parent->anon_count);
	} else {
		it->cname = cxstr(clang_getCursorSpelling(cur));
		it->name = it->cname;
	}
}

static struct item *record_item(struct parser *p, CXCursor cur, struct item *parent)
{
	CXCursor canon = clang_getCanonicalCursor(cur);
	struct item *it = map_get(p, canon);
	if (!it) {
		it = new_item(p, IT_RECORD, cur);
		it->is_union = clang_getCursorKind(cur) == CXCursor_UnionDecl;
		it->unnamed = is_unnamed(cur);
		it->anon_member = clang_Cursor_isAnonymousRecordDecl(cur);
		it->annot = annot_of(cur);
		name_tag(p, it, cur, parent);
	}
	if (!it->complete) {
		CXCursor def = clang_getCursorDefinition(cur);
		if (!clang_Cursor_isNull(def)) {
			/* a record defined inside another is named after it (outer_inner);
			 * one merely mentioned there first (struct t *p;) is not */
			if (!it->parent)
				it->parent = enclosing_record(p, def);
			read_record(p, it, def);
		}
	}
	return it;
}

/* ---- enums ---- */

struct enum_walk {
	struct parser *p;  /* parser */
	struct vec consts; /* struct enumerator * */
};

static enum CXChildVisitResult enum_child(CXCursor c, CXCursor parent, CXClientData d)
{
	struct enum_walk *w = d;
	if (clang_getCursorKind(c) != CXCursor_EnumConstantDecl)
		return CXChildVisit_Continue;
	struct enumerator *e = xcalloc(1, sizeof *e);
	e->cname = cxstr(clang_getCursorSpelling(c));
	e->value = clang_getEnumConstantDeclValue(c);
	e->uvalue = clang_getEnumConstantDeclUnsignedValue(c);
	e->doc = doc_of(w->p, c);
	e->annot = annot_of(c);
	vec_push(&w->consts, e);
	return CXChildVisit_Continue;
}

static struct item *enum_item(struct parser *p, CXCursor cur, struct item *parent)
{
	CXCursor canon = clang_getCanonicalCursor(cur);
	struct item *it = map_get(p, canon);
	if (!it) {
		it = new_item(p, IT_ENUM, cur);
		it->unnamed = is_unnamed(cur);
		it->annot = annot_of(cur);
		if (!parent) {
			CXCursor def = clang_getCursorDefinition(cur);
			parent = enclosing_record(p, clang_Cursor_isNull(def) ? cur : def);
		}
		name_tag(p, it, cur, parent);
	}
	if (!it->complete) {
		CXCursor def = clang_getCursorDefinition(cur);
		if (!clang_Cursor_isNull(def)) {
			struct enum_walk w = {p, {0}};
			it->complete = true;
			it->order = p->c->next_order++;
			set_location(p, it, def);
			it->doc = doc_of(p, def);
			it->int_type = conv_type(p, clang_getEnumDeclIntegerType(def), clang_getNullCursor());
			clang_visitChildren(def, enum_child, &w);
			it->consts = (struct enumerator **)w.consts.v;
			it->nconsts = w.consts.n;
			CXType et = clang_getCursorType(def);
			it->size = clang_Type_getSizeOf(et);
			it->align = clang_Type_getAlignOf(et);
		} else {
			/* forward-declared enum: int-sized */
			it->int_type = prim("c_uint", true, clang_getEnumDeclIntegerType(cur));
		}
	}
	return it;
}

/* ---- typedefs ---- */

/* bindgen's name for a typedef: `typedef struct foo *foo;` (a pointer to a
 * tag spelled with its keyword, of the typedef's own name) is foo_ptr, so
 * it does not clash with the tag (bindgen 0.72.1's ir/ty.rs, CXType_Typedef
 * in from_clang_ty). */
static const char *ptr_typedef_name(const struct options *o, char *name, CXType ut)
{
	if (ut.kind != CXType_Pointer || o->c_naming) /* --c-naming: no clash */
		return name;
	CXType pt = clang_getPointeeType(ut);
	if (pt.kind != CXType_Elaborated)
		return name;
	char *tag = cxstr(clang_getCursorSpelling(clang_getTypeDeclaration(pt)));
	return strcmp(tag, name) ? name : xstrfmt("%s_ptr", name);
}

static struct item *typedef_item(struct parser *p, CXCursor cur)
{
	CXCursor canon = clang_getCanonicalCursor(cur);
	struct item *it = map_get(p, canon);
	if (it)
		return it;
	char *name = cxstr(clang_getCursorSpelling(cur));
	CXType ut = clang_getTypedefDeclUnderlyingType(cur);
	const char *rname = ptr_typedef_name(p->c->opt, name, ut);
	while (ut.kind == CXType_Elaborated)
		ut = clang_Type_getNamedType(ut);
	if (ut.kind == CXType_Record || ut.kind == CXType_Enum) {
		CXCursor d = clang_getTypeDeclaration(ut);
		struct item *target = ut.kind == CXType_Record ? record_item(p, d, NULL)
							       : enum_item(p, d, NULL);
		/* typedef struct { … } T;  and  typedef struct T T; */
		if ((target->unnamed && !target->named_by_typedef && !target->parent) ||
		    (target->cname && !strcmp(target->cname, name) && !target->parent)) {
			/* the typedef name is a valid C spelling either way (newer
			 * libclang already reports it as the record's name) */
			target->named_by_typedef = true;
			target->cname = name;
			target->name = name;
			/* typedef struct {…} T __attribute__((aligned)): the record
			 * is only reachable through T, so it takes T's layout */
			CXType tt = clang_getCursorType(cur);
			long long ta = clang_Type_getAlignOf(tt), ts = clang_Type_getSizeOf(tt);
			if (ut.kind == CXType_Record && ta > (long long)target->align && ts > 0) {
				if (ts % ta == 0) {
					target->align = ta;
					target->size = ts;
				} else {
					/* gcc raises the alignment without rounding the
					 * size up: no Rust type has that layout */
					target->typedef_align = ta;
					warning("typedef '%s' raises alignment to %lld but keeps size %lld; "
						"Rust cannot express that, so '%s' has alignment %llu (fields "
						"of type '%s' are still placed exactly)", name, ta, ts, name,
						(unsigned long long)target->align, name);
				}
			}
			/* --c-naming: the record is struct_T, so the typedef T
			 * stays, an alias of it (bindgen's Alias codegen skips only
			 * a typedef of the record's own canonical name) */
			if (!p->c->opt->c_naming) {
				map_put(p, canon, target);
				return target;
			}
		}
	}
	it = new_item(p, IT_TYPEDEF, cur);
	it->cname = rname;
	it->name = rname;
	strmap_put(&p->c->typedefs, name, it);
	it->doc = typedef_doc(p, cur);
	it->annot = typedef_annot(cur);
	CXType tt = clang_getCursorType(cur);
	long long tsz = clang_Type_getSizeOf(tt), tal = clang_Type_getAlignOf(tt);
	it->size = tsz > 0 ? tsz : 1; /* a function type has none: bindgen's 1 */
	it->align = tal > 0 ? tal : 1;
	/* <stdint.h> names (size_t → usize, …) are analyse.c's stdint_prim */
	it->aliased = conv_type(p, ut, cur);
	enum CXTypeKind ck = clang_getCanonicalType(ut).kind;
	it->int_typedef = ck >= CXType_Bool && ck <= CXType_Int128; /* bindgen's TypeKind::Int */
	it->complete = true;
	return it;
}

/* ---- functions and variables ---- */

/* C spelling of a type for a wrapper's prototype. */
static const char *c_spelling_of(CXType t)
{
	char *s = cxstr(clang_getTypeSpelling(t));
	if (strstr(s, "(unnamed") || strstr(s, "(anonymous"))
		return NULL;
	return s;
}

/* Record what a C wrapper needs: the spelled return and parameter types. */
static bool wrapper_types(struct item *it, CXType ft)
{
	it->c_ret = c_spelling_of(clang_getResultType(ft));
	it->c_params = xcalloc(it->type->nparams + 1, sizeof(char *));
	for (int i = 0; i < it->type->nparams; i++)
		if (!(it->c_params[i] = c_spelling_of(clang_getArgType(ft, i))))
			return false;
	return it->c_ret != NULL;
}

static void skip_function(struct parser *p, const char *name, const char *why)
{
	skip_push(&p->c->skipped, name, why);
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

static void read_function(struct parser *p, CXCursor cur)
{
	if (map_get(p, clang_getCanonicalCursor(cur)))
		return;
	const struct options *o = p->c->opt;
	char *name = cxstr(clang_getCursorSpelling(cur));
	bool is_static = clang_Cursor_getStorageClass(cur) == CX_SC_Static;
	CXFile f;
	clang_getExpansionLocation(clang_getCursorLocation(cur), &f, NULL, NULL, NULL);
	bool from_wrap_list = p->c->main_file && f && !strcmp(file_name(p, f), p->c->main_file);
	if (is_static && !o->wrap_static_fns) {
		p->c->nskipped_inline++;
		skip_function(p, name, "static function, has no symbol to link to (use "
				       "--wrap-static-fns)");
		return;
	}
	/* bindgen's Function::parse (ir/function.rs): an inline function is
	 * skipped unless --generate-inline-functions or --wrap-static-fns, and
	 * with --wrap-static-fns one that is not static is skipped too */
	CXCursor def = clang_getCursorDefinition(cur);
	bool inlined = clang_Cursor_isFunctionInlined(cur) ||
		       (!clang_Cursor_isNull(def) && clang_Cursor_isFunctionInlined(def));
	if (inlined && !from_wrap_list &&
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
	if (from_wrap_list) {
		it->wrap = WRAP_MACRO;
		it->macro_is_fn = strmap_get(&p->c->fn_macros, name) != NULL;
		if (!strmap_get(&p->c->fn_macros, name) && !strmap_get(&p->c->object_macros, name))
			warning("--wrap-macro: '%s' is not a macro in the input; the wrapper calls a "
				"function of that name", name);
	} else if (is_static) {
		it->wrap = WRAP_STATIC;
	}
	if (it->wrap && !wrapper_types(it, ft)) {
		it->wrap = WRAP_NONE;
		p->c->items.n--; /* new_item pushed it last */
		skip_function(p, name, "a parameter or return type has no C spelling (anonymous)");
	}
}

static void read_var(struct parser *p, CXCursor cur)
{
	if (map_get(p, clang_getCanonicalCursor(cur)))
		return;
	char *name = cxstr(clang_getCursorSpelling(cur));
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
		skip_push(&p->c->skipped, name, "static variable, has no symbol");
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

/* ---- macros (collected here, evaluated in macros.c) ---- */

static struct macro_def *find_macro(struct parser *p, const char *name)
{
	return strmap_get(&p->macro_names, name);
}

/* cexpr's operators (bindgen's macro evaluator): no '!', no comparisons,
 * no logical or conditional operators. */
static bool punct_ok(const char *s)
{
	static const char *const ok[] = {"+", "-", "*", "/", "%", "<<", ">>", "&", "|",
					 "^", "~", "(", ")", NULL};
	for (int i = 0; ok[i]; i++)
		if (!strcmp(s, ok[i]))
			return true;
	return false;
}

/* What read_macro learns from a macro's body, token by token. */
struct macro_scan {
	struct parser *p;     /* the run */
	const char *name;     /* the macro being read */
	struct buf *body;     /* its tokens, joined by spaces */
	struct buf str;       /* a string macro's bytes, as h2rs reads the literals */
	bool ok;              /* still a candidate under the mode's rules */
	bool has_str, has_other; /* saw string parts / anything else */
	bool is_float;        /* saw a floating literal */
	bool selfc;           /* full mode: needs nothing from the header */
	bool str_ok;          /* str holds every string part */
	int nvals;            /* tokens but comments and parentheses */
	int nchars;           /* of those: character literals, macros that are one */
};

/* A string part of the body: a literal's bytes or a string macro's. */
static void scan_string_part(struct macro_scan *sc, const char *lit, const struct macro_def *m)
{
	sc->has_str = true;
	if (lit)
		sc->str_ok = sc->str_ok && c_string_bytes(&sc->str, lit);
	else if (m->str)
		buf_putn(&sc->str, m->str, m->str_len);
	else
		sc->str_ok = false;
}

/* Full mode: every token goes in; clang decides later whether it is a
 * constant. */
static void scan_full(struct macro_scan *sc, enum CXTokenKind tk, const char *t)
{
	struct macro_def *r = tk == CXToken_Identifier && strcmp(t, sc->name)
				      ? find_macro(sc->p, t) : NULL;
	/* "a" "b" and __PRI64_PREFIX "d" are strings */
	if (tk == CXToken_Literal && t[0] == '"')
		scan_string_part(sc, t, NULL);
	else if (r && r->is_string)
		scan_string_part(sc, NULL, r);
	else
		sc->has_other = true;
	/* self-contained: clang can evaluate it without the header */
	if (tk == CXToken_Identifier) {
		sc->selfc = sc->selfc && r && r->self_contained;
		if (r)
			r->referenced = true;
	} else if (tk == CXToken_Keyword) {
		sc->selfc = sc->selfc && strcmp(t, "struct") && strcmp(t, "union") &&
			    strcmp(t, "enum");
	}
}

/* bindgen's rules (cexpr): literals, cexpr's operators and earlier such
 * macros; a character only on its own (cexpr has no arithmetic on it), no
 * hexadecimal floating literal (cexpr cannot read one). */
static void scan_bindgen(struct macro_scan *sc, enum CXTokenKind tk, const char *t)
{
	switch (tk) {
	case CXToken_Literal:
		if (t[0] == '"') {
			scan_string_part(sc, t, NULL);
		} else if (t[0] == '\'') {
			sc->has_other = true;
			sc->nchars++;
		} else if (isdigit((unsigned char)t[0]) || t[0] == '.') {
			sc->has_other = true;
			bool hex = t[0] == '0' && (t[1] == 'x' || t[1] == 'X');
			if (hex && strpbrk(t, "pP"))
				sc->ok = false;
			else if (strchr(t, '.') || (!hex && strpbrk(t, "eE")))
				sc->is_float = true;
		} else {
			sc->ok = false; /* L"", u8"" and friends */
		}
		break;
	case CXToken_Punctuation:
		sc->ok = punct_ok(t);
		if (strcmp(t, "(") && strcmp(t, ")"))
			sc->has_other = true;
		break;
	case CXToken_Identifier: {
		struct macro_def *m = strcmp(t, sc->name) ? find_macro(sc->p, t) : NULL;
		sc->ok = m != NULL;
		if (m) {
			m->referenced = true;
			if (m->is_string)
				scan_string_part(sc, NULL, m);
			else
				sc->has_other = true;
			sc->is_float |= m->is_float;
			sc->nchars += m->single_char;
		}
		break;
	}
	default:
		sc->ok = false;
	}
}

/* The eligible macro NAME's entry: a new one, or the earlier definition's
 * (the last definition wins, as in C). */
static struct macro_def *macro_entry(struct parser *p, char **name)
{
	struct macro_def *m = find_macro(p, *name);
	if (m) {
		free(*name);
		*name = (char *)m->name;
		return m;
	}
	m = xcalloc(1, sizeof *m);
	strmap_put(&p->macro_names, *name, m);
	vec_push(&p->c->macros, m);
	return m;
}

/* A macro that may be a constant: in full mode any object-like macro, under
 * bindgen's rules one that cexpr evaluates. Comments in the body are left
 * out (cexpr_tokens in bindgen's clang.rs does the same). */
static void read_macro(struct parser *p, CXCursor cur)
{
	if (clang_Cursor_isMacroBuiltin(cur))
		return;
	if (clang_Cursor_isMacroFunctionLike(cur)) {
		if (p->c->opt->wrap_macros.n) {
			char *n = cxstr(clang_getCursorSpelling(cur));
			strmap_put(&p->c->fn_macros, n, n);
		}
		return;
	}
	CXFile f;
	unsigned line, col;
	clang_getExpansionLocation(clang_getCursorLocation(cur), &f, &line, &col, NULL);
	if (!f)
		return;
	CXToken *toks;
	unsigned n, nbody = 0;
	clang_tokenize(p->tu, clang_getCursorExtent(cur), &toks, &n);
	for (unsigned i = 1; i < n; i++)
		nbody += clang_getTokenKind(toks[i]) != CXToken_Comment;
	if (!nbody) {
		clang_disposeTokens(p->tu, toks, n);
		return;
	}
	bool full = p->c->opt->macros_full;
	struct macro_scan sc = {.p = p, .body = &p->body, .ok = true, .selfc = true, .str_ok = true};
	buf_reset(sc.body);
	CXString ns = clang_getTokenSpelling(p->tu, toks[0]);
	char *name = xstrdup(clang_getCString(ns));
	clang_disposeString(ns);
	sc.name = name;
	/* only the layout probes (field names that are macros) need this */
	bool probes = p->c->opt->layout_probe || p->c->opt->check_cc || p->c->opt->wrap_macros.n;
	if (probes && !strmap_get(&p->c->object_macros, name)) {
		char *key = xstrdup(name);
		strmap_put(&p->c->object_macros, key, key);
	}
	for (unsigned i = 1; i < n && sc.ok; i++) {
		enum CXTokenKind tk = clang_getTokenKind(toks[i]);
		if (tk == CXToken_Comment)
			continue;
		CXString s = clang_getTokenSpelling(p->tu, toks[i]);
		const char *t = clang_getCString(s);
		if (full)
			scan_full(&sc, tk, t);
		else
			scan_bindgen(&sc, tk, t);
		sc.nvals += strcmp(t, "(") && strcmp(t, ")");
		if (sc.ok) {
			if (sc.body->len)
				buf_putc(sc.body, ' ');
			buf_puts(sc.body, t);
		}
		clang_disposeString(s);
	}
	clang_disposeTokens(p->tu, toks, n);
	if (p->c->opt->verbose && !strmap_get(&p->seen_macros, name)) {
		p->c->n_obj_macros++; /* unique names, for the statistics */
		strmap_put(&p->seen_macros, xstrdup(name), p);
	}
	if (full && sc.has_str && sc.has_other)
		sc.has_str = false; /* e.g. "a" "b" with a macro: clang types it */
	if (!full && sc.nchars && sc.nvals > 1)
		sc.ok = false; /* 'a' + 1: cexpr has no arithmetic on characters */
	if (!sc.ok || (!full && sc.has_str && sc.has_other)) {
		if (!find_macro(p, name))
			p->c->n_macro_not_const++;
		skip_push(&p->c->skipped, name,
			  "macro is not a literal or arithmetic on such macros (bindgen rules)");
		buf_free(&sc.str);
		return;
	}
	struct macro_def *m = macro_entry(p, &name);
	m->name = name;
	m->body = xstrdup(sc.body->p ? sc.body->p : "");
	m->is_string = sc.has_str;
	m->str = sc.has_str && sc.str_ok ? (sc.str.p ? sc.str.p : xcalloc(1, 1)) : NULL;
	m->str_len = m->str ? sc.str.len : 0;
	if (!m->str)
		buf_free(&sc.str);
	m->is_float = sc.is_float;
	m->self_contained = sc.selfc;
	m->single_token = nbody == 1;
	m->single_char = sc.nvals == 1 && sc.nchars == 1;
	m->file = file_name(p, f);
	m->line = line;
	m->col = col;
	m->order = p->c->next_order++;
}

/* --clang-macro-fallback: every object-like macro with a body, for
 * macros.c to evaluate the ones bindgen's rules leave out. Besides the name
 * and place, its body's shape under those rules (cexpr's tokens: comments
 * dropped), which decides whether a macro that names a fallback-evaluated
 * one is evaluated by the rules after all, as in bindgen. */
static void note_fallback_macro(struct parser *p, CXCursor cur)
{
	CXFile f;
	unsigned line, col;
	clang_getExpansionLocation(clang_getCursorLocation(cur), &f, &line, &col, NULL);
	CXToken *toks;
	unsigned n;
	clang_tokenize(p->tu, clang_getCursorExtent(cur), &toks, &n);
	if (!f || n < 2) {
		clang_disposeTokens(p->tu, toks, n);
		return;
	}
	struct fallback_macro *m = xcalloc(1, sizeof *m);
	m->name = cxstr(clang_getTokenSpelling(p->tu, toks[0]));
	m->file = file_name(p, f);
	m->line = line;
	m->col = col;
	m->order = p->c->next_order++;
	m->cexpr_shape = true;
	m->idents = xcalloc(n, sizeof *m->idents);
	struct buf body = {0};
	int depth = 0;
	for (unsigned i = 1; i < n; i++) {
		enum CXTokenKind k = clang_getTokenKind(toks[i]);
		char *t = cxstr(clang_getTokenSpelling(p->tu, toks[i]));
		if (k == CXToken_Comment) {
			free(t);
			continue;
		}
		if (k == CXToken_Punctuation && strchr("([{", t[0]) && !t[1])
			depth++;
		else if (k == CXToken_Punctuation && strchr(")]}", t[0]) && !t[1] && --depth < 0)
			m->unbalanced = true;
		if (k == CXToken_Literal && t[0] == '"')
			m->has_str = true;
		else if (k == CXToken_Literal && (t[0] == '\'' || isdigit((unsigned char)t[0]) || t[0] == '.'))
			m->has_other = true;
		else if (k == CXToken_Literal)
			m->cexpr_shape = false; /* L"", u8"" and friends */
		if (k == CXToken_Literal && (isdigit((unsigned char)t[0]) || t[0] == '.')) {
			bool hex = t[0] == '0' && (t[1] == 'x' || t[1] == 'X');
			if (strchr(t, '.') || (!hex && strpbrk(t, "eE")) || (hex && strpbrk(t, "pP")))
				m->is_float = true;
		}
		if (k == CXToken_Punctuation) {
			m->has_other = true;
			m->cexpr_shape = m->cexpr_shape && punct_ok(t);
		} else if (k == CXToken_Identifier) {
			m->idents[m->nidents++] = t;
		} else if (k == CXToken_Keyword) {
			m->cexpr_shape = false;
		}
		if (body.len)
			buf_putc(&body, ' ');
		buf_puts(&body, t);
		if (k != CXToken_Identifier)
			free(t);
	}
	m->unbalanced |= depth != 0;
	m->ntokens = (int)n - 1;
	m->body = body.p ? body.p : xstrdup("");
	clang_disposeTokens(p->tu, toks, n);
	vec_push(&p->c->fallback_macros, m);
}

/* ---- the walk ----
 *
 * Two passes over the top-level cursors: macros first, so that their
 * evaluation unit can be parsed on another thread while the declarations
 * are read. Both passes number the cursors alike, so every item's order
 * is its position in the file, as if read in one pass. */

static void next_cursor(struct parser *p)
{
	p->c->next_order = (int64_t)++p->top_index << 32;
}

static enum CXChildVisitResult top_macros(CXCursor cur, CXCursor parent, CXClientData d)
{
	struct parser *p = d;
	next_cursor(p);
	if (clang_getCursorKind(cur) == CXCursor_MacroDefinition) {
		read_macro(p, cur);
		if (p->c->opt->clang_macro_fallback && !p->c->opt->macros_full &&
		    !clang_Cursor_isMacroBuiltin(cur) && !clang_Cursor_isMacroFunctionLike(cur))
			note_fallback_macro(p, cur);
	}
	return CXChildVisit_Continue;
}

static enum CXChildVisitResult top_decls(CXCursor cur, CXCursor parent, CXClientData d)
{
	struct parser *p = d;
	next_cursor(p);
	switch (clang_getCursorKind(cur)) {
	case CXCursor_StructDecl:
	case CXCursor_UnionDecl:
		record_item(p, cur, NULL);
		break;
	case CXCursor_EnumDecl:
		enum_item(p, cur, NULL);
		break;
	case CXCursor_TypedefDecl:
		typedef_item(p, cur);
		break;
	case CXCursor_FunctionDecl:
		read_function(p, cur);
		break;
	case CXCursor_VarDecl:
		read_var(p, cur);
		break;
	default:
		break;
	}
	return CXChildVisit_Continue;
}

static void collect_inclusion(CXFile f, CXSourceLocation *stack, unsigned depth, CXClientData d)
{
	struct ctx *c = d;
	char *name = cxstr(clang_getFileName(f));
	if (c->main_file && !strcmp(name, c->main_file))
		return; /* the --wrap-macro unit is not a file on disk */
	vec_push(&c->deps, name);
}

/* Pull the quoted argument out of "unknown argument: '-mfoo'". */
static char *quoted_arg(const char *msg)
{
	const char *a = strchr(msg, '\'');
	const char *b = a ? strchr(a + 1, '\'') : NULL;
	if (!a || !b)
		return NULL;
	return xstrfmt("%.*s", (int)(b - a - 1), a + 1);
}

static bool drop_arg(struct options *o, const char *arg)
{
	for (int i = 0; i < o->clang_args.n; i++) {
		const char *a = o->clang_args.v[i];
		if (!strcmp(a, arg)) {
			vec_push(&o->dropped_args, (void *)a);
			memmove(&o->clang_args.v[i], &o->clang_args.v[i + 1],
				(o->clang_args.n - i - 1) * sizeof(void *));
			o->clang_args.n--;
			return true;
		}
	}
	return false;
}

/* GCC command lines carry options libclang rejects. Find them generically by
 * parsing an empty file with the arguments and dropping each argument the
 * driver calls unknown or unsupported, until none is left. */
static void filter_clang_args(CXIndex index, struct options *o)
{
	for (int round = 0; round < 64 && o->clang_args.n; round++) {
		struct CXUnsavedFile uf = {"h2rs-probe.c", "", 0};
		CXTranslationUnit tu = NULL;
		/* forced includes would make the probe parse them: leave them out */
		struct vec args = {0};
		for (int i = 0; i < o->clang_args.n; i++) {
			const char *a = o->clang_args.v[i];
			if (!strcmp(a, "-include") && i + 1 < o->clang_args.n) {
				i++;
				continue;
			}
			vec_push(&args, (void *)a);
		}
		clang_parseTranslationUnit2(index, "h2rs-probe.c", (const char *const *)args.v, args.n,
					    &uf, 1, CXTranslationUnit_Incomplete, &tu);
		free(args.v);
		bool dropped = false;
		unsigned nd = tu ? clang_getNumDiagnostics(tu) : 0;
		for (unsigned i = 0; i < nd; i++) {
			CXDiagnostic dg = clang_getDiagnostic(tu, i);
			char *msg = cxstr(clang_getDiagnosticSpelling(dg));
			if (strstr(msg, "unknown argument") || strstr(msg, "unsupported option") ||
			    strstr(msg, "unsupported argument")) {
				char *arg = quoted_arg(msg);
				if (arg && drop_arg(o, arg))
					dropped = true;
				free(arg);
			}
			free(msg);
			clang_disposeDiagnostic(dg);
		}
		if (tu)
			clang_disposeTranslationUnit(tu);
		if (!dropped)
			break;
	}
	if (o->verbose)
		for (int i = 0; i < o->dropped_args.n; i++)
			note("dropped compiler option '%s' (libclang does not support it)",
			     (const char *)o->dropped_args.v[i]);
}

/* The macro a --wrap-macro prototype names: the identifier before the
 * first top-level '(' that does not open an attribute. */
static char *prototype_name(const char *proto)
{
	int depth = 0;
	for (const char *q = proto; *q; q++) {
		if (*q == ')')
			depth--;
		if (*q != '(' || depth++)
			continue;
		const char *e = q;
		while (e > proto && isspace((unsigned char)e[-1]))
			e--;
		const char *s = e;
		while (s > proto && (isalnum((unsigned char)s[-1]) || s[-1] == '_'))
			s--;
		if (s == e)
			break;
		char *name = xstrfmt("%.*s", (int)(e - s), s);
		if (strncmp(name, "__attribute", 11) && strcmp(name, "__declspec") &&
		    strcmp(name, "_Alignas"))
			return name;
		free(name);
	}
	error("--wrap-macro: cannot find the macro name in '%s' (expected a C prototype such "
	      "as 'int f(int a);')", proto);
}

static void wrap_macro_source(const struct options *o, struct buf *b)
{
	char *hdr = realpath(o->header, NULL);
	buf_printf(b, "#include \"%s\"\n", hdr ? hdr : o->header);
	free(hdr);
	for (int i = 0; i < o->wrap_macros.n; i++) {
		const char *proto = o->wrap_macros.v[i];
		char *name = prototype_name(proto);
		size_t n = strlen(proto);
		buf_printf(b, "#pragma push_macro(\"%s\")\n#undef %s\n%s%s\n#pragma pop_macro(\"%s\")\n",
			   name, name, proto, n && proto[n - 1] == ';' ? "" : ";", name);
		free(name);
	}
}

static int report_diagnostics(CXTranslationUnit tu)
{
	int errors = 0;
	unsigned nd = clang_getNumDiagnostics(tu);
	for (unsigned i = 0; i < nd; i++) {
		CXDiagnostic dg = clang_getDiagnostic(tu, i);
		enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(dg);
		if (sev >= CXDiagnostic_Warning) {
			CXString s = clang_formatDiagnostic(
				dg, CXDiagnostic_DisplaySourceLocation | CXDiagnostic_DisplayColumn |
					    CXDiagnostic_DisplayOption);
			fprintf(stderr, "%s\n", clang_getCString(s));
			clang_disposeString(s);
		}
		if (sev >= CXDiagnostic_Error)
			errors++;
		clang_disposeDiagnostic(dg);
	}
	return errors;
}

/* What calling conventions mean on the target: its architecture from the
 * triple, and for 32-bit arm whether C's convention is AAPCS's VFP variant
 * (a hard-float triple or -mfloat-abi=hard, the last such option winning). */
static void set_target_arch(struct parser *p, CXTargetInfo ti)
{
	char *triple = cxstr(clang_TargetInfo_getTriple(ti));
	p->x86_64 = !strncmp(triple, "x86_64", 6);
	bool x86_32 = triple[0] == 'i' && !strncmp(triple + 2, "86", 2);
	p->c->u64_align = x86_32 && !strstr(triple, "windows") && !strstr(triple, "win32") ? 4 : 8;
	bool arm = !strncmp(triple, "arm", 3) || !strncmp(triple, "thumb", 5);
	bool hard = strstr(triple, "hf") != NULL;
	const struct vec *args = &p->c->opt->clang_args;
	for (int i = 0; i < args->n; i++)
		if (!strncmp(args->v[i], "-mfloat-abi=", 12))
			hard = !strcmp((const char *)args->v[i] + 12, "hard");
	p->arm_hard_float = arm && hard;
	free(triple);
}

void parse_header(struct ctx *c)
{
	struct options *o = c->opt;
	CXIndex index = clang_createIndex(0, 0);
	if (access(o->header, R_OK) != 0)
		error("%s: cannot read input header: %s", o->header, strerror(errno));
	double t = now_seconds();
	filter_clang_args(index, o);
	phase(o, "args", &t);

	struct parser p = {0};
	p.c = c;
	unsigned flags = CXTranslationUnit_DetailedPreprocessingRecord |
			 CXTranslationUnit_SkipFunctionBodies;
	/* with bodies skipped, clang cannot see what they use: "unused" warnings
	 * about static functions and variables would be false (and fatal under
	 * the kernel's -Werror), so they are switched off after the user's own */
	static const char *const quiet[] = {"-Wno-unused-function", "-Wno-unused-variable",
					    "-Wno-unused-const-variable"};
	for (size_t i = 0; i < sizeof quiet / sizeof quiet[0]; i++)
		vec_push(&o->clang_args, (void *)quiet[i]);
	struct buf main_src = {0};
	struct CXUnsavedFile uf = {0};
	const char *main_path = o->header;
	if (o->wrap_macros.n) {
		/* the prototypes of --wrap-macro go after the header in one unit,
		 * each with its macro switched off so it declares a function */
		main_path = c->main_file = "h2rs-main.c";
		wrap_macro_source(o, &main_src);
		uf.Filename = main_path;
		uf.Contents = main_src.p;
		uf.Length = main_src.len;
	}
	enum CXErrorCode rc = clang_parseTranslationUnit2(
		index, main_path, (const char *const *)o->clang_args.v, o->clang_args.n, &uf,
		o->wrap_macros.n ? 1 : 0, flags, &p.tu);
	if (rc != CXError_Success || !p.tu)
		error("%s: libclang could not parse the input (error code %d)", o->header, (int)rc);
	CXTargetInfo ti = clang_getTranslationUnitTargetInfo(p.tu);
	int width = clang_TargetInfo_getPointerWidth(ti);
	p.ptr_bytes = width > 0 ? width / 8 : (long long)sizeof(void *);
	set_target_arch(&p, ti);
	clang_TargetInfo_dispose(ti);
	int errors = report_diagnostics(p.tu);
	if (errors)
		error("%s: %d error%s while parsing; no bindings written", o->header, errors,
		      errors == 1 ? "" : "s");
	phase(o, "libclang", &t);
	CXCursor top = clang_getTranslationUnitCursor(p.tu);
	clang_visitChildren(top, top_macros, &p);
	phase(o, "macro-walk", &t);
	struct macro_job *job = macros_start(c);
	p.top_index = 0;
	clang_visitChildren(top, top_decls, &p);
	phase(o, "walk", &t);
	if (o->depfile || o->mmd_depfile)
		clang_getInclusions(p.tu, collect_inclusion, c);
	/* Everything needed is copied into the IR: free the AST before the
	 * macro units are evaluated and the output is written. (The index is
	 * left for process exit.) */
	clang_disposeTranslationUnit(p.tu);
	macros_finish(c, job);
	phase(o, "macros", &t);
	if (c->fallback_macros.n) {
		macros_fallback(c);
		phase(o, "macro-fallback", &t);
	}
}
