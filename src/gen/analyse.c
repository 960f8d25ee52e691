/* analyse.c — between parse and emit: final Rust names, enum styles,
 * allow/block lists with bindgen's recursive allowlisting, name clashes,
 * record layouts and the traits each type can derive. */
#include "h2rs.h"

#include <stdlib.h>
#include <string.h>

static int by_order(const void *a, const void *b)
{
	const struct item *x = *(const struct item *const *)a, *y = *(const struct item *const *)b;
	return (x->order > y->order) - (x->order < y->order);
}

/* --c-naming: bindgen's Item::c_naming_prefix (ir/item.rs), put before
 * the whole name of a record or enum (nested ones too: struct_outer_inner,
 * the parent's part without its own prefix). */
static const char *c_naming_prefix(const struct options *o, const struct item *it)
{
	if (!o->c_naming)
		return NULL;
	if (it->kind == IT_RECORD)
		return it->is_union ? "union" : "struct";
	return it->kind == IT_ENUM ? "enum" : NULL;
}

/* A replaces= name must be an identifier (bindgen panics making one of
 * anything else). */
static const char *valid_replacement(const struct item *it, const char *whose, const char *what,
				     const char *name)
{
	bool ok = (name[0] == '_' || (name[0] >= 'A' && name[0] <= 'Z') ||
		   (name[0] >= 'a' && name[0] <= 'z'));
	for (const char *p = name; ok && *p; p++)
		ok = *p == '_' || (*p >= '0' && *p <= '9') || (*p >= 'A' && *p <= 'Z') ||
		     (*p >= 'a' && *p <= 'z');
	if (!ok)
		error("%s:%u:%u: the <div rustbindgen replaces=\"%s\"> annotation of %s gives no "
		      "Rust name", it->file, it->line, it->col, what, whose);
	return name;
}

/* bindgen's name for an item annotated replaces="A::B": the path joined
 * with '_' (Item::real_canonical_name, without C++ namespaces). */
static const char *replaces_name(const char *path)
{
	struct buf b = {0};
	for (const char *p = path; *p; p++) {
		if (p[0] == ':' && p[1] == ':') {
			buf_putc(&b, '_');
			p++;
		} else {
			buf_putc(&b, *p);
		}
	}
	return b.p ? b.p : "";
}

/* Nested types are named parent_child, unnamed ones parent__bindgen_ty_N
 * (top-level unnamed ones _bindgen_ty_N). Items are in declaration order
 * and a parent's definition is read before its children, so a parent's name
 * is final when its children are named. */
static void assign_names(struct ctx *c)
{
	for (int i = 0; i < c->items.n; i++) {
		struct item *it = c->items.v[i];
		if (it->annot && it->annot->replaces && it->kind != IT_MACRO)
			it->name = valid_replacement(it, it->cname ? it->cname : "an unnamed type",
						     it->annot->replaces,
						     replaces_name(it->annot->replaces));
		else if ((it->kind == IT_RECORD || it->kind == IT_ENUM) && !it->name)
			it->name = xstrfmt("_bindgen_ty_%d", ++c->top_anon);
		else if (it->parent && !it->named_by_typedef && it->kind <= IT_TYPEDEF &&
			 !(c->opt->no_nested_naming && it->kind == IT_RECORD && !it->unnamed))
			it->name = xstrfmt("%s_%s", it->parent->name, it->name);
	}
	for (int i = 0; i < c->items.n; i++) {
		struct item *it = c->items.v[i];
		/* a replaces= name is used as it is (real_canonical_name
		 * returns it before any --c-naming prefix) */
		const char *kw = it->annot && it->annot->replaces ? NULL : c_naming_prefix(c->opt, it);
		it->name = rust_ident(kw ? xstrfmt("%s_%s", kw, it->name) : it->name);
	}
}

/* An enum with neither a tag nor a typedef name (bindgen's enum type with
 * no name: `enum { A, B };`, or `struct s { enum { X } m; };`). */
bool enum_anonymous(const struct item *it)
{
	return it->unnamed && !it->named_by_typedef;
}

/* bindgen's Enum::is_matching_enum (ir/enum_ty.rs): the regex matches the
 * enum's name or, for an anonymous enum, one of its variants. */
static bool enum_matches(const struct regex_list *l, const struct item *it)
{
	if (!l->n)
		return false;
	if (regex_list_match(l, it->name))
		return true;
	for (int i = 0; enum_anonymous(it) && i < it->nconsts; i++)
		if (regex_list_match(l, it->consts[i]->name))
			return true;
	return false;
}

/* bindgen's Enum::computed_enum_variation (ir/enum_ty.rs): the first list
 * that matches, in this order, then --default-enum-style. */
static enum enum_style style_for(const struct options *o, const struct item *it)
{
	if (enum_matches(&o->enum_module, it))
		return ENUM_MODULE_CONSTS;
	if (enum_matches(&o->enum_bitfield, it))
		return ENUM_BITFIELD;
	if (enum_matches(&o->enum_newtype, it))
		return ENUM_NEWTYPE;
	if (enum_matches(&o->enum_newtype_global, it))
		return ENUM_NEWTYPE_GLOBAL;
	if (enum_matches(&o->enum_rust, it))
		return ENUM_RUST;
	if (enum_matches(&o->enum_rust_nonexhaust, it))
		return ENUM_RUST_NONEXHAUST;
	if (enum_matches(&o->enum_consts, it))
		return ENUM_CONSTS;
	return o->default_enum_style;
}

/* The module-level constant bindgen writes for an enumerator, or NULL
 * where the style puts it inside the type (an impl block, the module, the
 * enum's body). bindgen's Enum codegen (codegen/mod.rs): consts and
 * newtype_global enums, and anonymous newtype and bitfield ones, prefix it
 * with constant_mangling_prefix: the enum's name, or an anonymous enum's
 * parent's name (none at top level), and nothing with
 * --no-prepend-enum-name; an anonymous rustified enum gets a constant per
 * variant, prefixed with the parent's name whatever that option says. */
