/* file.c — atomic file writes: temporary file and rename(2), or in place
 * for devices and FIFOs. */
#include "util.h"

#include <errno.h>
#include <signal.h>
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
/* The parts to the open file f, then close it: 0, or -1 with errno set. */
static int write_and_close(FILE *f, const struct buf *parts, int n)
{
	int bad = write_parts(f, parts, n);
	if (fclose(f) != 0 || bad) {
		errno = errno ? errno : EIO;
		return -1;
	}
	return 0;
}

static int write_in_place(const char *path, const struct buf *parts, int n)
{
	FILE *f = fopen(path, "wb");
	return f ? write_and_close(f, parts, n) : -1;
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
	if (write_and_close(f, parts, n) || rename(tmp, target) != 0) {
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

/* Staged files (git's tempfile): every output of a run is written to a
 * temporary file first and renamed into place only when all of them have
 * been written, so that a run that fails (an error, a full disk, a missing
 * directory, a fatal signal) replaces none of them. The list is the one
 * piece of process-wide state here, as the exit and signal handlers that
 * remove the temporary files can be given nothing else. */
struct staged {
	char *tmp;    /* the temporary file, beside the target */
	char *target; /* the file it replaces (through a symlink, the file it names) */
};
static struct staged *staged;
static volatile sig_atomic_t nstaged;
static int staged_cap;

static void remove_staged(void)
{
	for (int i = 0; i < nstaged; i++)
		if (staged[i].tmp)
			unlink(staged[i].tmp);
}

static void remove_staged_on_signal(int sig)
{
	remove_staged();
	signal(sig, SIG_DFL);
	raise(sig);
}

int stage_file(const char *path, const struct buf *parts, int n)
{
	struct stat st;
	/* devices and FIFOs cannot be staged: written now, in place */
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
		return write_in_place(path, parts, n);
	if (!staged_cap) {
		static const int sigs[] = {SIGHUP, SIGINT, SIGPIPE, SIGTERM};
		for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
			if (signal(sigs[i], remove_staged_on_signal) == SIG_IGN)
				signal(sigs[i], SIG_IGN);
	}
	char *real = realpath(path, NULL);
	char *target = real ? real : xstrdup(path);
	char *tmp = xstrfmt("%s.h2rs-tmp.%ld.%d", target, (long)getpid(), (int)nstaged);
	if (nstaged == staged_cap) {
		staged_cap = staged_cap ? 2 * staged_cap : 8;
		struct staged *v = xcalloc(staged_cap, sizeof *v);
		for (int i = 0; i < nstaged; i++)
			v[i] = staged[i];
		/* the handler sees either list whole; the old one is not freed */
		staged = v;
	}
	staged[nstaged] = (struct staged){tmp, target};
	nstaged++;
	FILE *f = fopen(tmp, "wb");
	if (!f) {
		int e = errno;
		staged[nstaged - 1].tmp = NULL;
		free(tmp);
		errno = e;
		return -1;
	}
	return write_and_close(f, parts, n);
}

int commit_staged(void)
{
	for (int i = 0; i < nstaged; i++) {
		if (!staged[i].tmp)
			continue;
		if (rename(staged[i].tmp, staged[i].target) != 0)
			return -1;
		free(staged[i].tmp);
		staged[i].tmp = NULL;
	}
	return 0;
}

void discard_staged(void)
{
	remove_staged();
	nstaged = 0;
}
