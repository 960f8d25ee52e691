/* output.c — every file a run writes, from one place, in one order: the
 * layout probe (PREFIX.c, PREFIX.rs), the C wrappers, the depfiles, and
 * last the bindings (-o FILE, or standard output). Each was built in
 * memory by its phase and is written atomically (a temporary file renamed
 * over the old one; devices and FIFOs in place). The bindings go last, so
 * that a build system that finds them newer than its inputs finds every
 * other output as new, and a run that fails to write something leaves the
 * previous bindings where they were. */
#include "h2rs.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct output *output_add(struct outputs *o, const char *what, const char *path,
			  struct buf *parts, int n)
{
	if (o->n == OUTPUTS_MAX)
		error("internal: more than %d outputs", OUTPUTS_MAX);
	o->v[o->n] = (struct output){.what = what, .path = path, .parts = parts, .nparts = n};
	return &o->v[o->n++];
}

/* The directories above path, as bindgen makes them for its wrapper file
 * ($TMPDIR/bindgen/extern.c); a failure shows when the file is written. */
static void make_parent_dirs(const char *path)
{
	char *d = xstrdup(path);
	for (char *s = d + 1; *s; s++)
		if (*s == '/') {
			*s = 0;
			mkdir(d, 0777);
			*s = '/';
		}
	free(d);
}

static void write_one(const struct output *w)
{
	if (!w->path) {
		if (write_parts(stdout, w->parts, w->nparts) || fflush(stdout))
			error("cannot write to standard output: %s", strerror(errno));
		return;
	}
	if (w->make_dirs)
		make_parent_dirs(w->path);
	if (w->nparts == 1 ? write_file_atomic(w->path, w->parts[0].p, w->parts[0].len)
			   : write_file_atomic_parts(w->path, w->parts, w->nparts))
		error("cannot write %s '%s': %s", w->what, w->path, strerror(errno));
}

void output_write_all(const struct outputs *o)
{
	for (int i = 0; i < o->n; i++)
		write_one(&o->v[i]);
}
