/* probe.c — layout probes.
 *
 * --layout-probe: two programs that print the layout of every emitted
 * record, one compiled by a C compiler (gcc) from the original header, one
 * by rustc from our bindings; the tests require identical output.
 *
 * --check-layout-with CC: one C file of _Static_asserts stating libclang's
 * layout of every emitted record, compiled by CC with the original flags;
 * every failing assertion is a record on which CC and libclang disagree. */
#include "h2rs.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

struct probe {
	struct ctx *c;  /* the run */
	bool asserts;   /* write _Static_asserts (check) instead of programs */
	struct strmap undefs; /* field names that are also object-like macros */
	struct buf cc;  /* C program body */
	struct buf rs;  /* Rust program body */
	int lines;      /* lines each program prints */
};

/* The C spelling of a record type, or NULL if C cannot name it. */
static const char *c_spelling(const struct item *it)
{
	if (!it->cname)
		return NULL;
	if (it->named_by_typedef)
		return it->cname;
	return xstrfmt("%s %s", it->is_union ? "union" : "struct", it->cname);
}

static bool is_copy_type(struct ctx *c, const struct type *t)
{
	return (type_can(c, t) & DERIVE_COPY) != 0;
}

/* Offsets of the fields of rec, reached from top via the paths given. */
static void probe_fields(struct probe *p, const struct item *top, const char *cty,
			 const struct item *rec, const char *cpath, const char *rpath, uint64_t base)
{
	struct ctx *c = p->c;
	if (!rec->complete || rec->opaque)
		return;
	for (int i = 0; i < rec->nrs; i++) {
		const struct rs_field *rf = &rec->rs[i];
		if (rf->kind != RF_FIELD)
			continue;
		const struct field *f = rf->cfield;
		char *rp = rpath[0] ? xstrfmt("%s.%s", rpath, rf->name) : xstrfmt("%s", rf->name);
		char *cp;
		if (f->cname && f->cname[0] && strmap_get(&c->object_macros, f->cname))
			strmap_put(&p->undefs, f->cname, (void *)f->cname);
		if (f->cname && f->cname[0])
			cp = cpath[0] ? xstrfmt("%s.%s", cpath, f->cname) : xstrfmt("%s", f->cname);
		else
			cp = xstrfmt("%s", cpath); /* anonymous member: C flattens it */
		const struct type *t = f->type;
		/* members behind ManuallyDrop or __BindgenUnionField cannot be
		 * named by offset_of! */
		bool through = rec->is_union && (!is_copy_type(c, t) ||
						 union_wrapper(c, (struct item *)rec));
		uint64_t off = base + f->bit_offset / 8;
		if (f->cname && f->cname[0] && p->asserts) {
			buf_printf(&p->cc,
				   "_Static_assert(__builtin_offsetof(%s, %s) == %llu, \"h2rs-layout: "
				   "offset of %s.%s: libclang says %llu\");\n",
				   cty, cp, (unsigned long long)off, top->name, rp,
				   (unsigned long long)off);
			p->lines++;
		} else if (f->cname && f->cname[0]) { /* C cannot name an anonymous member */
			buf_printf(&p->cc,
				   "\tprintf(\"offset %s.%s %%zu\\n\", (size_t)offsetof(%s, %s));\n",
				   top->name, rp, cty, cp);
			buf_printf(&p->rs,
				   "    println!(\"offset %s.%s {}\", ::core::mem::offset_of!(%s, %s));\n",
				   top->name, rp, top->name, rp);
			p->lines++;
		}
		/* an anonymous member (of an unnamed type, or with
		 * -fms-extensions of a tagged one): C names its fields */
		if (t->kind == TY_ITEM && t->item->kind == IT_RECORD &&
		    (!t->item->cname || !f->cname) && !through)
			probe_fields(p, top, cty, t->item, cp, rp, off);
		free(rp);
		free(cp);
	}
}