static const char *global_const_name(const struct options *o, const struct item *it,
				     const struct enumerator *en)
{
	bool anon = enum_anonymous(it);
	const char *prefix = NULL;
	switch (it->style) {
	case ENUM_MODULE_CONSTS:
		return NULL;
	case ENUM_NEWTYPE:
	case ENUM_BITFIELD:
		if (!anon)
			return NULL;
		/* fall through */
	case ENUM_CONSTS:
	case ENUM_NEWTYPE_GLOBAL:
		if (o->prepend_enum_name)
			prefix = !anon ? it->name : it->parent ? it->parent->name : NULL;
		break;
	case ENUM_RUST:
	case ENUM_RUST_NONEXHAUST:
		if (!anon)
			return NULL;
		prefix = it->parent ? it->parent->name : NULL;
		break;
	}
	return prefix ? xstrfmt("%s_%s", prefix, en->name) : rust_ident(en->name);
}

/* cbindgen's sized enum, `enum E { A }; typedef int16_t E;` (bindgen's
 * BindgenContext::compute_enum_typedef_combos, ir/context.rs): a top-level
 * enum whose tag is also the name of a top-level typedef of an integer
 * type. bindgen's consts style then writes no `pub type E` of its own:
 * E is the typedef, and the constants have its type. */
static void find_int_alias(struct ctx *c, struct item *it)
{
	if (it->parent || enum_anonymous(it) || !it->cname)
		return;
	struct item *td = strmap_get(&c->typedefs, it->cname);
	if (!td || !td->int_typedef)
		return;
	it->int_alias = td;
	const struct type *t = td->aliased;
	while (t->kind == TY_ITEM && t->item->kind == IT_TYPEDEF)
		t = t->item->aliased;
	const struct type *e = it->int_type;
	it->alias_same = t->kind == TY_PRIM && e->kind == TY_PRIM && t->size == e->size &&
			 prim_signed(t) == prim_signed(e);
}

static bool is_type_item(const struct item *it)
{
	return it->kind == IT_RECORD || it->kind == IT_ENUM || it->kind == IT_TYPEDEF;
}

static const char *blocked(const struct options *o, const struct item *it)
{
	/* bindgen's Item::is_blocklisted: a hide annotation first */
	if (it->annot && it->annot->hide)
		return "hidden by a <div rustbindgen hide> annotation";
	if (o->block_file.n && regex_list_match(&o->block_file, it->file))
		return "declared in a file matching --blocklist-file";
	if (regex_list_match(&o->block_item, it->name) ||
	    (it->cname && regex_list_match(&o->block_item, it->cname)))
		return "matches --blocklist-item";
	if (is_type_item(it) && (regex_list_match(&o->block_type, it->name) ||
				 (it->cname && regex_list_match(&o->block_type, it->cname))))
		return "matches --blocklist-type";
	if (it->kind == IT_FUNC && regex_list_match(&o->block_function, it->name))
		return "matches --blocklist-function";
	if ((it->kind == IT_VAR || it->kind == IT_MACRO) && regex_list_match(&o->block_var, it->name))
		return "matches --blocklist-var";
	return NULL;
}

static bool allowed_root(const struct options *o, const struct item *it)
{
	if (it->kind == IT_FUNC && it->wrap == WRAP_MACRO)
		return true; /* asked for by name */
	if (!has_allowlist(o))
		return it->file[0] != 0; /* builtins only when something uses them */
	/* compute_allowlisted_and_codegen_items (ir/context.rs): "a type that
	 * explicitly replaces another, we assume you know what you're doing" */
	if (it->annot && it->annot->replaces)
		return true;
	if (o->allow_file.n && regex_list_match(&o->allow_file, it->file))
		return true;
	if (regex_list_match(&o->allow_item, it->name))
		return true;
	if (it->kind == IT_ENUM && !it->parent && enum_anonymous(it)) {
		/* bindgen's compute_allowlisted_and_codegen_items (ir/context.rs):
		 * a top-level anonymous enum is allowlisted through its variants
		 * by --allowlist-var and --allowlist-item */
		for (int i = 0; i < it->nconsts; i++)
			if (regex_list_match(&o->allow_var, it->consts[i]->name) ||
			    regex_list_match(&o->allow_item, it->consts[i]->name))
				return true;
	}
	if (is_type_item(it))
		return regex_list_match(&o->allow_type, it->name);
	if (it->kind == IT_FUNC)
		return regex_list_match(&o->allow_function, it->name);
	return regex_list_match(&o->allow_var, it->name);
}

static void mark_item(struct ctx *c, struct item *it);

static void mark_type(struct ctx *c, const struct type *t)
{
	if (!t)
		return;
	switch (t->kind) {
	case TY_ITEM:
		mark_item(c, t->item);
		break;
	case TY_FUNC:
		for (int i = 0; i < t->nparams; i++)
			mark_type(c, t->params[i].type);
		mark_type(c, t->sub);
		break;
	default:
		mark_type(c, t->sub);
	}
}

static void mark_item(struct ctx *c, struct item *it)
{
	if (it->emit || it->skip_reason)
		return;
	const char *why = blocked(c->opt, it);
	if (why) {
		it->skip_reason = why;
		it->outside = true;
		return;
	}
	it->emit = true;
	if (has_allowlist(c->opt) && !c->opt->recursive_allowlist)
		return;
	switch (it->kind) {
	case IT_RECORD:
		for (int i = 0; i < it->nfields; i++)
			mark_type(c, it->fields[i]->type);
		break;
	case IT_ENUM:
		/* the integer typedef of its name (find_int_alias) types its
		 * constants and its uses: bindgen does not follow that edge, and
		 * its output then lacks the type */
		if (it->int_alias)
			mark_item(c, it->int_alias);
		break;
	case IT_TYPEDEF:
		mark_type(c, it->aliased); /* an opaque one's is a blob by now */
		break;
	default:
		mark_type(c, it->type);
	}
}

/* ---- annotations (<div rustbindgen ...>) and the options they stand for ---- */

/* bindgen's Item::is_opaque for what the user asks: --opaque-type or an
 * opaque annotation. */
bool user_opaque(const struct options *o, const struct item *it)
{
	return (it->annot && it->annot->opaque) || regex_list_match(&o->opaque_type, it->name);
}

