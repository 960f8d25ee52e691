/*
 * doctor.c — `h2rs doctor`: can this kernel tree, configuration,
 * architecture and toolchain build Rust; if not, why, and the smallest fix.
 *
 * Three sections, one report (doctor.c: command line, report, output):
 *  - toolchain: the checks of scripts/rust_is_available.sh, all at once,
 *    plus what that script cannot see (core sources of another rustc
 *    version, mixed GCC + LLVM builds, h2rs as the bindings generator);
 *  - architecture: `select HAVE_RUST if …` in arch/$SRCARCH/Kconfig and
 *    its value as kconfig computes it, cross-checked against
 *    Documentation/rust/arch-support.rst;
 *  - configuration: whether olddefconfig keeps CONFIG_RUST, the unmet
 *    dependencies, and the smallest scripts/config change, verified by
 *    running olddefconfig on a copy.
 *
 * Kconfig is never parsed here. The tree's own kconfig is built in a
 * scratch O= directory by its own Makefile, and a small front-end (kconfig_dump.c,
 * compiled against scripts/kconfig's objects, as mconf and nconf are) dumps
 * symbols, their dependency expressions and their values. The dump is run
 * by a make recipe inside the kernel's Makefile, so it sees exactly the
 * environment kconfig sees (CC, RUSTC, BINDGEN, srctree, …).
 */
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

/* ---- command line ---- */

static void usage(FILE *f)
{
	fputs("usage: h2rs doctor [--kernel DIR] [--config FILE] [--arch ARCH] [--json]\n"
	      "                   [--link-bindgen DIR] [--keep] [VAR=VALUE...]\n"
	      "VAR is one of CC, LLVM, RUSTC, BINDGEN, HOSTCC, CROSS_COMPILE, RUST_LIB_SRC,\n"
	      "ARCH, as make takes them. Exit status: 0 when Rust can be built as given,\n"
	      "1 when not, 2 on usage errors.\n",
	      f);
}

static int var_index(const char *name, size_t n)
{
	for (int i = 0; i < NVAR; i++)
		if (strlen(var_names[i]) == n && !strncmp(var_names[i], name, n))
			return i;
	return -1;
}

/* Returns 0, or 2 for a usage error. */
static int parse_args(struct doctor *d, int argc, char **argv)
{
	static const char *const env_vars[] = {"LLVM", "CROSS_COMPILE", "RUST_LIB_SRC"};

	/* make reads these from the environment too (the Makefile uses
	 * ?= or ifdef for them); CC, RUSTC, BINDGEN, HOSTCC it does not. */
	for (size_t i = 0; i < sizeof(env_vars) / sizeof(env_vars[0]); i++) {
		const char *v = getenv(env_vars[i]);
		if (v && *v)
			d->var[var_index(env_vars[i], strlen(env_vars[i]))] = v;
	}
	if (getenv("ARCH") && *getenv("ARCH"))
		d->arch = getenv("ARCH");
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *eq = strchr(a, '=');
		const char **slot = NULL;

		if (!strcmp(a, "--json")) {
			d->json = true;
			continue;
		}
		if (!strcmp(a, "--keep")) {
			d->keep = true;
			continue;
		}
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			exit(0);
		}
		if (!strcmp(a, "--kernel"))
			slot = &d->kernel;
		else if (!strcmp(a, "--config"))
			slot = &d->config;
		else if (!strcmp(a, "--arch"))
			slot = &d->arch;
		else if (!strcmp(a, "--link-bindgen"))
			slot = &d->link_dir;
		else if (!strcmp(a, "--h2rs"))
			slot = &d->self;
		if (slot) {
			if (++i >= argc) {
				fprintf(stderr, "h2rs doctor: %s needs a value\n", a);
				return 2;
			}
			*slot = argv[i];
			continue;
		}
		if (a[0] != '-' && eq) {
			int v = var_index(a, (size_t)(eq - a));
			if (v >= 0) {
				d->var[v] = eq + 1;
				continue;
			}
			if (eq - a == 4 && !strncmp(a, "ARCH", 4)) {
				d->arch = eq + 1;
				continue;
			}
		}
		fprintf(stderr, "h2rs doctor: unknown argument '%s'\n", a);
		usage(stderr);
		return 2;
	}
	return 0;
}

/* ---- output ---- */

static void json_str(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			buf_printf(b, "\\%c", c);
		else if (c == '\n')
			buf_puts(b, "\\n");
		else if (c < 0x20)
			buf_printf(b, "\\u%04x", c);
		else
			buf_putc(b, (char)c);
	}
	buf_putc(b, '"');
}

static bool verdict(struct doctor *d)
{
	for (int i = 0; i < d->findings.n; i++) {
		struct finding *f = d->findings.v[i];
		if (f->st == ST_FAIL)
			return false;
	}
	return true;
}

