/*
 * internal.h — the types `h2rs doctor`'s files share, and each file's
 * functions the others call, grouped by the file that owns them.
 */
#ifndef H2RS_DOCTOR_INTERNAL_H
#define H2RS_DOCTOR_INTERNAL_H

#include "doctor.h"
#include "util/util.h"

#include <stdbool.h>

/* ---- findings.c: the report's data ---- */

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
extern const char *const var_names[NVAR]; /* their names (findings.c) */

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

/* findings.c: add one finding to the report (text formatted as printf),
 * and one fix to a finding */
struct finding *finding_add(struct doctor *d, const char *section, enum status st,
			    const char *check, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
void finding_fix(struct finding *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* ---- run.c ---- */

void sh_quote(struct buf *b, const char *s);
char *sh_quoted(const char *s);
int run_fmt(char **out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *first_line(const char *s);
bool is_file(const char *path);
bool is_dir(const char *path);
char *path_real(const char *path);
char *path_which(const char *cmd);
struct ver find_version(const char *text, const char *prefix);
long ver_num(struct ver v);
char *ver_str(struct ver v);
struct ver parse_ver(const char *s);
char *config_value(const char *path, const char *name);
bool copy_file(const char *from, const char *to);

const char *status_word(enum status st);

/* ---- tree.c ---- */

char *tree_version(const char *dir);
void find_tree(struct doctor *d);
void resolve_arch(struct doctor *d);
void resolve_cc(struct doctor *d);
void make_vars(struct doctor *d, struct buf *b, bool analysis, bool shown);
int run_make(struct doctor *d, const char *cfg, const char *target, const char *extra,
	     bool analysis, char **log);
bool setup_scratch(struct doctor *d);

/* ---- toolchain.c ---- */

void check_toolchain(struct doctor *d);

/* ---- kconfig.c ---- */

struct ksym *ksym_get(struct kmodel *m, const char *name);
struct kmodel *kconfig_dump(struct doctor *d, const char *cfg, const char *syms, int depth,
			    bool analysis, char **log);
char *kexpr_text(const struct kexpr *e);
void symbol_values(struct kmodel *m, const struct kexpr *e, struct buf *b, struct vec *seen);
char *values_text(struct kmodel *m, const struct kexpr *e);
bool kexpr_truthy(char v);
void conjuncts(struct kexpr *e, struct vec *out);
struct plan plan_merge(struct plan a, struct plan b);
struct plan solve_expr(struct kmodel *m, const struct kexpr *e, bool want, int depth);
struct plan solve_sym(struct kmodel *m, const char *name, bool want, int depth);
char *plan_args(const struct plan *p);
struct plan plan_without(struct plan p, int k);
char *toolchain_vars_text(struct doctor *d, bool analysis);
char *config_cmd(struct doctor *d, const char *args);
char *olddefconfig_cmd(struct doctor *d);

const char *env_hint(const char *why);

/* ---- checks.c ---- */

bool prepare_config(struct doctor *d);
void check_config(struct doctor *d);
void check_arch(struct doctor *d);

/* ---- embed/kconfig_dump.c and embed/doctor.mk, embedded at build time
 * (scripts/embed.sh; NUL-terminated, _len bytes before the NUL) ---- */
extern const char doctor_kconfig_dump_c[];
extern const unsigned long doctor_kconfig_dump_c_len;
extern const char doctor_mk[];
extern const unsigned long doctor_mk_len;

#endif /* H2RS_DOCTOR_INTERNAL_H */
