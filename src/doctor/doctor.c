/*
 * doctor.c — `h2rs doctor`: can this kernel tree, configuration,
 * architecture and toolchain build Rust; if not, why, and the smallest fix.
 *
 * Three sections, one report:
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
 * scratch O= directory by its own Makefile, and a small front-end (below,
 * compiled against scripts/kconfig's objects, as mconf and nconf are) dumps
 * symbols, their dependency expressions and their values. The dump is run
 * by a make recipe inside the kernel's Makefile, so it sees exactly the
 * environment kconfig sees (CC, RUSTC, BINDGEN, srctree, …).
 */
#include "doctor.h"
#include "util/util.h"

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

/* ---- the kconfig front-end, compiled in the scratch directory ---- */

static const char kconfig_helper_src[] =
    "/* h2rs doctor: dump Kconfig symbols, their dependencies and values as the\n"
    " * tree's own kconfig computes them. Built against scripts/kconfig objects. */\n"
    "#include <ctype.h>\n"
    "#include <stdio.h>\n"
    "#include <string.h>\n"
    "#include \"lkc.h\"\n"
    "#include \"internal.h\"\n"
    "\n"
    "#define MAXSYMS 8192\n"
    "\n"
    "struct todo {\n"
    "	struct symbol *sym[MAXSYMS];\n"
    "	int depth[MAXSYMS];\n"
    "	int n;\n"
    "	int maxdepth;\n"
    "};\n"
    "\n"
    "static void add_sym(struct todo *t, struct symbol *s, int depth)\n"
    "{\n"
    "	int i;\n"
    "\n"
    "	if (!s || !s->name || (s->flags & SYMBOL_CONST) || s->type == S_UNKNOWN ||\n"
    "	    t->n >= MAXSYMS)\n"
    "		return;\n"
    "	for (i = 0; i < t->n; i++)\n"
    "		if (t->sym[i] == s)\n"
    "			return;\n"
    "	t->sym[t->n] = s;\n"
    "	t->depth[t->n++] = depth;\n"
    "}\n"
    "\n"
    "static void put_enc(const char *s)\n"
    "{\n"
    "	if (!*s) {\n"
    "		fputs(\"%-\", stdout);\n"
    "		return;\n"
    "	}\n"
    "	for (; *s; s++) {\n"
    "		if (isalnum((unsigned char)*s) || strchr(\"_.,:/+-=\", *s))\n"
    "			putchar(*s);\n"
    "		else\n"
    "			printf(\"%%%02x\", (unsigned char)*s);\n"
    "	}\n"
    "}\n"
    "\n"
    "static char tri_char(tristate t)\n"
    "{\n"
    "	return t == yes ? 'y' : t == mod ? 'm' : 'n';\n"
    "}\n"
    "\n"
    "static void put_sym(struct todo *t, struct symbol *s, int depth)\n"
    "{\n"
    "	if (s == &symbol_yes)\n"
    "		fputs(\" #y\", stdout);\n"
    "	else if (s == &symbol_mod)\n"
    "		fputs(\" #m\", stdout);\n"
    "	else if (s == &symbol_no)\n"
    "		fputs(\" #n\", stdout);\n"
    "	else if (!s->name || (s->flags & SYMBOL_CONST) || s->type == S_UNKNOWN) {\n"
    "		putchar(' ');\n"
    "		putchar('#');\n"
    "		put_enc(s->name ? s->name : \"\");\n"
    "	} else {\n"
    "		printf(\" $%s\", s->name);\n"
    "		if (depth < t->maxdepth)\n"
    "			add_sym(t, s, depth + 1);\n"
    "	}\n"
    "}\n"
    "\n"
    "static const char *op_name(enum expr_type type)\n"
    "{\n"
    "	switch (type) {\n"
    "	case E_OR: return \"||\";\n"
    "	case E_AND: return \"&&\";\n"
    "	case E_NOT: return \"!\";\n"
    "	case E_EQUAL: return \"=\";\n"
    "	case E_UNEQUAL: return \"!=\";\n"
    "	case E_LTH: return \"<\";\n"
    "	case E_LEQ: return \"<=\";\n"
    "	case E_GTH: return \">\";\n"
    "	case E_GEQ: return \">=\";\n"
    "	default: return \"?\";\n"
    "	}\n"
    "}\n"
    "\n"
    "static void put_expr(struct todo *t, struct expr *e, int depth)\n"
    "{\n"
    "	if (!e) {\n"
    "		fputs(\" #y\", stdout);\n"
    "		return;\n"
    "	}\n"
    "	if (e->type == E_SYMBOL) {\n"
    "		put_sym(t, e->left.sym, depth);\n"
    "		return;\n"
    "	}\n"
    "	printf(\" ( %s %c\", op_name(e->type), tri_char(expr_calc_value(e)));\n"
    "	switch (e->type) {\n"
    "	case E_OR:\n"
    "	case E_AND:\n"
    "		put_expr(t, e->left.expr, depth);\n"
    "		put_expr(t, e->right.expr, depth);\n"
    "		break;\n"
    "	case E_NOT:\n"
    "		put_expr(t, e->left.expr, depth);\n"
    "		break;\n"
    "	default:\n"
    "		put_sym(t, e->left.sym, depth);\n"
    "		put_sym(t, e->right.sym, depth);\n"
    "		break;\n"
    "	}\n"
    "	fputs(\" )\", stdout);\n"
    "}\n"
    "\n"
    "static void put_choice(struct todo *t, struct symbol *s, int depth)\n"
    "{\n"
    "	struct menu *choice = sym_get_choice_menu(s);\n"
    "	struct symbol *def, *m;\n"
    "\n"
    "	if (!choice)\n"
    "		return;\n"
    "	def = sym_choice_default(choice);\n"
    "	printf(\"cho %s %s\", s->name, def && def->name ? def->name : \"-\");\n"
    "	list_for_each_entry(m, &choice->choice_members, choice_link) {\n"
    "		if (m->name)\n"
    "			printf(\" %s\", m->name);\n"
    "		add_sym(t, m, depth + 1);\n"
    "	}\n"
    "	putchar('\\n');\n"
    "}\n"
    "\n"
    "/* How many symbols depend on s: what turning it off costs. */\n"
    "static int dependents(struct symbol *s)\n"
    "{\n"
    "	struct symbol *o;\n"
    "	int n = 0;\n"
    "\n"
    "	if (s->type != S_BOOLEAN && s->type != S_TRISTATE)\n"
    "		return 0;\n"
    "	for_all_symbols(o)\n"
    "		if (o != s && o->dir_dep.expr && expr_contains_symbol(o->dir_dep.expr, s))\n"
    "			n++;\n"
    "	return n;\n"
    "}\n"
    "\n"
    "static void dump_sym(struct todo *t, struct symbol *s, int depth)\n"
    "{\n"
    "	struct property *p;\n"
    "\n"
    "	sym_calc_value(s);\n"
    "	printf(\"sym %s %s\", s->name, sym_type_name(s->type));\n"
    "	putchar(' ');\n"
    "	put_enc(sym_get_string_value(s));\n"
    "	if (sym_has_value(s) && (s->type == S_BOOLEAN || s->type == S_TRISTATE))\n"
    "		printf(\" %c\", tri_char(s->def[S_DEF_USER].tri));\n"
    "	else if (sym_has_value(s) && putchar(' '))\n"
    "		put_enc(s->def[S_DEF_USER].val ? (const char *)s->def[S_DEF_USER].val : \"\");\n"
    "	else\n"
    "		fputs(\" %-\", stdout);\n"
    "	printf(\" %c %d %d\\n\", tri_char(s->visible), dependents(s), sym_is_choice_value(s));\n"
    "	printf(\"dep %s\", s->name);\n"
    "	put_expr(t, s->dir_dep.expr, depth);\n"
    "	putchar('\\n');\n"
    "	if (s->rev_dep.expr) {\n"
    "		printf(\"rev %s\", s->name);\n"
    "		put_expr(t, s->rev_dep.expr, depth);\n"
    "		putchar('\\n');\n"
    "	}\n"
    "	for_all_prompts(s, p) {\n"
    "		printf(\"pro %s\", s->name);\n"
    "		put_expr(t, p->visible.expr, depth);\n"
    "		putchar('\\n');\n"
    "	}\n"
    "	for_all_defaults(s, p) {\n"
    "		printf(\"def %s\", s->name);\n"
    "		put_expr(t, p->expr, depth);\n"
    "		fputs(\" |\", stdout);\n"
    "		put_expr(t, p->visible.expr, depth);\n"
    "		putchar('\\n');\n"
    "	}\n"
    "	if (sym_is_choice_value(s))\n"
    "		put_choice(t, s, depth);\n"
    "}\n"
    "\n"
    "int main(int argc, char **argv)\n"
    "{\n"
    "	static struct todo t;\n"
    "	int i;\n"
    "\n"
    "	if (argc < 4) {\n"
    "		fprintf(stderr, \"usage: %s Kconfig .config DEPTH SYM...\\n\", argv[0]);\n"
    "		return 2;\n"
    "	}\n"
    "	conf_parse(argv[1]);\n"
    "	if (conf_read(argv[2]))\n"
    "		return 1;\n"
    "	t.maxdepth = atoi(argv[3]);\n"
    "	for (i = 4; i < argc; i++)\n"
    "		add_sym(&t, sym_find(argv[i]), 0);\n"
    "	for (i = 0; i < t.n; i++)\n"
    "		dump_sym(&t, t.sym[i], t.depth[i]);\n"
    "	return 0;\n"
    "}\n";

