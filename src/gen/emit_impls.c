/* emit_impls.c — the trait impls bindgen writes by hand for a record, and
 * --flexarray-dst's helper impls, in rustfmt's layout:
 *   --impl-debug      impl Debug where Debug cannot be derived
 *                     (codegen/impl_debug.rs)
 *   --impl-partialeq  impl PartialEq where bindgen's analysis says
 *                     CanDerive::Manually (codegen/impl_partialeq.rs)
 *   --flexarray-dst   impl T<[E]> and impl T<[E; 0]> (generate_flexarray
 *                     in codegen/mod.rs)
 * emit_rust.c calls them after a record's layout tests, in bindgen's order
 * (flexible array impls, Default, Debug, PartialEq, bitfield methods). */
#include "emit.h"

#include <stdlib.h>
#include <string.h>

#define MAX_WIDTH 100
#define FN_CALL_WIDTH 60 /* rustfmt's fn_call_width (use_small_heuristics = Default) */

static const char *std_prefix(const struct ctx *c)
{
	return c->opt->use_core ? "::core" : "::std";
}

/* "impl TRAIT for TY {", or as rustfmt breaks it when too long. */
static void open_trait_impl(struct buf *b, const char *trait, const char *ty)
{
	if (strlen("impl  for  {") + strlen(trait) + strlen(ty) <= MAX_WIDTH)
		buf_printf(b, "impl %s for %s {\n", trait, ty);
	else
		buf_printf(b, "impl %s\n    for %s\n{\n", trait, ty);
}

/* ---- --impl-debug ---- */

/* One value of the write! call. */
struct dbg_arg {
	char *text;  /* the expression (a block: its body lines, see dbg_block) */
	bool simple; /* a path or field access: rustfmt packs such arguments */
	bool block;  /* the element-by-element printer of a long array */
};

/* The format string and the values of a Debug impl. */
struct dbg {
	struct buf fmt;        /* the format string, without quotes */
	struct dbg_arg *args;  /* its values in order */
	int nargs;             /* number of values */
	int entries;           /* fields and bitfield units written so far */
};

static void dbg_push(struct dbg *d, char *text, bool simple, bool block)
{
	d->args = realloc(d->args, (d->nargs + 1) * sizeof *d->args);
	if (!d->args)
		error("out of memory");
	d->args[d->nargs++] = (struct dbg_arg){text, simple, block};
}

/* The start of one entry of the format string: ", " after the first. */
static void dbg_entry(struct dbg *d)
{
	if (d->entries++)
		buf_puts(&d->fmt, ", ");
}

/* The type a field's value is printed as: through typedefs, each of which
 * must be in the allowlisted set (bindgen does not know whether an item
 * outside it implements Debug: the field is left out). NULL to leave out. */
static const struct type *dbg_type(const struct type *t)
{
	for (;;) {
		if (t->kind != TY_ITEM)
			return t;
		if (t->item->outside)
			return NULL;
		if (t->item->kind != IT_TYPEDEF)
			return t;
		t = t->item->aliased;
	}
}

/* A pointer to a function bindgen's analysis cannot derive Debug for
 * (FunctionSig::function_pointers_can_derive: more than 12 parameters). */
static bool fnptr_not_debug(const struct type *t)
{
	if (t->kind != TY_PTR || !type_is_fn(t->sub))
		return false;
	const struct type *f = t->sub;
	while (f->kind == TY_ITEM)
		f = f->item->aliased;
	return f->nparams > 12;
}

/* A field of a packed record that Rust cannot take a reference to (its
 * alignment is more than the packing, E0793): a Copy one is printed from
 * a copy, `{ self.x }`; one that is not Copy cannot be printed at all.
 * bindgen takes the reference anyway, which does not compile. */
static int packed_field(struct ctx *c, const struct item *it, const struct type *t)
{
	uint64_t size, align;
	if (!it->repr_packed)
		return 0;
	rs_type_layout(c, t, &size, &align);
	if (align <= (uint64_t)it->repr_packed)
		return 0;
	return type_can(c, t) & DERIVE_COPY ? 1 : -1;
}

