#!/usr/bin/env bash
# --clang-macro-fallback under bindgen's macro rules (--macro-constants
# bindgen, the default when invoked as bindgen). bindgen 0.72.1's rules, as
# ir/var.rs (parse_macro, parse_macro_clang_fallback), ir/context.rs
# (try_ensure_fallback_translation_unit) and clang.rs (EvalResult) give them:
#  - a macro its cexpr evaluator reads (literals, arithmetic on macros it
#    already read) is the rules' constant, option or not;
#  - else, with the option, clang parses the headers followed by
#    "int main() { NAME; }" and evaluates the first statement; only an
#    integer is kept (EvalResult::as_int: an unsigned value above i64::MAX
#    is dropped), typed as the rules type integers (u32/u64 when not
#    negative, i32/i64 when negative; --default-macro-constant-type and
#    --fit-macro-constant-types apply). Floats, strings, addresses,
#    variables, statements, macros #undef'd by the end of the header and
#    function-like macros give nothing;
#  - a macro the fallback read is then known to cexpr, so a later macro
#    built from it is read by the rules (i64 arithmetic; floats too).
# Values are compared with gcc's; the set of macros with and without the
# option is the one these rules give.
. "$(dirname "$0")/lib.sh"
d="$OUT/t95"
rm -rf "$d"
mkdir -p "$d"
H="$FIX/macro_fallback.h"
base=(--macro-constants bindgen --disable-header-comment --no-layout-tests --allowlist-var 'FB_.*')
"$H2RS" "$H" "${base[@]}" -o "$d/off.rs" 2>"$d/off.err" || { not_ok "h2rs failed"; indent <"$d/off.err"; }
"$H2RS" "$H" "${base[@]}" --clang-macro-fallback -o "$d/on.rs" 2>"$d/on.err" ||
	{ not_ok "h2rs --clang-macro-fallback failed"; indent <"$d/on.err"; }

# run_prog NAME BINDINGS MAIN.rs OUT: compile a program using the bindings
# (module b) with -D warnings and run it, its output to OUT
run_prog() {
	local name=$1 rs=$2 main=$3 out=$4
	{ printf '%s\nmod b {\n    include!("%s");\n}\n' "$ALLOWS" "$rs"; cat "$main"; } >"$main.full.rs"
	if ! "$RUSTC" --edition 2021 -D warnings --crate-name main "$main.full.rs" -o "$main.bin" \
		>"$main.err" 2>&1; then
		not_ok "$name: does not compile"; indent 30 <"$main.err"; return 1
	fi
	"$main.bin" >"$out" 2>&1 || { not_ok "$name: program failed"; indent <"$out"; return 1; }
}
names() { sed -nE 's/^pub const ([A-Za-z0-9_]+):.*/\1/p' "$1" | tr '\n' ' '; }
rules="FB_LIT FB_ARITH FB_NEG "
fallback="FB_SIZE FB_ALIGN FB_CAST FB_ENUM FB_CALL FB_BUILTIN FB_SCHAR FB_LONG FB_BIG FB_COND FB_OFFSET "
dependents="FB_DEP FB_DEP_NEG FB_DEP_MASK FB_DEP_HALF "
test_expect "without the option: only the 3 macros bindgen's rules read" '
	test_cmp <(echo "$rules") <(names "$d/off.rs"; echo)'
test_expect "with --clang-macro-fallback: the rules' 3, the fallback's 11 integers (sizeof, _Alignof, casts, an enumerator, a function-like macro's expansion, a builtin, ?:, offsetof) and the 4 the rules read once those are known, in source order" '
	test_cmp <(echo "$rules$fallback$dependents") <(names "$d/on.rs"; echo)'
test_expect "no constant for a float, a string, an address, an unsigned value above i64::MAX, a variable, a statement, a macro #undef'd later, a function-like macro" '
	test_grep ! -E "pub const (FB_FLOAT|FB_STRING|FB_ADDR|FB_HUGE|FB_VAR|FB_STMT|FB_GONE|FB_FN):" "$d/on.rs"'
