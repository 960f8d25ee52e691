/* regex_posix.c — bindgen's regular expressions (Rust's regex crate) as
 * POSIX extended ones for regcomp. Every h2rs regex matches a whole name
 * (anchored), so a lazy quantifier matches what the greedy one does: the
 * '?' after *, +, ?, or {n,m} is dropped (POSIX would read 'a+?' as
 * '(a+)?', which also matches the empty string). Outside brackets, \d and
 * \D become [0-9] and [^0-9] (glibc knows \w, \W, \s and \S already). */
#include "util.h"

#include <string.h>

/* The end of the bracket expression opening at p[0] == '[' (its ']'), or
 * NULL if it does not close. */
static const char *bracket_end(const char *p)
{
	const char *q = p + 1;
	if (*q == '^')
		q++;
	if (*q == ']')
		q++; /* a leading ']' is a member */
	for (; *q; q++) {
		if (q[0] == '[' && (q[1] == ':' || q[1] == '.' || q[1] == '=')) {
			const char *e = strchr(q + 2, q[1]);
			if (!e || e[1] != ']')
				return NULL;
			q = e + 1;
		} else if (*q == ']') {
			return q;
		}
	}
	return NULL;
}

/* Whether the '}' at p closes a repetition count '{n}', '{n,}', '{n,m}'. */
static bool counted(const char *pat, const char *p)
{
	const char *q = p;
	while (q > pat && (q[-1] == ',' || (q[-1] >= '0' && q[-1] <= '9')))
		q--;
	return q > pat && q < p && q[-1] == '{' && *q != ',';
}

char *regex_posix(const char *pat)
{
	struct buf b = {0};
	for (const char *p = pat; *p; p++) {
		if (*p == '\\' && p[1]) {
			if (p[1] == 'd' || p[1] == 'D')
				buf_puts(&b, p[1] == 'd' ? "[0-9]" : "[^0-9]");
			else
				buf_putn(&b, p, 2);
			p++;
			continue;
		}
		const char *e = *p == '[' ? bracket_end(p) : NULL;
		if (e) {
			buf_putn(&b, p, (size_t)(e - p + 1));
			p = e;
			continue;
		}
		if (p[0] == '(' && p[1] == '?' && p[2] == ':') {
			buf_putc(&b, '('); /* (?:...) groups, capturing or not alike here */
			p += 2;
			continue;
		}
		buf_putc(&b, *p);
		bool quant = *p == '*' || *p == '+' || *p == '?' || (*p == '}' && counted(pat, p));
		if (quant && p[1] == '?')
			p++; /* lazy: the same whole-name matches */
	}
	return b.len ? b.p : xstrdup("");
}