/*
 * A config target of our own, read after the kernel's Makefile: goals named
 * %config need no include/config/auto.conf, and the recipe runs with every
 * variable the Makefile exports to kconfig.
 */
static const char doctor_mk_src[] =
    "h2rs-doctor-dumpconfig: outputmakefile scripts_basic FORCE\n"
    "\t$(Q)$(MAKE) $(build)=scripts/kconfig scripts/kconfig/conf\n"
    "\t$(Q)test -x h2rs-doctor-kconfig || $(HOSTCC) -w -std=gnu11 -I$(srctree)/scripts/include "
    "-I$(srctree)/scripts/kconfig -Iscripts/kconfig -o h2rs-doctor-kconfig "
    "h2rs-doctor-kconfig.c $(addprefix scripts/kconfig/,confdata.o expr.o "
    "lexer.lex.o menu.o parser.tab.o preprocess.o symbol.o util.o)\n"
    "\t$(Q)./h2rs-doctor-kconfig $(if $(KBUILD_KCONFIG),$(KBUILD_KCONFIG),Kconfig) "
    "$(if $(DOCTOR_DEFCONFIG),$(h2rs-doctor-defconfig),$(KCONFIG_CONFIG)) "
    "$(DOCTOR_DEPTH) $(DOCTOR_SYMS) > $(DOCTOR_OUT)\n"
    "# DOCTOR_DEFCONFIG=1: the arch's defconfig file, read as `make defconfig` reads it\n"
    "h2rs-doctor-defconfig = $(or $(wildcard "
    "$(srctree)/arch/$(SRCARCH)/configs/$(KBUILD_DEFCONFIG)),/nonexistent)\n";

/* ---- report ---- */

enum status { ST_OK, ST_INFO, ST_WARN, ST_FAIL };

/* One line of the report, with the commands that fix it. */
struct finding {
	const char *section; /* "toolchain", "architecture", "configuration" */
	enum status st;	     /* how bad */
	const char *check;   /* short machine name: "rustc", "core-sources", … */
	char *text;	     /* one or more sentences for humans */
	struct vec fixes;    /* char *: commands or settings that fix it */
};

/* Make variables the doctor understands (as make takes them). */
enum var { V_CC, V_LLVM, V_RUSTC, V_BINDGEN, V_HOSTCC, V_CROSS_COMPILE, V_RUST_LIB_SRC, NVAR };
static const char *const var_names[NVAR] = {"CC",     "LLVM",	       "RUSTC",	      "BINDGEN",
					    "HOSTCC", "CROSS_COMPILE", "RUST_LIB_SRC"};

/* A version X.Y.Z. */
struct ver {
	int a, b, c;
	bool ok; /* parsed */
};

/* What running a bindings generator showed. */
struct bindgen_probe {
	char *path;	  /* resolved executable, NULL when not found */
	char *line;	  /* first line of --version */
	struct ver v;	  /* bindgen version it claims */
	struct ver clang; /* libclang version from the #pragma message probe */
	bool runs;	  /* --version exited 0 */
	bool probe_ok;	  /* the libclang probe exited 0 and named a version */
	bool is_h2rs;	  /* it is h2rs (through a symlink or not) */
};

/* Kconfig model, as dumped by the front-end above. */
struct kexpr {
	/* 's' symbol, 'c' constant, '!', '&', '|', '=', 'N' (!=), '<', 'l' (<=),
	 * '>', 'g' (>=) */
	char op;
	char val;	  /* value kconfig computed: 'y', 'm' or 'n' */
	const char *name; /* symbol name or constant text */
	struct kexpr *l, *r;
};

struct kdef {
	struct kexpr *value; /* default value expression */
	struct kexpr *cond;  /* its condition, dependencies included */
};

struct ksym {
	char *name;
	char *type;	    /* "bool", "tristate", "int", … */
	char *value;	    /* current value */
	char *user;	    /* value read from the file, or NULL */
	char visible;	    /* prompt visibility: y/m/n */
	bool choice;	    /* member of a choice */
	int dependents;	    /* symbols that depend on it (cost of turning it off) */
	struct kexpr *dep;  /* depends on (with menus and ifs), NULL = y */
	struct kexpr *rev;  /* selected by, NULL = none */
	struct vec prompts; /* struct kexpr *: visibility of each prompt */
	struct vec defs;    /* struct kdef * */
	char *choice_def;   /* default member of its choice */
	struct vec members; /* char *: members of its choice */
	bool busy;	    /* on the solver's stack */
};

struct kmodel {
	struct strmap syms; /* name → struct ksym * */
};

/* A set of config changes: the answer to "what must change". */
#define PLAN_MAX 32
struct plan {
	struct {
		const char *sym;
		char val; /* 'y' or 'n' */
		int cost; /* 1, plus a tenth of its dependents when switched off */
	} ch[PLAN_MAX];
	int n;
	int cost;	 /* changes, weighted by what switching off takes away */
	bool inf;	 /* cannot be reached by changing the config */
	const char *why; /* for inf: the symbol or test outside the config */
};

struct doctor {
	/* options */
	const char *kernel;    /* --kernel */
	const char *config;    /* --config */
	const char *arch;      /* --arch or ARCH= */
	const char *link_dir;  /* --link-bindgen DIR */
	const char *self;      /* the h2rs executable */
	bool json;	       /* --json */
	bool keep;	       /* --keep: keep the scratch directory */
	const char *var[NVAR]; /* VAR=VALUE (or environment) */
	/* derived */
	char *ksrc;	 /* kernel tree, NULL for toolchain facts only */
	char *kversion;	 /* "6.12.117" */
	char *ksrc_how;	 /* how the tree was found */
	char *make_arch; /* ARCH= for make */
	char *srcarch;	 /* arch/<srcarch> */
	char *scratch;	 /* scratch directory */
	char *cc;	 /* C compiler command */
	bool llvm;	 /* LLVM=… build */
	bool cc_is_clang;
	struct ver cc_ver;
	char *rustc_path; /* resolved rustc */
	struct ver rustc_ver;
	bool rustc_ok;		 /* version and core sources fine */
	struct bindgen_probe bg; /* the bindgen asked for */
	bool bindgen_ok;
	struct bindgen_probe h2rs; /* h2rs through a `bindgen` symlink */
	char *h2rs_link;	   /* that symlink */
	char *alt_rustc;	   /* a rustc that would work instead */
	char *alt_bindgen;	   /* a bindgen that would work instead */
	char *alt_bindgen_shown;   /* how the report spells it (a lasting path) */
	char *stub_bindgen;	   /* stand-in used only to evaluate Kconfig */
	struct vec findings;	   /* struct finding * */
	bool have_tree_kconfig;	   /* kconfig built in scratch */
	char *config_fix;	   /* the verified scripts/config command */
	char *rust_value;	   /* CONFIG_RUST after olddefconfig as given */
};

