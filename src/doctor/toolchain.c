/* toolchain.c — the checks of scripts/rust_is_available.sh, all at once,
 * and what that script cannot see (rustc, core sources, bindgen, libclang,
 * mixed GCC + LLVM builds). */
#include "internal.h"

#include <clang-c/Index.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- toolchain ---- */

static struct ver min_version_for(struct doctor *d, const char *tool, const char *srcarch);

/* The minimum version of a tool for the tree and arch (scripts/min-tool-version.sh). */
static struct ver min_version(struct doctor *d, const char *tool)
{
	return min_version_for(d, tool, d->srcarch);
}

/* " (ARCH=s390's minimum; 1.85.0 elsewhere)" when the arch raises the
 * minimum (7.2: rustc 1.96 for s390, LLVM 18 for loongarch), else "". */
static char *arch_min_note(struct doctor *d, const char *tool)
{
	struct ver here = min_version(d, tool), x86 = min_version_for(d, tool, "x86");

	if (!d->ksrc || !strcmp(d->srcarch, "x86") || ver_num(here) == ver_num(x86))
		return xstrdup("");
	return xstrfmt(" (the minimum for ARCH=%s, scripts/min-tool-version.sh; %s elsewhere)",
		       d->make_arch, ver_str(x86));
}

static struct ver min_version_for(struct doctor *d, const char *tool, const char *srcarch)
{
	static const char *const fallback[][2] = {
	    {"rustc", "1.78.0"}, {"bindgen", "0.65.1"}, {"llvm", "13.0.1"}};
	char *out = NULL;
	struct ver v = {0};

	if (d->ksrc) {
		char *q = sh_quoted(xstrfmt("%s/scripts/min-tool-version.sh", d->ksrc));
		if (run_fmt(&out, "SRCARCH=%s ARCH=%s sh %s %s 2>/dev/null", srcarch,
			    !strcmp(srcarch, d->srcarch) ? d->make_arch : srcarch, q, tool) == 0)
			v = parse_ver(out);
		free(out);
		free(q);
	}
	for (size_t i = 0; !v.ok && i < 3; i++)
		if (!strcmp(fallback[i][0], tool))
			v = parse_ver(fallback[i][1]);
	return v;
}

/* Version of a Rust library source tree: from its path (Debian:
 * /usr/src/rustc-1.96.0/library), or from RELEASES.md / version next to it. */
static struct ver rust_src_version(const char *libsrc, char **how)
{
	char *r = path_real(libsrc);
	char *p = strstr(r, "rustc-");
	struct ver v = {0};
	static const char *const files[] = {"version", "RELEASES.md"};

	if (p && (v = parse_ver(p + 6)).ok) {
		*how = xstrfmt("from the path %s", r);
		return v;
	}
	for (size_t i = 0; i < 2; i++) {
		char *f = xstrfmt("%s/../%s", r, files[i]);
		char *out = NULL;
		if (is_file(f) && run_fmt(&out, "head -n 5 %s", sh_quoted(f)) == 0) {
			v = i == 0 ? parse_ver(out) : find_version(out, "Version ");
			if (v.ok) {
				*how = xstrfmt("from %s", path_real(f));
				free(out);
				return v;
			}
		}
		free(out);
	}
	*how = NULL;
	return v;
}

static bool rustup_managed(const char *path, const char *sysroot)
{
	return (path && (strstr(path, "/.cargo/") || strstr(path, "/.rustup/"))) ||
	       (sysroot && strstr(sysroot, "/.rustup/"));
}

/* Check one rustc: version, sysroot, core sources. Fills a finding list
 * only when report is true (alternatives are probed quietly). */
