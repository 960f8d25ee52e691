/* checks.c — the architecture check (HAVE_RUST in arch/$SRCARCH/Kconfig)
 * and the configuration check (olddefconfig, unmet dependencies, the
 * smallest verified scripts/config change). */
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

/* ---- architecture ---- */

/* "select HAVE_RUST if X86_64" lines of arch/$SRCARCH/Kconfig. */
static char *arch_select_lines(struct doctor *d)
{
	char *path = xstrfmt("%s/arch/%s/Kconfig", d->ksrc, d->srcarch), *line = NULL;
	FILE *f = fopen(path, "r");
	struct buf b = {0};
	size_t cap = 0;
	int no = 0;

	if (!f)
		return NULL;
	while (getline(&line, &cap, f) > 0) {
		char *p = line + strspn(line, " \t");
		no++;
		if (strncmp(p, "select", 6) || !strstr(p, "HAVE_RUST"))
			continue;
		p[strcspn(p, "\n")] = 0;
		for (char *t = p; *t; t++)
			if (*t == '\t')
				*t = ' ';
		while (strstr(p, "  "))
			memmove(strstr(p, "  "), strstr(p, "  ") + 1, strlen(strstr(p, "  ")));
		buf_printf(&b, "%sarch/%s/Kconfig:%d: %s", b.len ? "; " : "", d->srcarch, no, p);
	}
	free(line);
	fclose(f);
	return b.p;
}

/* The row of Documentation/rust/arch-support.rst for this arch. */
static char *arch_doc_row(struct doctor *d, bool *listed)
{
	char *path = xstrfmt("%s/Documentation/rust/arch-support.rst", d->ksrc), *line = NULL;
	char *key = xstrfmt("``%s``", d->srcarch), *res = NULL;
	FILE *f = fopen(path, "r");
	size_t cap = 0;

	*listed = false;
	if (!f)
		return NULL;
	while (getline(&line, &cap, f) > 0) {
		if (strncmp(line, key, strlen(key)))
			continue;
		char *rest = line + strlen(key);
		rest += strspn(rest, " ");
		rest[strcspn(rest, "\n")] = 0;
		/* "Maintained        ``x86_64`` only." → level + constraints */
		struct buf b = {0};
		for (char *p = rest; *p; p++) {
			if (*p == '`' || *p == '\\')
				continue;
			if (*p == ' ' && p[1] == ' ') {
				p += strspn(p, " ") - 1;
				buf_puts(&b, "; ");
				continue;
			}
			buf_putc(&b, *p);
		}
		res = b.p;
		*listed = true;
		break;
	}
	free(line);
	fclose(f);
	return res;
}

/* HAVE_RUST as kconfig computes it for the config in the model. */
static void arch_kconfig_verdict(struct doctor *d, struct kmodel *m, const char *what)
{
	struct ksym *hr = ksym_get(m, "HAVE_RUST");
	struct finding *f;

	if (!hr) {
		finding_add(d, "architecture", ST_FAIL, "have-rust",
		    "HAVE_RUST is not defined in this tree");
		return;
	}
	char *cond = hr->rev ? kexpr_text(hr->rev) : xstrdup("nothing");
	if (kexpr_truthy(hr->value[0])) {
		finding_add(d, "architecture", ST_OK, "have-rust",
		    "ARCH=%s: HAVE_RUST=y for %s (selected by %s; %s)", d->make_arch, what, cond,
		    values_text(m, hr->rev));
		return;
	}
	struct plan p = solve_sym(m, "HAVE_RUST", true, 0);
	f = finding_add(d, "architecture", ST_FAIL, "have-rust",
		"ARCH=%s: HAVE_RUST=n for %s: it is selected by %s; here %s", d->make_arch, what,
		hr->rev ? cond : "nothing (this architecture has no Rust support)",
		hr->rev ? values_text(m, hr->rev) : "-");
	if (!hr->rev)
		return;
	if (p.inf)
		finding_fix(f, "%s (%s)", env_hint(p.why), p.why ? p.why : "?");
	else
		finding_fix(f, "%s",
			d->config ? config_cmd(d, plan_args(&p))
				  : xstrfmt("scripts/config %s", plan_args(&p)));
}

/* ---- configuration ---- */

/* Conjuncts of RUST's dependencies that fail, with the symbols' values;
 * and those that hold only because olddefconfig dropped a value the file
 * sets (they come back when the environment changes, e.g. pahole). */
