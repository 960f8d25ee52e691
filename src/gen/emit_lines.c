/* emit_lines.c — rustfmt's line breaking for the shapes h2rs writes:
 * long field and parameter lines, item openings, layout assertions. */
#include "emit.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ---- rustfmt's line breaking, for the shapes we emit ---- */

/* The function type t is written as (an Option<fn>), or NULL. */
const struct type *fn_of(const struct type *t)
{
	if (t->kind == TY_PTR)
		t = t->sub;
	return t->kind == TY_FUNC && !t->abi_why ? t : NULL;
}

/* Parameters one per line at indent, each ending in a comma. */
/* lead + type + trail at indent, broken the way rustfmt breaks it when the
 * line is longer than 100 columns: after "=" first, then inside
 * Option<fn(..)>, then one parameter per line. */
void emit_typed_line(struct emitter *e, int indent, const char *lead, const struct type *t,
		     const char *trail)
{
	struct buf *b = e->b;
	struct buf ty = {0};
	emit_type(e, &ty, t);
	size_t lead_len = strlen(lead), trail_len = strlen(trail);
	if (indent + lead_len + ty.len + trail_len <= MAX_WIDTH) {
		buf_indent(b, indent);
		buf_printf(b, "%s%s%s\n", lead, ty.p, trail);
		goto out;
	}
	/* type aliases break after "=", struct fields (not parameters) after ":" */
	bool alias = lead_len >= 2 && !strcmp(lead + lead_len - 2, "= ");
	bool field = (e->in_field || !strncmp(lead, "pub ", 4)) && lead_len >= 2 &&
		     !strcmp(lead + lead_len - 2, ": ");
	if ((alias || field) &&
	    indent + 4 + ty.len + trail_len <= MAX_WIDTH) {
		buf_indent(b, indent);
		buf_putn(b, lead, lead_len - 1);
		buf_putc(b, '\n');
		buf_indent(b, indent + 4);
		buf_printf(b, "%s%s\n", ty.p, trail);
		goto out;
	}
	const struct type *f = fn_of(t);
	if (!f) {
		buf_indent(b, indent);
		buf_printf(b, "%s%s%s\n", lead, ty.p, trail);
		goto out;
	}
	buf_indent(b, indent);
	buf_printf(b, "%s%s::option::Option<\n", lead, e->stdp);
	buf_reset(&ty);
	emit_fn_sig(e, &ty, f, true);
	if (indent + 4 + ty.len + 1 <= MAX_WIDTH) {
		buf_indent(b, indent + 4);
		buf_printf(b, "%s,\n", ty.p);
	} else {
		buf_indent(b, indent + 4);
		buf_printf(b, "unsafe extern \"%s\" fn(\n", f->abi ? f->abi : "C");
		emit_params_vertical(e, indent + 8, f);
		buf_indent(b, indent + 4);
		buf_putc(b, ')');
		emit_return(e, b, f);
		buf_puts(b, ",\n");
	}
	buf_indent(b, indent);
	buf_printf(b, ">%s\n", trail);
out:
	buf_free(&ty);
}

void emit_params_vertical(struct emitter *e, int indent, const struct type *f)
{
	for (int i = 0; i < f->nparams; i++) {
		char *lead = xstrfmt("%s: ", f->params[i].name);
		emit_typed_line(e, indent, lead, f->params[i].type, ",");
		free(lead);
	}
	if (f->variadic) {
		buf_indent(e->b, indent);
		buf_puts(e->b, "...\n");
	}
}

/* Strings joined into a scratch buffer (reset first); the list ends in NULL. */
__attribute__((sentinel)) const char *emit_join(struct buf *s, ...)
{
	va_list ap;
	buf_reset(s);
	va_start(ap, s);
	for (const char *p; (p = va_arg(ap, const char *));)
		buf_puts(s, p);
	va_end(ap);
	return buf_str(s);
}

/* An item's opening line, "KW NAME {", as rustfmt writes it: when it
 * would pass the last column, the brace (or "{}") goes on a line of its
 * own, and an inherent impl's type on one more. */
void open_item(struct buf *b, const char *kw, const char *name, const char *brace)
{
	if (strlen(kw) + 1 + strlen(name) + 1 + strcspn(brace, "\n") <= MAX_WIDTH)
		buf_printf(b, "%s %s %s", kw, name, brace);
	else if (!strcmp(kw, "impl"))
		buf_printf(b, "impl\n    %s\n%s", name, brace);
	else
		buf_printf(b, "%s %s\n%s", kw, name, brace);
}

/* Layout assertions, "    HEAD[S::mem::EXPR - N];", broken as rustfmt
 * breaks an index expression: all on one line; else the index on the next
 * line; else the index broken where it starts, if its first line allows;
 * else broken on the next line. Returns false when neither of the first
 * two fits (tail holds "[S::mem::EXPR - N];", num "Nusize"). */
