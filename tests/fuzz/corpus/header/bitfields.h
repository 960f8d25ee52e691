H/* bitfields of many shapes */
#include <stdbool.h>
struct flags { unsigned a : 1; unsigned b : 2; unsigned c : 5; int rest; };
struct spans { unsigned lo : 12; unsigned mid : 12; unsigned hi : 8; };
struct signed_bits { int s3 : 3; int s7 : 7; signed char sc : 4; long long big : 40; };
struct mixed_bits { char c; unsigned x : 4; unsigned : 0; unsigned y : 3; short s; unsigned z : 9; };
struct bool_bits { bool on : 1; bool off : 1; unsigned char rest : 6; };
enum level { LOW, MID, HIGH };
struct enum_bits { enum level lvl : 2; unsigned other : 6; };
union bit_union { unsigned word; struct { unsigned w0 : 16, w1 : 16; }; unsigned raw : 8; };
struct wide { unsigned long long a : 33; unsigned long long b : 31; };
struct unnamed_pad { unsigned a : 3; unsigned : 5; unsigned b : 8; };
