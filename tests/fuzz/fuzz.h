/* fuzz.h — what the libFuzzer targets share (tests/fuzz/README). */
#ifndef H2RS_FUZZ_H
#define H2RS_FUZZ_H

#include <setjmp.h>

#include "util/util.h"

/* diag_jmp.c: error() jumps here when fuzz_armed (and disarms) */
extern jmp_buf fuzz_on_error;
extern int fuzz_armed;
/* regfree every regex compiled since the last call */
void fuzz_free_regexes(void);

#endif