/* bindgen's Item::must_use: a mustusetype annotation or --must-use-type. */
bool item_must_use(const struct options *o, const struct item *it)
{
	return (it->annot && it->annot->must_use) ||
	       (o->must_use_type.n && regex_list_match(&o->must_use_type, it->name));
}

/* The derives nocopy, nodebug and nodefault take away. bindgen reads them
 * only in derives_of_item (codegen/mod.rs), for the item itself; here they
 * also reach the types that hold it, as --no-copy and friends do (its
 * holder of a nocopy type derives Copy and does not compile). */
static unsigned annot_not(const struct item *it)
{
	const struct annot *a = it->annot;
	if (!a)
		return 0;
	return (a->nocopy ? DERIVE_COPY : 0) | (a->nodebug ? DERIVE_DEBUG : 0) |
	       (a->nodefault ? DERIVE_DEFAULT : 0);
}

/* bindgen's to_opaque of a typedef (the Alias codegen for an opaque item):
 * its C layout as helpers::blob with ffi_safe, an integer of the alignment
 * (u8..u128; u8 for any other) once, or an array of them. */
static struct type *typedef_blob(const struct item *it)
{
	struct type *t = xcalloc(1, sizeof *t);
	t->kind = TY_BLOB;
	t->ffi_blob = true;
	t->size = it->size;
	t->align = it->align;
	if (t->align > 16 || (t->align & (t->align - 1)))
		t->align = 1; /* known_type_for_size has none: u8, the Rust layout */
	return t;
}

/* --opaque-type and opaque annotations on typedefs: the type they name
 * becomes the blob (which is not traced for the allowlist, as bindgen's
 * Item::trace does not trace an opaque alias). Names bindgen writes as
 * a primitive stay as they are (type_from_named comes first), and so do
 * function types, which Rust has no layout for. */
static void opaque_typedefs(struct ctx *c)
{
	for (int i = 0; i < c->items.n; i++) {
		struct item *it = c->items.v[i];
		if (it->kind != IT_TYPEDEF || it->stdint || !user_opaque(c->opt, it))
			continue;
		if (type_is_fn(it->aliased)) {
			skip_push(&c->skipped, it->name,
				  "opaque typedef of a function type: emitted as the function type");
			continue;
		}
		it->aliased = typedef_blob(it);
	}
}

/* Point every use of a replaced item at its replacement. */
static void redirect_type(struct type *t)
{
	for (; t; t = t->sub) {
		if (t->kind == TY_ITEM && t->item->replaced_by)
			t->item = t->item->replaced_by;
		if (t->kind == TY_FUNC)
			for (int i = 0; i < t->nparams; i++)
				redirect_type(t->params[i].type);
	}
}

/* bindgen's replaces="NAME" (BindgenContext::replace and
 * process_replacements in ir/context.rs): the first type annotated to
 * replace NAME is emitted under that name (assign_names); the record, enum
 * or typedef of that name is left out and each use of it means the
 * replacement (its ResolvedTypeRef). */
static void process_replacements(struct ctx *c)
{
	struct strmap by = {0};
	for (int i = 0; i < c->items.n; i++) {
		struct item *it = c->items.v[i];
		if (is_type_item(it) && it->annot && it->annot->replaces && !strmap_get(&by, it->name))
			strmap_put(&by, it->name, it);
	}
	if (!by.n)
		return;
	bool any = false;
	for (int i = 0; i < c->items.n; i++) {
		struct item *it = c->items.v[i];
		struct item *r = is_type_item(it) && !(it->annot && it->annot->replaces)
					 ? strmap_get(&by, it->name) : NULL;
		if (!r)
			continue;
		it->replaced_by = r;
		it->skip_reason = xstrfmt("replaced by the type annotated <div rustbindgen "
					  "replaces=\"%s\"> at %s:%u", r->annot->replaces, r->file,
					  r->line);
		skip_push(&c->skipped, it->name, it->skip_reason);
		any = true;
	}
	strmap_free(&by);
	for (int i = 0; any && i < c->items.n; i++) {
		struct item *it = c->items.v[i];
		for (int k = 0; k < it->nfields; k++)
			redirect_type(it->fields[k]->type);
		redirect_type(it->aliased);
		redirect_type(it->int_type);
		redirect_type(it->type);
	}
}

/* Enumerators' names (bindgen's EnumVariant, ir/enum_ty.rs): the C name,
 * or B for replaces="A::B". */
static void enum_variant_names(struct item *it)
{
	for (int i = 0; i < it->nconsts; i++) {
		struct enumerator *en = it->consts[i];
		const struct annot *a = en->annot;
		en->name = en->cname;
		if (a && a->replaces) {
			const char *last = a->replaces;
			for (const char *q = last; (q = strstr(q, "::")); q += 2)
				last = q + 2;
			en->name = valid_replacement(it, xstrfmt("the enumerator %s", en->cname),
						     a->replaces, last);
		}
	}
}

/* Enumerator annotations in the Enum codegen's loop: hide leaves one out;
 * constant defers one to after the others, unless it is the last (so a
 * later one with its value is the Rust variant). */
static void enum_variants(struct ctx *c, struct item *it)
{
	struct enumerator **v = it->consts, **later = xcalloc(it->nconsts + 1, sizeof *later);
	int n = 0, nlater = 0;
	for (int i = 0; i < it->nconsts; i++) {
		struct enumerator *en = v[i];
		const struct annot *a = en->annot;
		if (a && a->hide) {
			skip_push(&c->skipped, en->cname,
				  "enumerator hidden by a <div rustbindgen hide> annotation");
			continue;
		}
		if (a && a->constant && i + 1 < it->nconsts)
			later[nlater++] = en;
		else
			v[n++] = en;
	}
	for (int i = 0; i < nlater; i++)
		v[n++] = later[i];
	it->nconsts = n;
	free(later);
}

