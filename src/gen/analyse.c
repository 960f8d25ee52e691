/* analyse.c — between parse and emit: final Rust names, enum styles,
 * allow/block lists with bindgen's recursive allowlisting, name clashes,
 * record layouts and the traits each type can derive. */
#include "analyse.h"

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
	return buf_str(&b);
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

/* bindgen's Item::must_use: a mustusetype annotation or --must-use-type. */
bool item_must_use(const struct options *o, const struct item *it)
{
	return (it->annot && it->annot->must_use) ||
	       (o->must_use_type.n && regex_list_match(&o->must_use_type, it->name));
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

/* ---- the analysis, in bindgen's order ---- */

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
