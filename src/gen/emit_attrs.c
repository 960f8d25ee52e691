/* emit_attrs.c — doc comments, derives and attributes on items. */
#include "emit.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ---- doc comments ---- */

static void emit_doc_line(struct buf *b, int indent, const char *s, size_t n)
{
	buf_indent(b, indent);
	buf_puts(b, "#[doc = \"");
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];
		if (ch == '"' || ch == '\\')
			buf_putc(b, '\\');
		if (ch == '\t')
			buf_putc(b, ' ');
		else if ((unsigned char)ch >= 0x20 || ch < 0)
			buf_putc(b, ch);
	}
	buf_puts(b, "\"]\n");
}

/* Strip comment markers the way bindgen does and write #[doc] lines. */
void emit_doc(struct ctx *c, struct buf *b, int indent, const char *doc)
{
	if (!doc || !c->opt->doc_comments)
		return;
	const char *p = doc;
	bool block = !strncmp(p, "/*", 2);
	if (block) {
		p += 2;
		while (*p == '*' || *p == '!')
			p++;
	}
	const char *end = p + strlen(p);
	if (block && end - p >= 2 && !strncmp(end - 2, "*/", 2))
		end -= 2;
	bool first = true;
	while (p < end) {
		const char *nl = memchr(p, '\n', end - p);
		const char *le = nl ? nl : end;
		const char *s = p;
		if (block) {
			if (!first) {
				while (s < le && (*s == ' ' || *s == '\t'))
					s++;
				if (s < le && *s == '*') {
					s++;
				}
			}
		} else {
			while (s < le && (*s == ' ' || *s == '\t'))
				s++;
			if (!strncmp(s, "///", 3) || !strncmp(s, "//!", 3))
				s += 3;
			else if (!strncmp(s, "//", 2))
				s += 2;
		}
		const char *e = le;
		while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
			e--;
		bool last = !nl || nl + 1 >= end;
		if (!((first || last) && e == s && block))
			emit_doc_line(b, indent, s, e - s);
		first = false;
		p = nl ? nl + 1 : end;
	}
}

/* ---- derives and attributes ---- */

/* Whether the comma-separated list l (or NULL) has the entry x. */
static bool has_list_entry(const char *l, const char *x)
{
	size_t n = strlen(x);
	for (const char *p = l; p && *p;) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len == n && !strncmp(p, x, n))
			return true;
		p = e ? e + 2 : NULL;
	}
	return false;
}

/* bindgen's Item::must_use: --must-use-type or a mustusetype annotation. */
bool must_use_type(const struct ctx *c, const struct item *it)
{
	return item_must_use(c->opt, it);
}

/* bindgen's Function codegen: #[must_use] for the function's own attribute
 * (--enable-function-attribute-detection), or for a return type (through
 * type refs, not typedefs) that --must-use-type or a mustusetype
 * annotation names. */
bool fn_must_use(const struct ctx *c, const struct item *it)
{
	const struct type *rt = it->type->sub;
	return (it->must_use && c->opt->fn_attr_detection) ||
	       (rt && rt->kind == TY_ITEM && must_use_type(c, rt->item));
}

/* The derive list of bindgen's CompInfo and Enum codegen: the derivable
 * traits, then derive= annotations (records and enums only; an enum drops
 * one it already has), then --with-derive-custom*. */
static void emit_derive_list(struct ctx *c, struct buf *b, struct item *it, unsigned d,
			     int applies)
{
	struct buf l = {0};
	static const struct {
		unsigned bit;
		const char *name;
	} order[] = {
		{DERIVE_DEBUG, "Debug"}, {DERIVE_DEFAULT, "Default"}, {DERIVE_COPY, "Copy"},
		{DERIVE_COPY | DERIVE_CLONE, "Clone"},  {DERIVE_HASH, "Hash"},       {DERIVE_PARTIALORD, "PartialOrd"},
		{DERIVE_ORD, "Ord"},     {DERIVE_PARTIALEQ, "PartialEq"}, {DERIVE_EQ, "Eq"},
	};
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
		if (d & order[i].bit)
			buf_printf(&l, "%s%s", l.len ? ", " : "", order[i].name);
	const struct annot *a = it->kind == IT_TYPEDEF ? NULL : it->annot;
	for (int i = 0; a && i < a->derives.n; i++) {
		const char *dv = a->derives.v[i];
		if (it->kind == IT_ENUM && has_list_entry(l.p, dv))
			continue;
		buf_printf(&l, "%s%s", l.len ? ", " : "", dv);
	}
	for (int i = 0; i < c->opt->customs.n; i++) {
		struct custom_attr *ca = c->opt->customs.v[i];
		if (ca->is_derive && (ca->applies & applies) &&
		    regexec(&ca->re, it->name, 0, NULL, 0) == 0)
			buf_printf(&l, "%s%s", l.len ? ", " : "", ca->text);
	}
	if (l.len)
		buf_printf(b, "#[derive(%s)]\n", l.p);
	buf_free(&l);
}

/* attribute= annotations (records and enums), then --with-attribute-custom*. */
static void emit_attr_lines(struct ctx *c, struct buf *b, struct item *it, int applies)
{
	const struct annot *a = it->kind == IT_TYPEDEF ? NULL : it->annot;
	for (int i = 0; a && i < a->attrs.n; i++)
		buf_printf(b, "%s\n", (const char *)a->attrs.v[i]);
	for (int i = 0; i < c->opt->customs.n; i++) {
		struct custom_attr *ca = c->opt->customs.v[i];
		if (!ca->is_derive && (ca->applies & applies) &&
		    regexec(&ca->re, it->name, 0, NULL, 0) == 0)
			buf_printf(b, "%s\n", ca->text);
	}
}

/* A record's or newtype's: derives, attributes, and (bindgen's CompInfo
 * codegen) #[must_use] last. */
void emit_derives(struct ctx *c, struct buf *b, struct item *it, unsigned d,
		  int applies)
{
	emit_derive_list(c, b, it, d, applies);
	emit_attr_lines(c, b, it, applies);
	if (it->kind == IT_RECORD && must_use_type(c, it))
		buf_puts(b, "#[must_use]\n");
}

/* An enum's (bindgen's Enum codegen): the attributes, then the derives. */
void emit_enum_derives(struct ctx *c, struct buf *b, struct item *it)
{
	emit_attr_lines(c, b, it, 4);
	emit_derive_list(c, b, it, enum_derives(c, it), 4);
}

void emit_zeroing_default(struct emitter *e, const char *name)
{
	if (strlen("impl Default for  {") + strlen(name) > MAX_WIDTH)
		buf_printf(e->b, "impl Default\n    for %s\n{\n", name);
	else
		buf_printf(e->b, "impl Default for %s {\n", name);
	buf_printf(e->b,
		   "    fn default() -> Self {\n"
		   "        let mut s = %s::mem::MaybeUninit::<Self>::uninit();\n"
		   "        unsafe {\n"
		   "            %s::ptr::write_bytes(s.as_mut_ptr(), 0, 1);\n"
		   "            s.assume_init()\n"
		   "        }\n"
		   "    }\n"
		   "}\n",
		   e->stdp, e->stdp);
}