/* Module-level enum constants take names in the value namespace too. */
static void reserve_enumerators(struct ctx *c, struct item *it, struct strmap *values)
{
	for (int k = 0; k < it->nconsts; k++) {
		struct enumerator *en = it->consts[k];
		const char *nm = en->rname;
		if (!nm)
			continue;
		struct item *prev = strmap_get(values, nm);
		if (prev) {
			en->skip = true;
			skip_push(&c->skipped, en->cname,
				  xstrfmt("enumerator of %s; its Rust name is already taken by the "
					  "item at %s:%u", it->name, prev->file, prev->line));
			continue;
		}
		strmap_put(values, nm, it);
	}
}

/* Rust has one type namespace and one value namespace: a later item whose
 * name is taken is skipped, with a note under --verbose. */
static void resolve_clashes(struct ctx *c)
{
	struct strmap types = {0}, values = {0};
	/* sized for what each will hold: these maps are big on big headers,
	 * and fresh memory costs a page fault per page */
	int ntypes = 0, nvalues = 0;
	for (int i = 0; i < c->items.n; i++) {
		struct item *it = c->items.v[i];
		if (!it->emit)
			continue;
		if (is_type_item(it))
			ntypes++;
		else
			nvalues++;
		nvalues += it->nconsts;
	}
	strmap_reserve(&types, ntypes);
	strmap_reserve(&values, nvalues);
	for (int i = 0; i < c->items.n; i++) {
		struct item *it = c->items.v[i];
		if (!it->emit)
			continue;
		struct strmap *ns = is_type_item(it) ? &types : &values;
		/* a consts-style enum with an integer typedef of its name writes
		 * no type: the typedef has the name */
		bool nameless = it->int_alias && it->style == ENUM_CONSTS;
		if (it->int_alias && !nameless) {
			it->emit = false;
			it->skip_reason = xstrfmt("its Rust name '%s' is the integer typedef's at %s:%u "
						  "(bindgen writes both, which does not compile); the "
						  "consts style keeps its constants", it->name,
						  it->int_alias->file, it->int_alias->line);
			skip_push(&c->skipped, it->name, it->skip_reason);
			continue;
		}
		struct item *prev = nameless ? NULL : strmap_get(ns, it->name);
		if (prev && prev != it) {
			it->emit = false;
			it->skip_reason = xstrfmt("its Rust name '%s' is already taken by the %s at "
						  "%s:%u", it->name, is_type_item(prev) ? "type" : "item",
						  prev->file, prev->line);
			skip_push(&c->skipped, it->name, it->skip_reason);
			continue;
		}
		if (!nameless)
			strmap_put(ns, it->name, it);
		if (it->kind == IT_ENUM)
			reserve_enumerators(c, it, &values);
	}
	strmap_free(&types);
	strmap_free(&values);
}

/* bindgen's utils::type_from_named (codegen/mod.rs): a typedef with one of
 * these names is written as the Rust primitive at each use and its alias is
 * not emitted (codegen of TypeKind::Alias returns early for it); size_t and
 * ssize_t only with size_t-is-usize (bindgen then asserts they are
 * pointer-sized, which every Linux target has). The same names are
 * BindgenContext::is_stdint_type, the blocklisted types bindgen assumes
 * derive everything. */
static const char *stdint_prim(const struct options *o, const struct item *it)
{
	static const char *const map[][2] = {
		{"int8_t", "i8"},   {"uint8_t", "u8"},   {"int16_t", "i16"},     {"uint16_t", "u16"},
		{"int32_t", "i32"}, {"uint32_t", "u32"}, {"int64_t", "i64"},     {"uint64_t", "u64"},
		{"uintptr_t", "usize"}, {"intptr_t", "isize"}, {"ptrdiff_t", "isize"},
		{"size_t", "usize"}, {"ssize_t", "isize"},
	};
	if (it->kind != IT_TYPEDEF || it->parent || !it->cname)
		return NULL;
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
		if (strcmp(it->cname, map[i][0]))
			continue;
		if (i >= 11 && !o->size_t_is_usize)
			return NULL;
		return map[i][1];
	}
	return NULL;
}

struct item *resolve_typedef(struct item *it)
{
	while (it && it->kind == IT_TYPEDEF && it->aliased->kind == TY_ITEM)
		it = it->aliased->item;
	return it;
}

/* ---- derives ---- */

#define DERIVE_ALL (DERIVE_COPY | DERIVE_DEBUG | DERIVE_DEFAULT | DERIVE_HASH | \
		    DERIVE_PARTIALEQ | DERIVE_EQ | DERIVE_PARTIALORD | DERIVE_ORD)

static unsigned wanted(const struct ctx *c, const struct item *it)
{
	const struct options *o = c->opt;
	unsigned w = 0;
	if (o->derive_copy && !regex_list_match(&o->no_copy, it->name))
		w |= DERIVE_COPY;
	if (o->derive_debug && !regex_list_match(&o->no_debug, it->name))
		w |= DERIVE_DEBUG;
	if (o->derive_default && !regex_list_match(&o->no_default, it->name))
		w |= DERIVE_DEFAULT;
	if (o->derive_hash && !regex_list_match(&o->no_hash, it->name))
		w |= DERIVE_HASH;
	if (o->derive_partialeq && !regex_list_match(&o->no_partialeq, it->name))
		w |= DERIVE_PARTIALEQ;
	if (o->derive_eq && !regex_list_match(&o->no_partialeq, it->name))
		w |= DERIVE_EQ;
	if (o->derive_partialord && !regex_list_match(&o->no_partialeq, it->name))
		w |= DERIVE_PARTIALORD;
	if (o->derive_ord && !regex_list_match(&o->no_partialeq, it->name))
		w |= DERIVE_ORD;
	return w & ~annot_not(it);
}

/* bindgen's CanDerive (ir/derive.rs) for every trait at once: the traits
 * that can be derived (Yes) and those that cannot but may be implemented by
 * hand (Manually); a trait in neither is No. */
struct can {
	unsigned yes;    /* DERIVE_* bits: CanDerive::Yes */
	unsigned manual; /* DERIVE_* bits: CanDerive::Manually */
};

static const struct can can_all = {DERIVE_ALL, 0};

