/* tree.c — finding the kernel tree, its version, the architecture and C
 * compiler; the scratch build directory and make in it. */
#include "internal.h"

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

/* ---- the kernel tree ---- */

static bool looks_like_tree(const char *dir)
{
	char *a = xstrfmt("%s/scripts/min-tool-version.sh", dir);
	char *b = xstrfmt("%s/init/Kconfig", dir);
	bool ok = is_file(a) && is_file(b);

	free(a);
	free(b);
	return ok;
}

/* "VERSION = 6" … from the top Makefile's first lines. */
char *tree_version(const char *dir)
{
	char *path = xstrfmt("%s/Makefile", dir);
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	int v = -1, p = -1, s = -1, lines = 0;

	free(path);
	if (!f)
		return xstrdup("?");
	while (getline(&line, &cap, f) > 0 && lines++ < 10) {
		sscanf(line, "VERSION = %d", &v);
		sscanf(line, "PATCHLEVEL = %d", &p);
		sscanf(line, "SUBLEVEL = %d", &s);
	}
	free(line);
	fclose(f);
	return xstrfmt("%d.%d.%d", v, p, s);
}

static int cmp_str_desc(const void *a, const void *b)
{
	return strverscmp(*(char *const *)b, *(char *const *)a);
}

/* Without --kernel: the current directory, else the newest unpacked
 * /usr/src/linux-source-*. */
void find_tree(struct doctor *d)
{
	struct vec cands = {0};
	char cwd[PATH_MAX];
	struct dirent *e;
	DIR *dir;

	if (d->kernel) {
		if (!looks_like_tree(d->kernel))
			error("%s is not a kernel tree (no scripts/min-tool-version.sh)",
			      d->kernel);
		d->ksrc = path_real(d->kernel);
		d->ksrc_how = xstrdup("--kernel");
		return;
	}
	if (getcwd(cwd, sizeof(cwd)) && looks_like_tree(cwd)) {
		d->ksrc = xstrdup(cwd);
		d->ksrc_how = xstrdup("the current directory");
		return;
	}
	dir = opendir("/usr/src");
	while (dir && (e = readdir(dir))) {
		char *p = xstrfmt("/usr/src/%s", e->d_name);
		if (!strncmp(e->d_name, "linux-source-", 13) && looks_like_tree(p))
			vec_push(&cands, p);
		else if (!strncmp(e->d_name, "linux-source-", 13) && strstr(e->d_name, ".tar"))
			vec_push(&cands, p); /* reported below if nothing better */
		else
			free(p);
	}
	if (dir)
		closedir(dir);
	if (cands.n > 1) /* qsort wants a non-NULL array even for 0 elements */
		qsort(cands.v, cands.n, sizeof(void *), cmp_str_desc);
	for (int i = 0; i < cands.n; i++) {
		if (looks_like_tree(cands.v[i])) {
			d->ksrc = xstrdup(cands.v[i]);
			d->ksrc_how = xstrdup("found unpacked under /usr/src (no --kernel given)");
			return;
		}
	}
	if (cands.n)
		d->ksrc_how = xstrfmt("no unpacked tree; %s is not unpacked (tar xf it and pass "
				      "--kernel)",
				      (char *)cands.v[0]);
	else
		d->ksrc_how = xstrdup("no kernel tree found (pass --kernel DIR)");
}

/* The kernel's SUBARCH mapping of `uname -m`. */
static const char *host_arch(void)
{
	static const struct {
		const char *prefix, *arch;
	} map[] = {{"x86_64", "x86"}, {"i386", "x86"},	  {"i486", "x86"},
		   {"i586", "x86"},   {"i686", "x86"},	  {"aarch64", "arm64"},
		   {"arm", "arm"},    {"riscv", "riscv"}, {"loongarch", "loongarch"},
		   {"s390", "s390"},  {"ppc", "powerpc"}, {"mips", "mips"}};
	static struct utsname u;

	if (uname(&u) != 0)
		return "x86";
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (!strncmp(u.machine, map[i].prefix, strlen(map[i].prefix)))
			return map[i].arch;
	return u.machine;
}

/* ARCH as make takes it, and the arch/ directory it selects. riscv64 and
 * aarch64 are accepted as the names people use for those targets. */
