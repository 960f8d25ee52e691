/* parse_cx.c — the small libclang helpers every parser file uses:
 * strings, file names, doc comments. */
#include "parse.h"

#include <stdlib.h>

/* A libclang string as our own copy ("" for none); s is disposed. */
char *cxstr(CXString s)
{
	char *r = xstrdup(clang_getCString(s) ? clang_getCString(s) : "");
	clang_disposeString(s);
	return r;
}

/* A file's name, cached for the run of declarations from one file. */
const char *file_name(struct parser *p, CXFile f)
{
	if (!f)
		return "";
	if (f == p->last_file)
		return p->last_name;
	p->last_file = f;
	p->last_name = cxstr(clang_getFileName(f));
	return p->last_name;
}

/* The cursor's raw doc comment, or NULL (none, or --no-doc-comments). */
const char *doc_of(struct parser *p, CXCursor cur)
{
	if (!p->c->opt->doc_comments)
		return NULL;
	CXString s = clang_Cursor_getRawCommentText(cur);
	const char *t = clang_getCString(s);
	char *r = t && *t ? xstrdup(t) : NULL;
	clang_disposeString(s);
	return r;
}

