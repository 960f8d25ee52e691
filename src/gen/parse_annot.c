/* parse_annot.c — bindgen's <div rustbindgen ...> annotations in doc
 * comments (ir/annotations.rs). */
#include "parse.h"

#include <clang-c/Documentation.h>
#include <clang-c/Index.h>
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>

/* ---- bindgen's <div rustbindgen ...> annotations (ir/annotations.rs) ---- */

/* bindgen's parse_accessor: "false" none, "unsafe", "immutable", anything
 * else (no value included) the plain getters. */
static enum annot_accessor accessor_kind(const char *v)
{
	if (!strcmp(v, "false"))
		return AA_NONE;
	if (!strcmp(v, "unsafe"))
		return AA_UNSAFE;
	if (!strcmp(v, "immutable"))
		return AA_IMMUTABLE;
	return AA_REGULAR;
}

/* One attribute of a rustbindgen tag into a; unknown names are ignored,
 * as bindgen ignores them. */
static void annot_attr(struct annot *a, const char *name, char *v)
{
	if (!strcmp(name, "opaque"))
		a->opaque = true;
	else if (!strcmp(name, "hide"))
		a->hide = true;
	else if (!strcmp(name, "nocopy"))
		a->nocopy = true;
	else if (!strcmp(name, "nodebug"))
		a->nodebug = true;
	else if (!strcmp(name, "nodefault"))
		a->nodefault = true;
	else if (!strcmp(name, "mustusetype"))
		a->must_use = true;
	else if (!strcmp(name, "constant"))
		a->constant = true;
	else if (!strcmp(name, "replaces"))
		a->replaces = xstrdup(v);
	else if (!strcmp(name, "derive") && *v)
		vec_push(&a->derives, xstrdup(v));
	else if (!strcmp(name, "attribute") && *v)
		vec_push(&a->attrs, xstrdup(v));
	else if (!strcmp(name, "private"))
		a->vis = strcmp(v, "false") ? AV_PRIVATE : AV_PUBLIC;
	else if (!strcmp(name, "accessor"))
		a->accessor = accessor_kind(v);
}

/* bindgen's Annotations::parse: every HTML start tag <div> in the comment
 * tree whose first attribute is rustbindgen adds its attributes. */
static void annot_walk(CXComment cm, struct annot *a, bool *matched)
{
	if (clang_Comment_getKind(cm) == CXComment_HTMLStartTag &&
	    clang_HTMLStartTag_getNumAttrs(cm) > 0) {
		char *tag = cxstr(clang_HTMLTagComment_getTagName(cm));
		char *first = cxstr(clang_HTMLStartTag_getAttrName(cm, 0));
		if (!strcmp(tag, "div") && !strcmp(first, "rustbindgen")) {
			*matched = true;
			unsigned n = clang_HTMLStartTag_getNumAttrs(cm);
			for (unsigned i = 0; i < n; i++) {
				char *an = cxstr(clang_HTMLStartTag_getAttrName(cm, i));
				char *av = cxstr(clang_HTMLStartTag_getAttrValue(cm, i));
				annot_attr(a, an, av);
				free(an);
				free(av);
			}
		}
		free(tag);
		free(first);
	}
	unsigned n = clang_Comment_getNumChildren(cm);
	for (unsigned i = 0; i < n; i++)
		annot_walk(clang_Comment_getChild(cm, i), a, matched);
}

/* The annotations in cur's parsed doc comment (libclang's: the first
 * redeclaration's with one; a typedef without one has its tag's), or NULL.
 * Read whether or not doc comments are emitted. Only a comment whose text
 * names rustbindgen is parsed, except a typedef's, which has no text of
 * its own when it borrows its tag's. */
const struct annot *annot_of(CXCursor cur)
{
	if (clang_getCursorKind(cur) != CXCursor_TypedefDecl) {
		CXString s = clang_Cursor_getRawCommentText(cur);
		const char *t = clang_getCString(s);
		bool maybe = t && strstr(t, "rustbindgen");
		clang_disposeString(s);
		if (!maybe)
			return NULL;
	}
	struct annot a = {0};
	bool matched = false;
	annot_walk(clang_Cursor_getParsedComment(cur), &a, &matched);
	if (!matched)
		return NULL;
	struct annot *r = xmalloc(sizeof *r);
	*r = a;
	return r;
}

/* The definition of the record or enum a typedef's canonical type is, or
 * a null cursor (bindgen's `decl` in Item::from_ty). */
static CXCursor typedef_tag_def(CXCursor cur)
{
	CXType can = clang_getCanonicalType(clang_getCursorType(cur));
	if (can.kind != CXType_Record && can.kind != CXType_Enum)
		return clang_getNullCursor();
	return clang_getCursorDefinition(clang_getTypeDeclaration(can));
}

/* bindgen's Item::from_ty for a typedef: the annotations of that
 * definition, if it has any, else the typedef's own (so `typedef struct s
 * t;` is hidden, opaque, ... with s). */
const struct annot *typedef_annot(CXCursor cur)
{
	CXCursor def = typedef_tag_def(cur);
	const struct annot *a = clang_Cursor_isNull(def) ? NULL : annot_of(def);
	return a ? a : annot_of(cur);
}

/* bindgen's Item::from_ty for a typedef: its own doc comment, else that
 * definition's (`typedef struct s t;` has s's). */
const char *typedef_doc(struct parser *p, CXCursor cur)
{
	const char *d = doc_of(p, cur);
	CXCursor def = typedef_tag_def(cur);
	return d || clang_Cursor_isNull(def) ? d : doc_of(p, def);
}