/* bindgen's constrain_join: per trait the worst of both (Yes < Manually < No). */
static struct can can_join(struct can a, struct can b)
{
	unsigned no = (DERIVE_ALL & ~(a.yes | a.manual)) | (DERIVE_ALL & ~(b.yes | b.manual));
	unsigned manual = (a.manual | b.manual) & ~no;
	return (struct can){DERIVE_ALL & ~no & ~manual, manual};
}

/* The traits bindgen derives on arrays of any length
 * (DeriveTrait::can_derive_large_array in ir/analysis/derive.rs): all but
 * Default from Rust 1.47 (larger_arrays), Copy only before. */
static unsigned large_array_traits(const struct ctx *c)
{
	return rust_has(c->opt, RUST_LARGER_ARRAYS) ? DERIVE_ALL & ~DERIVE_DEFAULT : DERIVE_COPY;
}

/* An array of len elements (constrain_type, TypeKind::Array): what the
 * element cannot derive the array cannot either; longer than 32
 * (RUST_DERIVE_IN_ARRAY_LIMIT), what large arrays cannot derive is Manually. */
static struct can array_derive(const struct ctx *c, struct can elem, uint64_t len)
{
	if (len <= 32)
		return (struct can){elem.yes, 0};
	unsigned large = large_array_traits(c);
	return (struct can){elem.yes & large, elem.yes & ~large};
}

/* A blob of an opaque layout (Opaque::array_size_within_derive_limit in
 * ir/layout.rs): Yes for every trait when it is an array of at most 32
 * integers of its alignment, Manually otherwise (also for an alignment no
 * integer has). */
static struct can blob_derive(uint64_t size, uint64_t align)
{
	bool known = align == 1 || align == 2 || align == 4 || align == 8 || align == 16;
	if (known && size / align <= 32)
		return can_all;
	return (struct can){0, DERIVE_ALL};
}

/* bindgen's default for a union with a member that is not Copy: a struct
 * of __BindgenUnionField<T> markers plus a blob of the union's size
 * (CompInfo::is_rust_union in ir/comp.rs): with --disable-untagged-union
 * every union; else a zero-sized one, and one with a member that is not
 * Copy whose style is bindgen_wrapper (--bindgen-wrapper-union first, then
 * --manually-drop-union, then --default-non-copy-union-style). Unions
 * with bitfields keep the Rust union (with ManuallyDrop members), whose
 * accessors the units need. (A forward-declared one is not a union at
 * all: emit_record writes bindgen's _unused struct.) */
bool union_wrapper(struct ctx *c, struct item *it)
{
	const struct options *o = c->opt;
	if (!it->is_union || !it->complete || it->opaque)
		return false;
	if (!o->untagged_union || it->size == 0) /* Rust has no union without fields */
		return true;
	bool noncopy = false;
	for (int i = 0; i < it->nrs; i++) {
		if (it->rs[i].kind == RF_BITFIELD_UNIT)
			return false;
		if (it->rs[i].kind == RF_FIELD && !(type_can(c, it->rs[i].cfield->type) & DERIVE_COPY))
			noncopy = true;
	}
	if (!noncopy || regex_list_match(&o->bindgen_wrapper_union, it->name))
		return noncopy;
	return !regex_list_match(&o->manually_drop_union, it->name) && !o->union_manually_drop;
}

/* A Rust union with a member that is not Copy: bindgen wraps every member
 * in ManuallyDrop<T> (wrap_union_field_if_needed in codegen/mod.rs). */
bool union_manually_drop(struct ctx *c, struct item *it)
{
	if (!it->is_union || !it->complete || it->opaque || union_wrapper(c, it))
		return false;
	for (int i = 0; i < it->nrs; i++)
		if (it->rs[i].kind == RF_FIELD && !(type_can(c, it->rs[i].cfield->type) & DERIVE_COPY))
			return true;
	return false;
}

/* void, or a typedef (chain) of it. */
bool type_is_void(const struct type *t)
{
	while (t->kind == TY_ITEM && t->item->kind == IT_TYPEDEF)
		t = t->item->aliased;
	return t->kind == TY_VOID;
}

/* An opaque union is still written as a Rust union when bindgen's
 * is_rust_union holds for its C members (ir/comp.rs; the codegen of
 * CompInfo picks the keyword from it, opaque or not): unions may be Rust
 * unions, it is defined, not zero sized, every member Copy. */
bool opaque_rust_union(struct ctx *c, struct item *it)
{
	if (!it->is_union || !it->complete || !it->opaque || it->size == 0 ||
	    !c->opt->untagged_union)
		return false;
	for (int i = 0; i < it->nfields; i++) {
		struct field *f = it->fields[i];
		if (f->bit_width < 0 && !(type_can(c, f->type) & DERIVE_COPY))
			return false;
	}
	return true;
}

/* A function type, or a typedef (chain) of one: emitted as Option<fn>. */
bool type_is_fn(const struct type *t)
{
	while (t->kind == TY_ITEM && t->item->kind == IT_TYPEDEF)
		t = t->item->aliased;
	return t->kind == TY_FUNC;
}

/* --flexarray-dst: the Rust field that becomes `FAM` (bindgen's
 * CompInfo::flex_array_member, ir/comp.rs: the last field, not a bitfield,
 * a flexible or zero-length array), or NULL. Only in a struct that is laid
 * out field by field and ends with it, not packed: a FAM: ?Sized field
 * must be the last, rustc refuses a generic unsized field in a packed
 * struct (E0277: it might need drop), and bindgen's parameter on an opaque
 * record or a union (which then does not use it) would not compile. */
struct rs_field *flex_array_member(const struct ctx *c, const struct item *it)
{
	if (!c->opt->flexarray_dst || it->kind != IT_RECORD || it->is_union || it->opaque ||
	    it->repr_packed || !it->complete || !it->nfields || !it->nrs)
		return NULL;
	struct field *last = it->fields[it->nfields - 1];
	struct rs_field *rf = &it->rs[it->nrs - 1];
	if (last->bit_width >= 0 || last->type->kind != TY_FLEX || rf->kind != RF_FIELD ||
	    rf->cfield != last)
		return NULL;
	return rf;
}

/* The traits --no-copy, --no-debug, ... take away from an item by name: in
 * bindgen they are part of the analysis (DeriveTrait::not_by_name in
 * ir/analysis/derive.rs), so they reach every type that holds the item. */
