/* h2rs doctor: dump Kconfig symbols, their dependencies and values as the
 * tree's own kconfig computes them. Built against scripts/kconfig objects. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "lkc.h"
#include "internal.h"

#define MAXSYMS 8192

struct todo {
	struct symbol *sym[MAXSYMS];
	int depth[MAXSYMS];
	int n;
	int maxdepth;
};

static void add_sym(struct todo *t, struct symbol *s, int depth)
{
	int i;

	if (!s || !s->name || (s->flags & SYMBOL_CONST) || s->type == S_UNKNOWN ||
	    t->n >= MAXSYMS)
		return;
	for (i = 0; i < t->n; i++)
		if (t->sym[i] == s)
			return;
	t->sym[t->n] = s;
	t->depth[t->n++] = depth;
}

static void put_enc(const char *s)
{
	if (!*s) {
		fputs("%-", stdout);
		return;
	}
	for (; *s; s++) {
		if (isalnum((unsigned char)*s) || strchr("_.,:/+-=", *s))
			putchar(*s);
		else
			printf("%%%02x", (unsigned char)*s);
	}
}

static char tri_char(tristate t)
{
	return t == yes ? 'y' : t == mod ? 'm' : 'n';
}

static void put_sym(struct todo *t, struct symbol *s, int depth)
{
	if (s == &symbol_yes)
		fputs(" #y", stdout);
	else if (s == &symbol_mod)
		fputs(" #m", stdout);
	else if (s == &symbol_no)
		fputs(" #n", stdout);
	else if (!s->name || (s->flags & SYMBOL_CONST) || s->type == S_UNKNOWN) {
		putchar(' ');
		putchar('#');
		put_enc(s->name ? s->name : "");
	} else {
		printf(" $%s", s->name);
		if (depth < t->maxdepth)
			add_sym(t, s, depth + 1);
	}
}

static const char *op_name(enum expr_type type)
{
	switch (type) {
	case E_OR: return "||";
	case E_AND: return "&&";
	case E_NOT: return "!";
	case E_EQUAL: return "=";
	case E_UNEQUAL: return "!=";
	case E_LTH: return "<";
	case E_LEQ: return "<=";
	case E_GTH: return ">";
	case E_GEQ: return ">=";
	default: return "?";
	}
}

static void put_expr(struct todo *t, struct expr *e, int depth)
{
	if (!e) {
		fputs(" #y", stdout);
		return;
	}
	if (e->type == E_SYMBOL) {
		put_sym(t, e->left.sym, depth);
		return;
	}
	printf(" ( %s %c", op_name(e->type), tri_char(expr_calc_value(e)));
	switch (e->type) {
	case E_OR:
	case E_AND:
		put_expr(t, e->left.expr, depth);
		put_expr(t, e->right.expr, depth);
		break;
	case E_NOT:
		put_expr(t, e->left.expr, depth);
		break;
	default:
		put_sym(t, e->left.sym, depth);
		put_sym(t, e->right.sym, depth);
		break;
	}
	fputs(" )", stdout);
}

static void put_choice(struct todo *t, struct symbol *s, int depth)
{
	struct menu *choice = sym_get_choice_menu(s);
	struct symbol *def, *m;

	if (!choice)
		return;
	def = sym_choice_default(choice);
	printf("cho %s %s", s->name, def && def->name ? def->name : "-");
	list_for_each_entry(m, &choice->choice_members, choice_link) {
		if (m->name)
			printf(" %s", m->name);
		add_sym(t, m, depth + 1);
	}
	putchar('\n');
}

/* How many symbols depend on s: what turning it off costs. */
static int dependents(struct symbol *s)
{
	struct symbol *o;
	int n = 0;

	if (s->type != S_BOOLEAN && s->type != S_TRISTATE)
		return 0;
	for_all_symbols(o)
		if (o != s && o->dir_dep.expr && expr_contains_symbol(o->dir_dep.expr, s))
			n++;
	return n;
}

static void dump_sym(struct todo *t, struct symbol *s, int depth)
{
	struct property *p;

	sym_calc_value(s);
	printf("sym %s %s", s->name, sym_type_name(s->type));
	putchar(' ');
	put_enc(sym_get_string_value(s));
	if (sym_has_value(s) && (s->type == S_BOOLEAN || s->type == S_TRISTATE))
		printf(" %c", tri_char(s->def[S_DEF_USER].tri));
	else if (sym_has_value(s) && putchar(' '))
		put_enc(s->def[S_DEF_USER].val ? (const char *)s->def[S_DEF_USER].val : "");
	else
		fputs(" %-", stdout);
	printf(" %c %d %d\n", tri_char(s->visible), dependents(s), sym_is_choice_value(s));
	printf("dep %s", s->name);
	put_expr(t, s->dir_dep.expr, depth);
	putchar('\n');
	if (s->rev_dep.expr) {
		printf("rev %s", s->name);
		put_expr(t, s->rev_dep.expr, depth);
		putchar('\n');
	}
	for_all_prompts(s, p) {
		printf("pro %s", s->name);
		put_expr(t, p->visible.expr, depth);
		putchar('\n');
	}
	for_all_defaults(s, p) {
		printf("def %s", s->name);
		put_expr(t, p->expr, depth);
		fputs(" |", stdout);
		put_expr(t, p->visible.expr, depth);
		putchar('\n');
	}
	if (sym_is_choice_value(s))
		put_choice(t, s, depth);
}

int main(int argc, char **argv)
{
	static struct todo t;
	int i;

	if (argc < 4) {
		fprintf(stderr, "usage: %s Kconfig .config DEPTH SYM...\n", argv[0]);
		return 2;
	}
	conf_parse(argv[1]);
	if (conf_read(argv[2]))
		return 1;
	t.maxdepth = atoi(argv[3]);
	for (i = 4; i < argc; i++)
		add_sym(&t, sym_find(argv[i]), 0);
	for (i = 0; i < t.n; i++)
		dump_sym(&t, t.sym[i], t.depth[i]);
	return 0;
}
