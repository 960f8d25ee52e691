/* parse_constfn.c — integer macros as Rust const fns (--wrap-fn-macros).
 * A function-like macro that is no forwarding macro is instantiated in a
 * unit of its own, after the header, with int parameters:
 *
 *     static void __h2rs_cfN(int __h2rs_p0, int __h2rs_p1) { NAME(__h2rs_p0, __h2rs_p1); }
 *
 * If clang takes that and the statement is an integer expression built
 * only of the parameters, literals, enumerators, sizeof/_Alignof, casts
 * to integer types and C's arithmetic, bitwise, shift, comparison,
 * logical and ?: operators, the expression's AST (clang's, with its
 * implicit conversions) is written as the body of a Rust const fn: every
 * conversion as an 'as' cast (two's complement, as gcc), +, -, *, /, %,
 * << and >> as wrapping operations (what gcc computes wherever C defines
 * the result), comparisons and logical operators as int 0 or 1. The rule
 * for the parameter types is C's for an untyped argument: int (i32); the
 * result is the expression's C type. Operator kinds need libclang 17. */
#include "parse.h"

#include <stdlib.h>
#include <string.h>

struct cf_fn {
	struct parser *p;
	const struct fwd_macro *m;
	unsigned used;      /* parameters the body refers to (bit k) */
	const char *why;    /* why not, once known */
};

/* The Rust integer type of a C type, or NULL. */
static const char *rust_int(CXType t)
{
	t = clang_getCanonicalType(t);
	if (t.kind == CXType_Enum)
		t = clang_getCanonicalType(clang_getEnumDeclIntegerType(clang_getTypeDeclaration(t)));
	long long size = clang_Type_getSizeOf(t);
	switch (t.kind) {
	case CXType_Char_U: case CXType_UChar: return "u8";
	case CXType_Char_S: case CXType_SChar: return "i8";
	case CXType_Short: return "i16";
	case CXType_UShort: return "u16";
	case CXType_Int: return "i32";
	case CXType_UInt: return "u32";
	case CXType_Long: return size == 4 ? "i32" : "i64";
	case CXType_ULong: return size == 4 ? "u32" : "u64";
	case CXType_LongLong: return "i64";
	case CXType_ULongLong: return "u64";
	default: return NULL;
	}
}

struct kids {
	CXCursor v[4]; /* the first children */
	CXCursor last; /* the last one */
	int n;         /* all of them */
};

static enum CXChildVisitResult collect(CXCursor c, CXCursor parent, CXClientData d)
{
	struct kids *k = d;
	if (k->n < 4)
		k->v[k->n] = c;
	k->last = c;
	k->n++;
	return CXChildVisit_Continue;
}

/* The children that are expressions (a cast's TypeRef left out). */
static struct kids expr_kids(CXCursor c)
{
	struct kids all = {0}, k = {0};
	clang_visitChildren(c, collect, &all);
	for (int i = 0; i < all.n && i < 4; i++)
		if (clang_isExpression(clang_getCursorKind(all.v[i])))
			k.v[k.n++] = all.v[i];
	if (all.n > 4)
		k.n = 5; /* more than a node of ours has */
	return k;
}

static char *tr(struct cf_fn *f, CXCursor c);

/* A constant clang evaluates (literals, sizeof), as a literal of type ty. */
static char *literal(struct cf_fn *f, CXCursor c, const char *ty)
{
	CXEvalResult ev = clang_Cursor_Evaluate(c);
	if (!ev || clang_EvalResult_getKind(ev) != CXEval_Int) {
		if (ev)
			clang_EvalResult_dispose(ev);
		f->why = "clang does not evaluate one of its constants";
		return NULL;
	}
	char *s = clang_EvalResult_isUnsignedInt(ev)
			  ? xstrfmt("%llu%s", clang_EvalResult_getAsUnsigned(ev), ty)
			  : xstrfmt("(%lld%s)", clang_EvalResult_getAsLongLong(ev), ty);
	clang_EvalResult_dispose(ev);
	return s;
}

static char *ref(struct cf_fn *f, CXCursor c, const char *ty)
{
	CXCursor d = clang_getCursorReferenced(c);
	char *name = cxstr(clang_getCursorSpelling(d));
	int k = -1;
	if (clang_getCursorKind(d) == CXCursor_ParmDecl && sscanf(name, "__h2rs_p%d", &k) == 1 &&
	    k >= 0 && k < f->m->nparams) {
		f->used |= 1u << k;
		return xstrdup(rust_ident(f->m->params[k]));
	}
	if (clang_getCursorKind(d) == CXCursor_EnumConstantDecl)
		return ty[0] == 'u' ? xstrfmt("%llu%s", clang_getEnumConstantDeclUnsignedValue(d), ty)
				    : xstrfmt("(%lld%s)", clang_getEnumConstantDeclValue(d), ty);
	f->why = xstrfmt("it refers to %s, which is neither a parameter nor a constant", name);
	return NULL;
}