static unsigned not_by_name(const struct options *o, const struct item *it)
{
	unsigned d = 0;
	if (regex_list_match(&o->no_copy, it->name))
		d |= DERIVE_COPY;
	if (regex_list_match(&o->no_debug, it->name))
		d |= DERIVE_DEBUG;
	if (regex_list_match(&o->no_default, it->name))
		d |= DERIVE_DEFAULT;
	if (regex_list_match(&o->no_hash, it->name))
		d |= DERIVE_HASH;
	if (regex_list_match(&o->no_partialeq, it->name))
		d |= DERIVE_PARTIALEQ | DERIVE_EQ | DERIVE_PARTIALORD | DERIVE_ORD;
	return d | annot_not(it);
}

static struct can type_derive(struct ctx *c, const struct type *t);

/* An opaque record (constrain_type's is_opaque branch): for --opaque-type,
 * bindgen's rule, the blob of its layout; with untagged unions, a union only
 * Copy. A record h2rs makes opaque (bindgen would lay it out) derives what
 * its blob, as h2rs writes it, can. */
static struct can opaque_derive(struct ctx *c, struct item *it)
{
	struct can r;
	if (!it->opaque_reason) {
		r = blob_derive(it->size, it->align);
	} else {
		uint64_t a = it->align > 8 ? 8 : it->align;
		r = array_derive(c, can_all, a ? it->size / a : it->size);
	}
	if (it->is_union && c->opt->untagged_union)
		r = (struct can){r.yes & DERIVE_COPY, r.manual & DERIVE_COPY};
	return r;
}

/* A defined record's fields joined (constrain_join over the field edges,
 * bitfields' types included); a bitfield unit longer than 32 bytes cannot
 * derive what large arrays cannot (has_too_large_bitfield_unit). */
static struct can fields_derive(struct ctx *c, struct item *it)
{
	struct can r = can_all;
	for (int i = 0; i < it->nrs; i++) {
		struct rs_field *rf = &it->rs[i];
		if (rf->kind == RF_FIELD)
			r = can_join(r, type_derive(c, rf->cfield->type));
		else if (rf->kind == RF_PADDING)
			r = can_join(r, array_derive(c, can_all, rf->bytes));
		if (rf->kind != RF_BITFIELD_UNIT)
			continue;
		if (rf->bytes > 32)
			r = can_join(r, (struct can){large_array_traits(c), 0});
		for (int k = 0; k < rf->nbits; k++)
			r = can_join(r, type_derive(c, rf->bits[k]->type));
	}
	return r;
}

/* bindgen's CannotDerive::constrain_type for a record (derive.rs): a
 * forward declaration can derive Copy and Debug only (a union only Copy,
 * with untagged unions); a union, as a Rust union, only Copy, and only
 * when every member is Copy; as bindgen's wrapper struct
 * (--disable-untagged-union) Copy as its members, the rest as its blob; a
 * struct what all its fields can. Before Rust 1.47, a record aligned to
 * more than 32 bytes cannot derive what large arrays cannot, but may
 * implement it (constrain: it could need padding longer than 32). */
static struct can record_derive(struct ctx *c, struct item *it)
{
	bool untagged = c->opt->untagged_union;
	if (!it->complete) /* a forward-declared union: Copy falls through */
		return (struct can){it->is_union && untagged ? DERIVE_COPY
							      : DERIVE_COPY | DERIVE_DEBUG, 0};
	layout_record(c, it);
	struct can r;
	if (it->opaque) {
		r = opaque_derive(c, it);
	} else {
		r = fields_derive(c, it);
		if (it->is_union && untagged) {
			r = (struct can){r.yes & DERIVE_COPY, r.manual & DERIVE_COPY};
		} else if (it->is_union) {
			/* Eq only without a float member (HasFloat); no PartialOrd,
			 * Ord: __BindgenUnionField has neither (bindgen derives
			 * them, which does not compile) */
			struct can blob = blob_derive(it->size, it->align);
			unsigned own = DERIVE_COPY | DERIVE_EQ, ord = DERIVE_PARTIALORD | DERIVE_ORD;
			r = (struct can){(blob.yes & ~own & ~ord) | (r.yes & blob.yes & DERIVE_EQ) |
						 (r.yes & DERIVE_COPY),
					 (blob.manual & ~own & ~ord) | (r.manual & DERIVE_COPY)};
		}
	}
	unsigned limited = r.yes & ~large_array_traits(c);
	if (it->align > 32 && limited)
		r = (struct can){r.yes & ~limited, r.manual | limited};
	/* derives_of_item (codegen/mod.rs): a packed type that is not Copy
	 * derives nothing (with --with-derive-default, Default is impl'd) */
	if (it->repr_packed && !(r.yes & DERIVE_COPY))
		r.yes = 0;
	return r;
}

/* An enum: everything but Default (can_derive_simple). An opaque one
 * (--opaque-type, an opaque annotation) is its layout to the analysis,
 * which allows Default too: kept where the Rust type is the integer
 * (consts styles), not where a Rust enum or newtype cannot derive it. */
static struct can enum_derive(struct ctx *c, const struct item *it)
{
	if (user_opaque(c->opt, it) && (it->style == ENUM_CONSTS || it->style == ENUM_MODULE_CONSTS))
		return blob_derive(it->size, it->align);
	return (struct can){DERIVE_ALL & ~DERIVE_DEFAULT, 0};
}

/* The traits bindgen's analysis says a type has (ir/analysis/derive.rs),
 * which is what a type holding it can derive: an enum everything but
 * Default (can_derive_simple), whatever its style; a record what it
 * derives (a zeroing impl Default does not count: bindgen's holder of such
 * a record gets one too). */
