/* diag_jmp.c — the fuzz targets' diagnostics, in place of src/util/diag.c:
 * error() formats its message (so a bad format argument is still caught by
 * the sanitizers) and jumps back to the target instead of exiting, so one
 * process runs input after input; warning() and note() format and discard.
 * regcomp is wrapped too (-Wl,--wrap=regcomp), so that a target can free
 * the regexes each input compiled. */
#include "fuzz.h"

#include <regex.h>
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

/* copies of each compiled regex_t (the lists that hold them are moved by
 * realloc; a copy still points at the same compiled automaton) */
static regex_t compiled[4096];
static int ncompiled;

int __real_regcomp(regex_t *re, const char *pat, int flags);
int __wrap_regcomp(regex_t *re, const char *pat, int flags)
{
	int rc = __real_regcomp(re, pat, flags);
	if (rc == 0 && ncompiled < (int)(sizeof compiled / sizeof *compiled))
		compiled[ncompiled++] = *re;
	return rc;
}

void fuzz_free_regexes(void)
{
	for (int i = 0; i < ncompiled; i++)
		regfree(&compiled[i]);
	ncompiled = 0;
}