/* A conversion (implicit, or a cast to an integer type). */
static char *conversion(struct cf_fn *f, CXCursor c, const char *ty)
{
	struct kids k = expr_kids(c);
	if (clang_getCursorKind(c) == CXCursor_CStyleCastExpr && k.n >= 1) {
		/* the operand is the last child ('(__typeof__(x))(a)' also has
		 * the typeof's expression) */
		struct kids all = {0};
		clang_visitChildren(c, collect, &all);
		k.v[0] = all.last;
		k.n = clang_isExpression(clang_getCursorKind(all.last)) ? 1 : 0;
	}
	if (k.n != 1) {
		f->why = "it uses an expression h2rs does not translate";
		return NULL;
	}
	const char *from = rust_int(clang_getCursorType(k.v[0]));
	char *e = tr(f, k.v[0]);
	if (!e || !from)
		return NULL;
	return strcmp(from, ty) ? xstrfmt("(%s as %s)", e, ty) : e;
}

#if CINDEX_VERSION_MINOR >= 64
static char *unary(struct cf_fn *f, CXCursor c)
{
	struct kids k = expr_kids(c);
	char *e = k.n == 1 ? tr(f, k.v[0]) : NULL;
	if (!e)
		return NULL;
	switch (clang_getCursorUnaryOperatorKind(c)) {
	case CXUnaryOperator_Plus: case CXUnaryOperator_Extension: return e;
	case CXUnaryOperator_Minus: return xstrfmt("%s.wrapping_neg()", e);
	case CXUnaryOperator_Not: return xstrfmt("(!%s)", e);
	case CXUnaryOperator_LNot: return xstrfmt("((%s == 0) as i32)", e);
	default: f->why = "it uses a unary operator that is no constant's"; return NULL;
	}
}

static char *binary(struct cf_fn *f, CXCursor c)
{
	struct kids k = expr_kids(c);
	char *a = k.n == 2 ? tr(f, k.v[0]) : NULL;
	char *b = a ? tr(f, k.v[1]) : NULL;
	if (!b)
		return NULL;
	static const char *const ops[] = {
		[CXBinaryOperator_Mul] = "wrapping_mul", [CXBinaryOperator_Div] = "wrapping_div",
		[CXBinaryOperator_Rem] = "wrapping_rem", [CXBinaryOperator_Add] = "wrapping_add",
		[CXBinaryOperator_Sub] = "wrapping_sub", [CXBinaryOperator_LT] = "<",
		[CXBinaryOperator_GT] = ">", [CXBinaryOperator_LE] = "<=",
		[CXBinaryOperator_GE] = ">=", [CXBinaryOperator_EQ] = "==",
		[CXBinaryOperator_NE] = "!=", [CXBinaryOperator_And] = "&",
		[CXBinaryOperator_Xor] = "^", [CXBinaryOperator_Or] = "|",
		[CXBinaryOperator_LAnd] = "&&", [CXBinaryOperator_LOr] = "||",
	};
	enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
	switch (op) {
	case CXBinaryOperator_Shl: return xstrfmt("%s.wrapping_shl(%s as u32)", a, b);
	case CXBinaryOperator_Shr: return xstrfmt("%s.wrapping_shr(%s as u32)", a, b);
	case CXBinaryOperator_Mul: case CXBinaryOperator_Div: case CXBinaryOperator_Rem:
	case CXBinaryOperator_Add: case CXBinaryOperator_Sub:
		return xstrfmt("%s.%s(%s)", a, ops[op], b);
	case CXBinaryOperator_LT: case CXBinaryOperator_GT: case CXBinaryOperator_LE:
	case CXBinaryOperator_GE: case CXBinaryOperator_EQ: case CXBinaryOperator_NE:
		return xstrfmt("((%s %s %s) as i32)", a, ops[op], b);
	case CXBinaryOperator_And: case CXBinaryOperator_Xor: case CXBinaryOperator_Or:
		return xstrfmt("(%s %s %s)", a, ops[op], b);
	case CXBinaryOperator_LAnd: case CXBinaryOperator_LOr:
		return xstrfmt("((%s != 0 %s %s != 0) as i32)", a, ops[op], b);
	default: f->why = "it assigns, or uses the comma operator"; return NULL;
	}
}
#endif

