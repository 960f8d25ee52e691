/* bench/api-floor.c — the floor under any tool that makes bindings through
 * libclang's C API: libclang's parse of a header (with the flags h2rs uses),
 * then only the C API reads that bindings need, with none of h2rs's own
 * work (no IR, no names, no layout checks, no output):
 *
 *   macros:        every object-like macro definition: kind, builtin and
 *                  function-like checks, location, extent, tokens and their
 *                  spellings and kinds;
 *   declarations:  every top-level record, enum, typedef, function and
 *                  variable: kind, name, location, and its types (each type:
 *                  kind, size, alignment; pointee, element, named, result
 *                  and argument types followed, each record or enum once);
 *                  record fields with offsets and bit widths, enumerators
 *                  with values.
 *
 * A whole run of this program is what h2rs could cost if its own work took
 * no time at all; bench/bench.sh builds it against h2rs's libclang and
 * times it in the same table ("libclang C API floor"). It prints the time
 * of each of its three steps.
 *
 *   bench/api-floor HEADER [CLANG_ARGS...] */
#include <clang-c/Index.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

struct walk {
	CXTranslationUnit tu; /* the parsed header */
	long macros, tokens;  /* macro definitions and their tokens, read */
	long decls, types;    /* declarations and types, read */
	unsigned *seen;       /* hashes of records and enums read (open addressing) */
	unsigned nseen, cap;  /* entries in use, slots */
	long sink;            /* keeps the reads from being optimised away */
};

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

static enum CXChildVisitResult macro_visit(CXCursor c, CXCursor parent, CXClientData d)
{
	struct walk *w = d;
	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_MacroDefinition || clang_Cursor_isMacroBuiltin(c) ||
	    clang_Cursor_isMacroFunctionLike(c))
		return CXChildVisit_Continue;
	CXFile f;
	unsigned line, col;
	clang_getExpansionLocation(clang_getCursorLocation(c), &f, &line, &col, NULL);
	CXToken *toks;
	unsigned n;
	clang_tokenize(w->tu, clang_getCursorExtent(c), &toks, &n);
	for (unsigned i = 0; i < n; i++) {
		CXString s = clang_getTokenSpelling(w->tu, toks[i]);
		w->sink += clang_getTokenKind(toks[i]) + clang_getCString(s)[0];
		clang_disposeString(s);
	}
	clang_disposeTokens(w->tu, toks, n);
	w->macros++;
	w->tokens += n;
	return CXChildVisit_Continue;
}

/* true the first time a declaration is seen (by its cursor hash: a
 * collision skips a declaration, which can only make the floor lower) */
static int first_time(struct walk *w, CXCursor decl)
{
	unsigned h = clang_hashCursor(decl) | 1;
	if (2 * (w->nseen + 1) > w->cap) {
		unsigned oldcap = w->cap, *old = w->seen;
		w->cap = w->cap ? 2 * w->cap : 1024;
		w->seen = calloc(w->cap, sizeof *w->seen);
		for (unsigned i = 0; i < oldcap; i++)
			if (old[i]) {
				unsigned j = old[i] & (w->cap - 1);
				while (w->seen[j])
					j = (j + 1) & (w->cap - 1);
				w->seen[j] = old[i];
			}
		free(old);
	}
	unsigned j = h & (w->cap - 1);
	while (w->seen[j]) {
		if (w->seen[j] == h)
			return 0;
		j = (j + 1) & (w->cap - 1);
	}
	w->seen[j] = h;
	w->nseen++;
	return 1;
}

static void read_decl(struct walk *w, CXCursor c);

static void read_type(struct walk *w, CXType t)
{
	w->types++;
	w->sink += clang_Type_getSizeOf(t) + clang_Type_getAlignOf(t);
	switch (t.kind) {
	case CXType_Elaborated:
		read_type(w, clang_Type_getNamedType(t));
		break;
	case CXType_Pointer:
		w->sink += clang_isConstQualifiedType(clang_getPointeeType(t));
		read_type(w, clang_getPointeeType(t));
		break;
	case CXType_ConstantArray:
		w->sink += clang_getArraySize(t);
		read_type(w, clang_getArrayElementType(t));
		break;
	case CXType_IncompleteArray:
		read_type(w, clang_getArrayElementType(t));
		break;
	case CXType_FunctionProto:
	case CXType_FunctionNoProto: {
		read_type(w, clang_getResultType(t));
		int n = clang_getNumArgTypes(t);
		for (int i = 0; i < n; i++)
			read_type(w, clang_getArgType(t, i));
		w->sink += clang_isFunctionTypeVariadic(t);
		break;
	}
	case CXType_Typedef:
	case CXType_Record:
	case CXType_Enum:
		read_decl(w, clang_getTypeDeclaration(t));
		break;
	default:
		break;
	}
}

