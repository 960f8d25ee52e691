/* parse_macro.c — macros, collected during the walk (evaluated in
 * macros.c). */
#include "parse.h"

#include <clang-c/Documentation.h>
#include <clang-c/Index.h>
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>

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

/* The open brackets of a macro body so far, innermost last (beyond
 * sizeof open only counted). */
struct brackets {
	char open[64]; /* the closer each open bracket needs */
	int depth;     /* open brackets */
};

/* One punctuation token T of a macro body: track its (), [] and {}. False
 * when T closes what is not open: the body cannot be an expression on its
 * own. An unbalanced body must not reach the evaluation unit, where an
 * open bracket would swallow the variables of every later macro. */
static bool bracket_step(struct brackets *b, const char *t)
{
	static const char pairs[] = "()[]{}";
	/* a token's spelling keeps a line continuation it spans ("\\\n}") */
	while (t[0] == '\\' && (t[1] == '\n' || (t[1] == '\r' && t[2] == '\n')))
		t += t[1] == '\n' ? 2 : 3;
	const char *q = t[0] && !t[1] ? strchr(pairs, t[0]) : NULL;
	if (!q)
		return true;
	if ((q - pairs) % 2 == 0) {
		if (b->depth < (int)sizeof b->open)
			b->open[b->depth] = q[1];
		b->depth++;
		return true;
	}
	if (b->depth == 0)
		return false;
	b->depth--;
	return b->depth >= (int)sizeof b->open || b->open[b->depth] == q[0];
}

/* The eligible macro NAME's entry. In full mode a new one, or the earlier
 * definition's (the last definition wins, as in C at the header's end).
 * Under bindgen's rules every definition has its own, evaluated where it
 * stands; the first one that evaluates is emitted (bindgen's parse_macro
 * skips a name it has parsed as a duplicate) while a later one is what the
 * macros after it see (its value is noted all the same). Both are marked
 * referenced, so the evaluation unit #defines each in turn. */
static struct macro_def *macro_entry(struct parser *p, char **name)
{
	struct macro_def *m = find_macro(p, *name);
	if (m && p->c->opt->macros_full) {
		free(*name);
		*name = (char *)m->name;
		return m;
	}
	struct macro_def *n = xcalloc(1, sizeof *n);
	if (m) {
		free(*name);
		*name = (char *)m->name;
		m->referenced = n->referenced = n->redefines = true;
	} else {
		strmap_put(&p->macro_names, *name, n);
	}
	vec_push(&p->c->macros, n);
	return n;
}

/* A macro that may be a constant: in full mode any object-like macro, under
 * bindgen's rules one that cexpr evaluates. Comments in the body are left
 * out (cexpr_tokens in bindgen's clang.rs does the same). */
/* Whether the source text of the cursor's extent holds "::" (a cheap
 * filter: macro_colon_closure reads the tokens only if some macro has). */
static bool text_has_colons(struct parser *p, CXCursor cur)
{
	CXSourceRange r = clang_getCursorExtent(cur);
	CXFile f, g;
	unsigned a, b;
	clang_getFileLocation(clang_getRangeStart(r), &f, NULL, NULL, &a);
	clang_getFileLocation(clang_getRangeEnd(r), &g, NULL, NULL, &b);
	size_t size;
	const char *text = f && clang_File_isEqual(f, g) ? clang_getFileContents(p->tu, f, &size) : NULL;
	if (!text || b <= a || b > size)
		return false;
	return memmem(text + a, b - a, "::", 2) != NULL;
}

/* A function-like macro: no constant, and never passed over silently;
 * Rust can call it only through a wrapper typed by the user. */
static void note_fn_macro(struct parser *p, CXCursor cur)
{
	char *n = cxstr(clang_getCursorSpelling(cur));
	p->colon_fn = p->colon_fn || text_has_colons(p, cur);
	const struct options *o = p->c->opt;
	bool fwd = o->wrap_fn_macros || o->explain || o->verbose || o->stats;
	if (o->wrap_macros.n || fwd)
		strmap_put(&p->c->fn_macros, n, n);
	if (fwd && !strmap_get(&p->wrapped, n) && !clang_Cursor_isMacroBuiltin(cur))
		fwd_note_macro(p, cur, p->c->next_order); /* parse_fwd.c tells why not */
	else if (!strmap_get(&p->wrapped, n))
		skip_push(&p->c->skipped, n,
			  "function-like macro: not emitted; Rust can call it through a C "
			  "wrapper typed by its prototype (--wrap-macro PROTOTYPE)");
}