test_expect "--explain says why the fallback dropped FB_HUGE" '
	"$H2RS" "$H" "${base[@]}" --clang-macro-fallback --explain FB_HUGE -o /dev/null 2>&1 |
		test_grep "^FB_HUGE: skipped: --clang-macro-fallback: clang does not evaluate it to an integer" -'

# values: the fallback's are clang's value of the expression (gcc's too);
# the dependents' are cexpr's i64 arithmetic on those values
ints="FB_LIT FB_ARITH FB_NEG $fallback"
{
	echo '#include <stdio.h>'
	echo "#include \"$H\""
	echo 'int main(void) {'
	for m in $ints; do echo "	printf(\"$m %lld\\n\", (long long)($m));"; done
	echo '	long long size = (long long)FB_SIZE, align = (long long)FB_ALIGN;'
	echo '	printf("FB_DEP %lld\n", size + FB_LIT);'
	echo '	printf("FB_DEP_NEG %lld\n", size - 100);'
	echo '	printf("FB_DEP_MASK %lld\n", ~(align - 1));'
	echo '	printf("FB_DEP_HALF %g\n", size * 0.5);'
	echo '	return 0; }'
} >"$d/c.c"
gcc -w "$d/c.c" -o "$d/c" && "$d/c" >"$d/gcc.txt"
{
	echo 'fn main() {'
	for m in $ints FB_DEP FB_DEP_NEG FB_DEP_MASK; do echo "    println!(\"$m {}\", b::$m as i128);"; done
	echo '    println!("FB_DEP_HALF {}", b::FB_DEP_HALF);'
	echo '}'
} >"$d/main.rs"
if run_prog "the bindings with the fallback's constants" "$d/on.rs" "$d/main.rs" "$d/rust.txt"; then
	if diff "$d/gcc.txt" "$d/rust.txt" >"$d/diff"; then
		ok "$(wc -l <"$d/gcc.txt") values equal gcc's (the dependents' in 64-bit signed arithmetic, as cexpr computes); the bindings compile with -D warnings"
	else
		not_ok "values differ from gcc's"; indent <"$d/diff"
	fi
fi

# types: bindgen's default_macro_constant_type by value, each constant
# given to a binding of the type gcc's value calls for
n=$(wc -l <"$d/gcc.txt")
{
	echo 'fn main() {'
	[ "$n" = 18 ] || echo "    compile_error!(\"gcc printed $n values, not 18\");"
	while read -r m v; do
		[ "$m" = FB_DEP_HALF ] && continue
		if [ "${v#-}" != "$v" ]; then
			t=i32; [ "$v" -lt -2147483648 ] && t=i64
		else
			t=u32; [ "$v" -gt 4294967295 ] && t=u64
		fi
		echo "    let _: $t = b::$m;"
	done <"$d/gcc.txt"
	echo '    let half: f64 = b::FB_DEP_HALF;'
	echo '    assert_eq!(half, 12.0);'
	echo '}'
} >"$d/types_main.rs"
rust_prog "types by value: u32/u64 when not negative, i32/i64 when negative, f64 for the float dependent" \
	"$d/on.rs" "$d/types_main.rs"
"$H2RS" "$H" "${base[@]}" --clang-macro-fallback --default-macro-constant-type signed \
	--fit-macro-constant-types -o "$d/fit.rs" 2>/dev/null
cat >"$d/fit_main.rs" <<'R'
fn main() {
    let size: i8 = b::FB_SIZE;
    let cast: i32 = b::FB_CAST;
    let long: i64 = b::FB_LONG;
    let schar: i8 = b::FB_SCHAR;
    assert_eq!((size, cast, long, schar), (24, 65535, -5000000000, -100));
}
R
rust_prog "--default-macro-constant-type signed --fit-macro-constant-types type the fallback's constants too" \
	"$d/fit.rs" "$d/fit_main.rs"