/* Why a symbol has its value, one level down: who selects it, or what
 * its default follows. Empty when the file sets it. */
static void symbol_why(struct kmodel *m, const char *name, struct buf *b, int depth)
{
	struct ksym *s = ksym_get(m, name);
	struct vec ds = {0};

	if (!s || depth > 2)
		return;
	if (s->rev && kexpr_truthy(s->rev->val)) {
		/* the active "select" lines */
		struct vec stack = {0};
		vec_push(&stack, s->rev);
		while (stack.n) {
			struct kexpr *e = stack.v[--stack.n];
			if (e->op == '|') {
				vec_push(&stack, e->r);
				vec_push(&stack, e->l);
			} else if (kexpr_truthy(e->val)) {
				vec_push(&ds, e);
			}
		}
		free(stack.v);
		for (int i = 0; i < ds.n; i++)
			buf_printf(b, "; %s is selected by %s (%s)", name, kexpr_text(ds.v[i]),
				   values_text(m, ds.v[i]));
		free(ds.v);
		return;
	}
	if (s->prompts.n)
		return;
	for (int i = 0; i < s->defs.n; i++) {
		struct kdef *df = s->defs.v[i];
		if (!df->value || df->value->op == 'c' || (df->cond && !kexpr_truthy(df->cond->val)))
			continue;
		buf_printf(b, "; %s has no prompt and follows %s (%s)", name, kexpr_text(df->value),
			   values_text(m, df->value));
		struct vec seen = {0};
		struct buf tmp = {0};
		symbol_values(m, df->value, &tmp, &seen);
		for (int j = 0; j < seen.n; j++)
			symbol_why(m, seen.v[j], b, depth + 1);
		free(seen.v);
		buf_free(&tmp);
		return;
	}
}

static char *chain_text(struct kmodel *m, const struct kexpr *c)
{
	struct vec seen = {0};
	struct buf vals = {0}, b = {0};

	symbol_values(m, c, &vals, &seen);
	for (int i = 0; i < seen.n; i++)
		symbol_why(m, seen.v[i], &b, 0);
	free(seen.v);
	buf_free(&vals);
	return b.p ? b.p : xstrdup("");
}

/* For "A || B" dependencies: the ways out that are not config changes
 * (LLVM=1 for !KASAN || CC_IS_CLANG, pahole for BTF, …). */
static void alternatives(struct finding *f, struct kmodel *m, struct kexpr *c)
{
	struct vec stack = {0};

	if (c->op != '|')
		return;
	vec_push(&stack, c);
	while (stack.n) {
		struct kexpr *e = stack.v[--stack.n];
		if (e->op == '|') {
			vec_push(&stack, e->r);
			vec_push(&stack, e->l);
			continue;
		}
		struct plan p = solve_expr(m, e, true, 0);
		const char *hint = p.inf ? env_hint(p.why) : NULL;
		if (hint && strncmp(hint, "set by the environment", 22))
			finding_fix(f, "or: %s (%s)", hint, p.why);
	}
	free(stack.v);
}

static void explain_rust_deps(struct doctor *d, struct kmodel *m)
{
	struct ksym *rust = ksym_get(m, "RUST");
	struct vec cs = {0};

	if (!rust)
		return;
	conjuncts(rust->dep, &cs);
	for (int i = 0; i < cs.n; i++) {
		struct kexpr *c = cs.v[i];
		if (kexpr_truthy(c->val))
			continue;
		struct plan p = solve_expr(m, c, true, 0);
		char *chain = chain_text(m, c);
		struct finding *f =
		    finding_add(d, "configuration", ST_FAIL, "rust-depends", "RUST depends on %s; %s%s",
			kexpr_text(c), values_text(m, c), chain);
		if (p.inf)
			finding_fix(f, "%s (%s)", env_hint(p.why), p.why ? p.why : "?");
		else
			finding_fix(f, "%s", config_cmd(d, plan_args(&p)));
		alternatives(f, m, c);
	}
	free(cs.v);
}

