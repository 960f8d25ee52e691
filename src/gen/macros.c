/* macros.c — macro constants, evaluated by clang itself.
 *
 * parse.c collected the object-like macros that may be constants. Their
 * definitions go into an extra translation unit, each followed by a
 * declaration initialised from it; clang evaluates the declarations.
 * Under bindgen's rules that unit holds nothing but the macros; in full
 * mode the macros that need the header's types go into a second unit that
 * includes the header. Parsing a unit needs nothing from the main parse but
 * the macro list, so the longest one is parsed on a thread of its own while
 * parse.c reads the declarations (macros_start/macros_finish). */
#include "macros.h"

#include <clang-c/Index.h>
#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Only target-shaping arguments matter for a file of #defines. */
static bool target_arg(const char *a)
{
	static const char *const prefixes[] = {"--target=", "-target", "-m32", "-m64", "-mx32",
					       "-funsigned-char", "-fsigned-char", "-fshort-wchar",
					       "-std=", "-march=", NULL};
	for (int i = 0; prefixes[i]; i++)
		if (!strncmp(a, prefixes[i], strlen(prefixes[i])))
			return true;
	return false;
}


struct eval_walk {
	struct macro_out *out;   /* results */
	struct macro_def **defs; /* macros by index */
	int n;                   /* number of macros */
};

static void set_int_type(struct item *it)
{
	if (it->vunsigned || it->ival >= 0) {
		it->mtype = it->uval <= UINT32_MAX ? "u32" : "u64";
		it->vunsigned = true;
	} else {
		it->mtype = it->ival >= INT32_MIN ? "i32" : "i64";
	}
}

enum CXChildVisitResult macros_first_child(CXCursor c, CXCursor parent, CXClientData d)
{
	*(CXCursor *)d = c;
	return CXChildVisit_Break;
}

static struct item *macro_item(struct macro_def *m)
{
	struct item *it = xcalloc(1, sizeof *it);
	it->kind = IT_MACRO;
	it->cname = it->name = m->name;
	it->file = m->file;
	it->line = m->line;
	it->col = m->col;
	it->order = m->order;
	it->has_value = true;
	return it;
}

/* An integer macro under bindgen's rules: u8 for a character literal,
 * otherwise u32/i32/u64/i64 chosen by the value, which is cexpr's i64
 * (the unit computes in long long: see put_cexpr_body), whatever type C
 * would give it: 0xFFFFFFFFFFFFFFFF is -1, an i32, as in bindgen. */
void macros_push_int(struct macro_out *o, struct macro_def *m, uint64_t u)
{
	struct item *it = macro_item(m);
	it->vkind = m->single_char ? MV_CHAR : MV_INT;
	it->vunsigned = false;
	it->uval = u;
	it->ival = (int64_t)u;
	if (m->single_char) {
		it->mtype = "u8";
		it->uval &= 0xff;
	} else {
		set_int_type(it);
	}
	vec_push(&o->items, it);
}

/* A string macro's value; the check that follows (sizeof) may replace it
 * or drop it. */
static void push_str_macro(struct macro_out *o, struct macro_def *m, CXEvalResult ev)
{
	struct item *it = macro_item(m);
	const char *str = clang_EvalResult_getAsStr(ev);
	it->vkind = MV_STR;
	it->slen = strlen(str) + 1;
	it->sval = xmalloc(it->slen);
	memcpy(it->sval, str, it->slen);
	vec_push(&o->items, it);
}

/* __h2rs_lN = sizeof(MACRO): if it differs from the length of the string
 * just pushed for MACRO, clang's text was cut at an embedded NUL. The
 * bytes h2rs read from the literals (as bindgen's cexpr does) replace it
 * when they have that length and clang's text up to that NUL; otherwise
 * the macro is dropped. */
static void check_str_length(struct macro_out *o, struct macro_def *m, CXEvalResult ev)
{
	struct item *last = o->items.n ? o->items.v[o->items.n - 1] : NULL;
	if (!ev || !last || last->kind != IT_MACRO || last->cname != m->name ||
	    last->vkind != MV_STR || clang_EvalResult_getKind(ev) != CXEval_Int)
		return;
	size_t size = clang_EvalResult_getAsUnsigned(ev), cut = last->slen - 1;
	if (size == last->slen)
		return;
	if (m->str && m->str_len + 1 == size && cut < m->str_len && !m->str[cut] &&
	    !memcmp(m->str, last->sval, cut)) {
		last->sval = xmalloc(size);
		memcpy(last->sval, m->str, m->str_len);
		last->sval[m->str_len] = 0;
		last->slen = size;
		return;
	}
	o->items.n--;
	o->const_lost++;
	skip_push(&o->skipped, m->name, "string constant with an embedded NUL that h2rs cannot read");
}

