/*
 * util.h — the small library both programs share (the generator in gen/,
 * `h2rs doctor` in doctor/): text buffers, vectors, a string map,
 * allocation that cannot fail, atomic file writes and diagnostics.
 * Grouped by the file that owns each part.
 */
#ifndef H2RS_UTIL_H
#define H2RS_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* ---- buf.c: growable text ---- */

struct buf {
	char *p;    /* NUL-terminated text (never NULL after the first append) */
	size_t len; /* bytes in use, not counting the NUL */
	size_t cap; /* bytes allocated */
};

void buf_putc(struct buf *b, char c);
void buf_puts(struct buf *b, const char *s);
void buf_putn(struct buf *b, const char *s, size_t n);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_reset(struct buf *b);
void buf_free(struct buf *b);
void buf_indent(struct buf *b, int spaces);

/* A vector of pointers (items, fields, strings). */
struct vec {
	void **v; /* elements */
	int n;    /* elements in use */
	int cap;  /* elements allocated */
};
void vec_push(struct vec *v, void *x);

/* ---- strmap.c: a string → pointer hash map ---- */

/* A string → pointer hash map (keys are not copied). */
struct strmap_slot {
	const char *key; /* NULL for an empty slot */
	void *val;       /* the value */
	size_t hash;     /* the key's hash (compared before the key; kept for growing) */
};
struct strmap {
	struct strmap_slot *slots; /* open addressing, linear probing */
	size_t cap;                /* slots (a power of two) */
	size_t n;                  /* slots in use */
};
void *strmap_get(const struct strmap *m, const char *key);
void strmap_put(struct strmap *m, const char *key, void *val);
void strmap_reserve(struct strmap *m, size_t n); /* room for n keys */
void strmap_free(struct strmap *m);                /* the table, not the keys */

/* ---- alloc.c: allocation that cannot fail ---- */

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t sz);
char *xstrdup(const char *s);
char *xstrfmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvstrfmt(const char *fmt, va_list ap);

/* ---- file.c: atomic writes ---- */

/* Write data to path via a temporary file and rename(2): an existing file
 * is never replaced by a partial one. Returns 0, or -1 with errno set. */
int write_file_atomic(const char *path, const char *data, size_t len);
/* The same for text in n parts, written one after the other. */
int write_file_atomic_parts(const char *path, const struct buf *parts, int n);
/* The n parts to f, one after the other: 0, or -1 if a write failed. */
int write_parts(FILE *f, const struct buf *parts, int n);
/* A run's outputs, all or none: stage_file writes path's new text to a
 * temporary file beside it (a device or FIFO: to path, at once);
 * commit_staged renames every staged file into place, in order; until then
 * error(), a failed stage and SIGHUP/SIGINT/SIGPIPE/SIGTERM remove the
 * temporary files and leave every target as it was. 0, or -1 with errno. */
int stage_file(const char *path, const struct buf *parts, int n);
int commit_staged(void);
void discard_staged(void); /* remove the temporary files, commit nothing */

/* ---- regex_cost.c: the size of a regular expression ---- */

/* An upper bound on what glibc's regcomp makes of the POSIX extended
 * regular expression pattern: its nodes with repetitions expanded, or, if
 * more, the most copies a repetition makes of one part times
 * REGEX_COST_LIMIT / REGEX_COPIES_LIMIT (saturating at 1e15); h2rs refuses
 * a pattern past REGEX_COST_LIMIT. */
double regex_cost(const char *pattern);
#define REGEX_COST_LIMIT 100000
#define REGEX_COPIES_LIMIT 1000
#define REGEX_NULLABLE_LOOP_COPIES 8

/* ---- diag.c: diagnostics ---- */

void error(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
void warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif /* H2RS_UTIL_H */
