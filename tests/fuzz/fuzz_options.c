/* fuzz_options.c — the command line parser (src/gen/options.c's
 * parse_options) on an argv made of the input's bytes, split at NUL bytes
 * (at most 64 arguments after argv[0]; a first byte 'B' names the program
 * "bindgen", as when h2rs is called through that link). parse_options ends
 * a bad command line with error(), which diag_jmp.c turns into a jump back
 * here, so every input runs in this process with libFuzzer's coverage;
 * -h/--help/-V/--version, which print and exit(0), are skipped. What it
 * allocates is not freed (h2rs never frees on its way out; leak detection
 * is off), except the compiled regexes, up to megabytes each: regcomp is
 * wrapped (-Wl,--wrap=regcomp) to note each one, and they are freed after
 * every input, so the process does not grow run by run. */
#include "fuzz.h"
#include "gen/h2rs.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 4096)
		return 0;
	/* the arguments live as long as the options that point into them */
	char *buf = malloc(size + 1);
	memcpy(buf, data, size);
	buf[size] = 0;
	char *argv[66];
	int argc = 0;
	argv[argc++] = size && buf[0] == 'B' ? "bindgen" : "h2rs";
	for (size_t i = 0; i <= size && argc < 65;) {
		char *a = buf + i;
		size_t n = strlen(a);
		if (!strcmp(a, "-h") || !strcmp(a, "--help") || !strcmp(a, "-V") ||
		    !strcmp(a, "--version")) {
			free(buf);
			return 0;
		}
		argv[argc++] = a;
		i += n + 1;
	}
	argv[argc] = NULL;
	struct options o = {0};
	if (!setjmp(fuzz_on_error)) {
		fuzz_armed = 1;
		parse_options(&o, argc, argv);
		fuzz_armed = 0;
	}
	fuzz_free_regexes();
	free(buf);
	return 0;
}