/* e evaluated with the given file's values for bool/tristate symbols. */
static char eval_with_file(struct doctor *d, struct kmodel *m, const struct kexpr *e)
{
	char a, b;

	if (!e)
		return 'y';
	switch (e->op) {
	case 's': {
		struct ksym *s = ksym_get(m, e->name);
		char *fv = s && (!strcmp(s->type, "bool") || !strcmp(s->type, "tristate"))
			       ? config_value(d->config, e->name)
			       : NULL;
		return fv && strchr("ymn", fv[0]) ? fv[0] : e->val;
	}
	case '!':
		a = eval_with_file(d, m, e->l);
		return a == 'y' ? 'n' : a == 'n' ? 'y' : 'm';
	case '&':
	case '|':
		a = eval_with_file(d, m, e->l);
		b = eval_with_file(d, m, e->r);
		if (e->op == '&')
			return a == 'n' || b == 'n' ? 'n' : a == 'm' || b == 'm' ? 'm' : 'y';
		return a == 'y' || b == 'y' ? 'y' : a == 'm' || b == 'm' ? 'm' : 'n';
	default:
		return e->val;
	}
}

/* "PAHOLE_VERSION >= 116 (PAHOLE_VERSION=0); …": the failing parts of e. */
static char *unmet_text(struct kmodel *m, struct kexpr *e)
{
	struct vec cs = {0};
	struct buf b = {0};

	conjuncts(e, &cs);
	for (int i = 0; i < cs.n; i++) {
		struct kexpr *c = cs.v[i];
		if (kexpr_truthy(c->val))
			continue;
		char *vals = values_text(m, c);
		buf_printf(&b, "%s%s%s%s%s", b.len ? "; " : "", kexpr_text(c), *vals ? " (" : "",
			   vals, *vals ? ")" : "");
	}
	free(cs.v);
	return b.p ? b.p : xstrdup("?");
}

/* Why kconfig gives s another value than the file: its unmet dependencies,
 * or its default (which follows the environment). */
static char *change_reason(struct kmodel *m, struct ksym *s)
{
	if (s->dep && !kexpr_truthy(s->dep->val))
		return unmet_text(m, s->dep);
	for (int i = 0; i < s->defs.n; i++) {
		struct kdef *df = s->defs.v[i];
		char *vals = values_text(m, df->value);
		if (df->value && df->value->op != 'c')
			return xstrfmt("its default is %s%s%s%s", kexpr_text(df->value),
				       *vals ? " (" : "", vals, *vals ? ")" : "");
	}
	return xstrdup("of the environment");
}

/* Dependencies of RUST that hold only because olddefconfig here changed a
 * value the given file sets: they block RUST again when the environment
 * changes (for example DEBUG_INFO_BTF=y once pahole is installed). */
static void explain_dropped(struct doctor *d, struct kmodel *m)
{
	struct ksym *rust = ksym_get(m, "RUST");
	struct vec cs = {0};

	if (!rust || !d->config)
		return;
	conjuncts(rust->dep, &cs);
	for (int i = 0; i < cs.n; i++) {
		struct vec seen = {0};
		struct buf vals = {0}, why = {0};
		struct kexpr *c = cs.v[i];
		bool file_ok = kexpr_truthy(eval_with_file(d, m, c));
		if (!kexpr_truthy(c->val))
			continue;
		symbol_values(m, c, &vals, &seen);
		for (int j = 0; j < seen.n; j++) {
			struct ksym *s = ksym_get(m, seen.v[j]);
			char *fv = config_value(d->config, seen.v[j]);
			if (!s || !fv || !strcmp(fv, s->value) ||
			    (strcmp(s->type, "bool") && strcmp(s->type, "tristate")))
				continue;
			buf_printf(&why, "%s%s=%s in the file, %s here because %s",
				   why.len ? "; " : "", s->name, fv, s->value, change_reason(m, s));
		}
		if (!why.p)
			continue;
		finding_add(d, "configuration", file_ok ? ST_INFO : ST_WARN, "dropped",
		    "RUST depends on %s: holds here, %s with the file's own values (%s)%s",
		    kexpr_text(c), file_ok ? "and also" : "but not", why.p,
		    file_ok ? "" : ". If that changes, RUST needs this again");
	}
	free(cs.v);
}

/* Apply scripts/config args to a copy of base and run olddefconfig; the
 * resulting CONFIG_RUST value (NULL when olddefconfig failed). */
