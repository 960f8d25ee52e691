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

/* Text built by appending, strbuf-style. The contract:
 * - A zeroed struct buf ({0}) is an empty buffer, ready for use: no init
 *   call. Its p is NULL until the first append, so read the text through
 *   buf_str(), which is never NULL; p itself only where len > 0.
 * - After any append, p[len] == 0 (the text is NUL-terminated) and
 *   len < cap.
 * - Appends cannot fail (out of memory is a fatal error); embedded NULs
 *   are kept (buf_putn), and len counts them.
 * - buf_reset empties it and keeps the memory; buf_free releases it and
 *   leaves a zeroed (empty, usable) buffer.
 * A buffer moved by value (struct copy) must not be used through both. */
struct buf {
	char *p;    /* the text, NUL-terminated; NULL until the first append */
	size_t len; /* bytes in use, not counting the NUL */
	size_t cap; /* bytes allocated (0 while p is NULL) */
};

/* The text, "" for an empty buffer: never NULL. */
static inline const char *buf_str(const struct buf *b)
{
	return b->p ? b->p : "";
}
void buf_putc(struct buf *b, char c);                  /* one byte */
void buf_puts(struct buf *b, const char *s);           /* a C string */
void buf_putn(struct buf *b, const char *s, size_t n); /* n bytes, NULs kept */
/* Formatted text, as printf. */
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_reset(struct buf *b);               /* empty; memory kept */
void buf_free(struct buf *b);                /* memory released; empty, usable */
void buf_indent(struct buf *b, int spaces);  /* that many spaces */

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

/* ---- regex_posix.c: bindgen's regex syntax for regcomp ---- */
/* The POSIX extended form of a Rust-regex pattern that is matched against
 * whole names: lazy quantifiers as greedy ones, \d, \D, (?:...). */
char *regex_posix(const char *pattern);

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