static char *conditional(struct cf_fn *f, CXCursor c)
{
	struct kids k = expr_kids(c);
	char *q = k.n == 3 ? tr(f, k.v[0]) : NULL;
	char *a = q ? tr(f, k.v[1]) : NULL;
	char *b = a ? tr(f, k.v[2]) : NULL;
	return b ? xstrfmt("(if %s != 0 { %s } else { %s })", q, a, b) : NULL;
}

/* The Rust expression of c, of c's type; NULL (f->why set) if none. */
static char *tr(struct cf_fn *f, CXCursor c)
{
	const char *ty = rust_int(clang_getCursorType(c));
	if (!ty) {
		f->why = "it computes with a type that is no integer (or is _Bool or wider "
			 "than 64 bits)";
		return NULL;
	}
	switch (clang_getCursorKind(c)) {
	case CXCursor_IntegerLiteral: case CXCursor_CharacterLiteral:
	case CXCursor_UnaryExpr: /* sizeof, _Alignof */
		return literal(f, c, ty);
	case CXCursor_ParenExpr: {
		struct kids k = expr_kids(c);
		return k.n == 1 ? tr(f, k.v[0]) : NULL;
	}
	case CXCursor_DeclRefExpr: return ref(f, c, ty);
	case CXCursor_UnexposedExpr: case CXCursor_CStyleCastExpr: return conversion(f, c, ty);
	case CXCursor_ConditionalOperator: return conditional(f, c);
#if CINDEX_VERSION_MINOR >= 64
	case CXCursor_UnaryOperator: return unary(f, c);
	case CXCursor_BinaryOperator: return binary(f, c);
#endif
	case CXCursor_CallExpr:
		f->why = "it calls a function";
		return NULL;
	default: {
		char *k = cxstr(clang_getCursorKindSpelling(clang_getCursorKind(c)));
		f->why = xstrfmt("it uses a %s, which h2rs does not translate", k);
		return NULL;
	}
	}
}

/* The const fn of candidate __h2rs_cfN's statement, or NULL (why set). */
static char *const_fn_text(struct cf_fn *f, CXCursor fn)
{
	struct kids body = {0}, st = {0};
	clang_visitChildren(fn, collect, &body);
	CXCursor blk = body.n ? body.last : clang_getNullCursor();
	if (clang_Cursor_isNull(blk) || clang_getCursorKind(blk) != CXCursor_CompoundStmt)
		return NULL;
	clang_visitChildren(blk, collect, &st);
	if (st.n != 1 || !clang_isExpression(clang_getCursorKind(st.v[0]))) {
		f->why = "it is a statement, not an expression";
		return NULL;
	}
	const char *ret = rust_int(clang_getCursorType(st.v[0]));
	char *e = tr(f, st.v[0]);
	if (!e || !ret)
		return NULL;
	/* a parameter the body names must be used as a value: one under
	 * sizeof, used as a type or as a name (__has_attribute(x)) would make
	 * a function that ignores its argument */
	for (int k = 0; k < f->m->nparams; k++)
		for (int i = 0; i < f->m->ntoks && !(f->used & (1u << k)); i++)
			if (!strcmp(f->m->toks[i], f->m->params[k])) {
				f->why = xstrfmt("its parameter %s is not used as a value (under sizeof, "
						 "as a type or as a name)", f->m->params[k]);
				return NULL;
			}
	struct buf b = {0};
	buf_putc(&b, '(');
	for (int k = 0; k < f->m->nparams; k++)
		buf_printf(&b, "%s%s%s: i32", k ? ", " : "", f->used & (1u << k) ? "" : "_",
			   rust_ident(f->m->params[k]));
	buf_printf(&b, ") -> %s {\n    %s\n}", ret, e);
	return b.p;
}

struct cf_run {
	struct parser *p;
	struct fwd_macro **v;
	int n;
	char **text;  /* candidate i's const fn, or NULL */
	const char **why;
	bool *bad;    /* clang reported an error at candidate i's line */
	unsigned first_line; /* the unit's line of candidate 0 */
};

static enum CXChildVisitResult cf_child(CXCursor cur, CXCursor parent, CXClientData d)
{
	struct cf_run *r = d;
	if (clang_getCursorKind(cur) != CXCursor_FunctionDecl)
		return CXChildVisit_Continue;
	char *name = cxstr(clang_getCursorSpelling(cur));
	int i = -1;
	sscanf(name, "__h2rs_cf%d", &i);
	free(name);
	if (i < 0 || i >= r->n || r->bad[i])
		return CXChildVisit_Continue;
	struct cf_fn f = {.p = r->p, .m = r->v[i]};
	r->text[i] = const_fn_text(&f, cur);
	if (!r->text[i] && f.why)
		r->why[i] = f.why;
	return CXChildVisit_Continue;
}

