/* output.c — every file a run writes, from one place, in one order: the
 * layout probe (PREFIX.c, PREFIX.rs), the C wrappers, the depfiles, and
 * last the bindings (-o FILE, or standard output). Each was built in
 * memory by its phase; each file is staged (a temporary file beside it;
 * devices and FIFOs in place) and all are renamed into place together at
 * the end, all or none (util/file.c): a run that fails leaves every
 * previous output where it was. Standard output, when the bindings go
 * there, is written before the others are committed. */
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

/* Stage one file (util/file.c: a temporary file beside it), or write
 * standard output. */
static void write_one(const struct output *w)
{
	if (!w->path) {
		if (write_parts(stdout, w->parts, w->nparts) || fflush(stdout))
			error("cannot write to standard output: %s", strerror(errno));
		return;
	}
	if (w->make_dirs)
		make_parent_dirs(w->path);
	if (stage_file(w->path, w->parts, w->nparts))
		error("cannot write %s '%s': %s", w->what, w->path, strerror(errno));
}

void output_write_all(const struct outputs *o)
{
	for (int i = 0; i < o->n; i++)
		write_one(&o->v[i]);
	/* all or none: every staged file is renamed into place only now; a
	 * failure before (error() included) removes them all */
	if (commit_staged())
		error("cannot rename the output into place: %s", strerror(errno));
}