/* Code point v in UTF-8. */
static void put_utf8(struct buf *out, unsigned long v)
{
	if (v < 0x80) {
		buf_putc(out, (char)v);
		return;
	}
	int n = v < 0x800 ? 2 : v < 0x10000 ? 3 : 4;
	static const unsigned char lead[] = {0, 0, 0xc0, 0xe0, 0xf0};
	buf_putc(out, (char)(lead[n] | v >> (6 * (n - 1))));
	for (int k = n - 2; k >= 0; k--)
		buf_putc(out, (char)(0x80 | ((v >> (6 * k)) & 0x3f)));
}

/* Up to max digits of base (8 or 16) at *q, stopping once the value
 * passes limit; the number of digits read. */
static int escape_digits(const char **q, int base, int max, unsigned long limit, unsigned long *v)
{
	int nd = 0;
	for (; nd < max && *v <= limit; (*q)++, nd++) {
		int d = isdigit((unsigned char)**q) ? **q - '0'
			: base == 16 && isxdigit((unsigned char)**q) ? (**q | 0x20) - 'a' + 10 : -1;
		if (d < 0 || d >= base)
			break;
		*v = *v * (unsigned long)base + (unsigned long)d;
	}
	return nd;
}

/* One escape sequence after its backslash at *pp, as cexpr reads it
 * (literal.rs, escaped_char): the simple escapes, octal and hexadecimal
 * ones (one byte; larger values are errors to clang, so not read here),
 * \u and \U as UTF-8. False for anything else. */
static bool escape_bytes(struct buf *out, const char **pp)
{
	static const char simple[][2] = {{'\'', '\''}, {'"', '"'}, {'?', '?'}, {'\\', '\\'},
					 {'a', '\a'}, {'b', '\b'}, {'f', '\f'}, {'n', '\n'},
					 {'r', '\r'}, {'t', '\t'}, {'v', '\v'}};
	const char *q = *pp;
	unsigned long v = 0;
	for (size_t i = 0; i < sizeof simple / sizeof simple[0]; i++)
		if (*q == simple[i][0]) {
			buf_putc(out, simple[i][1]);
			*pp = q + 1;
			return true;
		}
	if (*q == 'u' || *q == 'U') {
		int want = *q++ == 'u' ? 4 : 8;
		if (escape_digits(&q, 16, want, ~0UL, &v) != want || v > 0x10ffff ||
		    (v >= 0xd800 && v <= 0xdfff))
			return false;
		put_utf8(out, v);
	} else {
		bool hex = *q == 'x';
		q += hex;
		if (!escape_digits(&q, hex ? 16 : 8, hex ? 64 : 3, 0xff, &v) || v > 0xff)
			return false;
		buf_putc(out, (char)v);
	}
	*pp = q;
	return true;
}

bool c_string_bytes(struct buf *out, const char *tok)
{
	if (*tok++ != '"')
		return false;
	while (*tok && *tok != '"') {
		if (*tok != '\\') {
			buf_putc(out, *tok++);
			continue;
		}
		tok++;
		if (!escape_bytes(out, &tok))
			return false;
	}
	return tok[0] == '"' && !tok[1];
}


