/* diag.c — the one family of diagnostics: "h2rs: error: …" (and exit),
 * "h2rs: warning: …", "h2rs: note: …". */
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>

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
	discard_staged();
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
