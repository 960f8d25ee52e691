/* gen.c — the generator's driver: options → parse → analyse → emit →
 * write (output.c), the exit code; --explain, --time-phases, the depfile's
 * text. */
#include "h2rs.h"

#include <errno.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char *kind_name(const struct item *it)
{
	static const char *const names[] = {"record", "enum", "typedef", "function", "variable",
					    "macro"};
	if (it->kind == IT_RECORD)
		return it->is_union ? "union" : "struct";
	return names[it->kind];
}

static const char *emitted_as(const struct item *it)
{
	switch (it->kind) {
	case IT_RECORD:
		if (!it->complete)
			return "an opaque forward declaration { _unused: [u8; 0] }";
		if (it->opaque)
			return it->opaque_reason ? xstrfmt("an opaque blob, because %s", it->opaque_reason)
						 : "an opaque blob (--opaque-type or an opaque annotation)";
		return it->is_union ? "#[repr(C)] pub union" : "#[repr(C)] pub struct";
	case IT_ENUM: return "an enum (see --default-enum-style)";
	case IT_TYPEDEF:
		return it->aliased->kind == TY_BLOB && it->aliased->ffi_blob
			       ? "pub type of an opaque blob (--opaque-type or an opaque annotation)"
			       : "pub type";
	case IT_FUNC: return "an extern \"C\" function";
	case IT_VAR: return it->has_value && it->is_const ? "pub const" : "an extern static";
	case IT_MACRO:
		return it->const_fn ? xstrfmt("pub const fn %s", it->const_fn)
				    : xstrfmt("pub const of type %s", it->mtype);
	}
	return "?";
}

void explain(struct ctx *c, const char *name)
{
	bool found = false;
	for (int i = 0; i < c->items.n; i++) {
		struct item *it = c->items.v[i];
		if (!(it->cname && !strcmp(it->cname, name)) && strcmp(it->name, name))
			continue;
		found = true;
		fprintf(stderr, "%s: %s declared at %s:%u:%u\n", name, kind_name(it),
			it->file[0] ? it->file : "<builtin>", it->line, it->col);
		if (it->fwd_callee)
			fprintf(stderr, "%s: a function-like macro forwarding to %s, wrapped as '%s'\n",
				name, it->fwd_callee, fwd_prototype(it));
		if (it->emit)
			fprintf(stderr, "%s: emitted as %s named '%s'%s\n", name, emitted_as(it),
				it->name,
				it->cname && strcmp(it->cname, it->name) ? " (renamed for Rust)" : "");
		else
			fprintf(stderr, "%s: not emitted: %s\n", name,
				it->skip_reason ? it->skip_reason : "not reached");
	}
	for (int i = 0; i < c->skipped.n; i++) {
		const struct skip *s = &c->skipped.v[i];
		if (!strcmp(s->name, name)) {
			fprintf(stderr, "%s: skipped: %s\n", name, s->why);
			found = true;
		}
	}
	if (!found)
		fprintf(stderr, "%s: not found in the input (no declaration or macro has that name)\n",
			name);
}

static void append_escaped(struct buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == ' ' || *s == '#')
			buf_putc(b, '\\');
		if (*s == '$')
			buf_putc(b, '$');
		buf_putc(b, *s);
	}
}

/* A make rule: target, then every file the header included. */
static void emit_depfile(struct ctx *c, struct buf *b, const char *target, bool quote)
{
	if (quote)
		append_escaped(b, target);
	else
		buf_puts(b, target);
	buf_putc(b, ':');
	for (int i = 0; i < c->deps.n; i++) {
		buf_puts(b, " \\\n  ");
		append_escaped(b, c->deps.v[i]);
	}
	buf_putc(b, '\n');
}

int gen_main(int argc, char **argv)
{
	struct options o = {0};
	parse_options(&o, argc, argv);
#ifdef M_ARENA_MAX
	/* Full macro mode parses three units, each on a libclang thread with,
	 * by default, a malloc arena of its own: memory one unit frees would
	 * stay in that arena instead of serving the next (the kernel header:
	 * 165 MiB peak, 129 MiB with one arena). Under bindgen's rules one
	 * arena changed neither time nor memory measurably, so it is left to
	 * the mode that needs it. */
	if (o.macros_full)
		mallopt(M_ARENA_MAX, 1);
#endif
	struct ctx c = {0};
	c.opt = &o;
	double t = now_seconds();
	parse_header(&c);
	phase(&o, "parse", &t);
	analyse(&c);
	phase(&o, "analyse", &t);
	if (o.explain)
		explain(&c, o.explain);
	if (o.check_cc) {
		check_layout_with(&c, o.check_cc);
		phase(&o, "check", &t);
	}
	/* every output is built here and written by output.c, in its order */
	struct buf out[EMIT_PARTS] = {{0}}, wrappers = {0}, probe_c = {0}, probe_rs = {0};
	struct buf dep = {0}, mmd_dep = {0};
	struct outputs w = {0};
	if (o.layout_probe) {
		char *cpath, *rpath;
		emit_layout_probe(&c, &probe_c, &probe_rs, &cpath, &rpath);
		output_add(&w, "layout probe", cpath, &probe_c, 1);
		output_add(&w, "layout probe", rpath, &probe_rs, 1);
	}
	emit_rust(&c, out);
	const char *wpath = emit_wrappers(&c, &wrappers);
	if (wpath)
		output_add(&w, "wrappers", wpath, &wrappers, 1)->make_dirs = true;
	const char *target = o.output ? o.output : "-";
	if (o.depfile) {
		emit_depfile(&c, &dep, target, true);
		output_add(&w, "depfile", o.depfile, &dep, 1);
	}
	if (o.mmd_depfile) {
		emit_depfile(&c, &mmd_dep, o.mmd_target ? o.mmd_target : target,
			     !o.mmd_target || o.mmd_target_quoted);
		output_add(&w, "depfile", o.mmd_depfile, &mmd_dep, 1);
	}
	output_add(&w, "output", o.output, out, EMIT_PARTS);
	phase(&o, "emit", &t);
	output_write_all(&w);
	phase(&o, "write", &t);
	report_skipped(&c);
	if (o.stats)
		stats_report(&c);
	/* As clang does with -disable-free: the run is over, so nothing is
	 * freed and libclang's static destructors are skipped (milliseconds on
	 * a big header). Everything written was flushed above. */
	if (fflush(NULL))
		error("cannot write to standard output: %s", strerror(errno));
	_exit(0);
}