/* enum { __h2rs_eN = (MACRO) }; → an integer constant of the type clang chose */
static void eval_enum(struct eval_walk *w, CXCursor en)
{
	CXCursor k = clang_getNullCursor();
	clang_visitChildren(en, macros_first_child, &k);
	if (clang_Cursor_isNull(k) || clang_getCursorKind(k) != CXCursor_EnumConstantDecl)
		return;
	CXString sp = clang_getCursorSpelling(k);
	int idx = -1;
	sscanf(clang_getCString(sp), "__h2rs_e%d", &idx);
	clang_disposeString(sp);
	if (idx < 0 || idx >= w->n)
		return;
	struct macro_def *m = w->defs[idx];
	if (clang_isInvalidDeclaration(k)) {
		w->out->not_const++;
		skip_push(&w->out->skipped, m->name, "clang cannot evaluate it as an integer constant");
		return;
	}
	/* the value at the enum's width, extended as its type says */
	CXType it = clang_getCanonicalType(clang_getEnumDeclIntegerType(en));
	bool uns = it.kind == CXType_UInt || it.kind == CXType_ULong || it.kind == CXType_ULongLong ||
		   it.kind == CXType_UChar || it.kind == CXType_UShort || it.kind == CXType_UInt128;
	macros_push_int(w->out, m, uns ? clang_getEnumConstantDeclUnsignedValue(k)
				      : (uint64_t)clang_getEnumConstantDeclValue(k));
}

static enum CXChildVisitResult eval_child(CXCursor cur, CXCursor parent, CXClientData d)
{
	struct eval_walk *w = d;
	if (clang_getCursorKind(cur) == CXCursor_EnumDecl) {
		eval_enum(w, cur);
		return CXChildVisit_Continue;
	}
	if (clang_getCursorKind(cur) != CXCursor_VarDecl)
		return CXChildVisit_Continue;
	CXString sp = clang_getCursorSpelling(cur);
	const char *s = clang_getCString(sp);
	int idx = -1;
	char kind = 0;
	sscanf(s, "__h2rs_%c%d", &kind, &idx);
	clang_disposeString(sp);
	if (idx < 0 || idx >= w->n)
		return CXChildVisit_Continue;
	struct macro_def *m = w->defs[idx];
	CXEvalResult ev = clang_Cursor_Evaluate(cur);
	if (!ev)
		return CXChildVisit_Continue;
	CXEvalResultKind k = clang_EvalResult_getKind(ev);
	if (kind == 'l') {
		check_str_length(w->out, m, ev);
	} else if (k == CXEval_Int && !m->is_string) {
		macros_push_int(w->out, m, clang_EvalResult_getAsUnsigned(ev));
	} else if (k == CXEval_Float && m->is_float) {
		struct item *it = macro_item(m);
		it->vkind = MV_FLOAT;
		it->mtype = "f64";
		it->fval = clang_EvalResult_getAsDouble(ev);
		vec_push(&w->out->items, it);
	} else if (k == CXEval_StrLiteral && m->is_string) {
		push_str_macro(w->out, m, ev);
	} else {
		w->out->not_const++;
		skip_push(&w->out->skipped, m->name, "clang cannot evaluate it as a constant");
	}
	clang_EvalResult_dispose(ev);
	return CXChildVisit_Continue;
}

/* A macro whose whole body is one decimal, octal or hex integer literal
 * (with u/l suffixes) needs no compiler to know its value: strtoull reads
 * it exactly. Everything else goes to clang. */
static bool literal_value(const char *s, uint64_t *v)
{
	if (!isdigit((unsigned char)s[0]) || (s[0] == '0' && (s[1] == 'b' || s[1] == 'B')))
		return false;
	char *end;
	errno = 0;
	*v = strtoull(s, &end, 0);
	if (errno || end == s)
		return false;
	int n = 0;
	for (; *end && n < 3; end++, n++)
		if (!strchr("uUlL", *end))
			return false;
	return *end == 0;
}

/* ---- full mode: every object-like macro, typed as C types it ---- */

struct full_walk {
	struct macro_out *out;   /* results */
	const struct strmap *typedefs; /* the header's typedefs, NULL in a unit without them */
	macro_type_fn *value_type; /* parse.c's typing of a value (ctx->macro_value_type) */
	struct macro_def **defs; /* macros by index */
	int n;                   /* number of macros */
	char **failed;           /* per macro: clang's reason it is not a constant */
};

/* An expression's type, keeping a typedef name an operand has when the
 * result has the same canonical type: (gfp_t)a | (gfp_t)b is a gfp_t (newer
 * libclang reports that itself, libclang 14 reports unsigned int). */
struct sugar_walk {
	CXType want;  /* the canonical type of the whole expression */
	CXType found; /* a typedef'd operand type with that canonical type */
	bool ok;      /* found is set */
};

static CXType sugared_type(CXCursor e);