/* Mark the candidates whose lines clang reports errors at. */
static void mark_errors(struct cf_run *r, CXTranslationUnit tu)
{
	unsigned nd = clang_getNumDiagnostics(tu);
	for (unsigned i = 0; i < nd; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu, i);
		if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error) {
			CXFile file;
			unsigned line;
			clang_getExpansionLocation(clang_getDiagnosticLocation(d), &file, &line, NULL, NULL);
			char *fname = file ? cxstr(clang_getFileName(file)) : NULL;
			if (fname && strstr(fname, "h2rs-constfn.c") && line >= r->first_line &&
			    line < r->first_line + (unsigned)r->n)
				r->bad[line - r->first_line] = true;
			free(fname);
		}
		clang_disposeDiagnostic(d);
	}
}

static void cf_unit(struct cf_run *r)
{
	struct ctx *c = r->p->c;
	struct buf src = {0};
	char *hdr = realpath(c->opt->header, NULL);
	buf_printf(&src, "#include \"%s\"\n", hdr ? hdr : c->opt->header);
	free(hdr);
	r->first_line = 2;
	for (int i = 0; i < r->n; i++) {
		const struct fwd_macro *m = r->v[i];
		buf_printf(&src, "static void __h2rs_cf%d(", i);
		for (int k = 0; k < m->nparams; k++)
			buf_printf(&src, "%sint __h2rs_p%d", k ? ", " : "", k);
		buf_printf(&src, "%s) { %s(", m->nparams ? "" : "void", m->name);
		for (int k = 0; k < m->nparams; k++)
			buf_printf(&src, "%s__h2rs_p%d", k ? ", " : "", k);
		buf_puts(&src, "); }\n");
	}
	struct vec args = {0};
	for (int i = 0; i < c->clang_args.n; i++)
		vec_push(&args, c->clang_args.v[i]);
	vec_push(&args, "-w");
	vec_push(&args, "-ferror-limit=0");
	if (getenv("H2RS_DUMP_MACROS")) {
		char *dump = xstrfmt("%s.constfn.c", getenv("H2RS_DUMP_MACROS"));
		write_file_atomic(dump, src.p, src.len);
		free(dump);
	}
	CXIndex index = clang_createIndex(0, 0);
	struct CXUnsavedFile uf = {"h2rs-constfn.c", src.p, src.len};
	CXTranslationUnit tu = NULL;
	clang_parseTranslationUnit2(index, "h2rs-constfn.c", (const char *const *)args.v, args.n,
				    &uf, 1, CXTranslationUnit_None, &tu);
	if (tu) {
		mark_errors(r, tu);
		clang_visitChildren(clang_getTranslationUnitCursor(tu), cf_child, r);
		clang_disposeTranslationUnit(tu);
	}
	clang_disposeIndex(index);
	free(args.v);
	buf_free(&src);
}

void constfn_infer(struct parser *p, struct fwd_macro **v, const char **why, int n)
{
	struct cf_run r = {.p = p, .v = v, .n = n};
	r.text = xcalloc(n + 1, sizeof *r.text);
	r.why = xcalloc(n + 1, sizeof *r.why);
	r.bad = xcalloc(n + 1, sizeof *r.bad);
	/* if in a const fn: Rust 1.46 */
	bool rust_ok = rust_has(p->c->opt, 46);
	if (CINDEX_VERSION_MINOR >= 64 && rust_ok)
		cf_unit(&r);
	for (int i = 0; i < n; i++) {
		if (r.text[i]) {
			struct item *it = new_item(p, IT_MACRO, v[i]->cur);
			it->order = v[i]->order;
			it->cname = it->name = v[i]->name;
			it->const_fn = r.text[i];
			it->doc = doc_of(p, v[i]->cur);
			continue;
		}
		const char *also = !rust_ok ? "a const fn with if needs --rust-target 1.46"
				   : CINDEX_VERSION_MINOR < 64 ? "integer macros as const fns need libclang 17"
				   : r.bad[i] ? "clang does not take it with int arguments"
				   : r.why[i] ? r.why[i] : "clang gives no expression for it";
		skip_push(&p->c->skipped, v[i]->name,
			  xstrfmt("function-like macro, not wrapped: not forwarding (%s), nor an "
				  "integer expression of int parameters (%s) (--wrap-macro PROTOTYPE "
				  "wraps it at the types you give)", why[i], also));
	}
	free(r.text);
	free(r.why);
	free(r.bad);
}
