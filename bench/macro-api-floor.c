/* bench/macro-api-floor.c — the floor under h2rs's macro walk: libclang's
 * parse of a header (as h2rs parses it), then only the C API calls that
 * read every object-like macro definition (cursor kind, builtin and
 * function-like checks, location, extent, tokens and their spellings),
 * with none of h2rs's own work. Prints both times.
 *
 *   cc -O2 $(llvm-config-19 --cflags) bench/macro-api-floor.c -o /tmp/floor \
 *      -L$(llvm-config-19 --libdir) -Wl,-rpath,$(llvm-config-19 --libdir) -lclang
 *   /tmp/floor bench/out/uapi-clang19.h          (bench.sh makes that header) */
#include <clang-c/Index.h>
#include <stdio.h>
#include <time.h>

struct walk {
	CXTranslationUnit tu; /* the parsed header */
	long macros, tokens;  /* counted */
};

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

static enum CXChildVisitResult visit(CXCursor c, CXCursor parent, CXClientData d)
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
		(void)clang_getTokenKind(toks[i]);
		clang_disposeString(s);
	}
	clang_disposeTokens(w->tu, toks, n);
	w->macros++;
	w->tokens += n;
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
		fprintf(stderr, "floor: libclang could not parse %s\n", argv[1]);
		return 1;
	}
	double t1 = now();
	clang_visitChildren(clang_getTranslationUnitCursor(w.tu), visit, &w);
	double t2 = now();
	printf("parse %.1f ms; reading %ld object-like macros (%ld tokens) %.1f ms\n",
	       (t1 - t0) * 1e3, w.macros, w.tokens, (t2 - t1) * 1e3);
	return 0;
}