/* One data member (ImplDebug for Item, impl_debug.rs): `name: {:?}` with
 * self.name, or bindgen's fixed text for what it cannot print. */
static void dbg_field(struct ctx *c, struct dbg *d, const struct item *it, const struct rs_field *rf)
{
	const char *name = rf->cfield->cname ? rf->cfield->cname : rf->name;
	const struct type *t = dbg_type(rf->cfield->type);
	if (!t)
		return;
	int packed = packed_field(c, it, rf->cfield->type);
	if (packed < 0)
		return;
	dbg_entry(d);
	if (t->kind == TY_ARRAY && t->len >= 32 && !rust_has(c->opt, RUST_LARGER_ARRAYS)) {
		/* no Debug for arrays this long before Rust 1.47: written element
		 * by element (core has no String: left out) */
		if (c->opt->use_core) {
			buf_printf(&d->fmt, "%s: [...]", name);
			return;
		}
		buf_printf(&d->fmt, "%s: [{}]", name);
		dbg_push(d, xstrdup(rf->name), false, true);
		return;
	}
	if (fnptr_not_debug(t)) {
		buf_printf(&d->fmt, "%s: FunctionPointer", name);
		return;
	}
	buf_printf(&d->fmt, "%s: {:?}", name);
	if (packed)
		dbg_push(d, xstrfmt("{ self.%s }", rf->name), false, false);
	else
		dbg_push(d, xstrfmt("self.%s", rf->name), true, false);
}

/* One bitfield unit (ImplDebug for BitfieldUnit): `name : {:?}` with the
 * getter's value for each named bitfield, ", " between all of them, the
 * unnamed ones too. */
static void dbg_unit(struct dbg *d, const struct rs_field *u)
{
	dbg_entry(d);
	for (int k = 0; k < u->nbits; k++) {
		const struct field *f = u->bits[k];
		if (k)
			buf_puts(&d->fmt, ", ");
		if (!f->cname[0])
			continue;
		buf_printf(&d->fmt, "%s : {:?}", f->cname);
		dbg_push(d, xstrfmt("self.%s()", rust_ident(f->cname)), false, false);
	}
}

/* The element-by-element printer of a long array, its lines at indent. */
static void dbg_block(struct buf *b, int indent, const char *field)
{
	static const char *const lines[] = {
		"use std::fmt::Write as _;",
		"let mut output = String::new();",
		"let mut iter = self.%s.iter();",
		"if let Some(value) = iter.next() {",
		"    let _ = write!(output, \"{value:?}\");",
		"    for value in iter {",
		"        let _ = write!(output, \", {value:?}\");",
		"    }",
		"}",
		"output",
	};
	buf_puts(b, "{\n");
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		buf_indent(b, indent + 4);
		if (strstr(lines[i], "%s"))
			buf_printf(b, "let mut iter = self.%s.iter();\n", field);
		else
			buf_printf(b, "%s\n", lines[i]);
	}
	buf_indent(b, indent);
	buf_putc(b, '}');
}

/* write!(f, "FMT", args) at indent 8, as rustfmt lays out a format macro:
 * on one line when the arguments take at most 60 columns; else one per
 * line, except that simple values after the format string share one line
 * when they fit; a last block argument stays on the first line when what
 * precedes it fits in 60 columns. A format string too long for its own
 * line makes rustfmt leave the call as it is: one line. */
