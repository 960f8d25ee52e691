/* regex_cost.c — an upper bound on what a POSIX extended regular
 * expression costs glibc's regcomp, before it is compiled. regcomp expands
 * repetitions into copies of their operand (a+ is a a*, a{3} is a a a) and
 * so grows with their product: "a++++++++++++++++++++++++" (24 '+') took
 * 12 GiB and 50 s. The Rust regex crate bindgen uses refuses a pattern whose
 * compiled form passes a size limit; h2rs refuses one whose expansion, as
 * counted here, passes REGEX_COST_LIMIT. */
#include "util.h"

#include <ctype.h>
#include <stdlib.h>

#define SATURATE 1e15 /* past any limit; keeps the products finite */

struct cost_walk {
	const char *p; /* the next character of the pattern */
};

static double alternation(struct cost_walk *w);

static double mul(double a, double b)
{
	double r = a * b;
	return r > SATURATE ? SATURATE : r;
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

static double atom(struct cost_walk *w)
{
	char c = *w->p++;
	if (c == '(') {
		double n = alternation(w);
		if (*w->p == ')')
			w->p++;
		return n + 1;
	}
	if (c == '[')
		bracket(w);
	else if (c == '\\' && *w->p)
		w->p++;
	return 1;
}

/* the largest count of a {m}, {m,} or {m,n} at w->p (just after '{'), or
 * -1 if it is not one (then '{' is an ordinary character) */
static double count(struct cost_walk *w)
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
	w->p = p + 1;
	return n > m ? n : m;
}

/* an atom and the repetitions after it */
static double piece(struct cost_walk *w)
{
	double n = atom(w);
	for (;;) {
		if (*w->p == '*' || *w->p == '?') {
			w->p++;
			n = n + 1;
		} else if (*w->p == '+') {
			w->p++;
			n = mul(n, 2) + 1;
		} else if (*w->p == '{') {
			w->p++;
			double k = count(w);
			if (k < 0) {
				w->p--;
				break;
			}
			n = mul(n, k < 1 ? 1 : k) + 1;
		} else {
			break;
		}
	}
	return n;
}

static double alternation(struct cost_walk *w)
{
	double n = 0;
	while (*w->p && *w->p != ')') {
		if (*w->p == '|') {
			w->p++;
			n += 1;
			continue;
		}
		n += piece(w);
		if (n > SATURATE)
			n = SATURATE;
	}
	return n;
}

double regex_cost(const char *pattern)
{
	struct cost_walk w = {pattern};
	double n = 0;
	/* an unmatched ')' ends alternation(): count on past it */
	while (*w.p) {
		n += alternation(&w);
		if (*w.p)
			w.p++;
	}
	return n > SATURATE ? SATURATE : n;
}
