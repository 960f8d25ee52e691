/*
 * recgen: a seeded generator of C record declarations for h2rs's layout
 * differential (tests/t86-random-records.sh).  Writes one header with N
 * structs and unions built from what csmith never writes: packed records
 * and fields, aligned(N) on records, fields and typedefs (raising and, on
 * typedefs, lowering alignment), #pragma pack(push, N), bitfields of every
 * integer type and width (zero-width, _Bool and enum bitfields), flexible
 * array members, nested anonymous structs and unions, vector types,
 * _Alignas, _Atomic, arrays of these and typedef chains.
 * (No 32-byte vectors: without AVX gcc aligns them to 16, clang to 32, a
 * known gcc/clang difference that --check-layout-with reports, t85.)
 *
 *   recgen SEED N [-m32] > header.h
 *
 * The same SEED and N give the same header on every machine (a private
 * xorshift generator, no rand()).  Every header is valid C for gcc; the
 * generator only writes constructs gcc accepts (no arrays of types whose
 * size is not a multiple of their alignment, no _Alignas that would lower
 * alignment, flexible arrays only last in a struct that is never nested).
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng_state;

/* rnd: the next number of the seeded xorshift64* sequence */
static uint64_t rnd(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545F4914F6CDD1DULL;
}

/* below: a number in [0, n) */
static unsigned below(unsigned n)
{
	return (unsigned)(rnd() % n);
}

/* chance: true with probability pct percent */
static int chance(unsigned pct)
{
	return below(100) < pct;
}

/* A type a field can have. */
struct ftype {
	const char *name; /* its spelling in C */
	int bits;         /* > 0: an integer type of this width, usable as a bitfield */
	int arrayable;    /* its size is a multiple of its alignment */
	int is_bool;      /* _Bool: bitfields at most 1 wide */
};

static const struct ftype scalars[] = {
	{ "char", 8, 1, 0 },
	{ "signed char", 8, 1, 0 },
	{ "unsigned char", 8, 1, 0 },
	{ "short", 16, 1, 0 },
	{ "unsigned short", 16, 1, 0 },
	{ "int", 32, 1, 0 },
	{ "unsigned int", 32, 1, 0 },
	{ "long", 64, 1, 0 }, /* 32 under -m32: fixed up in field_bits */
	{ "unsigned long", 64, 1, 0 },
	{ "long long", 64, 1, 0 },
	{ "unsigned long long", 64, 1, 0 },
	{ "_Bool", 1, 1, 1 },
	{ "float", 0, 1, 0 },
	{ "double", 0, 1, 0 },
	{ "void *", 0, 1, 0 },
	{ "enum e_u", 32, 1, 0 },
	{ "enum e_neg", 32, 1, 0 },
	{ "enum e_packed", 8, 1, 0 },
	{ "enum e_big", 64, 1, 0 },
	{ "v4si", 0, 1, 0 },
	{ "v2sf", 0, 1, 0 },
	{ "v16qi", 0, 1, 0 },
	{ "v2di", 0, 1, 0 },
	{ "v8qi", 0, 1, 0 },
	{ "_Atomic int", 0, 1, 0 },
	{ "_Atomic char", 0, 1, 0 },
	{ "_Atomic long long", 0, 1, 0 },
	{ "_Atomic short", 0, 1, 0 },
	{ "t_int_a16", 0, 0, 0 },
	{ "t_int_a32", 0, 0, 0 },
	{ "t_int_a2", 0, 1, 0 },
	{ "t_ll_a4", 0, 1, 0 },
	{ "t_ll_a1", 0, 1, 0 },
	{ "t_short_a8", 0, 0, 0 },
	{ "t_chain3", 0, 0, 0 },
	{ "t_v4si_a64", 0, 0, 0 },
	{ "long double", 0, 1, 0 },
	{ "__int128", 128, 1, 0 }, /* not under -m32 */
	{ "unsigned __int128", 128, 1, 0 },
};
#define NSCALARS (sizeof(scalars) / sizeof(scalars[0]))

static int m32;