static void emit_write_call(struct buf *b, const struct dbg *d)
{
	const char *fmt = buf_str(&d->fmt);
	struct buf one = {0}, rest = {0};
	bool simple = true, block = false;
	for (int i = 0; i < d->nargs; i++) {
		simple &= d->args[i].simple;
		block |= d->args[i].block;
		buf_printf(&rest, "%s%s", i ? ", " : "", d->args[i].block ? "{" : d->args[i].text);
	}
	buf_printf(&one, "f, \"%s\"%s%s", fmt, d->nargs ? ", " : "", d->nargs ? rest.p : "");
	if (!block && (one.len <= FN_CALL_WIDTH || 12 + d->fmt.len + 3 > MAX_WIDTH)) {
		buf_printf(b, "        write!(%s)\n", one.p);
		goto out;
	}
	/* f, "FMT", a, b, { : the one block, last, overflows when that fits */
	int blocks = 0;
	for (int i = 0; i < d->nargs; i++)
		blocks += d->args[i].block;
	if (blocks == 1 && d->args[d->nargs - 1].block && one.len <= FN_CALL_WIDTH) {
		buf_printf(b, "        write!(%.*s", (int)one.len - 1, one.p);
		dbg_block(b, 8, d->args[d->nargs - 1].text);
		buf_puts(b, ")\n");
		goto out;
	}
	buf_printf(b, "        write!(\n            f,\n            \"%s\"%s\n", fmt, d->nargs ? "," : "");
	if (simple && d->nargs && 12 + rest.len <= MAX_WIDTH - 1) {
		buf_printf(b, "            %s\n", rest.p);
	} else {
		for (int i = 0; i < d->nargs; i++) {
			buf_indent(b, 12);
			if (d->args[i].block)
				dbg_block(b, 12, d->args[i].text);
			else
				buf_puts(b, d->args[i].text);
			buf_puts(b, i + 1 < d->nargs ? ",\n" : "\n");
		}
	}
	buf_puts(b, "        )\n");
out:
	buf_free(&one);
	buf_free(&rest);
}

/* bindgen's CompInfo codegen: --impl-debug writes impl Debug for a record
 * that cannot derive it, unless --no-derive-debug, --no-debug or a nodebug
 * annotation says no Debug at all. The text is gen_debug_impl's: "T {{ opaque }}", "T {{
 * union }}", or each field and bitfield. */
void emit_debug_impl(struct ctx *c, struct buf *b, struct item *it, unsigned derives,
		     const char *impl_ty)
{
	const struct options *o = c->opt;
	if (!o->impl_debug || !o->derive_debug || (derives & DERIVE_DEBUG) ||
	    regex_list_match(&o->no_debug, it->name) || (it->annot && it->annot->nodebug))
		return;
	struct dbg d = {0};
	buf_printf(&d.fmt, "%s {{ ", it->name);
	if (it->opaque)
		buf_puts(&d.fmt, "opaque");
	else if (it->is_union)
		buf_puts(&d.fmt, "union");
	else
		for (int i = 0; i < it->nrs; i++) {
			if (it->rs[i].kind == RF_FIELD)
				dbg_field(c, &d, it, &it->rs[i]);
			else if (it->rs[i].kind == RF_BITFIELD_UNIT)
				dbg_unit(&d, &it->rs[i]);
		}
	buf_puts(&d.fmt, " }}");
	const char *S = std_prefix(c);
	char *trait = xstrfmt("%s::fmt::Debug", S);
	open_trait_impl(b, trait, impl_ty);
	buf_printf(b, "    fn fmt(&self, f: &mut %s::fmt::Formatter<'_>) -> %s::fmt::Result {\n", S,
		   S);
	emit_write_call(b, &d);
	buf_puts(b, "    }\n}\n");
	for (int i = 0; i < d.nargs; i++)
		free(d.args[i].text);
	free(d.args);
	free(trait);
	buf_free(&d.fmt);
}

/* ---- --impl-partialeq ---- */

/* One comparison of the && chain, at indent (the first term) or after
 * "&& " at indent: broken before "==" when it does not fit, as rustfmt
 * breaks a binary expression. */
static void eq_term(struct buf *b, int indent, bool first, const char *lhs, const char *rhs)
{
	size_t lead = indent + (first ? 0 : 3);
	buf_indent(b, indent);
	if (!first)
		buf_puts(b, "&& ");
	if (lead + strlen(lhs) + 4 + strlen(rhs) <= MAX_WIDTH) {
		buf_printf(b, "%s == %s\n", lhs, rhs);
		return;
	}
	buf_printf(b, "%s\n", lhs);
	buf_indent(b, indent + 4);
	buf_printf(b, "== %s\n", rhs);
}