static bool probe_rustc(struct doctor *d, const char *rustc, bool report, struct ver *out_ver)
{
	char *path = path_which(rustc), *out = NULL, *sysroot, *libsrc, *corelib, *how = NULL;
	struct ver min = min_version(d, "rustc"), v, srcv;
	struct finding *f;
	bool ok = true;

	if (!path) {
		if (report)
			finding_add(d, "toolchain", ST_FAIL, "rustc", "rustc '%s' not found", rustc);
		return false;
	}
	run_fmt(&out, "%s --version 2>/dev/null", sh_quoted(path));
	v = find_version(out, "rustc ");
	*out_ver = v;
	if (!v.ok) {
		if (report)
			finding_add(d, "toolchain", ST_FAIL, "rustc", "%s: cannot read its version ('%s')",
			    path, first_line(out));
		return false;
	}
	if (ver_num(v) < ver_num(min)) {
		ok = false;
		if (report)
			finding_add(d, "toolchain", ST_FAIL, "rustc", "rustc %s (%s) is too old: minimum %s%s",
			    ver_str(v), path, ver_str(min), arch_min_note(d, "rustc"));
	} else if (report) {
		finding_add(d, "toolchain", ST_OK, "rustc", "rustc %s (%s) >= %s%s", ver_str(v), path,
		    ver_str(min), arch_min_note(d, "rustc"));
	}
	free(out);
	run_fmt(&out, "%s --print sysroot 2>/dev/null", sh_quoted(path));
	sysroot = first_line(out);
	if (d->var[V_RUST_LIB_SRC])
		libsrc = xstrdup(d->var[V_RUST_LIB_SRC]);
	else
		libsrc = xstrfmt("%s/lib/rustlib/src/rust/library", sysroot);
	corelib = xstrfmt("%s/core/src/lib.rs", libsrc);
	if (!is_file(corelib)) {
		if (report) {
			f = finding_add(
			    d, "toolchain", ST_FAIL, "core-sources",
			    "no source code for 'core' at %s: the kernel compiles core itself "
			    "from the sources of this exact rustc (make rustavailable fails here)",
			    corelib);
			if (rustup_managed(path, sysroot))
				finding_fix(f, "rustup component add rust-src");
		}
		return false;
	}
	srcv = rust_src_version(libsrc, &how);
	if (!srcv.ok && !d->var[V_RUST_LIB_SRC] && rustup_managed(path, sysroot)) {
		srcv = v; /* rustup's rust-src component belongs to its toolchain */
		how = xstrdup("the rust-src component of this rustup toolchain");
	}
	if (srcv.ok && ver_num(srcv) != ver_num(v)) {
		if (report)
			finding_add(d, "toolchain", ST_FAIL, "core-sources",
			    "core sources at %s are for rustc %s (%s), but rustc is %s: core must "
			    "come from the same rustc version or rust/core.o fails to build "
			    "(make rustavailable does not notice this)",
			    libsrc, ver_str(srcv), how, ver_str(v));
		return false;
	}
	if (report) {
		if (srcv.ok)
			finding_add(d, "toolchain", ST_OK, "core-sources",
			    "core sources for rustc %s at %s (version %s)", ver_str(srcv),
			    path_real(libsrc), how);
		else
			finding_add(d, "toolchain", ST_WARN, "core-sources",
			    "core sources at %s, version unknown: they must be for rustc %s "
			    "exactly",
			    path_real(libsrc), ver_str(v));
	}
	return ok;
}

/* Other rustc binaries on this machine that would work. */
static void find_alt_rustc(struct doctor *d)
{
	static const char *const cands[] = {"/usr/bin/rustc", "/usr/local/bin/rustc", "rustc"};
	char *home = getenv("HOME");
	struct vec all = {0};

	for (size_t i = 0; i < 3; i++)
		vec_push(&all, (void *)cands[i]);
	if (home)
		vec_push(&all, xstrfmt("%s/.cargo/bin/rustc", home));
	for (int i = 0; i < all.n; i++) {
		char *p = path_which(all.v[i]);
		struct ver v;
		if (!p || (d->rustc_path && !strcmp(path_real(p), path_real(d->rustc_path))))
			continue;
		if (probe_rustc(d, p, false, &v)) {
			d->alt_rustc = p;
			return;
		}
	}
}

static void check_rustc(struct doctor *d)
{
	const char *rustc = d->var[V_RUSTC] ? d->var[V_RUSTC] : "rustc";
	struct finding *f;

	d->rustc_path = path_which(rustc);
	d->rustc_ok = probe_rustc(d, rustc, true, &d->rustc_ver);
	if (d->rustc_ok)
		return;
	find_alt_rustc(d);
	if (!d->alt_rustc)
		return;
	struct ver v;
	probe_rustc(d, d->alt_rustc, false, &v);
	f = finding_add(d, "toolchain", ST_INFO, "rustc-alternative",
		"%s is rustc %s with matching core sources: it would work", d->alt_rustc,
		ver_str(v));
	finding_fix(f, "RUSTC=%s", d->alt_rustc);
}