static struct can item_derive(struct ctx *c, struct item *it)
{
	if (it->kind == IT_TYPEDEF)
		return type_derive(c, it->aliased);
	if (it->kind != IT_ENUM && it->kind != IT_RECORD)
		return can_all;
	if (!it->can_done) {
		it->can_done = true;
		/* not_by_name comes before anything else in constrain_type;
		 * Copy also needs the option (CanDeriveCopy in ir/context.rs),
		 * which decides unions' ManuallyDrop and wrapper styles */
		struct can r = it->kind == IT_ENUM ? enum_derive(c, it) : record_derive(c, it);
		unsigned no = not_by_name(c->opt, it) | (c->opt->derive_copy ? 0 : DERIVE_COPY);
		it->can = r.yes & ~no;
		it->manual = r.manual & ~no;
		/* as record_derive: a packed record that is not Copy derives
		 * nothing (derives_of_item), so neither may what holds it */
		if (it->kind == IT_RECORD && it->repr_packed && !(it->can & DERIVE_COPY))
			it->can = 0;
	}
	return (struct can){it->can, it->manual};
}

/* bindgen's BindgenContext::blocklisted_type_implements_trait
 * (ir/context.rs): a type outside the allowlisted set (blocklisted, or not
 * reached with --no-recursive-allowlist) implements no trait, except the
 * is_stdint_type names (stdint_prim), and those only when there are no
 * parse callbacks (the command line adds one per --with-derive-custom* and
 * --with-attribute-custom*). */
static unsigned outside_can(struct ctx *c, const struct item *it)
{
	return it->stdint && !c->opt->customs.n ? DERIVE_ALL : 0;
}

/* A function pointer (can_derive_fnptr in derive.rs): with more than 12
 * parameters or another ABI than C's (FunctionSig::
 * function_pointers_can_derive) only Copy and Default, Debug Manually.
 * Comparing function pointers is unpredictable (rustc warns,
 * unpredictable_function_pointer_comparisons): no PartialEq/Eq/PartialOrd/
 * Ord, where bindgen derives them. */
static struct can fn_derive(const struct type *t)
{
	if (t->nparams > 12 || (t->abi && strcmp(t->abi, "C")))
		return (struct can){DERIVE_COPY | DERIVE_DEFAULT, DERIVE_DEBUG};
	return (struct can){DERIVE_ALL & ~(DERIVE_PARTIALEQ | DERIVE_EQ | DERIVE_PARTIALORD |
					   DERIVE_ORD), 0};
}

static struct can type_derive(struct ctx *c, const struct type *t)
{
	switch (t->kind) {
	case TY_PRIM:
		if (!strcmp(t->prim, "f32") || !strcmp(t->prim, "f64") || !strcmp(t->prim, "c_float") ||
		    !strcmp(t->prim, "c_double"))
			return (struct can){DERIVE_ALL & ~(DERIVE_HASH | DERIVE_EQ | DERIVE_ORD), 0};
		return can_all;
	case TY_PTR:
		/* any pointer is Copy, Debug, Hash, PartialEq: its pointee
		 * does not matter (can_derive_pointer), blocklisted or not */
		if (type_is_fn(t->sub))
			return type_derive(c, t->sub); /* emitted as the Option<fn> itself */
		return (struct can){DERIVE_ALL & ~DERIVE_DEFAULT, 0};
	case TY_ARRAY:
		return array_derive(c, type_derive(c, t->sub), t->len);
	case TY_FLEX:
		/* an incomplete array: no Copy, Hash, PartialEq
		 * (can_derive_incomplete_array); the rest as its element */
		return (struct can){type_derive(c, t->sub).yes & (DERIVE_DEBUG | DERIVE_DEFAULT), 0};
	case TY_BLOB:
		if (t->ffi_blob) {
			/* an opaque typedef (bindgen's layout rule); as
			 * __BindgenOpaqueArray, which derives PartialEq, Copy,
			 * Clone, Debug, Hash and implements Default, no more */
			struct can r = blob_derive(t->size, t->align);
			if (t->size != t->align && rust_has(c->opt, RUST_CONST_GENERICS))
				r.yes &= ~(DERIVE_EQ | DERIVE_PARTIALORD | DERIVE_ORD);
			return r;
		}
		return array_derive(c, can_all, t->size / (t->align > 8 ? 8 : t->align));
	case TY_COMPLEX:
		return (struct can){DERIVE_COPY | DERIVE_DEBUG | DERIVE_DEFAULT | DERIVE_PARTIALEQ, 0};
	case TY_FLOAT16:
		/* bindgen's TypeKind::Float(Float16): no Hash (can_derive_simple),
		 * no Eq or Ord (has_float). bindgen would derive PartialOrd, which
		 * its __BindgenFloat16 does not implement (the bindings would not
		 * compile): left out here. */
		return (struct can){DERIVE_ALL & ~(DERIVE_HASH | DERIVE_EQ | DERIVE_PARTIALORD |
						   DERIVE_ORD), 0};
	case TY_FUNC:
		if (t->abi_why) /* written as an integer of its size */
			return can_all;
		return fn_derive(t);
	case TY_ITEM:
		if (t->item->outside)
			return (struct can){outside_can(c, t->item), 0};
		if (t->item->stdint)
			return can_all; /* written as the Rust primitive */
		if (!t->item->emit && t->item->skip_reason)
			return can_all; /* skipped for a name clash: kept as it was */
		return item_derive(c, t->item);
	default:
		return can_all;
	}
}

unsigned type_can(struct ctx *c, const struct type *t)
{
	return type_derive(c, t).yes;
}

/* The traits bindgen's analysis leaves to a hand-written impl
 * (CanDerive::Manually) for the type: --impl-partialeq writes one. */
unsigned type_manual(struct ctx *c, const struct type *t)
{
	return type_derive(c, t).manual;
}

/* The derives of a newtype or Rust enum (bindgen's CodeGenerator for Enum,
 * codegen/mod.rs): derives_of_item as for any type, so --no-derive-debug,
 * --no-debug, --no-copy, --with-derive-partialord... apply, plus Clone,
 * Hash, PartialEq and Eq, which enums always derive. */
unsigned enum_derives(struct ctx *c, const struct item *it)
{
	unsigned d = wanted(c, it) & ~DERIVE_DEFAULT; /* can_derive_simple: not for enums */
	return d | DERIVE_CLONE | DERIVE_HASH | DERIVE_PARTIALEQ | DERIVE_EQ;
}