static enum CXChildVisitResult member_visit(CXCursor c, CXCursor parent, CXClientData d)
{
	struct walk *w = d;
	switch (clang_getCursorKind(c)) {
	case CXCursor_FieldDecl: {
		CXString s = clang_getCursorSpelling(c);
		w->sink += clang_getCString(s)[0] + clang_Cursor_getOffsetOfField(c);
		clang_disposeString(s);
		if (clang_Cursor_isBitField(c))
			w->sink += clang_getFieldDeclBitWidth(c);
		read_type(w, clang_getCursorType(c));
		break;
	}
	case CXCursor_EnumConstantDecl: {
		CXString s = clang_getCursorSpelling(c);
		w->sink += clang_getCString(s)[0] + clang_getEnumConstantDeclValue(c);
		clang_disposeString(s);
		break;
	}
	case CXCursor_StructDecl:
	case CXCursor_UnionDecl:
	case CXCursor_EnumDecl:
		read_decl(w, c);
		break;
	default:
		break;
	}
	(void)parent;
	return CXChildVisit_Continue;
}

/* A declaration: its name and location; a record or enum (once) with its
 * members; a typedef's, function's or variable's types. */
static void read_decl(struct walk *w, CXCursor c)
{
	enum CXCursorKind k = clang_getCursorKind(c);
	if ((k == CXCursor_StructDecl || k == CXCursor_UnionDecl || k == CXCursor_EnumDecl ||
	     k == CXCursor_TypedefDecl) && !first_time(w, clang_getCanonicalCursor(c)))
		return;
	w->decls++;
	CXString s = clang_getCursorSpelling(c);
	w->sink += clang_getCString(s)[0];
	clang_disposeString(s);
	CXFile f;
	unsigned line, col;
	clang_getExpansionLocation(clang_getCursorLocation(c), &f, &line, &col, NULL);
	w->sink += line;
	switch (k) {
	case CXCursor_StructDecl:
	case CXCursor_UnionDecl: {
		CXCursor def = clang_getCursorDefinition(c);
		if (clang_Cursor_isNull(def))
			break;
		read_type(w, clang_getCursorType(def));
		clang_visitChildren(def, member_visit, w);
		break;
	}
	case CXCursor_EnumDecl:
		read_type(w, clang_getEnumDeclIntegerType(c));
		clang_visitChildren(c, member_visit, w);
		break;
	case CXCursor_TypedefDecl:
		read_type(w, clang_getTypedefDeclUnderlyingType(c));
		break;
	case CXCursor_FunctionDecl:
	case CXCursor_VarDecl:
		w->sink += clang_Cursor_getStorageClass(c);
		read_type(w, clang_getCursorType(c));
		break;
	default:
		break;
	}
}

static enum CXChildVisitResult decl_visit(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	switch (clang_getCursorKind(c)) {
	case CXCursor_StructDecl:
	case CXCursor_UnionDecl:
	case CXCursor_EnumDecl:
	case CXCursor_TypedefDecl:
	case CXCursor_FunctionDecl:
	case CXCursor_VarDecl:
		read_decl(d, c);
		break;
	default:
		break;
	}
	return CXChildVisit_Continue;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: %s HEADER [CLANG_ARGS...]\n", argv[0]);
		return 2;
	}
	struct walk w = {0};
	double t0 = now();
	CXIndex ix = clang_createIndex(0, 0);
	if (clang_parseTranslationUnit2(ix, argv[1], (const char *const *)argv + 2, argc - 2, NULL, 0,
					CXTranslationUnit_DetailedPreprocessingRecord |
						CXTranslationUnit_SkipFunctionBodies,
					&w.tu) != CXError_Success) {
		fprintf(stderr, "api-floor: libclang could not parse %s\n", argv[1]);
		return 1;
	}
	double t1 = now();
	CXCursor top = clang_getTranslationUnitCursor(w.tu);
	clang_visitChildren(top, macro_visit, &w);
	double t2 = now();
	clang_visitChildren(top, decl_visit, &w);
	double t3 = now();
	printf("parse %.1f ms; %ld object-like macros (%ld tokens) %.1f ms; "
	       "%ld declarations (%ld types) %.1f ms%s\n",
	       (t1 - t0) * 1e3, w.macros, w.tokens, (t2 - t1) * 1e3, w.decls, w.types,
	       (t3 - t2) * 1e3, w.sink == 42 ? " " : "");
	fflush(stdout);
	_exit(0); /* as h2rs and clang -disable-free: no teardown */
}
