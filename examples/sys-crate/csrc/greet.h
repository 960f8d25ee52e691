/* libgreet: a small C library for the h2rs-build examples. */
#ifndef GREET_H
#define GREET_H
#include "greet_types.h"

/** Sum of a and b. */
int greet_add(int a, int b);
/* Writes "hello, NAME" (loud: upper case) into buf; returns its length. */
size_t greet_format(char *buf, size_t len, const char *name, enum greet_mood mood);
long long greet_point_sum(const struct greet_point *p);

/* No symbol: only wrap_static_fns makes it callable from Rust. */
static inline int greet_twice(int x)
{
	return 2 * x + GREET_MAX_NAME - 32;
}
#endif
