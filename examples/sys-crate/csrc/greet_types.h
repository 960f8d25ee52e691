/* Types of libgreet, included by greet.h (its change must rerun build.rs). */
#ifndef GREET_TYPES_H
#define GREET_TYPES_H
#include <stddef.h>

#define GREET_MAX_NAME 32

enum greet_mood { GREET_CALM = 1, GREET_LOUD = 2 };

struct greet_point {
	short x;
	long long y;
	char tag;
};
#endif