/* The two sides of a field's comparison (gen_field, impl_partialeq.rs):
 * an array too long for PartialEq before Rust 1.47 is compared as slices. */
static void eq_field(struct ctx *c, struct vec *terms, const struct rs_field *rf)
{
	const struct type *t = rf->cfield->type;
	while (t->kind == TY_ITEM && t->item->kind == IT_TYPEDEF)
		t = t->item->aliased;
	const char *n = rf->name;
	if (t->kind == TY_ARRAY && t->len > 32 && !rust_has(c->opt, RUST_LARGER_ARRAYS)) {
		vec_push(terms, xstrfmt("&self.%s[..]", n));
		vec_push(terms, xstrfmt("&other.%s[..]", n));
	} else {
		vec_push(terms, xstrfmt("self.%s", n));
		vec_push(terms, xstrfmt("other.%s", n));
	}
}

/* The comparisons of gen_partialeq_impl, as pairs of sides: an opaque
 * record's blob, a wrapper union's blob, or every field and named
 * bitfield of a struct. */
static void eq_terms(struct ctx *c, struct vec *terms, const struct item *it)
{
	const char *blob = it->opaque ? "_bindgen_opaque_blob" : it->is_union ? "bindgen_union_field"
									  : NULL;
	if (blob) {
		vec_push(terms, xstrfmt("&self.%s[..]", blob));
		vec_push(terms, xstrfmt("&other.%s[..]", blob));
		return;
	}
	for (int i = 0; i < it->nrs; i++) {
		const struct rs_field *rf = &it->rs[i];
		if (rf->kind == RF_FIELD)
			eq_field(c, terms, rf);
		if (rf->kind != RF_BITFIELD_UNIT)
			continue;
		for (int k = 0; k < rf->nbits; k++) {
			const char *g = rf->bits[k]->cname;
			if (!g[0])
				continue;
			vec_push(terms, xstrfmt("self.%s()", rust_ident(g)));
			vec_push(terms, xstrfmt("other.%s()", rust_ident(g)));
		}
	}
}

/* bindgen's CompInfo codegen: with --with-derive-partialeq and
 * --impl-partialeq, impl PartialEq for a record the analysis says can
 * only have it by hand (CanDerive::Manually: before Rust 1.47 an array
 * longer than 32 or an alignment over 32; a large --opaque-type blob; a
 * large wrapper union with --disable-untagged-union). A record without
 * fields compares equal (bindgen writes an empty body, which does not
 * compile). */
void emit_partialeq_impl(struct ctx *c, struct buf *b, struct item *it, const char *impl_ty)
{
	const struct options *o = c->opt;
	if (!o->derive_partialeq || !o->impl_partialeq || !(it->manual & DERIVE_PARTIALEQ))
		return;
	struct vec terms = {0};
	eq_terms(c, &terms, it);
	char *trait = xstrfmt("%s::cmp::PartialEq", std_prefix(c));
	open_trait_impl(b, trait, impl_ty);
	if (strlen("    fn eq(&self, other: &) -> bool {") + strlen(impl_ty) <= MAX_WIDTH)
		buf_printf(b, "    fn eq(&self, other: &%s) -> bool {\n", impl_ty);
	else
		buf_printf(b, "    fn eq(\n        &self,\n        other: &%s,\n    ) -> bool {\n", impl_ty);
	size_t one = 8;
	for (int i = 0; i < terms.n; i += 2)
		one += (i ? 4 : 0) + strlen(terms.v[i]) + 4 + strlen(terms.v[i + 1]);
	if (!terms.n) {
		buf_puts(b, "        true\n");
	} else if (one <= MAX_WIDTH) {
		buf_puts(b, "        ");
		for (int i = 0; i < terms.n; i += 2)
			buf_printf(b, "%s%s == %s", i ? " && " : "", (char *)terms.v[i],
				   (char *)terms.v[i + 1]);
		buf_putc(b, '\n');
	} else {
		for (int i = 0; i < terms.n; i += 2)
			eq_term(b, i ? 12 : 8, i == 0, terms.v[i], terms.v[i + 1]);
	}
	buf_puts(b, "    }\n}\n");
	for (int i = 0; i < terms.n; i++)
		free(terms.v[i]);
	free(terms.v);
	free(trait);
}