/* The libclang probe header of the tree, or our copy of it. */
static char *libclang_probe_header(struct doctor *d)
{
	char *h;

	if (d->ksrc) {
		h = xstrfmt("%s/scripts/rust_is_available_bindgen_libclang.h", d->ksrc);
		if (is_file(h))
			return h;
	}
	h = xstrfmt("%s/rust_is_available_bindgen_libclang.h", d->scratch);
	static const char text[] = "#pragma message(\"clang version \" __clang_version__)\n";
	write_file_atomic(h, text, sizeof(text) - 1);
	return h;
}

/* Run a bindings generator the way rust_is_available.sh does. */
static void probe_bindgen(struct doctor *d, const char *cmd, struct bindgen_probe *p)
{
	char *out = NULL, *q;

	memset(p, 0, sizeof(*p));
	p->path = path_which(cmd);
	if (!p->path)
		return;
	q = sh_quoted(p->path);
	p->runs = run_fmt(&out, "%s --version workaround-for-0.69.0 2>/dev/null", q) == 0;
	p->line = first_line(out);
	p->v = find_version(p->line, "bindgen ");
	free(out);
	char *r = path_real(p->path), *self = d->self ? path_real(d->self) : NULL;
	const char *base = strrchr(r, '/') ? strrchr(r, '/') + 1 : r;
	p->is_h2rs =
	    !strcmp(base, "h2rs") || (self && !strcmp(r, self)) || !strncmp(p->line, "h2rs ", 5);
	p->probe_ok =
	    run_fmt(&out, "%s %s 2>&1 >/dev/null", q, sh_quoted(libclang_probe_header(d))) == 0;
	p->clang = find_version(out, "clang version ");
	p->probe_ok = p->probe_ok && p->clang.ok;
	free(out);
}

/* Is this probe good enough for the tree? Reports when report is set. */
static bool judge_bindgen(struct doctor *d, struct bindgen_probe *p, const char *what, bool report)
{
	struct ver min = min_version(d, "bindgen"), minclang = min_version(d, "llvm");
	bool ok = true;

	if (!p->path) {
		if (report)
			finding_add(d, "toolchain", ST_FAIL, "bindgen", "%s not found", what);
		return false;
	}
	if (!p->runs || !p->v.ok) {
		if (report)
			finding_add(d, "toolchain", ST_FAIL, "bindgen",
			    "%s (%s): '--version' did not print 'bindgen X.Y.Z' and exit 0 ('%s')",
			    what, p->path, p->line);
		return false;
	}
	if (ver_num(p->v) < ver_num(min)) {
		ok = false;
		if (report)
			finding_add(d, "toolchain", ST_FAIL, "bindgen",
			    "bindgen %s (%s) is too old: minimum %s", ver_str(p->v), p->path,
			    ver_str(min));
	} else if (report) {
		finding_add(d, "toolchain", ST_OK, "bindgen", "%s %s (%s) >= %s",
		    p->is_h2rs ? "h2rs as bindgen" : "bindgen", ver_str(p->v), p->path,
		    ver_str(min));
	}
	if (!p->probe_ok) {
		if (report)
			finding_add(d, "toolchain", ST_FAIL, "libclang",
			    "%s could not report its libclang version on "
			    "rust_is_available_bindgen_libclang.h (the kernel needs "
			    "'clang version X.Y.Z' on stderr and exit 0)",
			    p->path);
		return false;
	}
	if (ver_num(p->clang) < ver_num(minclang)) {
		if (report)
			finding_add(d, "toolchain", ST_FAIL, "libclang",
			    "%s uses libclang %s: too old, minimum %s%s", p->path,
			    ver_str(p->clang), ver_str(minclang), arch_min_note(d, "llvm"));
		return false;
	}
	if (report) {
		finding_add(d, "toolchain", ST_OK, "libclang", "%s uses libclang %s >= %s%s", p->path,
		    ver_str(p->clang), ver_str(minclang), arch_min_note(d, "llvm"));
		if (p->clang.a > 19 || (p->clang.a == 19 && p->clang.b >= 1))
			if (ver_num(p->v) < ver_num(parse_ver("0.69.5")))
				finding_add(d, "toolchain", ST_WARN, "bindgen",
				    "bindgen < 0.69.5 with libclang >= 19.1 may mishandle ## in "
				    "macros (the kernel warns)");
		if (p->clang.a >= 22 && ver_num(p->v) < ver_num(parse_ver("0.72.1")))
			finding_add(d, "toolchain", ST_WARN, "bindgen",
			    "bindgen < 0.72.1 with libclang >= 22 may drop 'pub' (the kernel "
			    "warns)");
	}
	return ok;
}