static char *try_config(struct doctor *d, const char *base, const char *name, const char *args,
			char **log)
{
	char *dst = xstrfmt("%s/%s", d->scratch, name);

	if (!copy_file(base, dst))
		return NULL;
	if (run_fmt(log, "%s/scripts/config --file %s %s 2>&1", sh_quoted(d->ksrc), sh_quoted(dst),
		    args) != 0)
		return NULL;
	if (run_make(d, name, "olddefconfig", NULL, true, log) != 0)
		return NULL;
	char *v = config_value(dst, "RUST");
	return v ? v : xstrdup("n");
}

/* The smallest set of changes after which olddefconfig keeps RUST=y,
 * found by the solver and verified; up to four rounds. */
static bool plan_keeps_rust(struct doctor *d, const char *eff, const struct plan *p)
{
	char *log = NULL, *v = try_config(d, eff, "h2rs-doctor-fix.config", plan_args(p), &log);

	return v && !strcmp(v, "y");
}

/* Drop every change the verified plan does not need (each drop verified):
 * the solver fixes each dependency on its own, and one change can make
 * another unnecessary (switching a choice can end a select). */
static struct plan minimize_plan(struct doctor *d, const char *eff, struct plan p)
{
	bool tried[PLAN_MAX] = {0};
	const char *names[PLAN_MAX];

	for (int i = 0; i < p.n; i++)
		names[i] = p.ch[i].sym;
	/* the costliest change first: keep MODULES rather than MODVERSIONS */
	for (int round = 0; round < PLAN_MAX; round++) {
		int best = -1;
		for (int i = 0; i < p.n; i++) {
			int k;
			for (k = 0; names[k] != p.ch[i].sym; k++)
				;
			if (tried[k] || !strcmp(p.ch[i].sym, "RUST"))
				continue;
			if (best < 0 || p.ch[i].cost > p.ch[best].cost)
				best = i;
		}
		if (best < 0)
			break;
		for (int k = 0; k < PLAN_MAX; k++)
			if (names[k] == p.ch[best].sym) {
				tried[k] = true;
				break;
			}
		struct plan q = plan_without(p, best);
		if (plan_keeps_rust(d, eff, &q))
			p = q;
	}
	return p;
}

static void find_config_fix(struct doctor *d, const char *eff, struct kmodel *m)
{
	struct plan acc = {0};
	char *log = NULL, *args, *v;
	struct finding *f;

	for (int round = 0; round < 4; round++) {
		struct plan p = solve_sym(m, "RUST", true, 0);
		if (p.inf) {
			f = finding_add(d, "configuration", ST_FAIL, "config-fix",
				"RUST cannot be enabled by changing the config alone: %s (%s)",
				env_hint(p.why), p.why ? p.why : "?");
			return;
		}
		int before = acc.n;
		acc = plan_merge(acc, p);
		if (acc.inf || (round && acc.n == before))
			break;
		/* scripts/config -e RUST last, after what it depends on */
		args = plan_args(&acc);
		v = try_config(d, eff, "h2rs-doctor-fix.config", args, &log);
		if (v && !strcmp(v, "y")) {
			/* every plan minimize_plan keeps was verified */
			acc = minimize_plan(d, eff, acc);
			args = plan_args(&acc);
			d->config_fix = config_cmd(d, args);
			f = finding_add(d, "configuration", ST_INFO, "config-fix",
				"smallest change found, verified: after it, olddefconfig keeps "
				"RUST=y (with%s)",
				toolchain_vars_text(d, true));
			finding_fix(f, "%s", d->config_fix);
			finding_fix(f, "%s", olddefconfig_cmd(d));
			return;
		}
		m = kconfig_dump(d, "h2rs-doctor-fix.config", "RUST", 4, true, &log);
		if (!m)
			break;
	}
	finding_add(d, "configuration", ST_FAIL, "config-fix",
	    "no verified fix found (tried: scripts/config %s)", plan_args(&acc));
}

/* The given config after olddefconfig with the toolchain as given. */
bool prepare_config(struct doctor *d)
{
	char *log = NULL, *eff = xstrfmt("%s/h2rs-doctor-given.config", d->scratch);

	if (!copy_file(d->config, eff))
		error("cannot read %s", d->config);
	if (run_make(d, "h2rs-doctor-given.config", "olddefconfig", NULL, false, &log) != 0) {
		finding_add(d, "configuration", ST_FAIL, "olddefconfig", "make olddefconfig failed:\n%s",
		    log);
		return false;
	}
	d->have_tree_kconfig = true;
	return true;
}