static bool assert_fits(struct emitter *e, const char *head, const char *expr, const char *num)
{
	struct buf *b = e->b;
	const char *tail = emit_join(&e->tail, "[", e->stdp, "::mem::", expr, " - ", num, "];", NULL);
	size_t hl = strlen(head), tl = e->tail.len;
	if (4 + hl + tl <= MAX_WIDTH) {
		buf_puts(b, "    ");
		buf_putn(b, head, hl);
		buf_putn(b, tail, tl);
		buf_putc(b, '\n');
		return true;
	}
	if (8 + tl <= MAX_WIDTH) {
		buf_printf(b, "    %s\n        %s\n", head, tail);
		return true;
	}
	return false;
}

/* " - N" after a broken index's last line, or on a line of its own when
 * the width the index started with (after "    HEAD[") is too small. */
static void assert_minus(struct buf *b, size_t hl, const char *close, const char *num)
{
	long width = (long)MAX_WIDTH - (long)(4 + hl + 1) - 2;
	bool below = width >= 0 && width < (long)(strlen(close) + 3 + strlen(num));
	buf_printf(b, "    %s%s- %s];\n", close, below ? "\n        " : " ", num);
}

/* offset_of!(T, f): its arguments one per line; the macro's path cannot
 * be broken, so rustfmt keeps it on the head line however long. */
void emit_assert_offset(struct emitter *e, const char *head, const char *t, const char *f,
			unsigned long long want)
{
	char num[32];
	snprintf(num, sizeof num, "%lluusize", want);
	if (assert_fits(e, head, emit_join(&e->expr, "offset_of!(", t, ", ", f, ")", NULL), num))
		return;
	buf_printf(e->b, "    %s[%s::mem::offset_of!(\n        %s,\n        %s\n", head, e->stdp, t, f);
	assert_minus(e->b, strlen(head), ")", num);
}

/* size_of::<T>() / align_of::<T>() (fn). Broken where it starts: T on a
 * line of its own, if "S::mem::fn::<" fits the width left after the head;
 * otherwise on the next line: " - N" below the call if the call fits,
 * else the call's empty parentheses broken, else T on a line of its own. */
void emit_assert_type(struct emitter *e, const char *head, const char *fn, const char *t,
		      unsigned long long want)
{
	struct buf *b = e->b;
	const char *S = e->stdp;
	char num[32];
	snprintf(num, sizeof num, "%lluusize", want);
	if (assert_fits(e, head, emit_join(&e->expr, fn, "::<", t, ">()", NULL), num))
		return;
	size_t hl = strlen(head);
	size_t path = strlen(S) + strlen("::mem::") + strlen(fn) + strlen("::<");
	if (hl + path <= MAX_WIDTH - 2) {
		buf_printf(b, "    %s[%s::mem::%s::<\n        %s,\n", head, S, fn, t);
		assert_minus(b, hl, ">()", num);
		return;
	}
	size_t call = path + strlen(t) + strlen(">()");
	if (9 + call <= MAX_WIDTH - 2)
		buf_printf(b, "    %s\n        [%s::mem::%s::<%s>()\n            - %s];\n", head, S, fn, t,
			   num);
	else if (9 + call - 1 <= MAX_WIDTH)
		buf_printf(b, "    %s\n        [%s::mem::%s::<%s>(\n        ) - %s];\n", head, S, fn, t,
			   num);
	else
		buf_printf(b, "    %s\n        [%s::mem::%s::<\n            %s,\n        >() - %s];\n", head,
			   S, fn, t, num);
}

/* pub const NAME: TY = VAL; broken as rustfmt breaks it. */
void emit_const(struct buf *b, int indent, const char *name, const char *ty,
		const char *val)
{
	size_t nl = strlen(name), tl = strlen(ty), vl = strlen(val);
	size_t lhs = indent + strlen("pub const : ") + nl + tl;
	buf_indent(b, indent);
	if (lhs + 3 + vl + 1 <= MAX_WIDTH) {
		buf_puts(b, "pub const ");
		buf_putn(b, name, nl);
		buf_putn(b, ": ", 2);
		buf_putn(b, ty, tl);
		buf_putn(b, " = ", 3);
		buf_putn(b, val, vl);
		buf_putn(b, ";\n", 2);
	} else if (lhs + 2 <= MAX_WIDTH) {
		buf_printf(b, "pub const %s: %s =\n%*s%s;\n", name, ty, indent + 4, "", val);
	} else {
		buf_printf(b, "pub const %s:\n%*s%s = %s;\n", name, indent + 4, "", ty, val);
	}
}