void resolve_arch(struct doctor *d)
{
	const char *a = d->arch ? d->arch : host_arch();

	if (!strcmp(a, "aarch64"))
		a = "arm64";
	if (!strcmp(a, "riscv64") || !strcmp(a, "riscv32"))
		d->make_arch = xstrdup("riscv");
	else
		d->make_arch = xstrdup(a);
	if (!strcmp(a, "x86_64") || !strcmp(a, "i386"))
		d->srcarch = xstrdup("x86");
	else if (!strcmp(a, "sparc32") || !strcmp(a, "sparc64"))
		d->srcarch = xstrdup("sparc");
	else if (!strcmp(a, "parisc64"))
		d->srcarch = xstrdup("parisc");
	else
		d->srcarch = xstrdup(d->make_arch);
}

/* CC and HOSTCC as the top Makefile derives them. */
void resolve_cc(struct doctor *d)
{
	const char *llvm = d->var[V_LLVM];
	const char *cross = d->var[V_CROSS_COMPILE] ? d->var[V_CROSS_COMPILE] : "";

	d->llvm = llvm && *llvm && strcmp(llvm, "0");
	if (d->var[V_CC])
		d->cc = xstrdup(d->var[V_CC]);
	else if (d->llvm && llvm[strlen(llvm) - 1] == '/')
		d->cc = xstrfmt("%sclang", llvm);
	else if (d->llvm && llvm[0] == '-')
		d->cc = xstrfmt("clang%s", llvm);
	else if (d->llvm)
		d->cc = xstrdup("clang");
	else
		d->cc = xstrfmt("%sgcc", cross);
}

/* ---- make in the scratch directory ---- */

/* Toolchain variables for make: as given, or (analysis) with the
 * replacements the report recommends. */
void make_vars(struct doctor *d, struct buf *b, bool analysis, bool shown)
{
	buf_puts(b, " ARCH=");
	sh_quote(b, d->make_arch);
	for (int i = 0; i < NVAR; i++) {
		const char *v = d->var[i];
		if (analysis && i == V_RUSTC && !d->rustc_ok && d->alt_rustc)
			v = d->alt_rustc;
		if (analysis && i == V_BINDGEN && !d->bindgen_ok)
			v = d->alt_bindgen ? d->alt_bindgen : d->stub_bindgen;
		if (shown && v && v == d->alt_bindgen && d->alt_bindgen_shown)
			v = d->alt_bindgen_shown;
		if (!v)
			continue;
		buf_printf(b, " %s=", var_names[i]);
		sh_quote(b, v);
	}
}

/* make TARGET in the scratch dir with KCONFIG_CONFIG=cfg; output in *log. */
int run_make(struct doctor *d, const char *cfg, const char *target, const char *extra,
	     bool analysis, char **log)
{
	struct buf b = {0};
	int rc;

	buf_puts(&b, "cd ");
	sh_quote(&b, d->scratch);
	buf_puts(&b, " && make -s --no-print-directory -f ");
	sh_quote(&b, xstrfmt("%s/Makefile", d->ksrc));
	buf_puts(&b, " -f h2rs-doctor.mk");
	make_vars(d, &b, analysis, false);
	buf_puts(&b, " KCONFIG_CONFIG=");
	sh_quote(&b, cfg);
	if (extra)
		buf_printf(&b, " %s", extra);
	buf_printf(&b, " %s </dev/null 2>&1", target);
	rc = run_fmt(log, "%s", b.p);
	buf_free(&b);
	return rc;
}

/*
 * The scratch directory gets the kconfig front end (embed/kconfig_dump.c,
 * compiled there against scripts/kconfig's objects, as mconf and nconf are)
 * and a config target of our own (embed/doctor.mk), read after the
 * kernel's Makefile: goals named %config need no include/config/auto.conf,
 * and the recipe runs with every variable the Makefile exports to kconfig.
 */
bool setup_scratch(struct doctor *d)
{
	char tmpl[] = "/tmp/h2rs-doctor.XXXXXX";
	char *p;

	if (!mkdtemp(tmpl))
		return false;
	d->scratch = xstrdup(tmpl);
	p = xstrfmt("%s/h2rs-doctor-kconfig.c", d->scratch);
	write_file_atomic(p, doctor_kconfig_dump_c, doctor_kconfig_dump_c_len);
	p = xstrfmt("%s/h2rs-doctor.mk", d->scratch);
	write_file_atomic(p, doctor_mk, doctor_mk_len);
	return true;
}