void check_config(struct doctor *d)
{
	char *log = NULL, *eff = xstrfmt("%s/h2rs-doctor-given.config", d->scratch);
	struct kmodel *m;
	struct finding *f;
	bool substituted = (!d->rustc_ok && d->alt_rustc) || !d->bindgen_ok;

	if (!d->have_tree_kconfig)
		return;
	char *file_rust = config_value(d->config, "RUST");
	d->rust_value = config_value(eff, "RUST");
	if (d->rust_value && !strcmp(d->rust_value, "y")) {
		finding_add(d, "configuration", ST_OK, "rust", "CONFIG_RUST=y, and olddefconfig keeps it");
		return;
	}
	f = finding_add(d, "configuration", ST_FAIL, "rust",
		"CONFIG_RUST is %s in the file and %s after olddefconfig with this toolchain",
		file_rust ? file_rust : "unset", d->rust_value ? d->rust_value : "unset");
	if (substituted)
		finding_add(d, "configuration", ST_INFO, "analysis-toolchain",
		    "the config is analysed as if the toolchain were fixed:%s%s",
		    toolchain_vars_text(d, true),
		    d->bindgen_ok || d->alt_bindgen
			? ""
			: " (a stand-in that answers the kernel's bindgen "
			  "checks; no working bindgen was found)");
	char *v = try_config(d, eff, "h2rs-doctor-rust.config", "-e RUST", &log);
	if (v && !strcmp(v, "y")) {
		d->config_fix = config_cmd(d, "-e RUST");
		finding_fix(f, "%s", d->config_fix);
		finding_fix(f, "%s", olddefconfig_cmd(d));
		f->text =
		    xstrfmt("%s; enabling it is enough (verified with olddefconfig)", f->text);
		return;
	}
	m = kconfig_dump(d, "h2rs-doctor-rust.config", "RUST", 4, true, &log);
	if (!m) {
		finding_add(d, "configuration", ST_FAIL, "kconfig", "could not evaluate Kconfig:\n%s", log);
		return;
	}
	explain_rust_deps(d, m);
	explain_dropped(d, m);
	find_config_fix(d, eff, m);
}

void check_arch(struct doctor *d)
{
	char *log = NULL, *sel = arch_select_lines(d);
	bool listed;
	char *row = arch_doc_row(d, &listed);
	struct kmodel *m;

	finding_add(d, "architecture", sel ? ST_INFO : ST_FAIL, "select", "ARCH=%s (arch/%s): %s",
	    d->make_arch, d->srcarch,
	    sel ? sel : "no 'select HAVE_RUST' in its Kconfig: no Rust support");
	if (listed && sel)
		finding_add(d, "architecture", ST_OK, "arch-support",
		    "Documentation/rust/arch-support.rst agrees: %s: %s", d->srcarch, row);
	else if (listed != (sel != NULL))
		finding_add(d, "architecture", ST_WARN, "arch-support",
		    "Documentation/rust/arch-support.rst %s %s, but its Kconfig %s HAVE_RUST",
		    listed ? "lists" : "does not list", d->srcarch,
		    sel ? "selects" : "does not select");
	else
		finding_add(d, "architecture", ST_INFO, "arch-support",
		    "Documentation/rust/arch-support.rst does not list %s either", d->srcarch);
	if (!sel)
		return;
	if (d->config) {
		if (!d->have_tree_kconfig)
			return;
		m = kconfig_dump(d, "h2rs-doctor-given.config", "HAVE_RUST", 3, true, &log);
		if (m)
			arch_kconfig_verdict(d, m, "this config");
		return;
	}
	m = kconfig_dump(d, NULL, "HAVE_RUST", 3, true, &log);
	if (m) {
		arch_kconfig_verdict(d, m, "its defconfig");
		return;
	}
	/* KBUILD_DEFCONFIG names a make target, not a file: make it */
	if (run_make(d, "h2rs-doctor-defconfig.config", "defconfig", NULL, true, &log) != 0) {
		finding_add(d, "architecture", ST_WARN, "defconfig", "make defconfig failed:\n%s", log);
		return;
	}
	m = kconfig_dump(d, "h2rs-doctor-defconfig.config", "HAVE_RUST", 3, true, &log);
	if (m)
		arch_kconfig_verdict(d, m, "its defconfig");
}