/* One generated record, as a later record may use it. */
struct rec {
	int usable;   /* may be a field by value (no flexible array member) */
	int is_union; /* spelled "union rK" */
	unsigned tdef; /* > 0: typedef t_rK_aN with aligned(N) exists */
};

static struct rec *recs;
static int nrecs;
static int nfield; /* field names are f<n>, unique within a file */

static void out(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
}

static void indent(int depth)
{
	for (int i = 0; i < depth; i++)
		out("\t");
}

/* pick_scalar: an index into scalars[] valid for the target, and one where
 * gcc and clang agree: gcc -m32 leaves a union or a struct holding only an
 * _Atomic long long at align 4 (clang: 8; a struct with an int before it is
 * 8 in both, t86's fixed case) */
static int pick_scalar_in(int is_union)
{
	for (;;) {
		int i = (int)below(NSCALARS);
		if (m32 && strstr(scalars[i].name, "__int128"))
			continue;
		if (m32 && !strcmp(scalars[i].name, "_Atomic long long"))
			continue;
		/* gcc -m32 aligns a vector_size(8) of char to 4, clang to 8 */
		if (m32 && !strcmp(scalars[i].name, "v8qi"))
			continue;
		return i;
	}
}

static int pick_scalar(void)
{
	return pick_scalar_in(0);
}

/* field_bits: the width in bits of an integer type on this target */
static int field_bits(int i)
{
	if (m32 && strstr(scalars[i].name, "long") && !strstr(scalars[i].name, "long long"))
		return 32;
	return scalars[i].bits;
}

/* array_suffix: maybe "[K]" or "[K][L]" */
static void array_suffix(void)
{
	if (!chance(20))
		return;
	out("[%u]", 1 + below(4));
	if (chance(25))
		out("[%u]", 1 + below(3));
}

/* field_attrs: maybe aligned(N) or packed on a field */
static void field_attrs(int allow_align)
{
	unsigned r = below(100);
	if (r < 6)
		out(" __attribute__((packed))");
	else if (r < 12 && allow_align)
		out(" __attribute__((aligned(%u)))", 1u << below(7));
}

static void gen_members(int depth, int is_union, int in_packed);

/* gen_bitfield: one bitfield (named or not, zero-width included) */
static void gen_bitfield(int depth)
{
	int i;
	do
		i = pick_scalar();
	while (scalars[i].bits == 0);
	int w = field_bits(i);
	if (w > 64)
		w = 64; /* __int128 bitfields: clang and gcc agree only up to 64 */
	int width = chance(10) ? 0 : 1 + (int)below((unsigned)w);
	if (strstr(scalars[i].name, "__int128"))
		i = 9; /* long long */
	indent(depth);
	if (width == 0)
		out("%s : 0;\n", scalars[i].name);
	else if (chance(10))
		out("%s : %d;\n", scalars[i].name, width);
	else
		out("%s f%d : %d;\n", scalars[i].name, nfield++, width);
}

/* gen_field: one member of a record at nesting depth */
static void gen_field(int depth, int is_union, int in_packed)
{
	unsigned r = below(100);
	if (r < 25) {
		gen_bitfield(depth);
		return;
	}
	if (r < 33 && depth < 3) {
		/* a nested anonymous struct or union, maybe a named member */
		int u = chance(50);
		indent(depth);
		out("%s%s {\n", u ? "union" : "struct", chance(10) ? " __attribute__((packed))" : "");
		gen_members(depth + 1, u, in_packed);
		indent(depth);
		if (chance(40)) {
			out("} f%d", nfield++);
			array_suffix();
			out(";\n");
		} else {
			out("};\n");
		}
		return;
	}
	if (r < 45 && nrecs > 0) {
		/* an earlier record by value */
		int k = (int)below((unsigned)nrecs);
		if (recs[k].usable) {
			indent(depth);
			if (recs[k].tdef && chance(50)) {
				out("t_r%d_a%u f%d", k, recs[k].tdef, nfield++);
			} else {
				out("%s r%d f%d", recs[k].is_union ? "union" : "struct", k, nfield++);
				array_suffix();
			}
			field_attrs(1);
			out(";\n");
			return;
		}
	}
	int i = pick_scalar_in(is_union);
	indent(depth);
	if (chance(6) && scalars[i].bits > 0 && scalars[i].bits < 128 && !scalars[i].is_bool)
		out("_Alignas(%u) ", 16u << below(3));
	out("%s f%d", scalars[i].name, nfield++);
	if (scalars[i].arrayable)
		array_suffix();
	field_attrs(1);
	out(";\n");
}

