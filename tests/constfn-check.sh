#!/usr/bin/env bash
# tests/constfn-check.sh HEADER BINDINGS.rs DIR [MAX]: every `pub const fn`
# of BINDINGS (h2rs --wrap-fn-macros on HEADER; at most MAX of them, every
# k-th so the sample spreads over the header) against gcc. A generated C
# program calls each macro with int arguments over a spread of inputs (0,
# 1, small, large, all bits, negative, INT_MIN) and writes the value and
# size of each result as a Rust assertion on the const fn; the Rust program
# must pass them all. Inputs for which C's result is undefined (UBSan
# reports it, or the division traps) are left out and counted.
# Prints "CONST_FNS CHECKED CASES UB_CASES COMPILER_DEPENDENT_CASES" on
# success.
set -u
hdr=$1 rs=$2 d=$3 max=${4:-100000}
RUSTC=${RUSTC:-rustc}
mkdir -p "$d"
grep -oE '^pub const fn [A-Za-z0-9_]+\([^)]*\)' "$rs" |
	sed -E 's/^pub const fn ([A-Za-z0-9_]+)\((.*)\)$/\1 \2/' |
	awk '{ n = 0; if (NF > 1) { n = gsub(/: i32/, "") } print $1, n }' >"$d/all.txt"
total=$(grep -c . "$d/all.txt")
step=$(( (total + max - 1) / max )); [ "$step" -ge 1 ] || step=1
awk -v s="$step" 'NR % s == 1 || s == 1' "$d/all.txt" | head -n "$max" >"$d/fns.txt"
vals="0 1 2 7 31 100 32767 2147483647 -1 -100 (-2147483647-1)"
{
	printf '#include <setjmp.h>\n#include <signal.h>\n#include <stdio.h>\n#include <limits.h>\n#include "%s"\n' "$hdr"
	cat <<'C'
static sigjmp_buf jb;
static void trap(int s) { (void)s; siglongjmp(jb, 1); }
#define CASE(RS, EXPR) do { \
	if (sigsetjmp(jb, 1)) { printf("UB %s\n", RS); break; } \
	__typeof__(EXPR) v_ = (EXPR); \
	if ((__typeof__(v_))-1 < 0) \
		printf("    assert_eq!((b::%s as i128, ::core::mem::size_of_val(&b::%s)), (%lldi128, %zu));\n", RS, RS, (long long)v_, sizeof v_); \
	else \
		printf("    assert_eq!((b::%s as i128, ::core::mem::size_of_val(&b::%s)), (%llui128, %zu));\n", RS, RS, (unsigned long long)v_, sizeof v_); \
} while (0)
int main(void) {
	setvbuf(stdout, NULL, _IONBF, 0);
	signal(SIGFPE, trap);
C
	while read -r name n; do
		if [ "$n" = 0 ]; then
			echo "	CASE(\"$name()\", $name());"
			continue
		fi
		# diagonal, then the neighbours: each input in every position
		set -- $vals
		i=0
		for v in "$@"; do
			args="" rargs=""
			for k in $(seq 1 "$n"); do
				# position k takes the value k-1 places further on
				idx=$(( (i + k - 1) % $# + 1 ))
				eval "a=\${$idx}"
				args="$args${args:+, }$a"
				ra=${a//(/}; ra=${ra//)/}
				[ "$ra" = "-2147483647-1" ] && ra="i32::MIN"
				rargs="$rargs${rargs:+, }$ra"
			done
			echo "	CASE(\"$name($rargs)\", $name($args));"
			i=$((i + 1))
		done
	done <"$d/fns.txt"
	echo '	return 0;'
	echo '}'
} >"$d/check.c"
# gcc is the reference; a case where clang's preprocessor gives another
# value (a macro defined per compiler, as glibc's __glibc_clang_prereq) is
# left out and counted: libclang parsed the header as clang
CLANG=${CLANG:-$(command -v clang-19 || command -v clang)}
for cc in gcc "$CLANG"; do
	tag=$(basename "$cc")
	"$cc" -w -fsanitize=undefined -fsanitize-recover=undefined -I"$(dirname "$hdr")" -o "$d/check.$tag" "$d/check.c" 2>"$d/$tag.err" ||
		{ echo "$tag does not compile the macro calls:"; head -20 "$d/$tag.err"; exit 1; }
	UBSAN_OPTIONS=print_stacktrace=0 "$d/check.$tag" >"$d/out.$tag" 2>&1
	# a result printed after a runtime error (since the last result) is left out
	awk '/runtime error/ { ub = 1; next }
		/^UB / { nub++; ub = 0; next }
		/assert_eq/ { if (ub) nub++; else print; ub = 0 }
		END { print nub + 0 > "/dev/stderr" }' "$d/out.$tag" >"$d/asserts.$tag" 2>"$d/ub.$tag"
done
cp "$d/ub.gcc" "$d/ub.txt"
grep -Fxf "$d/asserts.$(basename "$CLANG")" "$d/asserts.gcc" >"$d/asserts.txt"
ncc=$(( $(grep -c . "$d/asserts.gcc") - $(grep -c . "$d/asserts.txt") ))
{
	echo '#![allow(non_upper_case_globals, non_camel_case_types, non_snake_case, dead_code, improper_ctypes, unused_parens, overflowing_literals)]'
	printf 'mod b {\n    include!("%s");\n}\n' "$rs"
	echo 'fn main() {'
	cat "$d/asserts.txt"
	echo '}'
} >"$d/main.rs"
"$RUSTC" --edition 2021 -o "$d/main" "$d/main.rs" 2>"$d/rustc.err" ||
	{ echo "rustc does not compile the checks:"; grep -E '^error' -A5 "$d/rustc.err" | head -20; exit 1; }
"$d/main" >"$d/rust.out" 2>&1 || { echo "a const fn differs from gcc:"; head -5 "$d/rust.out"; exit 1; }
echo "$total $(grep -c . "$d/fns.txt") $(grep -c . "$d/asserts.txt") $(cat "$d/ub.txt") $ncc"