static enum CXChildVisitResult sugar_child(CXCursor c, CXCursor parent, CXClientData d)
{
	struct sugar_walk *w = d;
	if (!clang_isExpression(clang_getCursorKind(c)))
		return CXChildVisit_Continue;
	CXType t = sugared_type(c);
	if (t.kind == CXType_Typedef && clang_equalTypes(clang_getCanonicalType(t), w->want)) {
		w->found = t;
		w->ok = true;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Continue;
}

static CXType sugared_type(CXCursor e)
{
	CXType t = clang_getCursorType(e);
	enum CXCursorKind k = clang_getCursorKind(e);
	if (t.kind == CXType_Typedef || t.kind == CXType_Elaborated)
		return t;
	if (k != CXCursor_ParenExpr && k != CXCursor_BinaryOperator &&
	    k != CXCursor_UnaryOperator && k != CXCursor_ConditionalOperator)
		return t;
	struct sugar_walk w = {clang_getCanonicalType(t), t, false};
	clang_visitChildren(e, sugar_child, &w);
	return w.ok ? w.found : t;
}

/* The expression child of a variable declaration. */
static enum CXChildVisitResult init_expr(CXCursor c, CXCursor parent, CXClientData d)
{
	if (clang_isExpression(clang_getCursorKind(c))) {
		*(CXCursor *)d = c;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Continue;
}

static enum CXChildVisitResult full_child(CXCursor cur, CXCursor parent, CXClientData d)
{
	struct full_walk *w = d;
	if (clang_getCursorKind(cur) != CXCursor_VarDecl)
		return CXChildVisit_Continue;
	CXString sp = clang_getCursorSpelling(cur);
	int idx = -1;
	char kind = 0;
	sscanf(clang_getCString(sp), "__h2rs_%c%d", &kind, &idx);
	clang_disposeString(sp);
	if (idx < 0 || idx >= w->n || w->failed[idx])
		return CXChildVisit_Continue;
	struct macro_def *m = w->defs[idx];
	CXEvalResult ev = clang_Cursor_Evaluate(cur);
	CXEvalResultKind k = ev ? clang_EvalResult_getKind(ev) : CXEval_UnExposed;
	/* the initialiser's type keeps typedef names (gfp_t) */
	CXCursor init = clang_getNullCursor();
	clang_visitChildren(cur, init_expr, &init);
	CXType vt = clang_Cursor_isNull(init) ? clang_getCursorType(cur) : sugared_type(init);
	if (kind == 'l') {
		check_str_length(w->out, m, ev);
	} else if (k == CXEval_StrLiteral && m->is_string) {
		push_str_macro(w->out, m, ev);
	} else if (k == CXEval_Int || k == CXEval_Float) {
		struct type *t = w->value_type(w->typedefs, &vt);
		if (!t) {
			w->out->const_lost++;
			skip_push(&w->out->skipped, m->name,
				  "its value is not an integer or floating constant");
		} else {
			struct item *it = macro_item(m);
			it->type = t;
			if (k == CXEval_Float) {
				it->vkind = MV_FLOAT;
				it->fval = clang_EvalResult_getAsDouble(ev);
			} else {
				it->vkind = MV_INT;
				it->vunsigned = clang_EvalResult_isUnsignedInt(ev);
				it->uval = clang_EvalResult_getAsUnsigned(ev);
				it->ival = clang_EvalResult_getAsLongLong(ev);
			}
			vec_push(&w->out->items, it);
		}
	} else {
		/* no error, yet no integer, float or string: an address constant */
		w->out->const_lost++;
		skip_push(&w->out->skipped, m->name,
			  "a constant, but not an integer, floating or string one (an address?)");
	}
	if (ev)
		clang_EvalResult_dispose(ev);
	return CXChildVisit_Continue;
}

/* One full-mode evaluation unit: the macros for which self_contained !=
 * with_header, in one more translation unit: with the header first (for
 * macros that name its types, enumerators or function-like macros), or
 * with nothing but the #defines of self-contained macros (cheap). One
 * variable per macro, initialised from it; clang types and evaluates
 * each, and a macro that is not a constant expression gets clang's own
 * error as the reason. unit_parse needs only the macro list (it may run
 * on a thread of its own); unit_eval may need the header's typedefs. */
struct unit {
	bool with_header;      /* includes the header */
	CXIndex index;         /* its own index (one per thread) */
	CXTranslationUnit tu;  /* the parsed unit, NULL if none */
	int first, line;       /* lines [first, line) hold the variables */
	int *line_macro;       /* line - first → macro index */
};

static void unit_parse(const struct ctx *c, struct unit *u)
{
	struct macro_def **defs = (struct macro_def **)c->macros.v;
	int n = c->macros.n;
	struct buf src = {0};
	if (u->with_header) {
		char *hdr = realpath(c->opt->header, NULL);
		buf_printf(&src, "#include \"%s\"\n", hdr ? hdr : c->opt->header);
		free(hdr);
	} else {
		for (int i = 0; i < n; i++)
			if (defs[i]->self_contained)
				buf_printf(&src, "#define %s %s\n", defs[i]->name, defs[i]->body);
	}
	/* a body may hold a backslash-newline inside a string literal */
	int line = 1;
	for (size_t k = 0; k < src.len; k++)
		line += src.p[k] == '\n';
	int first = line, nvars = 0;
	u->line_macro = xcalloc(2 * n + 2, sizeof(int));
	for (int i = 0; i < n; i++) {
		if (defs[i]->self_contained == u->with_header)
			continue;
		if (defs[i]->is_string) {
			buf_printf(&src, "static const char *const __h2rs_m%d = %s;\n", i, defs[i]->name);
			u->line_macro[line++ - first] = i;
			buf_printf(&src, "static const unsigned long __h2rs_l%d = sizeof(%s);\n", i,
				   defs[i]->name);
		} else {
			buf_printf(&src, "static const __auto_type __h2rs_m%d = (%s);\n", i,
				   defs[i]->name);
		}
		u->line_macro[line++ - first] = i;
		nvars++;
	}
	u->first = first;
	u->line = line;
	if (!nvars) {
		buf_free(&src);
		return;
	}
	struct vec args = {0};
	for (int i = 0; i < c->clang_args.n; i++) {
		const char *a = c->clang_args.v[i];
		if (u->with_header || target_arg(a)) {
			vec_push(&args, (void *)a);
			if (!u->with_header && !strcmp(a, "-target") && i + 1 < c->clang_args.n)
				vec_push(&args, c->clang_args.v[++i]);
		}
	}
	/* no warnings, but a shift by the operand's width or more (no value
	 * in C: gcc folds 1 << 63 to 0, clang to 1 << 31) is an error, so the
	 * macro is skipped with clang's words */
	vec_push(&args, "-Wno-everything");
	vec_push(&args, "-Werror=shift-count-overflow");
	vec_push(&args, "-Werror=shift-count-negative");
	vec_push(&args, "-ferror-limit=0");
	if (getenv("H2RS_DUMP_MACROS")) {
		char *dump = xstrfmt("%s.%c.c", getenv("H2RS_DUMP_MACROS"), u->with_header ? 'b' : 'a');
		write_file_atomic(dump, src.p, src.len);
		free(dump);
	}
	struct CXUnsavedFile uf = {"h2rs-eval.c", src.p, src.len};
	clang_parseTranslationUnit2(u->index, "h2rs-eval.c", (const char *const *)args.v, args.n,
				    &uf, 1, CXTranslationUnit_SkipFunctionBodies, &u->tu);
	free(args.v);
	buf_free(&src);
	if (!u->tu)
		warning("could not evaluate macro constants (libclang refused the evaluation unit)");
}

static void unit_eval(const struct ctx *c, struct unit *u, struct macro_out *out)
{
	struct macro_def **defs = (struct macro_def **)c->macros.v;
	int n = c->macros.n;
	if (!u->tu)
		goto out;
	struct full_walk w = {out, u->with_header ? &c->typedefs : NULL, c->macro_value_type, defs,
			      n, xcalloc(n, sizeof(char *))};
	unsigned nd = clang_getNumDiagnostics(u->tu);
	for (unsigned i = 0; i < nd; i++) {
		CXDiagnostic dg = clang_getDiagnostic(u->tu, i);
		if (clang_getDiagnosticSeverity(dg) >= CXDiagnostic_Error) {
			CXFile f;
			unsigned l;
			clang_getExpansionLocation(clang_getDiagnosticLocation(dg), &f, &l, NULL, NULL);
			CXString fn = clang_getFileName(f);
			const char *fs = clang_getCString(fn);
			if (fs && !strcmp(fs, "h2rs-eval.c") && l >= (unsigned)u->first &&
			    l < (unsigned)u->line) {
				int mi = u->line_macro[l - u->first];
				if (!w.failed[mi]) {
					out->not_const++;
					CXString s = clang_getDiagnosticSpelling(dg);
					w.failed[mi] = xstrdup(clang_getCString(s));
					clang_disposeString(s);
					skip_push(&out->skipped, defs[mi]->name,
						  xstrfmt("not a constant expression (clang: %s)",
							  w.failed[mi]));
				}
			}
			clang_disposeString(fn);
		}
		clang_disposeDiagnostic(dg);
	}
	clang_visitChildren(clang_getTranslationUnitCursor(u->tu), full_child, &w);
	clang_disposeTranslationUnit(u->tu);
	u->tu = NULL;
	free(w.failed);
out:
	free(u->line_macro);
	u->line_macro = NULL;
}

/* A pp-number at s: its length, and whether it is an integer literal. */
static size_t pp_number(const char *s, bool *is_int)
{
	bool hex = s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
	size_t n = 0;
	*is_int = true;
	while (isalnum((unsigned char)s[n]) || s[n] == '_' || s[n] == '.' ||
	       ((s[n] == '+' || s[n] == '-') && n && strchr(hex ? "pP" : "eE", s[n - 1]))) {
		if (s[n] == '.' || strchr(hex ? "pP" : "eE", s[n]))
			*is_int = false;
		n++;
	}
	return n;
}

/* A body under bindgen's rules with each integer literal cast to long
 * long: clang then computes as cexpr does (expr.rs), in i64 with wrapping
 * (1 << 63 is i64::MIN; - (1ULL << 15) is -32768; a literal above
 * i64::MAX is its bit pattern), and a floating literal without its width
 * suffix (f64). Everything else is copied as it is. */
static void put_cexpr_body(struct buf *b, const char *s)
{
	while (*s) {
		if (*s == '"' || *s == '\'') {
			const char *e = s + 1;
			while (*e && *e != *s)
				e += e[0] == '\\' && e[1] ? 2 : 1;
			e += *e != 0;
			buf_putn(b, s, (size_t)(e - s));
			s = e;
		} else if (isalpha((unsigned char)*s) || *s == '_') {
			size_t n = 1;
			while (isalnum((unsigned char)s[n]) || s[n] == '_')
				n++;
			buf_putn(b, s, n);
			s += n;
		} else if (isdigit((unsigned char)*s) || (*s == '.' && isdigit((unsigned char)s[1]))) {
			bool is_int;
			size_t n = pp_number(s, &is_int);
			if (is_int)
				buf_printf(b, "((long long)%.*s)", (int)n, s);
			else /* cexpr reads 5.09f as the double 5.09 */
				buf_putn(b, s, n - (n > 1 && strchr("fFlL", s[n - 1])));
			s += n;
		} else {
			buf_putc(b, *s++);
		}
	}
}

/* Whether two constants of one macro have the same value. */
static bool same_value(const struct item *a, const struct item *b)
{
	if (a->vkind != b->vkind)
		return false;
	switch (a->vkind) {
	case MV_INT: return a->uval == b->uval;
	case MV_FLOAT: return a->fval == b->fval;
	case MV_STR: return a->slen == b->slen && !memcmp(a->sval, b->sval, a->slen);
	default: return true;
	}
}

/* " (VALUE)" of an integer constant, for a message; "" for others. */
static const char *value_text(const struct item *it)
{
	if (it->vkind != MV_INT)
		return "";
	return it->vunsigned || it->ival >= 0 ? xstrfmt(" (%llu)", (unsigned long long)it->uval)
					       : xstrfmt(" (%lld)", (long long)it->ival);
}

/* Bindgen's rules: of the constants of one name (a macro defined more than
 * once), only the first definition's, with a note naming the later ones
 * (bindgen warns "duplicated macro" the same way). Where the last
 * definition's value differs from the emitted one, C and the output
 * disagree: that is a warning, never silent. */
static void first_definitions(struct macro_out *out)
{
	struct strmap first = {0}, last = {0};
	int kept = 0;
	for (int i = 0; i < out->items.n; i++) {
		struct item *it = out->items.v[i];
		struct item *f = strmap_get(&first, it->name), *l = strmap_get(&last, it->name);
		if (!l || it->order > l->order)
			strmap_put(&last, it->name, it);
		/* literals were pushed before the others: compare orders */
		if (!f || it->order < f->order)
			strmap_put(&first, it->name, it);
	}
	for (int i = 0; i < out->items.n; i++) {
		struct item *it = out->items.v[i];
		if (strmap_get(&first, it->name) == it) {
			out->items.v[kept++] = it;
			struct item *l = strmap_get(&last, it->name);
			if (l != it && !same_value(it, l))
				vec_push(&out->warnings,
					 xstrfmt("%s:%u:%u: macro %s is redefined at %s:%u: bindgen's "
						 "rules emit the first value%s, C has the last "
						 "definition's%s (--macro-constants full emits that)",
						 it->file, it->line, it->col, it->name, l->file, l->line,
						 value_text(it), value_text(l)));
			continue;
		}
		skip_push(&out->skipped, it->name,
			  xstrfmt("macro redefined at %s:%u: the first definition is emitted "
				  "(as bindgen does); the later one's value is what later macros see",
				  it->file, it->line));
	}
	/* the dropped ones stay allocated: the warnings above read them */
	out->items.n = kept;
	strmap_free(&first);
	strmap_free(&last);
}

/* Bindgen's rules: every eligible macro in one unit of #defines, each
 * evaluated where it stands, as cexpr evaluates a macro with the values of
 * the macros before it (a redefined name is #undef'd first). */
void macros_eval_bindgen(const struct ctx *c, void *index, struct macro_out *out)
{
	struct buf src = {0};
	struct macro_def **defs = (struct macro_def **)c->macros.v;
	int n = c->macros.n;
	uint64_t v;
	/* Integer constants become enumerators: clang gives each anonymous
	 * enum the type its value needs, and reading an enumerator's value is
	 * far cheaper than evaluating a variable. Floats and strings need a
	 * variable. */
	for (int i = 0; i < n; i++) {
		bool literal = defs[i]->single_token && literal_value(defs[i]->body, &v);
		if (defs[i]->referenced || !literal) {
			if (defs[i]->redefines)
				buf_printf(&src, "#undef %s\n", defs[i]->name);
			buf_printf(&src, "#define %s ", defs[i]->name);
			put_cexpr_body(&src, defs[i]->body);
			buf_putc(&src, '\n');
		}
		if (literal) {
			struct item *it = macro_item(defs[i]);
			it->vkind = MV_INT;
			it->uval = v;
			it->ival = (int64_t)v; /* cexpr's i64 */
			set_int_type(it);
			vec_push(&out->items, it);
			continue;
		}
		if (defs[i]->is_string)
			buf_printf(&src,
				   "static const char *const __h2rs_m%d = %s;\n"
				   "static const unsigned long __h2rs_l%d = sizeof(%s);\n",
				   i, defs[i]->name, i, defs[i]->name);
		else if (defs[i]->is_float)
			buf_printf(&src, "static const double __h2rs_m%d = (%s);\n", i, defs[i]->name);
		else
			buf_printf(&src, "enum { __h2rs_e%d = (%s) };\n", i, defs[i]->name);
	}
	struct vec args = {0};
	for (int i = 0; i < c->clang_args.n; i++) {
		const char *a = c->clang_args.v[i];
		if (target_arg(a)) {
			vec_push(&args, (void *)a);
			if (!strcmp(a, "-target") && i + 1 < c->clang_args.n)
				vec_push(&args, c->clang_args.v[++i]);
		}
	}
	vec_push(&args, "-w");
	if (getenv("H2RS_DUMP_MACROS"))
		write_file_atomic(getenv("H2RS_DUMP_MACROS"), src.p, src.len);
	struct CXUnsavedFile uf = {"h2rs-macros.c", src.p, src.len};
	CXTranslationUnit tu = NULL;
	clang_parseTranslationUnit2(index, "h2rs-macros.c", (const char *const *)args.v, args.n,
				    &uf, 1, CXTranslationUnit_None, &tu);
	if (tu) {
		struct eval_walk w = {out, defs, n};
		clang_visitChildren(clang_getTranslationUnitCursor(tu), eval_child, &w);
		clang_disposeTranslationUnit(tu);
		first_definitions(out);
	} else {
		warning("could not evaluate macro constants (libclang refused the helper unit)");
	}
	buf_free(&src);
	free(args.v);
}

/* A unit's work on a thread of its own. Each reads only the options and
 * the macro list, which nothing changes meanwhile, and writes only to
 * itself. Bindgen's rules: the one unit, evaluated there too. Full mode:
 * the unit without the header is evaluated there; the one with it is only
 * parsed there (its evaluation needs the declaration walk's typedefs). */
struct job {
	const struct ctx *c;   /* the run */
	struct unit unit;      /* full mode: the unit */
	struct macro_out out;  /* what the unit produced */
	double seconds;        /* how long it took (--time-phases) */
	pthread_t thread;      /* the thread, if started */
	bool threaded;         /* thread is running or joinable */
};

struct macro_job {
	struct job self_contained; /* bindgen's unit, or full mode's unit without the header */
	struct job with_header;    /* full mode: the unit with the header */
};

static void *run_job(void *arg)
{
	struct job *j = arg;
	double t = now_seconds();
	if (!j->c->opt->macros_full) {
		macros_eval_bindgen(j->c, j->unit.index, &j->out);
	} else {
		unit_parse(j->c, &j->unit);
		if (!j->unit.with_header)
			unit_eval(j->c, &j->unit, &j->out);
	}
	j->seconds = now_seconds() - t;
	return NULL;
}

/* The job on a thread of its own if own_thread; without one (resource
 * limits, H2RS_THREADS=1), the same work in line. */
static void start_job(struct ctx *c, struct job *j, bool with_header, bool own_thread)
{
	j->c = c;
	j->unit.with_header = with_header;
	j->unit.index = clang_createIndex(0, 0);
	j->threaded = own_thread && !c->opt->one_thread &&
		      pthread_create(&j->thread, NULL, run_job, j) == 0;
	if (!j->threaded)
		run_job(j);
}

static void finish_job(struct ctx *c, struct job *j, const char *what)
{
	double t = now_seconds();
	if (j->threaded)
		pthread_join(j->thread, NULL);
	if (c->opt->time_phases)
		fprintf(stderr, "h2rs: time: (%s: %.1f ms%s; waited %.1f ms)\n", what,
			j->seconds * 1e3, j->threaded ? " on its own thread" : "",
			(now_seconds() - t) * 1e3);
}

struct macro_job *macros_start(struct ctx *c)
{
	if (!c->macros.n)
		return NULL;
	struct macro_job *j = xcalloc(1, sizeof *j);
	/* the longest piece first: in full mode the parse of the header again */
	if (c->opt->macros_full)
		start_job(c, &j->with_header, true, true);
	else
		start_job(c, &j->self_contained, false, true);
	return j;
}

void macros_add_out(struct ctx *c, struct macro_out *o)
{
	for (int i = 0; i < o->items.n; i++)
		vec_push(&c->items, o->items.v[i]);
	for (int i = 0; i < o->skipped.n; i++)
		skip_push(&c->skipped, o->skipped.v[i].name, o->skipped.v[i].why);
	c->n_macro_not_const += o->not_const;
	c->n_macro_const_lost += o->const_lost;
	for (int i = 0; i < o->warnings.n; i++)
		warning("%s", (const char *)o->warnings.v[i]);
	free(o->warnings.v);
	free(o->items.v);
	free(o->skipped.v);
}

void macros_finish(struct ctx *c, struct macro_job *j)
{
	if (!j)
		return;
	if (c->opt->macros_full) {
		/* the unit without the header here, while the thread parses */
		start_job(c, &j->self_contained, false, false);
		finish_job(c, &j->self_contained, "macro unit without the header");
		finish_job(c, &j->with_header, "macro unit with the header, parsed");
		unit_eval(c, &j->with_header.unit, &j->with_header.out);
		clang_disposeIndex(j->with_header.unit.index);
	} else {
		finish_job(c, &j->self_contained, "macro unit");
	}
	clang_disposeIndex(j->self_contained.unit.index);
	macros_add_out(c, &j->self_contained.out);
	macros_add_out(c, &j->with_header.out);
	free(j);
}
