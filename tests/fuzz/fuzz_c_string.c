/* fuzz_c_string.c — c_string_bytes (src/gen/macros.c), the reader of a C
 * string literal token as bindgen's cexpr reads it ("..." with every escape:
 * octal, hex, \u, \U, simple ones, and malformed ones), on the input as the
 * token's text (cut at the first NUL). Whatever it accepts, the bytes it
 * produces are no more than the token's length. */
#include "fuzz.h"
#include "gen/h2rs.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *tok = malloc(size + 1);
	memcpy(tok, data, size);
	tok[size] = 0;
	struct buf b = {0};
	if (!setjmp(fuzz_on_error)) {
		fuzz_armed = 1;
		if (c_string_bytes(&b, tok) && b.len > strlen(tok))
			abort(); /* more bytes than the token has characters */
		fuzz_armed = 0;
	}
	buf_free(&b);
	free(tok);
	return 0;
}