unsigned item_derives(struct ctx *c, struct item *it)
{
	unsigned d = wanted(c, it) & item_derive(c, it).yes;
	if (!(d & DERIVE_PARTIALEQ))
		d &= ~(DERIVE_EQ | DERIVE_PARTIALORD);
	if (!(d & DERIVE_EQ) || !(d & DERIVE_PARTIALORD))
		d &= ~DERIVE_ORD;
	/* derives_of_item: a packed type that does not derive Copy derives
	 * nothing (--no-derive-copy, --no-copy, nocopy) */
	if (it->kind == IT_RECORD && it->repr_packed && !(d & DERIVE_COPY))
		d = 0;
	return d;
}

/* --prefix-link-name, --override-abi and the calling convention of one
 * function (bindgen's Function codegen, codegen/mod.rs, and
 * FunctionSig::abi, ir/function.rs): a link name of its own means a static
 * function is not wrapped; --override-abi wins over clang's calling
 * convention; an ABI the Rust target lacks, or a convention Rust cannot
 * express, drops the function with a warning (never an extern "C" that
 * would call it wrongly). */
static void function_options(struct ctx *c, struct item *it)
{
	const struct options *o = c->opt;
	if (o->prefix_link_name && it->wrap == WRAP_STATIC)
		it->wrap = WRAP_NONE;
	const char *abi = abi_override_for(o, it->cname);
	const char *why = NULL;
	if (abi && !rust_has(o, abi_min_rust(abi)))
		why = xstrfmt("--override-abi: the \"%s\" ABI is not available on --rust-target 1.%d",
			      abi, o->rust_minor);
	else if (abi && !strcmp(abi, "win64") && it->type->variadic && it->type->nparams)
		why = "--override-abi: bindgen gives no variadic function the \"win64\" ABI";
	else if (!abi && it->type->abi_why)
		why = it->type->abi_why;
	it->abi = abi ? abi : it->type->abi;
	if (why) {
		it->emit = false;
		it->skip_reason = why;
		warning("%s: %s", it->name, why);
		skip_push(&c->skipped, it->name, why);
	}
}

/* The first function type under t (not through named items) whose
 * calling convention Rust cannot express: written as an opaque integer. */
static const struct type *opaque_fn(const struct type *t)
{
	if (!t)
		return NULL;
	switch (t->kind) {
	case TY_FUNC:
		if (t->abi_why)
			return t;
		for (int i = 0; i < t->nparams; i++)
			if (opaque_fn(t->params[i].type))
				return opaque_fn(t->params[i].type);
		return opaque_fn(t->sub);
	case TY_PTR:
	case TY_ARRAY:
	case TY_FLEX:
		return opaque_fn(t->sub);
	default:
		return NULL;
	}
}

/* Say where an emitted item holds a pointer to a function Rust cannot call
 * as C does: the pointer is an opaque integer of its size (bindgen panics,
 * or writes a blob of the function type's layout instead of the pointer's). */
static void warn_opaque_fn(struct ctx *c, const struct item *it)
{
	const struct type *f = NULL;
	const char *where = it->name;
	if (it->kind == IT_TYPEDEF) {
		/* --override-abi on a function pointer typedef wins (emit_typedef) */
		const struct type *a = it->aliased->kind == TY_PTR ? it->aliased->sub : it->aliased;
		if (a->kind != TY_FUNC || !abi_override_for(c->opt, it->cname))
			f = opaque_fn(it->aliased);
	} else if (it->kind == IT_VAR) {
		f = opaque_fn(it->type);
	} else if (it->kind == IT_FUNC) {
		for (int i = 0; !f && i < it->type->nparams; i++)
			f = opaque_fn(it->type->params[i].type);
		if (!f)
			f = opaque_fn(it->type->sub);
	} else if (it->kind == IT_RECORD && !it->opaque) {
		for (int i = 0; !f && i < it->nfields; i++)
			if ((f = opaque_fn(it->fields[i]->type)))
				where = xstrfmt("%s::%s", it->name, it->fields[i]->name);
	}
	if (f)
		warning("%s: a pointer to a function Rust cannot call is written as an opaque "
			"%llu-byte integer (%s)", where, (unsigned long long)f->size, f->abi_why);
}

void analyse(struct ctx *c)
{
	if (c->items.n)
		qsort(c->items.v, c->items.n, sizeof(void *), by_order);
	assign_names(c);
	for (int i = 0; i < c->items.n; i++) {
		struct item *it = c->items.v[i];
		if (it->kind == IT_ENUM) {
			enum_variant_names(it);
			it->style = style_for(c->opt, it);
			find_int_alias(c, it);
			enum_variants(c, it);
			for (int k = 0; k < it->nconsts; k++)
				it->consts[k]->rname = global_const_name(c->opt, it, it->consts[k]);
		}
		it->stdint = stdint_prim(c->opt, it);
	}
	process_replacements(c);
	opaque_typedefs(c);
	for (int i = 0; i < c->items.n; i++) {
		struct item *it = c->items.v[i];
		if (allowed_root(c->opt, it))
			mark_item(c, it);
	}
	for (int i = 0; i < c->items.n; i++) {
		struct item *it = c->items.v[i];
		if (!it->emit && !it->skip_reason) {
			it->skip_reason = has_allowlist(c->opt)
						  ? "not allowlisted and not used by an allowlisted item"
						  : "a compiler builtin nothing uses";
			it->outside = true;
		}
		if (it->stdint && it->emit) {
			it->emit = false;
			it->skip_reason = xstrfmt("bindgen writes %s at each use of it", it->stdint);
		}
		if (it->emit && it->kind == IT_RECORD)
			layout_record(c, it);
		if (it->emit && it->kind == IT_FUNC)
			function_options(c, it);
		if (it->emit && generated(c->opt, it))
			warn_opaque_fn(c, it);
	}
	resolve_clashes(c);
	/* every derive decided now: emit_rust.c reads the IR from two threads */
	for (int i = 0; i < c->items.n; i++) {
		struct item *it = c->items.v[i];
		if (it->emit && (it->kind == IT_RECORD || it->kind == IT_ENUM))
			item_derive(c, it);
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
