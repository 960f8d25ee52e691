/* kconfig.c — the Kconfig model as the tree's own kconfig dumps it
 * (kconfig_dump.c), its expression printer, and the solver: which config
 * changes make an expression true or false. */
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

struct ksym *ksym_get(struct kmodel *m, const char *name)
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
struct kmodel *kconfig_dump(struct doctor *d, const char *cfg, const char *syms, int depth,
			    bool analysis, char **log)
{
	/* cfg NULL: the arch's defconfig file itself (what `make defconfig`
	 * reads), which saves running defconfig first: one Kconfig parse less */
	char *out = cfg ? xstrfmt("%s.dump", cfg) : xstrdup("h2rs-doctor-defconfig.dump");
	char *extra = xstrfmt("DOCTOR_OUT=%s DOCTOR_DEPTH=%d DOCTOR_SYMS=%s%s", sh_quoted(out), depth,
			      sh_quoted(syms), cfg ? "" : " DOCTOR_DEFCONFIG=1");
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

char *kexpr_text(const struct kexpr *e)
{
	struct buf b = {0};

	print_kexpr(&b, e, 0);
	return b.p;
}

/* "MODVERSIONS=y, LTO=n" for every symbol in e (each once). */
void symbol_values(struct kmodel *m, const struct kexpr *e, struct buf *b, struct vec *seen)
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

char *values_text(struct kmodel *m, const struct kexpr *e)
{
	struct buf b = {0};
	struct vec seen = {0};

	symbol_values(m, e, &b, &seen);
	free(seen.v);
	return b.p ? b.p : xstrdup("");
}

bool kexpr_truthy(char v)
{
	return v == 'y' || v == 'm';
}

/* Top-level && operands of e. */
void conjuncts(struct kexpr *e, struct vec *out)
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

struct plan plan_merge(struct plan a, struct plan b)
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

struct plan solve_sym(struct kmodel *m, const char *name, bool want, int depth);

struct plan solve_expr(struct kmodel *m, const struct kexpr *e, bool want, int depth)
{
	struct plan none = {0};

	if (!e)
		return want ? none : plan_inf("an unconditional 'y'");
	if (kexpr_truthy(e->val) == want)
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
			if (!kexpr_truthy(df->value ? df->value->val : 'y') ||
			    !kexpr_truthy(df->cond ? df->cond->val : 'y'))
				continue;
			all = plan_merge(all, plan_min(solve_expr(m, df->value, false, depth),
						       solve_expr(m, df->cond, false, depth)));
		}
		best = plan_min(best, all);
	}
	return plan_merge(rev, best);
}

struct plan solve_sym(struct kmodel *m, const char *name, bool want, int depth)
{
	struct ksym *s = ksym_get(m, name);
	struct plan p;

	if (!s)
		return plan_inf(xstrfmt("%s (not examined)", name));
	if (kexpr_truthy(sym_tri(m, name)) == want)
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
const char *env_hint(const char *why)
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
char *plan_args(const struct plan *p)
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

struct plan plan_without(struct plan p, int k)
{
	p.cost -= p.ch[k].cost;
	for (int i = k; i + 1 < p.n; i++)
		p.ch[i] = p.ch[i + 1];
	p.n--;
	return p;
}

char *toolchain_vars_text(struct doctor *d, bool analysis)
{
	struct buf b = {0};

	make_vars(d, &b, analysis, true);
	return b.p;
}

/* The commands the report prints, runnable from anywhere. */
char *config_cmd(struct doctor *d, const char *args)
{
	return xstrfmt("%s/scripts/config --file %s %s", sh_quoted(d->ksrc),
		       sh_quoted(path_real(d->config)), args);
}

char *olddefconfig_cmd(struct doctor *d)
{
	char *cfg = path_real(d->config);
	char *slash = strrchr(cfg, '/');

	*slash = 0;
	return xstrfmt("make -C %s O=%s KCONFIG_CONFIG=%s%s olddefconfig", sh_quoted(d->ksrc),
		       sh_quoted(*cfg ? cfg : "/"), sh_quoted(slash + 1), toolchain_vars_text(d, true));
}