static void print_json(struct doctor *d)
{
	struct buf b = {0};

	buf_puts(&b, "{\n  \"kernel\": ");
	json_str(&b, d->ksrc);
	buf_puts(&b, ",\n  \"kernel_version\": ");
	json_str(&b, d->kversion);
	buf_puts(&b, ",\n  \"kernel_found\": ");
	json_str(&b, d->ksrc_how);
	buf_puts(&b, ",\n  \"arch\": ");
	json_str(&b, d->make_arch);
	buf_puts(&b, ",\n  \"config\": ");
	json_str(&b, d->config);
	buf_printf(&b, ",\n  \"rust_buildable\": %s", verdict(d) ? "true" : "false");
	buf_puts(&b, ",\n  \"config_fix\": ");
	json_str(&b, d->config_fix);
	buf_puts(&b, ",\n  \"findings\": [");
	for (int i = 0; i < d->findings.n; i++) {
		struct finding *f = d->findings.v[i];
		buf_puts(&b, i ? ",\n    {" : "\n    {");
		buf_puts(&b, "\"section\": ");
		json_str(&b, f->section);
		buf_puts(&b, ", \"status\": ");
		json_str(&b, status_word(f->st));
		buf_puts(&b, ", \"check\": ");
		json_str(&b, f->check);
		buf_puts(&b, ", \"text\": ");
		json_str(&b, f->text);
		buf_puts(&b, ", \"fix\": [");
		for (int j = 0; j < f->fixes.n; j++) {
			if (j)
				buf_puts(&b, ", ");
			json_str(&b, f->fixes.v[j]);
		}
		buf_puts(&b, "]}");
	}
	buf_puts(&b, "\n  ]\n}\n");
	fputs(b.p, stdout);
	buf_free(&b);
}

static void print_section(struct doctor *d, const char *section, const char *title)
{
	bool any = false;

	for (int i = 0; i < d->findings.n; i++) {
		struct finding *f = d->findings.v[i];
		if (strcmp(f->section, section))
			continue;
		if (!any)
			printf("\n%s\n", title);
		any = true;
		printf("  %-5s %s\n", status_word(f->st), f->text);
		for (int j = 0; j < f->fixes.n; j++)
			printf("        fix: %s\n", (char *)f->fixes.v[j]);
	}
}

static void print_text(struct doctor *d)
{
	int fails = 0;

	printf("h2rs doctor: can Rust be built here?\n");
	if (d->ksrc)
		printf("kernel: %s (Linux %s; %s)\n", d->ksrc, d->kversion, d->ksrc_how);
	else
		printf("kernel: none (%s); toolchain facts only\n", d->ksrc_how);
	printf("arch:   ARCH=%s\n", d->make_arch);
	if (d->config)
		printf("config: %s\n", d->config);
	print_section(d, "toolchain", "Toolchain");
	print_section(d, "architecture", "Architecture");
	print_section(d, "configuration", "Configuration");
	for (int i = 0; i < d->findings.n; i++)
		fails += ((struct finding *)d->findings.v[i])->st == ST_FAIL;
	if (!fails)
		printf("\nVerdict: Rust can be built as given.\n");
	else
		printf("\nVerdict: Rust cannot be built as given (%d problem%s above).\n", fails,
		       fails == 1 ? "" : "s");
	if (d->config_fix)
		printf("Config fix (verified): %s\n", d->config_fix);
}

static char *self_path(void)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);

	if (n <= 0)
		return NULL;
	buf[n] = 0;
	return xstrdup(buf);
}

int doctor_main(int argc, char **argv)
{
	struct doctor d = {0};
	int rc = parse_args(&d, argc, argv);

	if (rc)
		return rc;
	if (!d.self)
		d.self = self_path();
	if (d.config && !is_file(d.config))
		error("--config %s: no such file", d.config);
	find_tree(&d);
	if (d.config && !d.ksrc)
		error("--config needs a kernel tree (--kernel DIR)");
	if (d.ksrc)
		d.kversion = tree_version(d.ksrc);
	resolve_arch(&d);
	resolve_cc(&d);
	if (!setup_scratch(&d))
		error("cannot create a scratch directory in /tmp: %s", strerror(errno));
	check_toolchain(&d);
	if (d.ksrc) {
		if (d.config)
			prepare_config(&d);
		check_arch(&d);
		if (d.config)
			check_config(&d);
		else
			finding_add(&d, "configuration", ST_INFO, "config",
			    "no --config given: configuration not checked");
	}
	if (d.json)
		print_json(&d);
	else
		print_text(&d);
	if (!d.keep)
		run_fmt(NULL, "rm -rf %s", sh_quoted(d.scratch));
	else
		fprintf(stderr, "h2rs doctor: scratch directory kept: %s\n", d.scratch);
	return verdict(&d) ? 0 : 1;
}
