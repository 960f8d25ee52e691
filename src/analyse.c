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

/* Nested types are named parent_child, unnamed ones parent__bindgen_ty_N
 * (top-level unnamed ones _bindgen_ty_N). Items are in declaration order
 * and a parent's definition is read before its children, so a parent's name
 * is final when its children are named. */
static void assign_names(struct ctx *c)
{
	for (int i = 0; i < c->items.n; i++) {
		struct item *it = c->items.v[i];
		if ((it->kind == IT_RECORD || it->kind == IT_ENUM) && !it->name)
			it->name = xstrfmt("_bindgen_ty_%d", ++c->top_anon);
		else if (it->parent && !it->named_by_typedef && it->kind <= IT_TYPEDEF &&
			 !(c->opt->no_nested_naming && it->kind == IT_RECORD && !it->unnamed))
			it->name = xstrfmt("%s_%s", it->parent->name, it->name);
	}
	for (int i = 0; i < c->items.n; i++) {
		struct item *it = c->items.v[i];
		it->name = rust_ident(it->name);
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
		if (regex_list_match(l, it->consts[i]->cname))
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
	return prefix ? xstrfmt("%s_%s", prefix, en->cname) : rust_ident(en->cname);
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
	if (o->allow_file.n && regex_list_match(&o->allow_file, it->file))
		return true;
	if (regex_list_match(&o->allow_item, it->name))
		return true;
	if (it->kind == IT_ENUM && !it->parent && enum_anonymous(it)) {
		/* bindgen's compute_allowlisted_and_codegen_items (ir/context.rs):
		 * a top-level anonymous enum is allowlisted through its variants
		 * by --allowlist-var and --allowlist-item */
		for (int i = 0; i < it->nconsts; i++)
			if (regex_list_match(&o->allow_var, it->consts[i]->cname) ||
			    regex_list_match(&o->allow_item, it->consts[i]->cname))
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
		mark_type(c, it->aliased);
		break;
	default:
		mark_type(c, it->type);
	}
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
	return w;
}

/* An array of len elems (DeriveTrait::can_derive_large_array in
 * ir/analysis/derive.rs): longer than 32, no Default; before Rust 1.47
 * (larger_arrays), Copy only. */
static unsigned array_can(const struct ctx *c, unsigned elem, uint64_t len)
{
	if (len <= 32)
		return elem;
	return elem & (rust_has(c->opt, RUST_LARGER_ARRAYS) ? ~DERIVE_DEFAULT : DERIVE_COPY);
}

/* bindgen's default for a union with a member that is not Copy: a struct
 * of __BindgenUnionField<T> markers plus a blob of the union's size
 * (bindgen_wrapper style; CompInfo::is_rust_union in ir/comp.rs). Unions
 * with bitfields keep the Rust union (with ManuallyDrop members), whose
 * accessors the units need. A zero-sized union is never a Rust union
 * either. (A forward-declared one is not a union at all: emit_record writes
 * bindgen's _unused struct.) */
bool union_wrapper(struct ctx *c, struct item *it)
{
	if (!it->is_union || !it->complete || it->opaque)
		return false;
	if (it->size == 0) /* `union {}`: Rust has no union without fields */
		return true;
	bool noncopy = false;
	for (int i = 0; i < it->nrs; i++) {
		if (it->rs[i].kind == RF_BITFIELD_UNIT)
			return false;
		if (it->rs[i].kind == RF_FIELD && !(type_can(c, it->rs[i].cfield->type) & DERIVE_COPY))
			noncopy = true;
	}
	return noncopy;
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
 * CompInfo picks the keyword from it, opaque or not): defined, not zero
 * sized, every member Copy. */
bool opaque_rust_union(struct ctx *c, struct item *it)
{
	if (!it->is_union || !it->complete || !it->opaque || it->size == 0)
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
	return d;
}

/* bindgen's CannotDerive::constrain_type for a record (derive.rs): a
 * forward declaration can derive Copy and Debug only; a union (bindgen
 * uses Rust unions: options.untagged_union) only Copy, and only when every
 * member is Copy, opaque or not; a struct what all its fields can. */
static unsigned record_can(struct ctx *c, struct item *it)
{
	if (!it->complete) /* a forward-declared union: Copy falls through */
		return it->is_union ? DERIVE_COPY : DERIVE_COPY | DERIVE_DEBUG;
	layout_record(c, it);
	if (it->opaque) {
		uint64_t a = it->align > 8 ? 8 : it->align;
		unsigned can = array_can(c, DERIVE_ALL, a ? it->size / a : it->size);
		return it->is_union ? can & DERIVE_COPY : can;
	}
	unsigned can = DERIVE_ALL;
	for (int i = 0; i < it->nrs; i++) {
		struct rs_field *rf = &it->rs[i];
		if (rf->kind == RF_FIELD)
			can &= type_can(c, rf->cfield->type);
		else if (rf->kind == RF_PADDING || rf->kind == RF_BITFIELD_UNIT)
			can &= array_can(c, DERIVE_ALL, rf->bytes);
	}
	if (it->is_union)
		can &= DERIVE_COPY; /* a wrapper union has a non-Copy member: nothing */
	/* derives_of_item (codegen/mod.rs): a packed type that is not Copy
	 * derives nothing (with --with-derive-default, Default is impl'd) */
	if (it->repr_packed && !(can & DERIVE_COPY))
		can = 0;
	return can;
}

/* The traits bindgen's analysis says a type has (ir/analysis/derive.rs),
 * which is what a type holding it can derive: an enum everything but
 * Default (can_derive_simple), whatever its style; a record what it
 * derives (a zeroing impl Default does not count: bindgen's holder of such
 * a record gets one too). */
static unsigned item_impls(struct ctx *c, struct item *it)
{
	if (it->kind == IT_TYPEDEF)
		return type_can(c, it->aliased);
	if (it->kind != IT_ENUM && it->kind != IT_RECORD)
		return DERIVE_ALL;
	if (!it->can_done) {
		it->can_done = true;
		/* not_by_name comes before anything else in constrain_type;
		 * Copy also needs the option (CanDeriveCopy in ir/context.rs),
		 * which decides unions' ManuallyDrop and wrapper styles */
		it->can = (it->kind == IT_ENUM ? DERIVE_ALL & ~DERIVE_DEFAULT : record_can(c, it)) &
			  ~not_by_name(c->opt, it) & ~(c->opt->derive_copy ? 0 : DERIVE_COPY);
	}
	return it->can;
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

unsigned type_can(struct ctx *c, const struct type *t)
{
	switch (t->kind) {
	case TY_PRIM:
		if (!strcmp(t->prim, "f32") || !strcmp(t->prim, "f64") || !strcmp(t->prim, "c_float") ||
		    !strcmp(t->prim, "c_double"))
			return DERIVE_ALL & ~(DERIVE_HASH | DERIVE_EQ | DERIVE_ORD);
		return DERIVE_ALL;
	case TY_PTR:
		/* any pointer is Copy, Debug, Hash, PartialEq: its pointee
		 * does not matter (can_derive_pointer), blocklisted or not */
		if (type_is_fn(t->sub))
			return type_can(c, t->sub); /* emitted as the Option<fn> itself */
		return DERIVE_ALL & ~DERIVE_DEFAULT;
	case TY_ARRAY:
		return array_can(c, type_can(c, t->sub), t->len);
	case TY_FLEX:
		return DERIVE_DEBUG | DERIVE_DEFAULT; /* both impl'd without bounds */
	case TY_BLOB:
		return array_can(c, DERIVE_ALL, t->size / (t->align > 8 ? 8 : t->align));
	case TY_COMPLEX:
		return DERIVE_COPY | DERIVE_DEBUG | DERIVE_DEFAULT | DERIVE_PARTIALEQ;
	case TY_FLOAT16:
		/* bindgen's TypeKind::Float(Float16): no Hash (can_derive_simple),
		 * no Eq or Ord (has_float). bindgen would derive PartialOrd, which
		 * its __BindgenFloat16 does not implement (the bindings would not
		 * compile): left out here. */
		return DERIVE_ALL & ~(DERIVE_HASH | DERIVE_EQ | DERIVE_PARTIALORD | DERIVE_ORD);
	case TY_FUNC:
		/* comparing function pointers is unpredictable (rustc warns,
		 * unpredictable_function_pointer_comparisons): no PartialEq/Eq */
		return DERIVE_ALL & ~(DERIVE_PARTIALEQ | DERIVE_EQ | DERIVE_PARTIALORD | DERIVE_ORD);
	case TY_ITEM:
		if (t->item->outside)
			return outside_can(c, t->item);
		if (t->item->stdint)
			return DERIVE_ALL; /* written as the primitive */
		if (!t->item->emit && t->item->skip_reason)
			return DERIVE_ALL; /* skipped for a name clash: kept as it was */
		return item_impls(c, t->item);
	default:
		return DERIVE_ALL;
	}
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
	unsigned d = wanted(c, it) & item_impls(c, it);
	if (!(d & DERIVE_PARTIALEQ))
		d &= ~(DERIVE_EQ | DERIVE_PARTIALORD);
	if (!(d & DERIVE_EQ) || !(d & DERIVE_PARTIALORD))
		d &= ~DERIVE_ORD;
	return d;
}

/* --prefix-link-name and --override-abi on one function (bindgen's
 * Function codegen, codegen/mod.rs): a link name of its own means a static
 * function is not wrapped; an ABI the Rust target lacks drops the function
 * with a warning. */
static void function_options(struct ctx *c, struct item *it)
{
	const struct options *o = c->opt;
	if (o->prefix_link_name && it->wrap == WRAP_STATIC)
		it->wrap = WRAP_NONE;
	const char *abi = abi_override_for(o, it->cname);
	if (abi && !rust_has(o, abi_min_rust(abi))) {
		it->emit = false;
		it->skip_reason = xstrfmt("--override-abi: the \"%s\" ABI is not available on "
					  "--rust-target 1.%d", abi, o->rust_minor);
		warning("%s: %s", it->name, it->skip_reason);
		skip_push(&c->skipped, it->name, it->skip_reason);
	}
}

void analyse(struct ctx *c)
{
	if (c->items.n)
		qsort(c->items.v, c->items.n, sizeof(void *), by_order);
	assign_names(c);
	for (int i = 0; i < c->items.n; i++) {
		struct item *it = c->items.v[i];
		if (it->kind == IT_ENUM) {
			it->style = style_for(c->opt, it);
			find_int_alias(c, it);
			for (int k = 0; k < it->nconsts; k++)
				it->consts[k]->rname = global_const_name(c->opt, it, it->consts[k]);
		}
		it->stdint = stdint_prim(c->opt, it);
	}
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
	}
	resolve_clashes(c);
	/* every derive decided now: emit_rust.c reads the IR from two threads */
	for (int i = 0; i < c->items.n; i++) {
		struct item *it = c->items.v[i];
		if (it->emit && (it->kind == IT_RECORD || it->kind == IT_ENUM))
			item_impls(c, it);
	}
}
