/* file.c — atomic file writes: temporary file and rename(2), or in place
 * for devices and FIFOs. */
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

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
