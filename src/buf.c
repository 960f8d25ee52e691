/* buf.c — growable text buffers, small allocation helpers, atomic file
 * writes and the one family of diagnostics (h2rs: error: …). */
#include "h2rs.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

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

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		error("out of memory");
	return p;
}

void *xcalloc(size_t n, size_t sz)
{
	void *p = calloc(n ? n : 1, sz ? sz : 1);
	if (!p)
		error("out of memory");
	return p;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(xmalloc(n), s, n);
}

char *xvstrfmt(const char *fmt, va_list ap)
{
	char *s;
	if (vasprintf(&s, fmt, ap) < 0)
		error("out of memory");
	return s;
}

char *xstrfmt(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = xvstrfmt(fmt, ap);
	va_end(ap);
	return s;
}

static void buf_grow(struct buf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap * 2 : 256;
	while (cap < b->len + extra + 1)
		cap *= 2;
	b->p = realloc(b->p, cap);
	if (!b->p)
		error("out of memory");
	b->cap = cap;
}

void buf_putn(struct buf *b, const char *s, size_t n)
{
	buf_grow(b, n);
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = 0;
}

void buf_puts(struct buf *b, const char *s)
{
	buf_putn(b, s, strlen(s));
}

void buf_putc(struct buf *b, char c)
{
	buf_putn(b, &c, 1);
}

void buf_indent(struct buf *b, int spaces)
{
	buf_grow(b, spaces);
	memset(b->p + b->len, ' ', spaces);
	b->len += spaces;
	b->p[b->len] = 0;
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	buf_grow(b, 64);
	size_t room = b->cap - b->len;
	va_start(ap, fmt);
	int n = vsnprintf(b->p + b->len, room, fmt, ap);
	va_end(ap);
	if ((size_t)n >= room) { /* did not fit: grow and format again */
		buf_grow(b, n);
		va_start(ap, fmt);
		vsnprintf(b->p + b->len, n + 1, fmt, ap);
		va_end(ap);
	}
	b->len += n;
}

void buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->p)
		b->p[0] = 0;
}

void buf_free(struct buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
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

void vec_push(struct vec *v, void *x)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 16;
		v->v = realloc(v->v, v->cap * sizeof(void *));
		if (!v->v)
			error("out of memory");
	}
	v->v[v->n++] = x;
}

static size_t str_hash(const char *s)
{
	size_t h = 1469598103934665603ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	/* FNV's low bits mix poorly and the table masks them: fold */
	h ^= h >> 29;
	h *= 0xbf58476d1ce4e5b9ull;
	h ^= h >> 32;
	return h;
}

static size_t strmap_slot(const struct strmap *m, const char *key, size_t h)
{
	size_t i = h & (m->cap - 1);
	const struct strmap_slot *sl = m->slots;
	while (sl[i].key && (sl[i].hash != h || strcmp(sl[i].key, key)))
		i = (i + 1) & (m->cap - 1);
	return i;
}

void *strmap_get(const struct strmap *m, const char *key)
{
	if (!m->cap)
		return NULL;
	size_t i = strmap_slot(m, key, str_hash(key));
	return m->slots[i].key ? m->slots[i].val : NULL;
}

/* Room for n keys without growing (at most half the slots in use). */
void strmap_reserve(struct strmap *m, size_t n)
{
	if ((n + 1) * 2 <= m->cap)
		return;
	struct strmap old = *m;
	m->cap = old.cap ? old.cap : 256;
	while ((n + 1) * 2 > m->cap)
		m->cap *= 2;
	m->slots = xcalloc(m->cap, sizeof *m->slots);
	for (size_t i = 0; i < old.cap; i++)
		if (old.slots[i].key)
			m->slots[strmap_slot(m, old.slots[i].key, old.slots[i].hash)] = old.slots[i];
	free(old.slots);
}

void strmap_free(struct strmap *m)
{
	free(m->slots);
	*m = (struct strmap){0};
}

void strmap_put(struct strmap *m, const char *key, void *val)
{
	strmap_reserve(m, m->n); /* grows when the table is half full */
	size_t h = str_hash(key);
	size_t i = strmap_slot(m, key, h);
	if (!m->slots[i].key)
		m->n++;
	m->slots[i] = (struct strmap_slot){key, val, h};
}

int write_parts(FILE *f, const struct buf *parts, int n)
{
	int bad = 0;
	for (int i = 0; i < n; i++)
		if (parts[i].len && fwrite(parts[i].p, 1, parts[i].len, f) != parts[i].len)
			bad = 1;
	return bad || ferror(f) ? -1 : 0;
}

/* Write in place: for devices, FIFOs and the like, which rename(2) would
 * replace by a regular file (-o /dev/null as root). */
static int write_in_place(const char *path, const struct buf *parts, int n)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	int bad = write_parts(f, parts, n);
	if (fclose(f) != 0 || bad) {
		errno = errno ? errno : EIO;
		return -1;
	}
	return 0;
}

int write_file_atomic_parts(const char *path, const struct buf *parts, int n)
{
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
		return write_in_place(path, parts, n);
	/* through a symlink, replace the file it points to, not the link */
	char *real = realpath(path, NULL);
	const char *target = real ? real : path;
	char *tmp = xstrfmt("%s.h2rs-tmp.%ld", target, (long)getpid());
	FILE *f = fopen(tmp, "wb");
	if (!f) {
		free(tmp);
		free(real);
		return -1;
	}
	int bad = write_parts(f, parts, n);
	if (fclose(f) != 0 || bad || rename(tmp, target) != 0) {
		int e = errno;
		unlink(tmp);
		free(tmp);
		free(real);
		errno = e ? e : EIO;
		return -1;
	}
	free(tmp);
	free(real);
	return 0;
}

int write_file_atomic(const char *path, const char *data, size_t len)
{
	struct buf one = {(char *)data, len, len};
	return write_file_atomic_parts(path, &one, 1);
}

void error(const char *fmt, ...)
{
	va_list ap;
	fputs("h2rs: error: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	/* _exit, not exit: a helper thread may be inside libclang, whose static
	 * destructors exit() would run under it */
	fflush(NULL);
	_exit(1);
}

void warning(const char *fmt, ...)
{
	va_list ap;
	fputs("h2rs: warning: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void note(const char *fmt, ...)
{
	va_list ap;
	fputs("h2rs: note: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}
