#!/usr/bin/env bash
# Integer macros as Rust const fns (issue 16): with --wrap-fn-macros, a
# function-like macro that clang types as an integer expression of int
# parameters becomes a `pub const fn` whose body is clang's AST of it
# (conversions as casts, arithmetic and shifts wrapping). Every const fn is
# checked against gcc: tests/constfn-check.sh calls the macro in C with a
# spread of int inputs and asserts the same value and size from Rust
# (cases C leaves undefined, and those where clang's preprocessor differs
# from gcc's, are left out and counted). On a fixture of the kinds, and on
# a sample of at least 200 of the uapi set's macros.
. "$(dirname "$0")/lib.sh"
d="$OUT/constfn"
rm -rf "$d"; mkdir -p "$d"
cat >"$d/i.h" <<'H'
enum { TEN = 10 };
#define BIT(n) (1UL << (n))
#define GENMASK(h, l) (((~0UL) << (l)) & (~0UL >> (63 - (h))))
#define MINORBITS 20
#define MKDEV(ma, mi) (((ma) << MINORBITS) | (mi))
#define MAJOR(dev) ((unsigned int) ((dev) >> MINORBITS))
#define _IOC(dir, type, nr, size) (((dir) << 30) | ((type) << 8) | ((nr) << 0) | ((size) << 16))
#define _IO(type, nr) _IOC(0U, (type), (nr), 0)
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define NOT(x) (!(x))
#define BOTH(a, b) ((a) && (b))
#define EITHER(a, b) ((a) || (b))
#define NEG(x) (-(x))
#define LOW(x) ((unsigned char)(x))
#define SLOW(x) ((signed char)(x))
#define WIDE(x) ((long long)(x) * 1000000007LL)
#define UDIV(a, b) ((unsigned)(a) / (unsigned)(b))
#define MOD(a, b) ((a) % (b))
#define PLUS_TEN(x) ((x) + TEN)
#define CH(x) ((x) + 'a')
#define UNUSED(x, y) ((x) + 1)
#define SHR(x, n) ((x) >> (n))
#define ZERO() (0)
#define SZ(x) (sizeof(x) * 2)
#define CALLS(x) abs(x)
int abs(int);
#define STMT(x) do { } while (0)
#define ASSIGN(x) ((x) = 1)
#define STR(x) #x
H
"$H2RS" "$d/i.h" --wrap-fn-macros --wrap-static-fns-path "$d/w.c" -o "$d/b.rs" --verbose 2>"$d/err"
if [ "$(libclang_major)" -lt 17 ]; then
	test_expect "const fns need libclang 17 (its operator kinds): with libclang $(libclang_major) each integer macro says so" '
		grep -q "skipped BIT: function-like macro, not wrapped: .*integer macros as const fns need libclang 17" "$d/err" || cat "$d/err"'
	exit 0
fi
want="BIT GENMASK MKDEV MAJOR _IOC _IO MAX NOT BOTH EITHER NEG LOW SLOW WIDE UDIV MOD PLUS_TEN CH UNUSED SHR ZERO"
got=$(sed -nE 's/^pub const fn ([A-Za-z0-9_]+)\(.*/\1/p' "$d/b.rs" | tr '\n' ' ')
test_expect "--wrap-fn-macros: every integer macro of the fixture is a const fn (${got% })" '
	for n in $want; do grep -q "^pub const fn $n(" "$d/b.rs" || { echo "no const fn $n"; exit 1; }; done'
if out=$(bash "$FIX/../constfn-check.sh" "$d/i.h" "$d/b.rs" "$d/check" 2>&1); then
	set -- $out
	ok "const fns on the fixture: all $2 equal gcc's macros in value and size over $3 cases ($4 cases C leaves undefined left out)"
else
	not_ok "const fns on the fixture differ from gcc"; echo "$out" | indent
fi
while read -r mname mwhy; do
	test_expect "--wrap-fn-macros: $mname is no const fn, and --verbose says why ($mwhy)" '
		grep -q "skipped $mname: function-like macro, not wrapped: .*$mwhy" "$d/err" || grep "skipped $mname" "$d/err"'
done <<'W'
SZ its parameter x is not used as a value
STMT it is a statement, not an expression
ASSIGN it assigns, or uses the comma operator
STR it stringifies or pastes tokens
W
check "--wrap-fn-macros: CALLS forwards to abs (a wrapper, not a const fn)" grep -q 'link_name = "CALLS__extern"' "$d/b.rs"
cat >"$d/use.rs" <<'R'
const K: u64 = b::BIT(5) | b::GENMASK(3, 1);
const D: i32 = b::MKDEV(8, 1);
fn main() {
    assert_eq!(K, 32 | 14);
    assert_eq!(D, (8 << 20) | 1);
    assert_eq!(b::MAJOR(D), 8);
    let x: [u8; b::LOW(258) as usize] = [0; 2];
    assert_eq!(x.len(), 2);
}
R
rust_prog "const fns are usable in Rust constants and array lengths" "$d/b.rs" "$d/use.rs"
# the uapi set: a spread sample of at least 200 of its const fns
u=$(uapi_header)
"$H2RS" "$u" --wrap-fn-macros --wrap-static-fns-path "$d/uw.c" -o "$d/u.rs" 2>"$d/u.err"
if out=$(bash "$FIX/../constfn-check.sh" "$u" "$d/u.rs" "$d/ucheck" 250 2>&1); then
	set -- $out
	n=$2
	check "const fns of the uapi set: $2 of its $1 (every other one) equal gcc's macros over $3 cases ($4 undefined in C and $5 where clang's preprocessor differs from gcc's left out)" \
		test "$n" -ge 200
else
	not_ok "const fns of the uapi set differ from gcc"; echo "$out" | indent
fi