/* ---- --flexarray-dst ---- */

/* "    ) -> RET {" after parameters one per line, as rustfmt writes it
 * (measured with rustfmt 1.8): the brace on the same line up to 94
 * columns, on the next up to 102; longer, RET's outer generic argument on
 * a line of its own. */
static void fam_ret(struct buf *b, const char *ret)
{
	size_t len = strlen("    ) -> ") + strlen(ret);
	const char *lt = strchr(ret, '<');
	if (len <= 94 || !lt)
		buf_printf(b, "    ) -> %s {\n", ret);
	else if (len <= 102)
		buf_printf(b, "    ) -> %s\n    {\n", ret);
	else
		buf_printf(b, "    ) -> %.*s\n        %.*s,\n    > {\n", (int)(lt - ret + 1), ret,
			   (int)(strlen(ret) - (size_t)(lt - ret) - 2), lt + 1);
}

/* A fn signature "    pub [unsafe ]fn NAME(PARAMS) -> RET {", as rustfmt
 * breaks it: on one line when it fits (and a tuple return type's items
 * take at most 60 columns); else the parameters one per line and ") ->
 * RET {", a tuple RET with one item per line when it is too wide. */
static void fam_sig(struct buf *b, const char *head, const char *const *params, int n,
		    const char *ret, const char *const *tuple)
{
	struct buf one = {0};
	buf_printf(&one, "    %s(", head);
	for (int i = 0; i < n; i++)
		buf_printf(&one, "%s%s", i ? ", " : "", params[i]);
	buf_printf(&one, ") -> %s {", ret);
	size_t items = tuple ? strlen(tuple[0]) + 2 + strlen(tuple[1]) : 0;
	if (one.len <= MAX_WIDTH && items <= FN_CALL_WIDTH) {
		buf_printf(b, "%s\n", one.p);
	} else {
		buf_printf(b, "    %s(\n", head);
		for (int i = 0; i < n; i++)
			buf_printf(b, "        %s,\n", params[i]);
		if (items > FN_CALL_WIDTH)
			buf_printf(b, "    ) -> (\n        %s,\n        %s,\n    ) {\n", tuple[0], tuple[1]);
		else
			fam_ret(b, ret);
	}
	buf_free(&one);
}

/* "(FIRST, len)" at indent 12, the tuple a fixed/fixed_mut body returns:
 * its items one per line when they take more than 60 columns. */
static void fam_pair(struct buf *b, const char *first)
{
	const char *lt = strchr(first, '<');
	if (strlen(first) + strlen(", len") <= FN_CALL_WIDTH)
		buf_printf(b, "            (%s, len)\n", first);
	else if (16 + strlen(first) + 1 <= MAX_WIDTH || !lt)
		buf_printf(b, "            (\n                %s,\n                len,\n            )\n",
			   first);
	else /* the type's generic argument on a line of its own: "...<\n [T; 0],\n >)" */
		buf_printf(b, "            (\n                %.*s\n                    %.*s,\n"
			      "                >),\n                len,\n            )\n",
			   (int)(lt - first + 1), first, (int)(strlen(first) - (size_t)(lt - first) - 3),
			   lt + 1);
}

/* fixed and fixed_mut of impl NAME<[T]>: the sized prefix and the length. */
static void fam_fixed(struct buf *b, const char *zty, bool mut)
{
	const char *self = mut ? "&mut self" : "&self";
	char *ref = xstrfmt("&%s%s", mut ? "mut " : "", zty);
	char *ret = xstrfmt("(%s, usize)", ref);
	const char *tuple[] = {ref, "usize"};
	char *head = xstrfmt("pub fn fixed%s", mut ? "_mut" : "");
	char *first = xstrfmt("&%s*(ptr as *%s %s)", mut ? "mut " : "", mut ? "mut" : "const", zty);
	buf_puts(b, "    #[inline]\n");
	fam_sig(b, head, &self, 1, ret, tuple);
	buf_printf(b, "        unsafe {\n            let (ptr, len) = (self as *%s Self).to_raw_parts();\n",
		   mut ? "mut" : "const");
	fam_pair(b, first);
	buf_puts(b, "        }\n    }\n");
	free(ref);
	free(ret);
	free(head);
	free(first);
}