static void probe_record(struct probe *p, const struct item *it)
{
	const char *cty = c_spelling(it);
	if (!cty || !it->complete || !it->file[0])
		return; /* builtins such as __va_list_tag have no C spelling */
	if (p->asserts) {
		buf_printf(&p->cc,
			   "_Static_assert(sizeof(%s) == %llu, \"h2rs-layout: size of %s: libclang "
			   "says %llu\");\n",
			   cty, (unsigned long long)it->size, it->name, (unsigned long long)it->size);
		if (!it->typedef_align)
			buf_printf(&p->cc,
				   "_Static_assert(_Alignof(%s) == %llu, \"h2rs-layout: alignment of %s: "
				   "libclang says %llu\");\n",
				   cty, (unsigned long long)it->align, it->name,
				   (unsigned long long)it->align);
		p->lines += 2;
		if (!strstr(it->file, "/lib/clang/") && !strstr(it->file, "/include/clang/"))
			probe_fields(p, it, cty, it, "", "", 0);
		return;
	}
	buf_printf(&p->cc, "\tprintf(\"size %s %%zu\\n\", sizeof(%s));\n", it->name, cty);
	if (it->typedef_align) /* warned about: the typedef's alignment is lost */
		buf_printf(&p->cc, "\tprintf(\"align %s %%zu\\n\", (size_t)%llu);\n", it->name,
			   (unsigned long long)it->align);
	else
		buf_printf(&p->cc, "\tprintf(\"align %s %%zu\\n\", (size_t)_Alignof(%s));\n", it->name,
			   cty);
	buf_printf(&p->rs, "    println!(\"size %s {}\", ::core::mem::size_of::<%s>());\n", it->name,
		   it->name);
	buf_printf(&p->rs, "    println!(\"align %s {}\", ::core::mem::align_of::<%s>());\n",
		   it->name, it->name);
	p->lines += 2;
	/* clang's own builtin headers (stddef.h, …) differ from gcc's in field
	 * names, not layout: compare only size and alignment there */
	if (!strstr(it->file, "/lib/clang/") && !strstr(it->file, "/include/clang/"))
		probe_fields(p, it, cty, it, "", "", 0);
}

/* path made absolute, or NULL with errno set */
static char *absolute_or_null(const char *path)
{
	char *r = realpath(path, NULL);
	if (r)
		return r;
	/* a new output is only renamed into place at the end of the run:
	 * its directory's path, and its name */
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrfmt("%.*s", (int)(slash - path), path) : xstrdup(".");
	char *d = realpath(*dir ? dir : "/", NULL);
	free(dir);
	if (!d)
		return NULL;
	r = xstrfmt("%s/%s", strcmp(d, "/") ? d : "", slash ? slash + 1 : path);
	free(d);
	return r;
}

static char *absolute(const char *path)
{
	char *r = absolute_or_null(path);
	if (!r)
		error("%s: %s", path, strerror(errno));
	return r;
}

void write_layout_probe(struct ctx *c)
{
	struct options *o = c->opt;
	if (!o->output)
		error("--layout-probe needs -o FILE (the probe includes the bindings)");
	struct probe p = {c, false, {0}, {0}, {0}, 0};
	for (int i = 0; i < c->items.n; i++) {
		struct item *it = c->items.v[i];
		if (it->emit && it->kind == IT_RECORD)
			probe_record(&p, it);
	}
	char *hdr = absolute(o->header), *out = absolute(o->output);
	struct buf cf = {0}, rf = {0};
	buf_printf(&cf, "/* layout probe generated by h2rs: gcc's view */\n#include <stddef.h>\n"
			"#include <stdio.h>\n#include \"%s\"\n", hdr);
	/* a field named like a macro (glibc's si_pid) must not expand here */
	for (size_t i = 0; i < p.undefs.cap; i++)
		if (p.undefs.slots[i].key)
			buf_printf(&cf, "#undef %s\n", p.undefs.slots[i].key);
	buf_printf(&cf, "int main(void)\n{\n%s\treturn 0;\n}\n", p.cc.p ? p.cc.p : "");
	buf_printf(&rf, "// layout probe generated by h2rs: rustc's view\n"
			"#![allow(non_upper_case_globals, non_camel_case_types, non_snake_case)]\n"
			"#![allow(dead_code, improper_ctypes, unused_imports)]\n"
			"mod bindings {\n    include!(\"%s\");\n"
			/* in the bindings' module, so that private fields
			 * (--default-visibility, private annotations) are in reach */
			"    pub fn __h2rs_layout_probe() {\n%s    }\n}\n"
			"fn main() {\n    bindings::__h2rs_layout_probe();\n}\n",
		   out, p.rs.p ? p.rs.p : "");
	char *cpath = xstrfmt("%s.c", o->layout_probe), *rpath = xstrfmt("%s.rs", o->layout_probe);
	char *rabs = absolute_or_null(rpath);
	if (rabs && !strcmp(rabs, out))
		error("--layout-probe %s would overwrite the output %s; choose another prefix",
		      o->layout_probe, o->output);
	free(rabs);
	if (stage_file(cpath, &cf, 1) || stage_file(rpath, &rf, 1))
		error("cannot write layout probe '%s': %s", o->layout_probe, strerror(errno));
	if (o->verbose)
		note("layout probe: %d lines each in %s and %s", p.lines, cpath, rpath);
}