/* h2rs through a symlink named bindgen: make one in the scratch dir (or in
 * --link-bindgen DIR) and judge it like any bindgen. */
static void check_h2rs_as_bindgen(struct doctor *d)
{
	char *dir;

	if (!d->self)
		return;
	if (d->link_dir) {
		dir = path_real(d->link_dir);
		if (!is_dir(dir) && run_fmt(NULL, "mkdir -p %s", sh_quoted(dir)) != 0)
			error("cannot create %s", dir);
	} else {
		dir = xstrfmt("%s/bin", d->scratch);
		mkdir(dir, 0755);
	}
	d->h2rs_link = xstrfmt("%s/bindgen", dir);
	unlink(d->h2rs_link);
	if (symlink(d->self, d->h2rs_link) != 0)
		error("cannot create %s: %s", d->h2rs_link, strerror(errno));
	probe_bindgen(d, d->h2rs_link, &d->h2rs);
}

static void report_h2rs_alternative(struct doctor *d)
{
	struct finding *f;
	const char *home = getenv("HOME");
	char *dir;

	if (!d->self)
		return;
	if (!judge_bindgen(d, &d->h2rs, "h2rs as bindgen", false)) {
		finding_add(d, "toolchain", ST_INFO, "h2rs",
		    "h2rs (%s) does not answer as bindgen yet ('%s', libclang probe %s)", d->self,
		    d->h2rs.line ? d->h2rs.line : "", d->h2rs.probe_ok ? "ok" : "failed");
		return;
	}
	if (d->link_dir) {
		f = finding_add(d, "toolchain", ST_INFO, "h2rs",
			"created %s -> %s: it reports bindgen %s with libclang %s and qualifies",
			d->h2rs_link, d->self, ver_str(d->h2rs.v), ver_str(d->h2rs.clang));
		finding_fix(f, "BINDGEN=%s", d->h2rs_link);
		d->alt_bindgen = d->h2rs_link;
		return;
	}
	dir = home ? xstrfmt("%s/.local/lib/h2rs", home) : xstrdup("/usr/local/lib/h2rs");
	f = finding_add(d, "toolchain", ST_INFO, "h2rs",
		"h2rs (%s) qualifies as the bindings generator: bindgen %s, libclang %s; "
		"make a symlink named bindgen to it and pass BINDGEN= (or run h2rs doctor "
		"--link-bindgen %s)",
		d->self, ver_str(d->h2rs.v), ver_str(d->h2rs.clang), dir);
	finding_fix(f, "mkdir -p %s && ln -sf %s %s/bindgen", dir, d->self, dir);
	finding_fix(f, "BINDGEN=%s/bindgen", dir);
	d->alt_bindgen = d->h2rs_link;
	d->alt_bindgen_shown = xstrfmt("%s/bindgen", dir);
}

/* A stand-in bindgen used only when evaluating Kconfig, when neither the
 * given bindgen nor h2rs works: it answers the two questions
 * rust_is_available.sh asks, like a fixed bindgen would. */
static void make_stub_bindgen(struct doctor *d)
{
	char *path = xstrfmt("%s/stub/bindgen", d->scratch);
	char *text = xstrfmt(
	    "#!/bin/sh\n# h2rs doctor: stands in for a working bindgen\n"
	    "case \"$1\" in --version) echo 'bindgen 0.72.1';;\n"
	    "*) echo 'clang version %s' >&2;; esac\n",
	    clang_getCString(clang_getClangVersion())
		? ver_str(find_version(clang_getCString(clang_getClangVersion()), "clang version "))
		: "19.1.7");

	mkdir(xstrfmt("%s/stub", d->scratch), 0755);
	write_file_atomic(path, text, strlen(text));
	chmod(path, 0755);
	d->stub_bindgen = path;
}

static void check_bindgen(struct doctor *d)
{
	const char *bindgen = d->var[V_BINDGEN] ? d->var[V_BINDGEN] : "bindgen";
	CXString cv = clang_getClangVersion();

	finding_add(d, "toolchain", ST_INFO, "h2rs-libclang", "h2rs is built on libclang: %s",
	    clang_getCString(cv));
	clang_disposeString(cv);
	probe_bindgen(d, bindgen, &d->bg);
	d->bindgen_ok = judge_bindgen(d, &d->bg, xstrfmt("bindgen '%s'", bindgen), true);
	check_h2rs_as_bindgen(d);
	if (!d->bindgen_ok || d->link_dir || d->bg.is_h2rs) {
		if (!d->bg.is_h2rs)
			report_h2rs_alternative(d);
	}
	if (!d->bindgen_ok && !d->alt_bindgen)
		make_stub_bindgen(d);
}

