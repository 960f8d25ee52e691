/* report.c — what a run reports besides its outputs: the declarations and
 * macros left out (skip_push; --verbose or one counting note), macro
 * statistics, --time-phases. */
#include "h2rs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A memory figure of this process from /proc/self/status, in MiB (0 where
 * there is no /proc). */
static double proc_status_mib(const char *key)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	double kib = 0;
	size_t n = strlen(key);
	while (f && fgets(line, sizeof line, f))
		if (!strncmp(line, key, n))
			kib = strtod(line + n, NULL);
	if (f)
		fclose(f);
	return kib / 1024;
}

void phase(const struct options *o, const char *name, double *t)
{
	double n = now_seconds();
	if (o->time_phases)
		fprintf(stderr, "h2rs: time: %-10s %7.1f ms  rss %6.1f MiB, peak %6.1f MiB\n", name,
			(n - *t) * 1e3, proc_status_mib("VmRSS:"), proc_status_mib("VmHWM:"));
	*t = n;
}

void skip_push(struct skips *s, const char *name, const char *why)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->v = realloc(s->v, s->cap * sizeof *s->v);
		if (!s->v)
			error("out of memory");
	}
	s->v[s->n++] = (struct skip){name, why};
}

/* Nothing is dropped silently: --verbose lists every skipped declaration
 * with its reason; otherwise one line counts them (not under the name
 * bindgen, whose callers expect a quiet run). */
static void report_macros(struct ctx *c)
{
	int emitted = 0, dropped = 0;
	for (int i = 0; i < c->items.n; i++) {
		const struct item *it = c->items.v[i];
		if (it->kind == IT_MACRO) {
			emitted += it->emit;
			dropped += !it->emit;
		}
	}
	note("macros (%s rules): %d object-like, %d emitted as constants, %d not constant "
	     "expressions under these rules, %d constant but not emitted (%d without a Rust constant type, %d "
	     "blocked or name taken)",
	     c->opt->macros_full ? "full" : "bindgen", c->n_obj_macros, emitted,
	     c->n_macro_not_const, c->n_macro_const_lost + dropped, c->n_macro_const_lost, dropped);
}

void report_skipped(struct ctx *c)
{
	if (c->opt->verbose)
		report_macros(c);
	if (c->opt->verbose)
		for (int i = 0; i < c->skipped.n; i++)
			note("skipped %s: %s", c->skipped.v[i].name, c->skipped.v[i].why);
	else if (c->skipped.n && !c->opt->bindgen_name)
		note("%d declaration%s and macro%s not emitted (static functions without "
		     "--wrap-static-fns, macros that are not constants, function-like macros, name "
		     "clashes); --verbose "
		     "lists each with its reason, --explain NAME explains one",
		     c->skipped.n, c->skipped.n == 1 ? "" : "s", c->skipped.n == 1 ? "" : "s");
	/* a difference from bindgen, which emits them: said even when quiet */
	if (c->nskipped_abi && !c->opt->verbose)
		note("%d function%s not emitted: %s long double, __float128, _Float16 or vector "
		     "values, which Rust's stand-in types would pass in other registers than C; "
		     "--verbose lists them", c->nskipped_abi, c->nskipped_abi == 1 ? "" : "s",
		     c->nskipped_abi == 1 ? "it takes or returns" : "they take or return");
}