/* Read the body tokens toks[1..n) into sc under the mode's rules; false
 * if its brackets do not pair up. */
static bool scan_macro_body(struct parser *p, struct macro_scan *sc, CXToken *toks, unsigned n)
{
	bool full = p->c->opt->macros_full;
	struct brackets br = {.depth = 0};
	bool balanced = true;
	for (unsigned i = 1; i < n && sc->ok; i++) {
		enum CXTokenKind tk = clang_getTokenKind(toks[i]);
		if (tk == CXToken_Comment)
			continue;
		CXString s = clang_getTokenSpelling(p->tu, toks[i]);
		const char *t = clang_getCString(s);
		if (full)
			scan_full(sc, tk, t);
		else
			scan_bindgen(sc, tk, t);
		/* C has no '::' outside [[attributes]]: no constant, and libclang
		 * 19 never returns from '(::' in an expression (the units wrap
		 * each body in brackets) */
		if (tk == CXToken_Punctuation && !strcmp(t, "::")) {
			sc->ok = false;
			if (!strmap_get(&p->colon_names, sc->name))
				strmap_put(&p->colon_names, xstrdup(sc->name), p);
		}
		sc->nvals += strcmp(t, "(") && strcmp(t, ")");
		if (tk == CXToken_Punctuation && !bracket_step(&br, t))
			sc->ok = false, balanced = false;
		if (sc->ok) {
			if (sc->body->len)
				buf_putc(sc->body, ' ');
			buf_puts(sc->body, t);
		}
		clang_disposeString(s);
	}
	return balanced && !(sc->ok && br.depth);
}

/* A macro that is no constant under the mode's rules: counted, with why. */
static void reject_macro(struct parser *p, struct macro_scan *sc, const char *name,
			 const char *why)
{
	if (!find_macro(p, name))
		p->c->n_macro_not_const++;
	skip_push(&p->c->skipped, name, why);
	buf_free(&sc->str);
}

/* The name's object-like macro table entries: for the layout probes
 * (field names that are macros) and the statistics. */
static void note_object_macro(struct parser *p, const char *name)
{
	const struct options *o = p->c->opt;
	if ((o->layout_probe || o->check_cc || o->wrap_macros.n) &&
	    !strmap_get(&p->c->object_macros, name)) {
		char *key = xstrdup(name);
		strmap_put(&p->c->object_macros, key, key);
	}
	if ((o->verbose || o->stats) && !strmap_get(&p->seen_macros, name)) {
		p->c->n_obj_macros++; /* unique names, for the statistics */
		strmap_put(&p->seen_macros, xstrdup(name), p);
	}
}

