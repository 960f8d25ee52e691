#include <ctype.h>
#include <stdio.h>
#include "greet.h"

int greet_add(int a, int b)
{
	return a + b;
}

size_t greet_format(char *buf, size_t len, const char *name, enum greet_mood mood)
{
	int n = snprintf(buf, len, "hello, %s", name);
	if (mood == GREET_LOUD)
		for (char *p = buf; *p; p++)
			*p = (char)toupper((unsigned char)*p);
	return n < 0 ? 0 : (size_t)n;
}

long long greet_point_sum(const struct greet_point *p)
{
	return p->x + p->y + p->tag;
}
