/* derive.c — which traits each item can derive or implement by hand,
 * as bindgen's analysis decides (derive_*.rs, has_*.rs). */
#include "analyse.h"

#include <stdlib.h>
#include <string.h>

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
struct can item_derive(struct ctx *c, struct item *it)
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
void function_options(struct ctx *c, struct item *it)
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
void warn_opaque_fn(struct ctx *c, const struct item *it)
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
