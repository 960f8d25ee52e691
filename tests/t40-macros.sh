#!/usr/bin/env bash
# Macro constants: every value h2rs emits equals what gcc computes for the
# same macro, and its Rust type has the size and signedness of the C type.
# Under --macro-constants=bindgen (the default when invoked as bindgen) the
# values are the same and the types follow bindgen's rule.
. "$(dirname "$0")/lib.sh"
d="$OUT/macros"
mkdir -p "$d"
ints="M_DEC M_HEX M_OCT M_NEG M_ARITH M_BIG M_UMAX M_SUFFIX M_CHAR M_CAST M_GFP M_SIZEOF M_ALIGNOF M_OFFSETOF M_ENUM M_IOR M_U32C M_GENMASK M_INT32MIN"
floats="M_FLOAT M_FLOATF"
strs="M_STR M_JOINED"
macro_c_prog "$FIX/macros.h" "$ints" "$floats" "$strs" >"$d/c.c"
gcc -w "$d/c.c" -o "$d/c" && "$d/c" >"$d/gcc.txt"

macro_rust_main "$ints" "$floats" "$strs" >"$d/main.rs"
"$H2RS" "$FIX/macros.h" -o "$d/full.rs" 2>"$d/err"
rm -rf "$d"/prog.*
# rust_prog builds under $OUT: scoped to $d, so the program found is this one
if OUT=$d rust_prog "macros: full mode compiles" "$d/full.rs" "$d/main.rs" >"$d/prog.txt"; then
	cat "$d/prog.txt"
	bin=$(ls -t "$d"/prog.*/main | head -n1)
	"$bin" >"$d/rust.txt"
	if diff "$d/gcc.txt" "$d/rust.txt" >"$d/diff"; then
		ok "macros: $(wc -l <"$d/gcc.txt") constants (casts, sizeof, _Alignof, offsetof, enum constants, _IOR, UINT32_C, GENMASK, floats, strings) equal gcc's value, size and signedness"
	else
		not_ok "macros: values or types differ from gcc's"; indent <"$d/diff"
	fi
else
	cat "$d/prog.txt"
fi
# (a type alias is transparent to rustc: only the text shows the name)
test_expect "macros: a cast to a typedef keeps the typedef's name (M_CAST: gfp_t)" '
	test_grep "pub const M_CAST: gfp_t = 1024;" "$d/full.rs" && test_grep "pub const M_GFP: gfp_t = 192;" "$d/full.rs"'
rust_names "macros: M_NOT_CONST and M_STMT are no constants, nothing is emitted for them" "$d/full.rs" "" "M_NOT_CONST M_STMT"
for m in M_NOT_CONST M_STMT; do
	test_expect "macros: $m is skipped and --explain gives clang's reason" '
		"$H2RS" "$FIX/macros.h" -o /dev/null --explain $m 2>&1 | test_grep "^$m: skipped: not a constant expression (clang: " -'
done

# bindgen rules: literals and arithmetic only, types by value. The value is
# cexpr's i64 (bindgen's macro evaluator reads a literal above i64::MAX as
# its bit pattern), so 0xFFFFFFFFFFFFFFFFULL is -1, and ir/var.rs's
# default_macro_constant_type gives -1 an i32
"$H2RS" "$FIX/macros.h" -o "$d/bg.rs" --macro-constants=bindgen 2>/dev/null
want='pub const M_DEC: u32 = 42;
pub const M_HEX: u32 = 31;
pub const M_OCT: u32 = 493;
pub const M_NEG: i32 = -7;
pub const M_ARITH: u32 = 460;
pub const M_BIG: u64 = 1099511627775;
pub const M_UMAX: i32 = -1;
pub const M_SUFFIX: u32 = 5;
pub const M_CHAR: u8 = 120u8;
pub const M_FLOAT: f64 = 1.5;
pub const M_STR: &[u8; 6] = b"hello\0";
pub const M_JOINED: &[u8; 7] = b"concat\0";
pub const M_INT32MIN: i32 = -2147483648;'
got=$(grep "^pub const M_" "$d/bg.rs" | grep -v "M_FLOATF")
test_expect "macros: --macro-constants=bindgen emits exactly bindgen's set with bindgen's types (casts, sizeof, calls dropped)" '
	test_cmp <(echo "$want") <(echo "$got")'
ln -sf "$H2RS" "$d/bindgen"
"$d/bindgen" "$FIX/macros.h" -o "$d/bg2.rs" 2>/dev/null
test_expect "macros: invoked as bindgen, bindgen's macro rules are the default" '
	test_cmp <(grep "^pub const" "$d/bg.rs") <(grep "^pub const" "$d/bg2.rs")'
"$H2RS" "$FIX/macros.h" -o "$d/cstr.rs" --generate-cstr 2>/dev/null
cat >"$d/cstr_main.rs" <<'R'
fn main() { assert_eq!(b::M_STR.to_str().unwrap(), "hello"); }
R
rust_prog "macros: --generate-cstr gives &CStr" "$d/cstr.rs" "$d/cstr_main.rs"