/* The doc comments of the sized form's methods, as bindgen's quote! gives
 * them (#[doc = r"..."], one per line of the original comment). */
static void fam_doc(struct buf *b, const char *const *lines)
{
	for (; *lines; lines++)
		buf_printf(b, "    #[doc = r\"%s\"]\n", *lines);
}

/* flex_ptr_mut's body: the &mut DST made without exposing it. */
static void fam_uninit(struct buf *b, const char *S, const char *dty)
{
	size_t rhs = strlen(S) + strlen("::mem::MaybeUninit::<&mut >::uninit();") + strlen(dty);
	buf_puts(b, "        unsafe {\n");
	if (12 + strlen("let mut uninit = ") + rhs <= MAX_WIDTH)
		buf_printf(b, "            let mut uninit = %s::mem::MaybeUninit::<&mut %s>::uninit();\n", S,
			   dty);
	else if (16 + rhs <= MAX_WIDTH)
		buf_printf(b, "            let mut uninit =\n                %s::mem::MaybeUninit::<&mut %s>::"
			      "uninit();\n", S, dty);
	else
		buf_printf(b, "            let mut uninit = %s::mem::MaybeUninit::<\n                &mut "
			      "%s,\n            >::uninit();\n", S, dty);
	size_t cast = strlen("(uninit.as_mut_ptr() as *mut *mut )") + strlen(dty);
	const char *lt = strchr(dty, '<');
	if (12 + cast < MAX_WIDTH)
		buf_printf(b, "            (uninit.as_mut_ptr() as *mut *mut %s)\n", dty);
	else if (16 + strlen("as *mut *mut )") + strlen(dty) < MAX_WIDTH)
		buf_printf(b, "            (uninit.as_mut_ptr()\n                as *mut *mut %s)\n", dty);
	else
		buf_printf(b, "            (uninit.as_mut_ptr()\n                as *mut *mut %.*s\n"
			      "                    %.*s,\n                >)\n",
			   (int)(lt - dty + 1), dty, (int)(strlen(dty) - (size_t)(lt - dty) - 2), lt + 1);
	buf_printf(b, "                .write(%s::ptr::from_raw_parts_mut(ptr as *mut (), len));\n"
		      "            uninit\n        }\n", S);
}

/* The sized form's methods: flex_ref, flex_ref_mut, flex_ptr, flex_ptr_mut
 * (each call of an unsafe function in an unsafe block, as with bindgen's
 * --wrap-unsafe-ops, which h2rs always applies). */