/* Run argv with stderr and stdout into *out; returns the exit status. */
static int run_capture(char **argv, struct buf *out)
{
	char path[] = "/tmp/h2rs-cc-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		error("cannot create a temporary file: %s", strerror(errno));
	unlink(path);
	pid_t pid = fork();
	if (pid < 0)
		error("cannot run '%s': %s", argv[0], strerror(errno));
	if (pid == 0) {
		dup2(fd, 1);
		dup2(fd, 2);
		execvp(argv[0], argv);
		fprintf(stderr, "cannot run '%s': %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	int st = 0;
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	lseek(fd, 0, SEEK_SET);
	char chunk[4096];
	ssize_t n;
	while ((n = read(fd, chunk, sizeof chunk)) > 0)
		buf_putn(out, chunk, n);
	close(fd);
	if (!out->p)
		buf_puts(out, "");
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

/* gcc: "unrecognized command-line option '-mfoo'" (quotes may be Unicode). */
static bool drop_refused_arg(struct vec *args, const char *msg)
{
	static const char *const phrases[] = {"unrecognized command-line option",
					      "unrecognized command line option",
					      "unrecognized argument in option", NULL};
	const char *m = NULL;
	for (int i = 0; phrases[i] && !m; i++)
		if ((m = strstr(msg, phrases[i])))
			m += strlen(phrases[i]);
	if (!m)
		return false;
	const char *a = strchr(m, '-');
	if (!a)
		return false;
	size_t n = strcspn(a, "'\"\xe2\n");
	for (int i = 0; i < args->n; i++) {
		const char *s = args->v[i];
		if (strlen(s) == n && !strncmp(s, a, n)) {
			memmove(&args->v[i], &args->v[i + 1], (args->n - i - 1) * sizeof(void *));
			args->n--;
			return true;
		}
	}
	return false;
}

void check_layout_with(struct ctx *c, const char *cc)
{
	struct options *o = c->opt;
	struct probe p = {c, true, {0}, {0}, {0}, 0};
	for (int i = 0; i < c->items.n; i++) {
		struct item *it = c->items.v[i];
		if (it->emit && it->kind == IT_RECORD)
			probe_record(&p, it);
	}
	char *hdr = absolute(o->header);
	struct buf src = {0};
	buf_printf(&src, "/* h2rs --check-layout-with: libclang's layout, checked by %s */\n"
			 "#include \"%s\"\n", cc, hdr);
	for (size_t i = 0; i < p.undefs.cap; i++)
		if (p.undefs.slots[i].key)
			buf_printf(&src, "#undef %s\n", p.undefs.slots[i].key);
	buf_puts(&src, p.cc.p ? p.cc.p : "");
	char path[] = "/tmp/h2rs-layout-XXXXXX.c";
	int fd = mkstemps(path, 2);
	if (fd < 0 || write(fd, src.p, src.len) != (ssize_t)src.len || close(fd))
		error("cannot write the layout check file: %s", strerror(errno));

	struct vec args = {0};
	for (int i = 0; i < o->cc_args.n; i++)
		vec_push(&args, o->cc_args.v[i]);
	struct buf out = {0};
	int rc = 0;
	for (int round = 0; round < 64; round++) {
		struct vec argv = {0};
		vec_push(&argv, (void *)cc);
		for (int i = 0; i < args.n; i++)
			vec_push(&argv, args.v[i]);
		vec_push(&argv, "-fsyntax-only");
		vec_push(&argv, "-w");
		vec_push(&argv, path);
		vec_push(&argv, NULL);
		buf_reset(&out);
		rc = run_capture((char **)argv.v, &out);
		free(argv.v);
		if (rc == 0 || !drop_refused_arg(&args, out.p))
			break;
	}
	unlink(path);
	int mismatches = 0;
	/* one "error: static assertion failed: "h2rs-layout: …"" line per
	 * mismatch; the quoted source lines that follow it are not counted */
	for (const char *line = out.p; line && *line;) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);
		const char *err = memmem(line, len, "error", 5);
		const char *s = memmem(line, len, "h2rs-layout: ", 13);
		if (err && s && err < s) {
			s += 13;
			size_t n = strcspn(s, "\"\n");
			fprintf(stderr, "h2rs: error: layout mismatch, %s disagrees with libclang: %.*s\n",
				cc, (int)n, s);
			mismatches++;
		} else if (err && memmem(line, len, "error:", 6)) {
			/* e.g. a member libclang sees and the compiler does not */
			fprintf(stderr, "h2rs: error: layout check, %s says: %.*s\n", cc, (int)len, line);
			mismatches++;
		}
		line = nl ? nl + 1 : NULL;
	}
	if (mismatches)
		error("%d layout mismatch%s between %s and libclang; no bindings written", mismatches,
		      mismatches == 1 ? "" : "es", cc);
	if (rc != 0)
		error("--check-layout-with %s: the compiler failed on the layout check:\n%s", cc, out.p);
	if (o->verbose)
		note("--check-layout-with %s: %d checks agree with libclang", cc, p.lines);
	buf_free(&src);
	buf_free(&out);
}