/* gen_members: 1..6 members (at least one named field) */
static void gen_members(int depth, int is_union, int in_packed)
{
	int n = 1 + (int)below(6);
	int i = pick_scalar_in(is_union);
	indent(depth);
	out("%s f%d;\n", scalars[i].name, nfield++);
	for (int k = 1; k < n; k++)
		gen_field(depth, is_union, in_packed);
}

/* gen_record: record number k, maybe under a #pragma pack */
static void gen_record(int k)
{
	int is_union = chance(25);
	int pragma = chance(12);
	int packed = chance(18);
	int aligned = chance(15);
	int fam = !is_union && chance(8);
	if (pragma)
		out("#pragma pack(push, %u)\n", 1u << below(5));
	out("%s", is_union ? "union" : "struct");
	if (packed)
		out(" __attribute__((packed))");
	if (aligned)
		out(" __attribute__((aligned(%u)))", 1u << below(7));
	out(" r%d {\n", k);
	gen_members(1, is_union, packed);
	if (fam) {
		int i;
		do
			i = pick_scalar();
		while (!scalars[i].arrayable);
		out("\t%s f%d[];\n", scalars[i].name, nfield++);
	}
	out("};\n");
	if (pragma)
		out("#pragma pack(pop)\n");
	recs[k].usable = !fam;
	recs[k].is_union = is_union;
	if (chance(10)) {
		recs[k].tdef = 1u << below(7);
		out("typedef %s r%d t_r%d_a%u __attribute__((aligned(%u)));\n",
		    is_union ? "union" : "struct", k, k, recs[k].tdef, recs[k].tdef);
	}
}

static void prelude(void)
{
	out("/* generated by tests/gen/recgen.c: do not edit */\n");
	out("enum e_u { E_U0, E_U1, E_U7 = 7 };\n");
	out("enum e_neg { E_N = -3, E_P = 3 };\n");
	out("enum __attribute__((packed)) e_packed { E_P0, E_P1, E_P2 };\n");
	out("enum e_big { E_B0, E_B1 = 0x100000000ULL };\n");
	out("typedef int v4si __attribute__((vector_size(16)));\n");
	out("typedef float v2sf __attribute__((vector_size(8)));\n");
	out("typedef char v16qi __attribute__((vector_size(16)));\n");
	out("typedef long long v2di __attribute__((vector_size(16)));\n");
	out("typedef char v8qi __attribute__((vector_size(8)));\n");
	out("typedef int t_int_a16 __attribute__((aligned(16)));\n");
	out("typedef t_int_a16 t_int_a32 __attribute__((aligned(32)));\n");
	out("typedef int t_int_a2 __attribute__((aligned(2)));\n");
	out("typedef long long t_ll_a4 __attribute__((aligned(4)));\n");
	out("typedef long long t_ll_a1 __attribute__((aligned(1)));\n");
	out("typedef short t_short_a8 __attribute__((aligned(8)));\n");
	out("typedef t_short_a8 t_chain2;\n");
	out("typedef t_chain2 t_chain3 __attribute__((aligned(16)));\n");
	out("typedef v4si t_v4si_a64 __attribute__((aligned(64)));\n");
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: recgen SEED N [-m32]\n");
		return 2;
	}
	uint64_t seed = strtoull(argv[1], NULL, 0);
	int n = atoi(argv[2]);
	m32 = argc > 3 && strcmp(argv[3], "-m32") == 0;
	rng_state = seed * 0x9E3779B97F4A7C15ULL + 0x1234567ULL;
	if (rng_state == 0)
		rng_state = 1;
	recs = calloc((size_t)n + 1, sizeof(*recs));
	if (!recs)
		return 1;
	prelude();
	for (int k = 0; k < n; k++) {
		gen_record(k);
		nrecs = k + 1;
	}
	return 0;
}