static struct finding *add(struct doctor *d, const char *section, enum status st, const char *check,
			   const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static struct finding *add(struct doctor *d, const char *section, enum status st, const char *check,
			   const char *fmt, ...)
{
	struct finding *f = xcalloc(1, sizeof(*f));
	va_list ap;

	f->section = section;
	f->st = st;
	f->check = check;
	va_start(ap, fmt);
	f->text = xvstrfmt(fmt, ap);
	va_end(ap);
	vec_push(&d->findings, f);
	return f;
}

static void add_fix(struct finding *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void add_fix(struct finding *f, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vec_push(&f->fixes, xvstrfmt(fmt, ap));
	va_end(ap);
}

/* ---- small utilities ---- */

/* Append s to b quoted for /bin/sh. */
static void sh_quote(struct buf *b, const char *s)
{
	if (*s &&
	    !s[strspn(
		s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-+=./:,@%")]) {
		buf_puts(b, s);
		return;
	}
	buf_putc(b, '\'');
	for (; *s; s++) {
		if (*s == '\'')
			buf_puts(b, "'\\''");
		else
			buf_putc(b, *s);
	}
	buf_putc(b, '\'');
}

static char *quoted(const char *s)
{
	struct buf b = {0};

	sh_quote(&b, s);
	return b.p;
}

/* Run a /bin/sh command, collect its stdout into out (may be NULL).
 * Returns the exit status, or -1 when it could not run or was killed. */
static int run_sh(const char *cmd, struct buf *out)
{
	char chunk[4096];
	size_t n;
	FILE *p = popen(cmd, "r");
	int st;

	if (!p)
		return -1;
	while ((n = fread(chunk, 1, sizeof(chunk), p)) > 0)
		if (out)
			buf_putn(out, chunk, n);
	if (out && !out->p)
		buf_puts(out, "");
	st = pclose(p);
	if (st == -1 || !WIFEXITED(st))
		return -1;
	return WEXITSTATUS(st);
}

/* Run a command built with a format; stdout into *out (allocated). */
static int run_fmt(char **out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int run_fmt(char **out, const char *fmt, ...)
{
	struct buf b = {0};
	va_list ap;
	char *cmd;
	int rc;

	va_start(ap, fmt);
	cmd = xvstrfmt(fmt, ap);
	va_end(ap);
	rc = run_sh(cmd, &b);
	free(cmd);
	if (out)
		*out = b.p;
	else
		buf_free(&b);
	return rc;
}

static char *first_line(const char *s)
{
	if (!s)
		return xstrdup("");
	return strndup(s, strcspn(s, "\n"));
}

static bool is_file(const char *path)
{
	struct stat st;

	return path && stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static bool is_dir(const char *path)
{
	struct stat st;

	return path && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool is_exec(const char *path)
{
	return is_file(path) && access(path, X_OK) == 0;
}

static char *real(const char *path)
{
	char *r = realpath(path, NULL);

	return r ? r : xstrdup(path);
}

/* Resolve a command like the shell would: a path as is, else $PATH. */
static char *which(const char *cmd)
{
	const char *path = getenv("PATH");
	const char *p, *end;

	if (!cmd || !*cmd)
		return NULL;
	if (strchr(cmd, '/'))
		return is_exec(cmd) ? xstrdup(cmd) : NULL;
	for (p = path ? path : "/usr/bin:/bin"; *p; p = *end ? end + 1 : end) {
		end = p + strcspn(p, ":");
		char *cand = xstrfmt("%.*s/%s", (int)(end - p), p, cmd);
		if (is_exec(cand))
			return cand;
		free(cand);
	}
	return NULL;
}

/* Find "<prefix>X.Y.Z" in text (the first match, any line). */
static struct ver find_version(const char *text, const char *prefix)
{
	struct ver v = {0};
	const char *p = text;
	size_t n = strlen(prefix);

	while (p && (p = strstr(p, prefix))) {
		if (sscanf(p + n, "%d.%d.%d", &v.a, &v.b, &v.c) == 3) {
			v.ok = true;
			return v;
		}
		p += n;
	}
	return v;
}

static long ver_num(struct ver v)
{
	return 100000L * v.a + 100L * v.b + v.c;
}

static char *ver_str(struct ver v)
{
	return v.ok ? xstrfmt("%d.%d.%d", v.a, v.b, v.c) : xstrdup("?");
}

static struct ver parse_ver(const char *s)
{
	struct ver v = {0};

	v.ok = s && sscanf(s, "%d.%d.%d", &v.a, &v.b, &v.c) == 3;
	return v;
}

/* Value of CONFIG_<name> in a .config: "y", "m", a string, "n" for
 * "# CONFIG_X is not set", NULL when absent. */
static char *config_value(const char *path, const char *name)
{
	FILE *f = fopen(path, "r");
	char *line = NULL, *res = NULL;
	size_t cap = 0, n = strlen(name);

	if (!f)
		return NULL;
	while (getline(&line, &cap, f) > 0) {
		line[strcspn(line, "\n")] = 0;
		if (!strncmp(line, "CONFIG_", 7) && !strncmp(line + 7, name, n) &&
		    line[7 + n] == '=') {
			res = xstrdup(line + 8 + n);
			break;
		}
		if (!strncmp(line, "# CONFIG_", 9) && !strncmp(line + 9, name, n) &&
		    !strcmp(line + 9 + n, " is not set")) {
			res = xstrdup("n");
			break;
		}
	}
	free(line);
	fclose(f);
	return res;
}

static bool copy_file(const char *from, const char *to)
{
	char *qf = quoted(from), *qt = quoted(to);
	int rc = run_fmt(NULL, "cp -- %s %s 2>/dev/null", qf, qt);

	free(qf);
	free(qt);
	return rc == 0;
}

static const char *status_word(enum status st)
{
	static const char *const w[] = {"ok", "info", "warn", "FAIL"};
	return w[st];
}

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
static char *tree_version(const char *dir)
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
static void find_tree(struct doctor *d)
{
	struct vec cands = {0};
	char cwd[PATH_MAX];
	struct dirent *e;
	DIR *dir;

	if (d->kernel) {
		if (!looks_like_tree(d->kernel))
			error("%s is not a kernel tree (no scripts/min-tool-version.sh)",
			      d->kernel);
		d->ksrc = real(d->kernel);
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
static void resolve_arch(struct doctor *d)
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
static void resolve_cc(struct doctor *d)
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
static void make_vars(struct doctor *d, struct buf *b, bool analysis, bool shown)
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
static int run_make(struct doctor *d, const char *cfg, const char *target, const char *extra,
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

static bool setup_scratch(struct doctor *d)
{
	char tmpl[] = "/tmp/h2rs-doctor.XXXXXX";
	char *p;

	if (!mkdtemp(tmpl))
		return false;
	d->scratch = xstrdup(tmpl);
	p = xstrfmt("%s/h2rs-doctor-kconfig.c", d->scratch);
	write_file_atomic(p, kconfig_helper_src, sizeof(kconfig_helper_src) - 1);
	p = xstrfmt("%s/h2rs-doctor.mk", d->scratch);
	write_file_atomic(p, doctor_mk_src, sizeof(doctor_mk_src) - 1);
	return true;
}

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
		char *q = quoted(xstrfmt("%s/scripts/min-tool-version.sh", d->ksrc));
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
	char *r = real(libsrc);
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
		if (is_file(f) && run_fmt(&out, "head -n 5 %s", quoted(f)) == 0) {
			v = i == 0 ? parse_ver(out) : find_version(out, "Version ");
			if (v.ok) {
				*how = xstrfmt("from %s", real(f));
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
	char *path = which(rustc), *out = NULL, *sysroot, *libsrc, *corelib, *how = NULL;
	struct ver min = min_version(d, "rustc"), v, srcv;
	struct finding *f;
	bool ok = true;

	if (!path) {
		if (report)
			add(d, "toolchain", ST_FAIL, "rustc", "rustc '%s' not found", rustc);
		return false;
	}
	run_fmt(&out, "%s --version 2>/dev/null", quoted(path));
	v = find_version(out, "rustc ");
	*out_ver = v;
	if (!v.ok) {
		if (report)
			add(d, "toolchain", ST_FAIL, "rustc", "%s: cannot read its version ('%s')",
			    path, first_line(out));
		return false;
	}
	if (ver_num(v) < ver_num(min)) {
		ok = false;
		if (report)
			add(d, "toolchain", ST_FAIL, "rustc", "rustc %s (%s) is too old: minimum %s%s",
			    ver_str(v), path, ver_str(min), arch_min_note(d, "rustc"));
	} else if (report) {
		add(d, "toolchain", ST_OK, "rustc", "rustc %s (%s) >= %s%s", ver_str(v), path,
		    ver_str(min), arch_min_note(d, "rustc"));
	}
	free(out);
	run_fmt(&out, "%s --print sysroot 2>/dev/null", quoted(path));
	sysroot = first_line(out);
	if (d->var[V_RUST_LIB_SRC])
		libsrc = xstrdup(d->var[V_RUST_LIB_SRC]);
	else
		libsrc = xstrfmt("%s/lib/rustlib/src/rust/library", sysroot);
	corelib = xstrfmt("%s/core/src/lib.rs", libsrc);
	if (!is_file(corelib)) {
		if (report) {
			f = add(
			    d, "toolchain", ST_FAIL, "core-sources",
			    "no source code for 'core' at %s: the kernel compiles core itself "
			    "from the sources of this exact rustc (make rustavailable fails here)",
			    corelib);
			if (rustup_managed(path, sysroot))
				add_fix(f, "rustup component add rust-src");
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
			add(d, "toolchain", ST_FAIL, "core-sources",
			    "core sources at %s are for rustc %s (%s), but rustc is %s: core must "
			    "come from the same rustc version or rust/core.o fails to build "
			    "(make rustavailable does not notice this)",
			    libsrc, ver_str(srcv), how, ver_str(v));
		return false;
	}
	if (report) {
		if (srcv.ok)
			add(d, "toolchain", ST_OK, "core-sources",
			    "core sources for rustc %s at %s (version %s)", ver_str(srcv),
			    real(libsrc), how);
		else
			add(d, "toolchain", ST_WARN, "core-sources",
			    "core sources at %s, version unknown: they must be for rustc %s "
			    "exactly",
			    real(libsrc), ver_str(v));
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
		char *p = which(all.v[i]);
		struct ver v;
		if (!p || (d->rustc_path && !strcmp(real(p), real(d->rustc_path))))
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

	d->rustc_path = which(rustc);
	d->rustc_ok = probe_rustc(d, rustc, true, &d->rustc_ver);
	if (d->rustc_ok)
		return;
	find_alt_rustc(d);
	if (!d->alt_rustc)
		return;
	struct ver v;
	probe_rustc(d, d->alt_rustc, false, &v);
	f = add(d, "toolchain", ST_INFO, "rustc-alternative",
		"%s is rustc %s with matching core sources: it would work", d->alt_rustc,
		ver_str(v));
	add_fix(f, "RUSTC=%s", d->alt_rustc);
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
	p->path = which(cmd);
	if (!p->path)
		return;
	q = quoted(p->path);
	p->runs = run_fmt(&out, "%s --version workaround-for-0.69.0 2>/dev/null", q) == 0;
	p->line = first_line(out);
	p->v = find_version(p->line, "bindgen ");
	free(out);
	char *r = real(p->path), *self = d->self ? real(d->self) : NULL;
	const char *base = strrchr(r, '/') ? strrchr(r, '/') + 1 : r;
	p->is_h2rs =
	    !strcmp(base, "h2rs") || (self && !strcmp(r, self)) || !strncmp(p->line, "h2rs ", 5);
	p->probe_ok =
	    run_fmt(&out, "%s %s 2>&1 >/dev/null", q, quoted(libclang_probe_header(d))) == 0;
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
			add(d, "toolchain", ST_FAIL, "bindgen", "%s not found", what);
		return false;
	}
	if (!p->runs || !p->v.ok) {
		if (report)
			add(d, "toolchain", ST_FAIL, "bindgen",
			    "%s (%s): '--version' did not print 'bindgen X.Y.Z' and exit 0 ('%s')",
			    what, p->path, p->line);
		return false;
	}
	if (ver_num(p->v) < ver_num(min)) {
		ok = false;
		if (report)
			add(d, "toolchain", ST_FAIL, "bindgen",
			    "bindgen %s (%s) is too old: minimum %s", ver_str(p->v), p->path,
			    ver_str(min));
	} else if (report) {
		add(d, "toolchain", ST_OK, "bindgen", "%s %s (%s) >= %s",
		    p->is_h2rs ? "h2rs as bindgen" : "bindgen", ver_str(p->v), p->path,
		    ver_str(min));
	}
	if (!p->probe_ok) {
		if (report)
			add(d, "toolchain", ST_FAIL, "libclang",
			    "%s could not report its libclang version on "
			    "rust_is_available_bindgen_libclang.h (the kernel needs "
			    "'clang version X.Y.Z' on stderr and exit 0)",
			    p->path);
		return false;
	}
	if (ver_num(p->clang) < ver_num(minclang)) {
		if (report)
			add(d, "toolchain", ST_FAIL, "libclang",
			    "%s uses libclang %s: too old, minimum %s%s", p->path,
			    ver_str(p->clang), ver_str(minclang), arch_min_note(d, "llvm"));
		return false;
	}
	if (report) {
		add(d, "toolchain", ST_OK, "libclang", "%s uses libclang %s >= %s%s", p->path,
		    ver_str(p->clang), ver_str(minclang), arch_min_note(d, "llvm"));
		if (p->clang.a > 19 || (p->clang.a == 19 && p->clang.b >= 1))
			if (ver_num(p->v) < ver_num(parse_ver("0.69.5")))
				add(d, "toolchain", ST_WARN, "bindgen",
				    "bindgen < 0.69.5 with libclang >= 19.1 may mishandle ## in "
				    "macros (the kernel warns)");
		if (p->clang.a >= 22 && ver_num(p->v) < ver_num(parse_ver("0.72.1")))
			add(d, "toolchain", ST_WARN, "bindgen",
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
		dir = real(d->link_dir);
		if (!is_dir(dir) && run_fmt(NULL, "mkdir -p %s", quoted(dir)) != 0)
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
		add(d, "toolchain", ST_INFO, "h2rs",
		    "h2rs (%s) does not answer as bindgen yet ('%s', libclang probe %s)", d->self,
		    d->h2rs.line ? d->h2rs.line : "", d->h2rs.probe_ok ? "ok" : "failed");
		return;
	}
	if (d->link_dir) {
		f = add(d, "toolchain", ST_INFO, "h2rs",
			"created %s -> %s: it reports bindgen %s with libclang %s and qualifies",
			d->h2rs_link, d->self, ver_str(d->h2rs.v), ver_str(d->h2rs.clang));
		add_fix(f, "BINDGEN=%s", d->h2rs_link);
		d->alt_bindgen = d->h2rs_link;
		return;
	}
	dir = home ? xstrfmt("%s/.local/lib/h2rs", home) : xstrdup("/usr/local/lib/h2rs");
	f = add(d, "toolchain", ST_INFO, "h2rs",
		"h2rs (%s) qualifies as the bindings generator: bindgen %s, libclang %s; "
		"make a symlink named bindgen to it and pass BINDGEN= (or run h2rs doctor "
		"--link-bindgen %s)",
		d->self, ver_str(d->h2rs.v), ver_str(d->h2rs.clang), dir);
	add_fix(f, "mkdir -p %s && ln -sf %s %s/bindgen", dir, d->self, dir);
	add_fix(f, "BINDGEN=%s/bindgen", dir);
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

	add(d, "toolchain", ST_INFO, "h2rs-libclang", "h2rs is built on libclang: %s",
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
	char *path = which(d->cc), *out = NULL;
	struct finding *f;

	if (!path) {
		f = add(d, "toolchain", ST_FAIL, "cc", "C compiler '%s' not found", d->cc);
		if (d->var[V_CROSS_COMPILE])
			add_fix(f, "apt-get install gcc-%.*s",
				(int)strlen(d->var[V_CROSS_COMPILE]) - 1, d->var[V_CROSS_COMPILE]);
		return;
	}
	run_fmt(&out, "%s --version 2>/dev/null", quoted(path));
	d->cc_is_clang = strstr(out ? out : "", "clang version") != NULL;
	d->cc_ver = find_version(out, d->cc_is_clang ? "clang version " : ") ");
	if (!d->cc_ver.ok)
		d->cc_ver = find_version(out, " ");
	free(out);
	add(d, "toolchain", ST_OK, "cc", "C compiler: %s %s (%s)", d->cc_is_clang ? "Clang" : "GCC",
	    ver_str(d->cc_ver), path);
	if (!d->cc_is_clang) {
		f = add(d, "toolchain", ST_WARN, "mixed-build",
			"mixed GCC + LLVM build: C is compiled by GCC while rustc and the "
			"bindings generator see the headers through LLVM/libclang; the kernel "
			"calls this 'very experimental' (Documentation/rust/quick-start.rst). "
			"Check that both agree on struct layouts with "
			"`h2rs --check-layout-with gcc`, or build with LLVM=1");
		add_fix(f, "LLVM=1");
	}
}

/* In LLVM builds the kernel warns when clang and libclang differ. */
static void check_clang_vs_libclang(struct doctor *d)
{
	struct bindgen_probe *p = d->bindgen_ok ? &d->bg : d->alt_bindgen ? &d->h2rs : NULL;

	if (!d->cc_is_clang || !p || !p->clang.ok || !d->cc_ver.ok)
		return;
	if (ver_num(p->clang) == ver_num(d->cc_ver))
		add(d, "toolchain", ST_OK, "clang-libclang", "clang %s = libclang %s",
		    ver_str(d->cc_ver), ver_str(p->clang));
	else {
		struct finding *f =
		    add(d, "toolchain", ST_WARN, "clang-libclang",
			"clang %s differs from the libclang %s of %s: the kernel "
			"warns; layouts and flags can disagree between the two",
			ver_str(d->cc_ver), ver_str(p->clang),
			p == &d->h2rs && d->alt_bindgen_shown ? d->alt_bindgen_shown : p->path);
		char *clang = xstrfmt("clang-%d", p->clang.a);
		char *lld = xstrfmt("ld.lld-%d", p->clang.a);
		if (which(clang) && which(lld))
			add_fix(f, "LLVM=-%d (the LLVM %d tools match libclang)", p->clang.a,
				p->clang.a);
		else if (which(clang))
			add_fix(f, "CC=%s (matches libclang; %s is not installed for LLVM=-%d)",
				clang, lld, p->clang.a);
		else
			add_fix(f, "apt-get install clang-%d lld-%d, then LLVM=-%d", p->clang.a,
				p->clang.a, p->clang.a);
		free(lld);
		if (p->is_h2rs)
			add_fix(f,
				"or build h2rs against libclang %d: make LLVM_DIR=/usr/lib/llvm-%d",
				d->cc_ver.a, d->cc_ver.a);
		free(clang);
	}
}

static void check_hostcc(struct doctor *d)
{
	const char *hostcc = d->var[V_HOSTCC] ? d->var[V_HOSTCC] : d->llvm ? "clang" : "gcc";

	if (!which(hostcc))
		add(d, "toolchain", ST_FAIL, "hostcc",
		    "HOSTCC '%s' not found: kconfig and the build's host tools need it", hostcc);
}

static void check_toolchain(struct doctor *d)
{
	check_rustc(d);
	check_bindgen(d);
	check_cc(d);
	check_clang_vs_libclang(d);
	check_hostcc(d);
}

/* ---- the kconfig model ---- */

static char *pct_decode(const char *s)
{
	struct buf b = {0};

	if (!strcmp(s, "%-"))
		return xstrdup("");
	for (; *s; s++) {
		unsigned int c;
		if (*s == '%' && sscanf(s + 1, "%2x", &c) == 1) {
			buf_putc(&b, (char)c);
			s += 2;
		} else {
			buf_putc(&b, *s);
		}
	}
	return b.p ? b.p : xstrdup("");
}

static char op_code(const char *tok)
{
	static const char *const ops[] = {"||", "&&", "!", "=", "!=", "<", "<=", ">", ">="};
	static const char codes[] = "|&!=N<l>g";

	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (!strcmp(tok, ops[i]))
			return codes[i];
	return '?';
}

/* Parse one expression from the token stream (NULL-terminated array). */
static struct kexpr *parse_kexpr(char **tok, int *i)
{
	struct kexpr *e = xcalloc(1, sizeof(*e));
	const char *t = tok[*i];

	if (!t)
		return NULL;
	(*i)++;
	if (t[0] == '$') {
		e->op = 's';
		e->name = xstrdup(t + 1);
		return e;
	}
	if (t[0] == '#') {
		e->op = 'c';
		e->name = pct_decode(t + 1);
		e->val = !strcmp(e->name, "y") ? 'y' : !strcmp(e->name, "m") ? 'm' : 'n';
		return e;
	}
	/* "( op val operand [operand] )" */
	if (!tok[*i] || !tok[*i + 1])
		return NULL;
	e->op = op_code(tok[(*i)++]);
	e->val = tok[(*i)++][0];
	e->l = parse_kexpr(tok, i);
	if (e->op != '!')
		e->r = parse_kexpr(tok, i);
	if (tok[*i] && !strcmp(tok[*i], ")"))
		(*i)++;
	return e;
}

static struct kexpr *parse_kexpr_str(char *s, char **rest)
{
	char *tok[4096];
	int n = 0, i = 0;
	char *save = NULL;

	for (char *t = strtok_r(s, " ", &save); t && n < 4095; t = strtok_r(NULL, " ", &save)) {
		if (!strcmp(t, "|"))
			break;
		tok[n++] = t;
	}
	tok[n] = NULL;
	if (rest)
		*rest = save;
	return parse_kexpr(tok, &i);
}

static struct ksym *ksym_get(struct kmodel *m, const char *name)
{
	return strmap_get(&m->syms, name);
}

/* The tristate value of a symbol in expressions. */
static char sym_tri(struct kmodel *m, const char *name)
{
	struct ksym *s = ksym_get(m, name);

	if (!s || (strcmp(s->type, "bool") && strcmp(s->type, "tristate")))
		return 'n';
	return s->value[0] == 'y' || s->value[0] == 'm' ? s->value[0] : 'n';
}

static void fill_leaf_values(struct kmodel *m, struct kexpr *e)
{
	if (!e)
		return;
	if (e->op == 's')
		e->val = sym_tri(m, e->name);
	fill_leaf_values(m, e->l);
	fill_leaf_values(m, e->r);
}

static void parse_dump_line(struct kmodel *m, char *line)
{
	char *save = NULL, *kind = strtok_r(line, " ", &save);
	char *name = strtok_r(NULL, " ", &save);
	struct ksym *s;

	if (!kind || !name)
		return;
	if (!strcmp(kind, "sym")) {
		s = xcalloc(1, sizeof(*s));
		s->name = xstrdup(name);
		s->type = xstrdup(strtok_r(NULL, " ", &save));
		s->value = pct_decode(strtok_r(NULL, " ", &save));
		char *user = strtok_r(NULL, " ", &save);
		s->user = strcmp(user, "%-") ? pct_decode(user) : NULL;
		s->visible = strtok_r(NULL, " ", &save)[0];
		s->dependents = atoi(strtok_r(NULL, " ", &save));
		s->choice = atoi(strtok_r(NULL, " ", &save));
		strmap_put(&m->syms, s->name, s);
		return;
	}
	s = ksym_get(m, name);
	if (!s)
		return;
	if (!strcmp(kind, "dep")) {
		s->dep = parse_kexpr_str(save, NULL);
	} else if (!strcmp(kind, "rev")) {
		s->rev = parse_kexpr_str(save, NULL);
	} else if (!strcmp(kind, "pro")) {
		vec_push(&s->prompts, parse_kexpr_str(save, NULL));
	} else if (!strcmp(kind, "def")) {
		struct kdef *df = xcalloc(1, sizeof(*df));
		char *rest = NULL;
		df->value = parse_kexpr_str(save, &rest);
		df->cond = rest ? parse_kexpr_str(rest, NULL) : NULL;
		vec_push(&s->defs, df);
	} else if (!strcmp(kind, "cho")) {
		char *t = strtok_r(NULL, " ", &save);
		s->choice_def = t && strcmp(t, "-") ? xstrdup(t) : NULL;
		while ((t = strtok_r(NULL, " ", &save)))
			vec_push(&s->members, xstrdup(t));
	}
}

static void fill_all_leaves(struct kmodel *m)
{
	for (size_t i = 0; i < m->syms.cap; i++) {
		struct ksym *s = m->syms.slots[i].key ? m->syms.slots[i].val : NULL;
		if (!s)
			continue;
		fill_leaf_values(m, s->dep);
		fill_leaf_values(m, s->rev);
		for (int j = 0; j < s->prompts.n; j++)
			fill_leaf_values(m, s->prompts.v[j]);
		for (int j = 0; j < s->defs.n; j++) {
			struct kdef *df = s->defs.v[j];
			fill_leaf_values(m, df->value);
			fill_leaf_values(m, df->cond);
		}
	}
}

/* Dump symbols (and what they depend on, depth levels deep) from cfg in the
 * scratch dir. Returns NULL (with the make output in *log) on failure. */
static struct kmodel *kconfig_dump(struct doctor *d, const char *cfg, const char *syms, int depth,
				   bool analysis, char **log)
{
	/* cfg NULL: the arch's defconfig file itself (what `make defconfig`
	 * reads), which saves running defconfig first: one Kconfig parse less */
	char *out = cfg ? xstrfmt("%s.dump", cfg) : xstrdup("h2rs-doctor-defconfig.dump");
	char *extra = xstrfmt("DOCTOR_OUT=%s DOCTOR_DEPTH=%d DOCTOR_SYMS=%s%s", quoted(out), depth,
			      quoted(syms), cfg ? "" : " DOCTOR_DEFCONFIG=1");
	char *path = xstrfmt("%s/%s", d->scratch, out);
	struct kmodel *m;
	FILE *f;
	char *line = NULL;
	size_t cap = 0;

	if (run_make(d, cfg ? cfg : "h2rs-doctor-unused.config", "h2rs-doctor-dumpconfig", extra,
		     analysis, log) != 0)
		return NULL;
	f = fopen(path, "r");
	if (!f)
		return NULL;
	m = xcalloc(1, sizeof(*m));
	while (getline(&line, &cap, f) > 0) {
		line[strcspn(line, "\n")] = 0;
		parse_dump_line(m, line);
	}
	free(line);
	fclose(f);
	fill_all_leaves(m);
	return m;
}

/* ---- printing expressions ---- */

static int prec(const struct kexpr *e)
{
	switch (e->op) {
	case '|':
		return 1;
	case '&':
		return 2;
	case '!':
		return 4;
	case 's':
	case 'c':
		return 5;
	default:
		return 3;
	}
}

static const char *op_text(char op)
{
	switch (op) {
	case '=':
		return "=";
	case 'N':
		return "!=";
	case '<':
		return "<";
	case 'l':
		return "<=";
	case '>':
		return ">";
	case 'g':
		return ">=";
	case '&':
		return "&&";
	case '|':
		return "||";
	default:
		return "?";
	}
}

static void print_kexpr(struct buf *b, const struct kexpr *e, int parent)
{
	bool paren;

	if (!e) {
		buf_puts(b, "y");
		return;
	}
	paren = prec(e) < parent;
	if (paren)
		buf_putc(b, '(');
	switch (e->op) {
	case 's':
		buf_puts(b, e->name);
		break;
	case 'c':
		if (strchr(e->name, ' ') || !*e->name)
			buf_printf(b, "\"%s\"", e->name);
		else
			buf_puts(b, e->name);
		break;
	case '!':
		buf_putc(b, '!');
		print_kexpr(b, e->l, 4);
		break;
	case '|':
		/* parenthesize && inside || for readers */
		print_kexpr(b, e->l, e->l && e->l->op == '&' ? 3 : 1);
		buf_puts(b, " || ");
		print_kexpr(b, e->r, e->r && e->r->op == '&' ? 3 : 1);
		break;
	default:
		print_kexpr(b, e->l, prec(e) + (prec(e) == 3));
		buf_printf(b, " %s ", op_text(e->op));
		print_kexpr(b, e->r, prec(e) + (prec(e) == 3));
		break;
	}
	if (paren)
		buf_putc(b, ')');
}

static char *kexpr_text(const struct kexpr *e)
{
	struct buf b = {0};

	print_kexpr(&b, e, 0);
	return b.p;
}

/* "MODVERSIONS=y, LTO=n" for every symbol in e (each once). */
static void symbol_values(struct kmodel *m, const struct kexpr *e, struct buf *b, struct vec *seen)
{
	if (!e)
		return;
	if (e->op == 's') {
		for (int i = 0; i < seen->n; i++)
			if (!strcmp(seen->v[i], e->name))
				return;
		vec_push(seen, (void *)e->name);
		struct ksym *s = ksym_get(m, e->name);
		buf_printf(b, "%s%s=%s", b->len ? ", " : "", e->name,
			   s ? (*s->value ? s->value : "\"\"") : "?");
		return;
	}
	symbol_values(m, e->l, b, seen);
	symbol_values(m, e->r, b, seen);
}

static char *values_text(struct kmodel *m, const struct kexpr *e)
{
	struct buf b = {0};
	struct vec seen = {0};

	symbol_values(m, e, &b, &seen);
	free(seen.v);
	return b.p ? b.p : xstrdup("");
}

static bool truthy(char v)
{
	return v == 'y' || v == 'm';
}

/* Top-level && operands of e. */
static void conjuncts(struct kexpr *e, struct vec *out)
{
	if (!e)
		return;
	if (e->op == '&') {
		conjuncts(e->l, out);
		conjuncts(e->r, out);
		return;
	}
	vec_push(out, e);
}

/* ---- the solver: which config changes make an expression true/false ---- */

static struct plan plan_inf(const char *why)
{
	struct plan p = {.inf = true, .why = why};
	return p;
}

static struct plan plan_one(struct kmodel *m, const char *sym, char val)
{
	struct ksym *s = ksym_get(m, sym);
	struct plan p = {0};

	p.ch[0].sym = sym;
	p.ch[0].val = val;
	/* switching off what many options depend on (MODULES) costs more
	 * than switching off a blocker with a few sub-options (KASAN) */
	p.ch[0].cost = 1 + (val == 'n' && s ? s->dependents / 10 : 0);
	p.cost = p.ch[0].cost;
	p.n = 1;
	return p;
}

static struct plan plan_merge(struct plan a, struct plan b)
{
	if (a.inf)
		return a;
	if (b.inf)
		return b;
	for (int i = 0; i < b.n; i++) {
		int j;
		for (j = 0; j < a.n; j++)
			if (!strcmp(a.ch[j].sym, b.ch[i].sym))
				break;
		if (j < a.n) {
			if (a.ch[j].val != b.ch[i].val)
				return plan_inf(xstrfmt("%s both on and off", a.ch[j].sym));
			continue;
		}
		if (a.n == PLAN_MAX)
			return plan_inf("too many changes");
		a.cost += b.ch[i].cost;
		a.ch[a.n++] = b.ch[i];
	}
	return a;
}

static struct plan plan_min(struct plan a, struct plan b)
{
	if (a.inf)
		return b.inf ? a : b;
	if (b.inf)
		return a;
	return b.cost < a.cost ? b : a;
}

static struct plan solve_sym(struct kmodel *m, const char *name, bool want, int depth);

static struct plan solve_expr(struct kmodel *m, const struct kexpr *e, bool want, int depth)
{
	struct plan none = {0};

	if (!e)
		return want ? none : plan_inf("an unconditional 'y'");
	if (truthy(e->val) == want)
		return none;
	switch (e->op) {
	case 'c':
		return plan_inf(NULL);
	case 's':
		return solve_sym(m, e->name, want, depth);
	case '!':
		return solve_expr(m, e->l, !want, depth);
	case '&':
		if (want)
			return plan_merge(solve_expr(m, e->l, true, depth),
					  solve_expr(m, e->r, true, depth));
		return plan_min(solve_expr(m, e->l, false, depth),
				solve_expr(m, e->r, false, depth));
	case '|':
		if (want)
			return plan_min(solve_expr(m, e->l, true, depth),
					solve_expr(m, e->r, true, depth));
		return plan_merge(solve_expr(m, e->l, false, depth),
				  solve_expr(m, e->r, false, depth));
	case '=':
	case 'N':
		/* SYM = y / SYM != n and friends */
		if (e->l && e->r && e->l->op == 's' && e->r->op == 'c' &&
		    strchr("ymn", e->r->name[0]) && !e->r->name[1]) {
			bool on = e->r->name[0] != 'n';
			return solve_sym(m, e->l->name, e->op == '=' ? on == want : on != want,
					 depth);
		}
		return plan_inf(kexpr_text(e));
	default:
		return plan_inf(kexpr_text(e));
	}
}

/* The other members of sym's choice, the default first. */
static const char *choice_other(const struct ksym *s)
{
	if (s->choice_def && strcmp(s->choice_def, s->name))
		return s->choice_def;
	for (int i = 0; i < s->members.n; i++)
		if (strcmp(s->members.v[i], s->name))
			return s->members.v[i];
	return NULL;
}

static struct plan solve_sym_on(struct kmodel *m, struct ksym *s, int depth)
{
	struct plan best = plan_inf(NULL);

	if (s->rev)
		best = solve_expr(m, s->rev, true, depth);
	if (s->prompts.n) {
		struct plan p = plan_merge(solve_expr(m, s->dep, true, depth),
					   solve_expr(m, s->prompts.v[0], true, depth));
		/* in a choice, the member chosen now must be unset too: with two
		 * members =y in the file, the later one wins */
		for (int i = 0; s->choice && i < s->members.n; i++)
			if (strcmp(s->members.v[i], s->name) && sym_tri(m, s->members.v[i]) == 'y')
				p = plan_merge(p, plan_one(m, s->members.v[i], 'n'));
		best = plan_min(best, plan_merge(p, plan_one(m, s->name, 'y')));
	}
	/* defaults decide only for symbols without a prompt; with one, the
	 * value in the file (which we then set) wins */
	for (int i = 0; !s->prompts.n && i < s->defs.n; i++) {
		struct kdef *df = s->defs.v[i];
		struct plan p = plan_merge(solve_expr(m, df->value, true, depth),
					   solve_expr(m, df->cond, true, depth));
		best = plan_min(best, plan_merge(p, solve_expr(m, s->dep, true, depth)));
	}
	return best;
}

static struct plan solve_sym_off(struct kmodel *m, struct ksym *s, int depth)
{
	struct plan rev = {0}, best = plan_inf(NULL);

	if (s->rev)
		rev = solve_expr(m, s->rev, false, depth);
	if (s->choice) {
		const char *other = choice_other(s);
		if (other)
			best = plan_merge(plan_one(m, other, 'y'), plan_one(m, s->name, 'n'));
	} else if (s->prompts.n && s->visible != 'n') {
		best = plan_one(m, s->name, 'n');
	}
	/* hiding a symbol behind its dependencies is the last resort */
	struct plan hide = solve_expr(m, s->dep, false, depth);
	hide.cost += 50;
	best = plan_min(best, hide);
	if (!s->prompts.n || s->visible == 'n') {
		/* its value comes from defaults: switch off every active one */
		struct plan all = {0};
		for (int i = 0; i < s->defs.n; i++) {
			struct kdef *df = s->defs.v[i];
			if (!truthy(df->value ? df->value->val : 'y') ||
			    !truthy(df->cond ? df->cond->val : 'y'))
				continue;
			all = plan_merge(all, plan_min(solve_expr(m, df->value, false, depth),
						       solve_expr(m, df->cond, false, depth)));
		}
		best = plan_min(best, all);
	}
	return plan_merge(rev, best);
}

static struct plan solve_sym(struct kmodel *m, const char *name, bool want, int depth)
{
	struct ksym *s = ksym_get(m, name);
	struct plan p;

	if (!s)
		return plan_inf(xstrfmt("%s (not examined)", name));
	if (truthy(sym_tri(m, name)) == want)
		return (struct plan){0};
	/* a switch for build testing, never a fix for a real kernel */
	if (want && !strcmp(name, "COMPILE_TEST"))
		return plan_inf(xstrdup("COMPILE_TEST=n"));
	if (s->busy || depth > 12)
		return plan_inf(xstrfmt("%s=%s", name, s->value));
	s->busy = true;
	p = want ? solve_sym_on(m, s, depth + 1) : solve_sym_off(m, s, depth + 1);
	s->busy = false;
	if (p.inf && !p.why)
		p.why = xstrfmt("%s=%s", name, *s->value ? s->value : "\"\"");
	return p;
}

/* What a symbol outside the config's reach means for the user. */
static const char *env_hint(const char *why)
{
	static const struct {
		const char *prefix, *hint;
	} hints[] = {
	    {"RUST_IS_AVAILABLE", "the toolchain checks above must pass"},
	    {"CC_IS_CLANG", "needs a Clang build: pass LLVM=1"},
	    {"CC_IS_GCC", "needs a GCC build"},
	    {"RUSTC_VERSION", "needs a newer rustc"},
	    {"PAHOLE", "needs pahole >= 1.24 (Debian: apt-get install dwarves)"},
	    {"HAVE_CFI_ICALL_NORMALIZE_INTEGERS_RUSTC", "needs a rustc that supports "
							"-Zsanitizer-cfi-normalize-integers"},
	    {"HAVE_RUST", "the architecture does not support Rust (see above)"},
	    {"X86_64", "needs a 64-bit x86 kernel: ARCH=x86_64 or x86 (ARCH=i386 is 32-bit)"},
	};

	for (size_t i = 0; why && i < sizeof(hints) / sizeof(hints[0]); i++)
		if (strstr(why, hints[i].prefix))
			return hints[i].hint;
	return "set by the environment or toolchain, not by the config";
}

/* scripts/config arguments; RUST itself last, for readers. */
static char *plan_args(const struct plan *p)
{
	struct buf b = {0};

	for (int pass = 0; pass < 2; pass++) {
		for (int i = 0; i < p->n; i++) {
			if ((strcmp(p->ch[i].sym, "RUST") == 0) != (pass == 1))
				continue;
			buf_printf(&b, "%s%s %s", b.len ? " " : "",
				   p->ch[i].val == 'y' ? "-e" : "-d", p->ch[i].sym);
		}
	}
	return b.p ? b.p : xstrdup("");
}

static struct plan plan_without(struct plan p, int k)
{
	p.cost -= p.ch[k].cost;
	for (int i = k; i + 1 < p.n; i++)
		p.ch[i] = p.ch[i + 1];
	p.n--;
	return p;
}

static char *toolchain_vars_text(struct doctor *d, bool analysis)
{
	struct buf b = {0};

	make_vars(d, &b, analysis, true);
	return b.p;
}

/* The commands the report prints, runnable from anywhere. */
static char *config_cmd(struct doctor *d, const char *args)
{
	return xstrfmt("%s/scripts/config --file %s %s", quoted(d->ksrc), quoted(real(d->config)),
		       args);
}

static char *olddefconfig_cmd(struct doctor *d)
{
	char *cfg = real(d->config);
	char *slash = strrchr(cfg, '/');

	*slash = 0;
	return xstrfmt("make -C %s O=%s KCONFIG_CONFIG=%s%s olddefconfig", quoted(d->ksrc),
		       quoted(*cfg ? cfg : "/"), quoted(slash + 1), toolchain_vars_text(d, true));
}

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
		add(d, "architecture", ST_FAIL, "have-rust",
		    "HAVE_RUST is not defined in this tree");
		return;
	}
	char *cond = hr->rev ? kexpr_text(hr->rev) : xstrdup("nothing");
	if (truthy(hr->value[0])) {
		add(d, "architecture", ST_OK, "have-rust",
		    "ARCH=%s: HAVE_RUST=y for %s (selected by %s; %s)", d->make_arch, what, cond,
		    values_text(m, hr->rev));
		return;
	}
	struct plan p = solve_sym(m, "HAVE_RUST", true, 0);
	f = add(d, "architecture", ST_FAIL, "have-rust",
		"ARCH=%s: HAVE_RUST=n for %s: it is selected by %s; here %s", d->make_arch, what,
		hr->rev ? cond : "nothing (this architecture has no Rust support)",
		hr->rev ? values_text(m, hr->rev) : "-");
	if (!hr->rev)
		return;
	if (p.inf)
		add_fix(f, "%s (%s)", env_hint(p.why), p.why ? p.why : "?");
	else
		add_fix(f, "%s",
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
	if (s->rev && truthy(s->rev->val)) {
		/* the active "select" lines */
		struct vec stack = {0};
		vec_push(&stack, s->rev);
		while (stack.n) {
			struct kexpr *e = stack.v[--stack.n];
			if (e->op == '|') {
				vec_push(&stack, e->r);
				vec_push(&stack, e->l);
			} else if (truthy(e->val)) {
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
		if (!df->value || df->value->op == 'c' || (df->cond && !truthy(df->cond->val)))
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
			add_fix(f, "or: %s (%s)", hint, p.why);
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
		if (truthy(c->val))
			continue;
		struct plan p = solve_expr(m, c, true, 0);
		char *chain = chain_text(m, c);
		struct finding *f =
		    add(d, "configuration", ST_FAIL, "rust-depends", "RUST depends on %s; %s%s",
			kexpr_text(c), values_text(m, c), chain);
		if (p.inf)
			add_fix(f, "%s (%s)", env_hint(p.why), p.why ? p.why : "?");
		else
			add_fix(f, "%s", config_cmd(d, plan_args(&p)));
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
		if (truthy(c->val))
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
	if (s->dep && !truthy(s->dep->val))
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
		bool file_ok = truthy(eval_with_file(d, m, c));
		if (!truthy(c->val))
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
		add(d, "configuration", file_ok ? ST_INFO : ST_WARN, "dropped",
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
	if (run_fmt(log, "%s/scripts/config --file %s %s 2>&1", quoted(d->ksrc), quoted(dst),
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
			f = add(d, "configuration", ST_FAIL, "config-fix",
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
			f = add(d, "configuration", ST_INFO, "config-fix",
				"smallest change found, verified: after it, olddefconfig keeps "
				"RUST=y (with%s)",
				toolchain_vars_text(d, true));
			add_fix(f, "%s", d->config_fix);
			add_fix(f, "%s", olddefconfig_cmd(d));
			return;
		}
		m = kconfig_dump(d, "h2rs-doctor-fix.config", "RUST", 4, true, &log);
		if (!m)
			break;
	}
	add(d, "configuration", ST_FAIL, "config-fix",
	    "no verified fix found (tried: scripts/config %s)", plan_args(&acc));
}

/* The given config after olddefconfig with the toolchain as given. */
static bool prepare_config(struct doctor *d)
{
	char *log = NULL, *eff = xstrfmt("%s/h2rs-doctor-given.config", d->scratch);

	if (!copy_file(d->config, eff))
		error("cannot read %s", d->config);
	if (run_make(d, "h2rs-doctor-given.config", "olddefconfig", NULL, false, &log) != 0) {
		add(d, "configuration", ST_FAIL, "olddefconfig", "make olddefconfig failed:\n%s",
		    log);
		return false;
	}
	d->have_tree_kconfig = true;
	return true;
}

static void check_config(struct doctor *d)
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
		add(d, "configuration", ST_OK, "rust", "CONFIG_RUST=y, and olddefconfig keeps it");
		return;
	}
	f = add(d, "configuration", ST_FAIL, "rust",
		"CONFIG_RUST is %s in the file and %s after olddefconfig with this toolchain",
		file_rust ? file_rust : "unset", d->rust_value ? d->rust_value : "unset");
	if (substituted)
		add(d, "configuration", ST_INFO, "analysis-toolchain",
		    "the config is analysed as if the toolchain were fixed:%s%s",
		    toolchain_vars_text(d, true),
		    d->bindgen_ok || d->alt_bindgen
			? ""
			: " (a stand-in that answers the kernel's bindgen "
			  "checks; no working bindgen was found)");
	char *v = try_config(d, eff, "h2rs-doctor-rust.config", "-e RUST", &log);
	if (v && !strcmp(v, "y")) {
		d->config_fix = config_cmd(d, "-e RUST");
		add_fix(f, "%s", d->config_fix);
		add_fix(f, "%s", olddefconfig_cmd(d));
		f->text =
		    xstrfmt("%s; enabling it is enough (verified with olddefconfig)", f->text);
		return;
	}
	m = kconfig_dump(d, "h2rs-doctor-rust.config", "RUST", 4, true, &log);
	if (!m) {
		add(d, "configuration", ST_FAIL, "kconfig", "could not evaluate Kconfig:\n%s", log);
		return;
	}
	explain_rust_deps(d, m);
	explain_dropped(d, m);
	find_config_fix(d, eff, m);
}

static void check_arch(struct doctor *d)
{
	char *log = NULL, *sel = arch_select_lines(d);
	bool listed;
	char *row = arch_doc_row(d, &listed);
	struct kmodel *m;

	add(d, "architecture", sel ? ST_INFO : ST_FAIL, "select", "ARCH=%s (arch/%s): %s",
	    d->make_arch, d->srcarch,
	    sel ? sel : "no 'select HAVE_RUST' in its Kconfig: no Rust support");
	if (listed && sel)
		add(d, "architecture", ST_OK, "arch-support",
		    "Documentation/rust/arch-support.rst agrees: %s: %s", d->srcarch, row);
	else if (listed != (sel != NULL))
		add(d, "architecture", ST_WARN, "arch-support",
		    "Documentation/rust/arch-support.rst %s %s, but its Kconfig %s HAVE_RUST",
		    listed ? "lists" : "does not list", d->srcarch,
		    sel ? "selects" : "does not select");
	else
		add(d, "architecture", ST_INFO, "arch-support",
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
		add(d, "architecture", ST_WARN, "defconfig", "make defconfig failed:\n%s", log);
		return;
	}
	m = kconfig_dump(d, "h2rs-doctor-defconfig.config", "HAVE_RUST", 3, true, &log);
	if (m)
		arch_kconfig_verdict(d, m, "its defconfig");
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
			add(&d, "configuration", ST_INFO, "config",
			    "no --config given: configuration not checked");
	}
	if (d.json)
		print_json(&d);
	else
		print_text(&d);
	if (!d.keep)
		run_fmt(NULL, "rm -rf %s", quoted(d.scratch));
	else
		fprintf(stderr, "h2rs doctor: scratch directory kept: %s\n", d.scratch);
	return verdict(&d) ? 0 : 1;
}