static void fam_sized_methods(struct buf *b, const char *S, const char *dty)
{
	static const char *const doc_ref[] = {
		" Convert a sized prefix to an unsized structure with the given length.", "",
		" SAFETY: Underlying storage is initialized up to at least `len` elements.", NULL};
	static const char *const doc_ref_mut[] = {
		" Convert a mutable sized prefix to an unsized structure with the given length.", "",
		" SAFETY: Underlying storage is initialized up to at least `len` elements.", NULL};
	static const char *const doc_ptr[] = {
		" Construct DST variant from a pointer and a size.", "",
		" NOTE: lifetime of returned reference is not tied to any underlying storage.",
		" SAFETY: `ptr` is valid. Underlying storage is fully initialized up to at least `len` "
		"elements.", NULL};
	static const char *const doc_ptr_mut[] = {
		" Construct mutable DST variant from a pointer and a",
		" size. The returned `&mut` reference is initialized",
		" pointing to memory referenced by `ptr`, but there's",
		" no requirement that that memory be initialized.", "",
		" NOTE: lifetime of returned reference is not tied to any underlying storage.",
		" SAFETY: `ptr` is valid. Underlying storage has space for at least `len` elements.",
		NULL};
	const char *p_ref[] = {"&self", "len: usize"}, *p_mut[] = {"&mut self", "len: usize"};
	const char *p_ptr[] = {"ptr: *const Self", "len: usize"};
	const char *p_ptr_mut[] = {"ptr: *mut Self", "len: usize"};
	char *ret;

	fam_doc(b, doc_ref);
	ret = xstrfmt("&%s", dty);
	fam_sig(b, "pub unsafe fn flex_ref", p_ref, 2, ret, NULL);
	buf_puts(b, "        unsafe { Self::flex_ptr(self, len) }\n    }\n");
	free(ret);

	fam_doc(b, doc_ref_mut);
	buf_puts(b, "    #[inline]\n");
	ret = xstrfmt("&mut %s", dty);
	fam_sig(b, "pub unsafe fn flex_ref_mut", p_mut, 2, ret, NULL);
	buf_puts(b, "        unsafe { Self::flex_ptr_mut(self, len).assume_init() }\n    }\n");
	free(ret);

	fam_doc(b, doc_ptr);
	buf_puts(b, "    #[inline]\n");
	ret = xstrfmt("&'unbounded %s", dty);
	fam_sig(b, "pub unsafe fn flex_ptr<'unbounded>", p_ptr, 2, ret, NULL);
	buf_printf(b, "        unsafe { &*%s::ptr::from_raw_parts(ptr as *const (), len) }\n    }\n", S);
	free(ret);

	fam_doc(b, doc_ptr_mut);
	buf_puts(b, "    #[inline]\n");
	ret = xstrfmt("%s::mem::MaybeUninit<&'unbounded mut %s>", S, dty);
	fam_sig(b, "pub unsafe fn flex_ptr_mut<'unbounded>", p_ptr_mut, 2, ret, NULL);
	fam_uninit(b, S, dty);
	buf_puts(b, "    }\n");
	free(ret);
}

/* "impl TY {" (or "impl TY {}" when empty), broken as rustfmt breaks a
 * long inherent impl's head. */
static void fam_impl_open(struct buf *b, const char *ty, bool empty)
{
	if (strlen("impl  {}") + strlen(ty) <= MAX_WIDTH)
		buf_printf(b, "impl %s {%s\n", ty, empty ? "}" : "");
	else
		buf_printf(b, "impl\n    %s\n{%s\n", ty, empty ? "}" : "");
}

/* bindgen's generate_flexarray (codegen/mod.rs): impl NAME<[T]> with
 * layout(len), fixed and fixed_mut, and impl NAME<[T; 0]> with flex_ref,
 * flex_ref_mut, flex_ptr and flex_ptr_mut. The methods need nightly Rust
 * (ptr_metadata, layout_for_ptr): for any other --rust-target both impls
 * are empty, as bindgen writes them. */
void emit_flexarray_impls(struct ctx *c, struct buf *b, const struct item *it, const char *elem)
{
	const char *S = std_prefix(c);
	char *dty = xstrfmt("%s<[%s]>", it->name, elem);
	char *zty = xstrfmt("%s<[%s; 0]>", it->name, elem);
	bool nightly = rust_has(c->opt, RUST_PTR_METADATA);
	fam_impl_open(b, dty, !nightly);
	if (nightly) {
		buf_printf(b,
			   "    pub fn layout(len: usize) -> %s::alloc::Layout {\n"
			   "        unsafe {\n"
			   "            let p: *const Self = %s::ptr::from_raw_parts(%s::ptr::null::<()>(), "
			   "len);\n"
			   "            %s::alloc::Layout::for_value_raw(p)\n"
			   "        }\n"
			   "    }\n",
			   S, S, S, S);
		fam_fixed(b, zty, false);
		fam_fixed(b, zty, true);
		buf_puts(b, "}\n");
	}
	fam_impl_open(b, zty, !nightly);
	if (nightly) {
		fam_sized_methods(b, S, dty);
		buf_puts(b, "}\n");
	}
	free(dty);
	free(zty);
}
