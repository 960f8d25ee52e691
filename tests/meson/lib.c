#include "lib.h"

int lib_scale(int x)
{
	return x * 10;
}