void read_macro(struct parser *p, CXCursor cur)
{
	if (clang_Cursor_isMacroBuiltin(cur))
		return;
	if (clang_Cursor_isMacroFunctionLike(cur)) {
		note_fn_macro(p, cur);
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
	bool balanced = scan_macro_body(p, &sc, toks, n);
	clang_disposeTokens(p->tu, toks, n);
	note_object_macro(p, name);
	if (!balanced) {
		reject_macro(p, &sc, name, "macro's brackets are unbalanced: not an expression on its own");
		return;
	}
	if (full && sc.has_str && sc.has_other)
		sc.has_str = false; /* e.g. "a" "b" with a macro: clang types it */
	if (!full && sc.nchars && sc.nvals > 1)
		sc.ok = false; /* 'a' + 1: cexpr has no arithmetic on characters */
	if (!sc.ok || (!full && sc.has_str && sc.has_other)) {
		reject_macro(p, &sc, name,
			     "macro is not a literal or arithmetic on such macros (bindgen rules)");
		return;
	}
	struct macro_def *m = macro_entry(p, &name);
	m->name = name;
	m->body = xstrdup(buf_str(sc.body));
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
void note_fallback_macro(struct parser *p, CXCursor cur)
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
		if (k == CXToken_Punctuation && !strcmp(t, "::"))
			m->colons = true;
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

/* A macro definition's name and the identifiers of its body. */
struct colon_refs {
	char *name;
	char **idents;
	unsigned n;
};

static enum CXChildVisitResult collect_refs(CXCursor cur, CXCursor parent, CXClientData d)
{
	(void)parent;
	struct { struct parser *p; struct vec *v; } *w = d;
	if (clang_getCursorKind(cur) != CXCursor_MacroDefinition || clang_Cursor_isMacroBuiltin(cur))
		return CXChildVisit_Continue;
	CXToken *toks;
	unsigned n;
	clang_tokenize(w->p->tu, clang_getCursorExtent(cur), &toks, &n);
	if (n < 2) {
		clang_disposeTokens(w->p->tu, toks, n);
		return CXChildVisit_Continue;
	}
	struct colon_refs *r = xcalloc(1, sizeof *r);
	r->name = cxstr(clang_getTokenSpelling(w->p->tu, toks[0]));
	r->idents = xcalloc(n, sizeof *r->idents);
	for (unsigned i = 1; i < n; i++) {
		enum CXTokenKind k = clang_getTokenKind(toks[i]);
		if (k != CXToken_Identifier && k != CXToken_Punctuation)
			continue;
		char *t = cxstr(clang_getTokenSpelling(w->p->tu, toks[i]));
		if (k == CXToken_Punctuation && !strcmp(t, "::") &&
		    !strmap_get(&w->p->colon_names, r->name))
			strmap_put(&w->p->colon_names, xstrdup(r->name), w->p);
		if (k == CXToken_Identifier)
			r->idents[r->n++] = t;
		else
			free(t);
	}
	clang_disposeTokens(w->p->tu, toks, n);
	vec_push(w->v, r);
	return CXChildVisit_Continue;
}

/* Drop the eligible macro entries of the names in colon_names, each with
 * its reason. */
static void drop_colon_macros(struct parser *p)
{
	struct vec *v = &p->c->macros;
	int kept = 0;
	for (int i = 0; i < v->n; i++) {
		struct macro_def *m = v->v[i];
		if (!strmap_get(&p->colon_names, m->name)) {
			v->v[kept++] = m;
			continue;
		}
		skip_push(&p->c->skipped, m->name,
			  "macro is or expands to a '::' token (another definition or a macro it "
			  "names): no C constant; not evaluated (libclang 19 never returns from '(::')");
	}
	v->n = kept;
	for (int i = 0; i < p->c->fallback_macros.n; i++) {
		struct fallback_macro *f = p->c->fallback_macros.v[i];
		if (strmap_get(&p->colon_names, f->name))
			f->colons = true;
	}
}

/* Every macro that names one in colon_names joins it, to a fixpoint; then
 * no unit sees them. Only when some macro's text has "::" (rare): the
 * macro cursors are read again for their identifiers. */
void macro_colon_closure(struct parser *p, CXCursor top)
{
	if (!p->colon_names.n && !p->colon_fn)
		return;
	struct vec refs = {0};
	struct { struct parser *p; struct vec *v; } w = {p, &refs};
	clang_visitChildren(top, collect_refs, &w);
	for (bool grew = p->colon_names.n > 0; grew;) {
		grew = false;
		for (int i = 0; i < refs.n; i++) {
			struct colon_refs *r = refs.v[i];
			if (strmap_get(&p->colon_names, r->name))
				continue;
			for (unsigned k = 0; k < r->n; k++)
				if (strmap_get(&p->colon_names, r->idents[k])) {
					strmap_put(&p->colon_names, xstrdup(r->name), p);
					grew = true;
					break;
				}
		}
	}
	for (int i = 0; i < refs.n; i++) {
		struct colon_refs *r = refs.v[i];
		for (unsigned k = 0; k < r->n; k++)
			free(r->idents[k]);
		free(r->idents);
		free(r->name);
		free(r);
	}
	free(refs.v);
	drop_colon_macros(p);
}