# a real header: <limits.h>'s INT_MAX is __INT_MAX__ (a builtin the rules
# cannot read); INT_MIN, UINT_MAX are built from it
printf '#include <limits.h>\n' >"$d/lim.h"
"$H2RS" "$d/lim.h" --macro-constants bindgen --clang-macro-fallback -o "$d/lim.rs" 2>/dev/null
lim="INT_MAX INT_MIN UINT_MAX SHRT_MAX SCHAR_MIN CHAR_BIT LONG_MAX LLONG_MIN"
{ echo '#include <stdio.h>'; echo '#include <limits.h>'; echo 'int main(void) {'
	for m in $lim; do echo "	printf(\"$m %lld\\n\", (long long)($m));"; done; echo '	return 0; }'; } >"$d/lc.c"
gcc -w "$d/lc.c" -o "$d/lc" && "$d/lc" >"$d/lgcc.txt"
{ echo 'fn main() {'; for m in $lim; do echo "    println!(\"$m {}\", b::$m as i128);"; done; echo '}'; } >"$d/lmain.rs"
if run_prog "<limits.h> with the fallback" "$d/lim.rs" "$d/lmain.rs" "$d/lrust.txt"; then
	if diff "$d/lgcc.txt" "$d/lrust.txt" >"$d/ldiff"; then
		ok "<limits.h>: $lim equal gcc's"
	else
		not_ok "<limits.h> values differ"; indent <"$d/ldiff"
	fi
fi
test_expect "<limits.h>: no INT_MAX without the option (__INT_MAX__ is not for the rules)" '
	"$H2RS" "$d/lim.h" --macro-constants bindgen -o - 2>/dev/null | test_grep ! "^pub const INT_MAX:" -'

# bindgen's issue 3071: a fallback constant named like an enumerator is a
# second definition there (bindgen writes the macro's constant first, then
# the enum's; the output does not compile); h2rs writes the first and skips
# the other with a note
printf 'enum { A0, A1, FB_LAST };\n#define FB_LAST (FB_LAST - 1)\n' >"$d/dup.h"
"$H2RS" "$d/dup.h" --macro-constants bindgen --clang-macro-fallback --no-layout-tests -o "$d/dup.rs" 2>/dev/null
cat >"$d/dup_main.rs" <<'R'
fn main() {
    let last: u32 = b::FB_LAST;
    let a1: b::_bindgen_ty_1 = b::A1;
    assert_eq!((last, a1), (1, 1));
}
R
rust_prog "a fallback constant named like an enumerator: bindgen's first definition kept (u32 1), the enumerator's skipped (bindgen 0.72.1 writes both, which does not compile)" \
	"$d/dup.rs" "$d/dup_main.rs"

# full mode already evaluates every macro with clang: the option adds nothing
"$H2RS" "$H" --macro-constants full --no-layout-tests -o "$d/full.rs" 2>/dev/null
"$H2RS" "$H" --macro-constants full --no-layout-tests --clang-macro-fallback -o "$d/full2.rs" 2>/dev/null
check "--macro-constants full: --clang-macro-fallback changes nothing" test_cmp "$d/full.rs" "$d/full2.rs"

# --clang-macro-fallback-build-dir: accepted; h2rs writes nothing there
mkdir -p "$d/build"
"$H2RS" "$H" "${base[@]}" --clang-macro-fallback --clang-macro-fallback-build-dir "$d/build" \
	-o "$d/bdir.rs" 2>/dev/null
test_expect "--clang-macro-fallback-build-dir: same output, nothing written in the directory" '
	test_cmp "$d/on.rs" "$d/bdir.rs" && ! ls -A "$d/build" | grep .'
# deterministic
"$H2RS" "$H" "${base[@]}" --clang-macro-fallback -o "$d/on2.rs" 2>/dev/null
H2RS_THREADS=1 "$H2RS" "$H" "${base[@]}" --clang-macro-fallback -o "$d/on3.rs" 2>/dev/null
test_expect "the fallback's output is the same on every run and on one thread" '
	test_cmp "$d/on.rs" "$d/on2.rs" && test_cmp "$d/on.rs" "$d/on3.rs"'