/* CC through the kernel's own scripts/cc-version.sh when there is a tree. */
static void check_cc(struct doctor *d)
{
	char *path = path_which(d->cc), *out = NULL;
	struct finding *f;

	if (!path) {
		f = finding_add(d, "toolchain", ST_FAIL, "cc", "C compiler '%s' not found", d->cc);
		if (d->var[V_CROSS_COMPILE])
			finding_fix(f, "apt-get install gcc-%.*s",
				(int)strlen(d->var[V_CROSS_COMPILE]) - 1, d->var[V_CROSS_COMPILE]);
		return;
	}
	run_fmt(&out, "%s --version 2>/dev/null", sh_quoted(path));
	d->cc_is_clang = strstr(out ? out : "", "clang version") != NULL;
	d->cc_ver = find_version(out, d->cc_is_clang ? "clang version " : ") ");
	if (!d->cc_ver.ok)
		d->cc_ver = find_version(out, " ");
	free(out);
	finding_add(d, "toolchain", ST_OK, "cc", "C compiler: %s %s (%s)",
		    d->cc_is_clang ? "Clang" : "GCC", ver_str(d->cc_ver), path);
	if (!d->cc_is_clang) {
		f = finding_add(d, "toolchain", ST_WARN, "mixed-build",
			"mixed GCC + LLVM build: C is compiled by GCC while rustc and the "
			"bindings generator see the headers through LLVM/libclang; the kernel "
			"calls this 'very experimental' (Documentation/rust/quick-start.rst). "
			"Check that both agree on struct layouts with "
			"`h2rs --check-layout-with gcc`, or build with LLVM=1");
		finding_fix(f, "LLVM=1");
	}
}

/* In LLVM builds the kernel warns when clang and libclang differ. */
static void check_clang_vs_libclang(struct doctor *d)
{
	struct bindgen_probe *p = d->bindgen_ok ? &d->bg : d->alt_bindgen ? &d->h2rs : NULL;

	if (!d->cc_is_clang || !p || !p->clang.ok || !d->cc_ver.ok)
		return;
	if (ver_num(p->clang) == ver_num(d->cc_ver))
		finding_add(d, "toolchain", ST_OK, "clang-libclang", "clang %s = libclang %s",
		    ver_str(d->cc_ver), ver_str(p->clang));
	else {
		struct finding *f =
		    finding_add(d, "toolchain", ST_WARN, "clang-libclang",
			"clang %s differs from the libclang %s of %s: the kernel "
			"warns; layouts and flags can disagree between the two",
			ver_str(d->cc_ver), ver_str(p->clang),
			p == &d->h2rs && d->alt_bindgen_shown ? d->alt_bindgen_shown : p->path);
		char *clang = xstrfmt("clang-%d", p->clang.a);
		char *lld = xstrfmt("ld.lld-%d", p->clang.a);
		if (path_which(clang) && path_which(lld))
			finding_fix(f, "LLVM=-%d (the LLVM %d tools match libclang)", p->clang.a,
				p->clang.a);
		else if (path_which(clang))
			finding_fix(f, "CC=%s (matches libclang; %s is not installed for LLVM=-%d)",
				clang, lld, p->clang.a);
		else
			finding_fix(f, "apt-get install clang-%d lld-%d, then LLVM=-%d", p->clang.a,
				p->clang.a, p->clang.a);
		free(lld);
		if (p->is_h2rs)
			finding_fix(f,
				"or build h2rs against libclang %d: make LLVM_DIR=/usr/lib/llvm-%d",
				d->cc_ver.a, d->cc_ver.a);
		free(clang);
	}
}

static void check_hostcc(struct doctor *d)
{
	const char *hostcc = d->var[V_HOSTCC] ? d->var[V_HOSTCC] : d->llvm ? "clang" : "gcc";

	if (!path_which(hostcc))
		finding_add(d, "toolchain", ST_FAIL, "hostcc",
		    "HOSTCC '%s' not found: kconfig and the build's host tools need it", hostcc);
}

void check_toolchain(struct doctor *d)
{
	check_rustc(d);
	check_bindgen(d);
	check_cc(d);
	check_clang_vs_libclang(d);
	check_hostcc(d);
}
