H/* plain structs, unions, nested and anonymous members */
#include <stdint.h>
struct point { int x; int y; };
struct mixed { char c; double d; short s; long long ll; char tail; };
union number { int i; float f; double d; unsigned char bytes[8]; };
typedef struct { char tag; union { int i; float f; } u; } tagged_t;
struct outer {
	int kind;
	union { int as_int; float as_float; };
	struct { short lo, hi; };
	struct { uint8_t a; uint32_t b; } named;
	struct inner { long q; char r; } in;
	union { struct { int x1, y1; }; struct { long wide; }; } deep;
};
struct empty_arrays { int n; int zero[0]; };
struct flex { int len; char data[]; };
struct matrix { double m[3][4]; int v[2][2][2]; };
struct fwd;
struct uses_fwd { struct fwd *p; struct fwd **pp; };
struct with_enum { enum { MODE_A, MODE_B } mode; enum color { RED, GREEN } c; };
