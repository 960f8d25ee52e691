/* diag_jmp.c — the fuzz targets' diagnostics, in place of src/util/diag.c:
 * error() formats its message (so a bad format argument is still caught by
 * the sanitizers) and jumps back to the target instead of exiting, so one
 * process runs input after input; warning() and note() format and discard. */
#include "fuzz.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

jmp_buf fuzz_on_error;
int fuzz_armed;

static void format(const char *fmt, va_list ap)
{
	char msg[512];
	vsnprintf(msg, sizeof msg, fmt, ap);
}

void error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	format(fmt, ap);
	va_end(ap);
	if (!fuzz_armed)
		abort();
	fuzz_armed = 0;
	longjmp(fuzz_on_error, 1);
}

void warning(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	format(fmt, ap);
	va_end(ap);
}

void note(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	format(fmt, ap);
	va_end(ap);
}
