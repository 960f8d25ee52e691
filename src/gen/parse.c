/* parse.c — libclang → IR. The only file that walks cursors: one walk over
 * the translation unit, in declaration order, turning declarations into
 * items and CXTypes into struct type. */
#include "parse.h"

#include <clang-c/Documentation.h>
#include <clang-c/Index.h>
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>

/* ---- declarations' locations ---- */

static void set_location(struct parser *p, struct item *it, CXCursor cur)
{
	CXFile f;
	unsigned line, col;
	clang_getExpansionLocation(clang_getCursorLocation(cur), &f, &line, &col, NULL);
	it->file = file_name(p, f);
	it->line = line;
	it->col = col;
}

/* ---- cursor → item map ---- */

static size_t map_slot(struct cursor_map *m, CXCursor k)
{
	size_t i = clang_hashCursor(k) & (m->cap - 1);
	while (m->vals[i] && !clang_equalCursors(m->keys[i], k))
		i = (i + 1) & (m->cap - 1);
	return i;
}

struct item *cursor_map_get(struct parser *p, CXCursor k)
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

struct item *new_item(struct parser *p, enum item_kind kind, CXCursor cur)
{
	struct item *it = xcalloc(1, sizeof *it);
	it->kind = kind;
	it->order = p->c->next_order++;
	set_location(p, it, cur);
	vec_push(&p->c->items, it);
	map_put(p, clang_getCanonicalCursor(cur), it);
	return it;
}

/* ---- attributes ---- */


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

enum CXChildVisitResult scan_attr(CXCursor c, CXCursor parent, CXClientData d)
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

bool cursor_noreturn(CXCursor cur)
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
	return cursor_map_get(p, clang_getCanonicalCursor(lex));
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

struct item *record_item(struct parser *p, CXCursor cur, struct item *parent)
{
	CXCursor canon = clang_getCanonicalCursor(cur);
	struct item *it = cursor_map_get(p, canon);
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

struct item *enum_item(struct parser *p, CXCursor cur, struct item *parent)
{
	CXCursor canon = clang_getCanonicalCursor(cur);
	struct item *it = cursor_map_get(p, canon);
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
			it->int_type = prim_type("c_uint", true, clang_getEnumDeclIntegerType(cur));
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

struct item *typedef_item(struct parser *p, CXCursor cur)
{
	CXCursor canon = clang_getCanonicalCursor(cur);
	struct item *it = cursor_map_get(p, canon);
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
const char *wrapper_spelling(CXType t)
{
	char *s = cxstr(clang_getTypeSpelling(t));
	if (strstr(s, "(unnamed") || strstr(s, "(anonymous"))
		return NULL;
	return s;
}

/* Record what a C wrapper needs: the spelled return and parameter types. */
bool wrapper_types(struct item *it, CXType ft)
{
	it->c_ret = wrapper_spelling(clang_getResultType(ft));
	it->c_params = xcalloc(it->type->nparams + 1, sizeof(char *));
	for (int i = 0; i < it->type->nparams; i++)
		if (!(it->c_params[i] = wrapper_spelling(clang_getArgType(ft, i))))
			return false;
	return it->c_ret != NULL;
}

void skip_function(struct parser *p, const char *name, const char *why)
{
	skip_push(&p->c->skipped, name, why);
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
		char *name = cxstr(clang_getCursorSpelling(cur));
		bool marker = wrap_live_marker(p, name);
		free(name);
		if (marker)
			return CXChildVisit_Continue;
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

/* Move the first argument spelled arg from args to dropped. */
static bool drop_arg(struct vec *args, struct vec *dropped, const char *arg)
{
	for (int i = 0; i < args->n; i++) {
		const char *a = args->v[i];
		if (!strcmp(a, arg)) {
			vec_push(dropped, (void *)a);
			memmove(&args->v[i], &args->v[i + 1], (args->n - i - 1) * sizeof(void *));
			args->n--;
			return true;
		}
	}
	return false;
}

/* GCC command lines carry options libclang rejects. Find them generically by
 * parsing an empty file with the arguments and dropping each argument the
 * driver calls unknown or unsupported, until none is left. */
static void filter_clang_args(CXIndex index, struct vec *cargs, bool verbose)
{
	struct vec dropped_args = {0};
	for (int round = 0; round < 64 && cargs->n; round++) {
		struct CXUnsavedFile uf = {"h2rs-probe.c", "", 0};
		CXTranslationUnit tu = NULL;
		/* forced includes would make the probe parse them: leave them out */
		struct vec args = {0};
		for (int i = 0; i < cargs->n; i++) {
			const char *a = cargs->v[i];
			if (!strcmp(a, "-include") && i + 1 < cargs->n) {
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
				if (arg && drop_arg(cargs, &dropped_args, arg))
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
	if (verbose)
		for (int i = 0; i < dropped_args.n; i++)
			note("dropped compiler option '%s' (libclang does not support it)",
			     (const char *)dropped_args.v[i]);
	free(dropped_args.v);
}

/* The macro a --wrap-macro prototype names: the identifier before the
 * first top-level '(' that does not open an attribute. */
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
	const struct options *o = c->opt;
	CXIndex index = clang_createIndex(0, 0);
	if (access(o->header, R_OK) != 0)
		error("%s: cannot read input header: %s", o->header, strerror(errno));
	double t = now_seconds();
	for (int i = 0; i < o->clang_args.n; i++)
		vec_push(&c->clang_args, o->clang_args.v[i]);
	filter_clang_args(index, &c->clang_args, o->verbose);
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
		vec_push(&c->clang_args, (void *)quiet[i]);
	struct buf main_src = {0};
	struct CXUnsavedFile uf = {0};
	const char *main_path = o->header;
	if (o->wrap_macros.n || o->wrap_conds.n || o->const_lines.n) {
		/* the prototypes of --wrap-macro go after the header in one unit,
		 * each with its macro switched off so it declares a function */
		main_path = c->main_file = "h2rs-main.c";
		wrap_macro_source(&p, &main_src);
		uf.Filename = main_path;
		uf.Contents = main_src.p;
		uf.Length = main_src.len;
	}
	enum CXErrorCode rc = clang_parseTranslationUnit2(
		index, main_path, (const char *const *)c->clang_args.v, c->clang_args.n, &uf,
		c->main_file ? 1 : 0, flags, &p.tu);
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
	macro_colon_closure(&p, top);
	phase(o, "macro-walk", &t);
	c->macro_value_type = macro_value_type;
	struct macro_job *job = macros_start(c);
	p.top_index = 0;
	clang_visitChildren(top, top_decls, &p);
	phase(o, "walk", &t);
	if (p.fwd_macros.n)
		fwd_infer(&p);
	check_wrap_list(&p);
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
	check_const_list(c);
}
