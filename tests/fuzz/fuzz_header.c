/* fuzz_header.c — whole headers through h2rs: the input's bytes (after a
 * first byte that picks the mode) are written to a header file and run
 * through the generator's phases as a run would, up to the text of the
 * bindings and the wrappers (nothing is written). Mode byte 'B': under the
 * name bindgen, bindgen's macro rules; anything else: h2rs's full macro
 * mode with --wrap-fn-macros (forwarding wrappers and const fns, and their
 * evaluation units) and --wrap-static-fns. Macro evaluation would run on a
 * helper thread; here it runs in line (one_thread, as H2RS_THREADS=1), so
 * error() can jump back here (diag_jmp.c) with nothing left running. What
 * an input that ends in error() allocated, libclang's unit included, is
 * not freed: run.sh runs libFuzzer in chunks (tests/fuzz/README). */
#include "fuzz.h"
#include "gen/h2rs.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char path[64], wpath[64];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || size > 16384)
		return 0;
	if (!path[0]) {
		snprintf(path, sizeof path, "/tmp/h2rs-fuzz-%d.h", (int)getpid());
		snprintf(wpath, sizeof wpath, "/tmp/h2rs-fuzz-%d.c", (int)getpid());
	}
	FILE *f = fopen(path, "wb");
	if (!f)
		return 0;
	fwrite(data + 1, 1, size - 1, f);
	fclose(f);
	bool bg = data[0] == 'B';
	char *argv[] = {bg ? "bindgen" : "h2rs", path, "--wrap-static-fns",
			"--wrap-static-fns-path", wpath, bg ? "--no-layout-tests" : "--wrap-fn-macros",
			NULL};
	int argc = (int)(sizeof argv / sizeof argv[0]) - 1;
	struct options o = {0};
	struct ctx c = {0};
	struct buf out[EMIT_PARTS] = {{0}}, wrappers = {0};
	if (!setjmp(fuzz_on_error)) {
		fuzz_armed = 1;
		parse_options(&o, argc, argv);
		o.one_thread = true;
		c.opt = &o;
		parse_header(&c);
		analyse(&c);
		emit_rust(&c, out);
		emit_wrappers(&c, &wrappers);
		fuzz_armed = 0;
	}
	for (int i = 0; i < EMIT_PARTS; i++)
		buf_free(&out[i]);
	buf_free(&wrappers);
	fuzz_free_regexes();
	return 0;
}
