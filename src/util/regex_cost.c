/* regex_cost.c — an upper bound on what a POSIX extended regular
 * expression costs glibc's regcomp, before it is compiled. regcomp expands
 * repetitions into copies of their operand (a+ is a a*, a{3} is a a a) and
 * so grows with their product: "a++++++++++++++++++++++++" (24 '+') took
 * 12 GiB and 50 s, and a{1,N} costs O(N^2) (7 GiB for N = 30,000). The
 * Rust regex crate bindgen uses refuses a pattern whose compiled form passes
 * a size limit; h2rs refuses one whose expansion, as counted here, passes
 * REGEX_COST_LIMIT nodes, that makes more than REGEX_COPIES_LIMIT copies
 * of any part, or more than REGEX_NULLABLE_LOOP_COPIES of a loop over a
 * part that matches the empty string. */
#include "util.h"

#include <ctype.h>
#include <stdlib.h>

#define SATURATE 1e15 /* past any limit; keeps the products finite */

struct cost_walk {
	const char *p; /* the next character of the pattern */
};

/* a subexpression's cost: its expanded size, and the most copies a
 * repetition makes of any one of its parts (the product of the counts, 2
 * for each '+', along the nesting) */
struct cost {
	double size, copies;
	bool nullable;   /* it matches the empty string */
	bool nloop;      /* it holds an unbounded repetition of a nullable part */
	double nlcopies; /* the most copies made of a part holding such a loop */
	double nways;    /* the ways it matches the empty string (empty
			  * alternatives each add one: glibc's epsilon closure
			  * of a loop over it grows with their number) */
};

static struct cost alternation(struct cost_walk *w);

static double mul(double a, double b)
{
	double r = a * b;
	return r > SATURATE ? SATURATE : r;
}

/* p after *n: sizes add (saturating), the largest copy counts stay, a
 * nullable loop in either is one in both (nullable: the caller's rule) */
static void then(struct cost *n, struct cost p)
{
	n->size = n->size + p.size > SATURATE ? SATURATE : n->size + p.size;
	if (p.copies > n->copies)
		n->copies = p.copies;
	if (p.nlcopies > n->nlcopies)
		n->nlcopies = p.nlcopies;
	n->nloop |= p.nloop;
	n->nways = mul(n->nways, p.nways);
}


/* a bracket expression, from just after '[' to just after its ']' */
static void bracket(struct cost_walk *w)
{
	if (*w->p == '^')
		w->p++;
	if (*w->p == ']')
		w->p++;
	while (*w->p && *w->p != ']') {
		if (w->p[0] == '[' && (w->p[1] == ':' || w->p[1] == '.' || w->p[1] == '=')) {
			char end = w->p[1];
			w->p += 2;
			while (*w->p && !(w->p[0] == end && w->p[1] == ']'))
				w->p++;
			if (*w->p)
				w->p += 2;
			continue;
		}
		w->p++;
	}
	if (*w->p)
		w->p++;
}

static struct cost atom(struct cost_walk *w)
{
	char c = *w->p++;
	if (c == '(') {
		struct cost n = alternation(w);
		if (*w->p == ')')
			w->p++;
		n.size += 1;
		return n;
	}
	if (c == '[')
		bracket(w);
	else if (c == '\\' && *w->p)
		w->p++;
	return (struct cost){1, 1, false, false, 1, 0};
}

/* the largest count of a {m}, {m,} or {m,n} at w->p (just after '{'), or
 * -1 if it is not one (then '{' is an ordinary character); *min gets m,
 * *unbounded whether it is {m,} */
static double count(struct cost_walk *w, double *min, bool *unbounded)
{
	const char *p = w->p;
	if (!isdigit((unsigned char)*p))
		return -1;
	double m = strtod(p, (char **)&p), n = m + 1;
	if (*p == ',') {
		p++;
		if (isdigit((unsigned char)*p))
			n = strtod(p, (char **)&p);
	} else {
		n = m;
	}
	if (*p != '}')
		return -1;
	*unbounded = p[-1] == ',';
	*min = m;
	w->p = p + 1;
	return n > m ? n : m;
}

/* the repetitions at w->p, applied to n */
static struct cost repeat(struct cost_walk *w, struct cost n)
{
	for (;;) {
		double k, min = 0;
		bool unbounded = true;
		if (*w->p == '*' || *w->p == '?') {
			unbounded = *w->p == '*';
			w->p++;
			k = 1;
		} else if (*w->p == '+') {
			w->p++;
			k = 2;
			min = 1;
		} else if (*w->p == '{') {
			w->p++;
			k = count(w, &min, &unbounded);
			if (k < 0) {
				w->p--;
				break;
			}
			k = k < 1 ? 1 : k;
		} else {
			break;
		}
		n.size = mul(n.size, k) + 1;
		n.copies = mul(n.copies, k);
		/* even one more '*' over such a loop doubles the time
		 * (a***+++ 2 s, a****+++ minutes) */
		if (n.nloop) {
			double f = k < 2 ? 2 : k;
			n.nlcopies = mul(n.nlcopies, f > n.nways + 1 ? f : n.nways + 1);
		}
		n.nloop |= unbounded && n.nullable;
		n.nullable |= min == 0;
		if (min == 0)
			n.nways += 1;
	}
	return n;
}

/* an atom and the repetitions after it */
static struct cost piece(struct cost_walk *w)
{
	return repeat(w, atom(w));
}

static struct cost alternation(struct cost_walk *w)
{
	struct cost n = {0, 1, false, false, 1, 0};
	bool branch_nullable = true; /* every piece of this branch so far */
	double branch_ways = 1;      /* the ways this branch matches empty */
	while (*w->p && *w->p != ')') {
		if (*w->p == '|') {
			w->p++;
			n.size += 1;
			n.nullable |= branch_nullable;
			n.nways += branch_nullable ? branch_ways : 0;
			branch_nullable = true;
			branch_ways = 1;
			continue;
		}
		double ways = n.nways;
		struct cost p = piece(w);
		then(&n, p);
		n.nways = ways; /* then() multiplied; the branch's own count is kept apart */
		branch_nullable &= p.nullable;
		branch_ways = mul(branch_ways, p.nways);
	}
	n.nullable |= branch_nullable;
	n.nways += branch_nullable ? branch_ways : 0;
	return n;
}

double regex_cost(const char *pattern)
{
	struct cost_walk w = {pattern};
	/* an unmatched ')' closes the group h2rs wraps each pattern in,
	 * "^(...)$": what came before is one group, repeated by what follows */
	struct cost n = alternation(&w);
	while (*w.p == ')') {
		w.p++;
		n.size += 1;
		n = repeat(&w, n);
		struct cost rest = alternation(&w);
		then(&n, rest);
		n.nullable = n.nullable && rest.nullable;
	}
	/* copies cost quadratically (glibc's epsilon closures of a{1,N} and
	 * (a?){N} hold O(N) nodes each: 7 GiB for N = 30,000), so they are
	 * held to a hundredth of the limit */
	double c = mul(n.copies, REGEX_COST_LIMIT / REGEX_COPIES_LIMIT);
	/* and copies of a loop over a nullable part, as in (a*)+{N} or a*++++++,
	 * take time exponential in their number (a*+++++, 16 copies: 11 s) */
	if (n.nlcopies > REGEX_NULLABLE_LOOP_COPIES)
		return SATURATE;
	c = c > n.size ? c : n.size;
	return c > SATURATE ? SATURATE : c;
}
