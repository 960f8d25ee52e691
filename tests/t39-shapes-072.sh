#!/usr/bin/env bash
# bindgen 0.72.1's shapes for four things h2rs got wrong, each used from
# Rust as a bindgen user would and checked against gcc:
#  1. a const T * under a btf_type_tag (the kernel's __user with BTF type
#     tags) or behind a typedef of a const type is *const T (ir/ty.rs,
#     from_clang_ty, CXType_Pointer: the canonical pointee's constness wins);
#  2. zero-length arrays are bindgen's Array(T, 0): [T; 0usize] for a
#     typedef, a union member or a field of such a typedef, and
#     __IncompleteArrayField<T> for a struct's own int a[0] or a[] wherever
#     it is (codegen's FieldCodegen); layouts equal gcc's;
#  3. macros under bindgen's rules are what cexpr computes: comments left
#     out (clang.rs, cexpr_tokens), strings with their NULs (VarType::String),
#     every integer in i64 with wrapping and typed by ir/var.rs's
#     default_macro_constant_type; values equal gcc's where C agrees;
#  4. calling conventions are bindgen's get_abi (ir/function.rs): stdcall,
#     fastcall and thiscall called from an i686 Rust program against gcc -m32,
#     ms_abi as "win64" against gcc on x86-64, vectorcall on nightly only;
#     what Rust cannot express is skipped with a reason, never extern "C".
. "$(dirname "$0")/lib.sh"
d="$OUT/t39"
rm -rf "$d"
mkdir -p "$d"
major=$(libclang_major)
# printer BINDINGS MAIN.rs BIN: a Rust program using the bindings (module b),
# built at BIN (rustc's errors in BIN.err), for its output
printer() {
	{ printf '%s\nmod b {\n    include!("%s");\n}\n' "$ALLOWS" "$1"; cat "$2"; } >"$3.rs"
	"$RUSTC" --edition 2021 -D warnings "$3.rs" -o "$3" >"$3.err" 2>&1
}

# ---- 1. const pointers under btf_type_tag and typedef'd const ----
gcc -w -c "$FIX/shapes072.c" -o "$d/s.o" && ar rcs "$d/libs072.a" "$d/s.o"
"$H2RS" "$FIX/shapes072.h" -o "$d/s.rs" 2>"$d/s.err" || { not_ok "shapes072.h: h2rs failed"; indent <"$d/s.err"; }
cat >"$d/tag.rs" <<'R'
use b::*;
use std::os::raw::{c_char, c_int};
// no coercion through a generic: *mut T is not a ConstPtr
trait ConstPtr {}
impl<T> ConstPtr for *const T {}
trait MutPtr {}
impl<T> MutPtr for *mut T {}
fn is_const<P: ConstPtr>(_: P) {}
fn is_mut<P: MutPtr>(_: P) {}
fn main() {
    let text = b"hello, world\0";
    let ints: [c_int; 3] = [1, 2, 3];
    let rows: [*const c_int; 2] = [ints.as_ptr(), ints.as_ptr()];
    let mut out = [0 as c_char; 5];
    let mut ub = user_buf {
        src: text.as_ptr() as *const c_char,
        dst: out.as_mut_ptr(),
        vec: rows.as_ptr(),
        counts: ints.as_ptr(),
        len: 5,
    };
    is_const(ub.src);
    is_mut(ub.dst);
    is_const(ub.vec);
    is_const(unsafe { *ub.vec });
    is_const(ub.counts);
    let rest = unsafe { tag_skip(ub.src, 7) };
    is_const(rest);
    assert_eq!(unsafe { *rest } as u8, b'w');
    assert_eq!(unsafe { tag_sum(ints.as_ptr(), 3) }, 6);
    assert_eq!(unsafe { tag_sum_vec(rows.as_ptr(), 2, 3) }, 18);
    unsafe { tag_copy(&mut ub) };
    assert_eq!(out.map(|c| c as u8), *b"hello");
    let ro: *const ro_int = ints.as_ptr();
    assert_eq!(unsafe { tag_counts(ro, 3) }, 12);
}
R
rust_prog "btf_type_tag: const T __user * is *const T in fields, parameters, returns and under another tagged const pointer; a typedef'd const int * too; called against gcc" \
	"$d/s.rs" "$d/tag.rs" -L "$d" -ls072
cat >"$d/tag_write.rs" <<'R'
fn main() {
    let ub: b::user_buf = unsafe { std::mem::zeroed() };
    unsafe { *ub.src = 0 };
}
R
rust_fails "btf_type_tag: writing through a const char __user * does not compile" "$d/s.rs" "$d/tag_write.rs" \
	'behind a `\*const` pointer'
layout_check "shapes072.h" "$FIX/shapes072.h"

# ---- 2. zero-length arrays ----
cat >"$d/zl.rs" <<'R'
use b::*;
use std::os::raw::{c_char, c_int, c_long};
#[repr(C)]
struct MiddleThenLong {
    m: zl_middle,
    tail: c_long,
}
fn main() {
    // the typedef and its fields are [T; 0usize]
    let mark: zl_marker = [];
    let a = zl_after_int { n: 1, mark };
    let c = zl_after_char { c: 2, mark: [] };
    let t = zl_open_tail { n: 3, tail: [] };
    let _: [c_long; 0] = t.tail;
    assert_eq!((a.n, c.c, t.n), (1, 2, 3));
    // a struct's own a[0], in the middle or at the end, and a[]
    let mut w = MiddleThenLong {
        m: zl_middle { n: 4, mid: __IncompleteArrayField::new(), s: 5, end: __IncompleteArrayField::new() },
        tail: 40,
    };
    assert_eq!(unsafe { zl_middle_end(&mut w.m) }, 45);
    assert_eq!(unsafe { *w.m.end.as_ptr() }, 40);
    assert_eq!(w.m.mid.as_ptr() as usize, &w.m.s as *const _ as usize);
    unsafe {
        let f = zl_new(4);
        assert_eq!((*f).items.as_slice(4), &[0.0, 1.5, 3.0, 4.5]);
        zl_free(f);
    }
    // a union member: __BindgenUnionField<[T; 0usize]>
    let u = zl_union { i: __BindgenUnionField::new(), none: __BindgenUnionField::new(), bindgen_union_field: 7 };
    let none: &[c_char; 0] = unsafe { u.none.as_ref() };
    assert!(none.is_empty());
    assert_eq!(unsafe { *u.i.as_ref() }, 7);
    let (mut ai, mut ac, mut mi, mut fl) = (0usize, 0usize, 0usize, 0usize);
    let us = unsafe { zl_sizes(&mut ai, &mut ac, &mut mi, &mut fl) };
    assert_eq!((ai, ac, mi, fl, us as usize), (std::mem::size_of::<zl_after_int>(),
        std::mem::size_of::<zl_after_char>(), std::mem::size_of::<zl_middle>(),
        std::mem::size_of::<zl_flex>(), std::mem::size_of::<zl_union>()));
    let _: c_int = a.n;
}
R
rust_prog "zero-length arrays: typedef int t[0] and its fields are [T; 0usize], a struct's own a[0] (middle or end) and a[] __IncompleteArrayField, a union's __BindgenUnionField<[T; 0usize]>; C reads and writes through them, sizes equal gcc's" \
	"$d/s.rs" "$d/zl.rs" -L "$d" -ls072
cat >"$d/zl_copy.rs" <<'R'
fn main() {
    let a = b::zl_after_int { n: 1, mark: [] };
    let x = a;
    let y = a;
    let _ = (x, y);
}
R
rust_fails "zero-length arrays: a struct with a [T; 0] typedef field is not Copy (bindgen's can_derive_incomplete_array)" \
	"$d/s.rs" "$d/zl_copy.rs" 'use of moved value'

# ---- 3. macros ----
M="$FIX/macros072.h"
"$H2RS" "$M" --macro-constants bindgen -o "$d/mb.rs" 2>"$d/mb.err" || { not_ok "macros072.h: h2rs failed"; indent <"$d/mb.err"; }
"$H2RS" "$M" -o "$d/mf.rs" 2>"$d/mf.err" || { not_ok "macros072.h: h2rs failed (full mode)"; indent <"$d/mf.err"; }
# bindgen 0.72.1 on macros072.h, by its rules: cexpr's i64 value (1 << 63
# wraps to i64::MIN, - (1ULL << 15) is -32768, 0xFFFFFFFFFFFFFFFF reads as
# -1, 0xFFFFFFFF + 1 does not wrap at 32 bits, -8 >> 1 is arithmetic), typed
# u32/u64 when not negative, i32/i64 otherwise; 5.09f read as the double
# 5.09; strings with every byte and a NUL added (proc-macro2's byte_string:
# \x00 before a digit, \xHH upper case); !, arithmetic on a character and
# hexadecimal floats are not cexpr's, so those macros are left out
want='pub const MC_BLOCK: u32 = 5;
pub const MC_LINE: u32 = 7;
pub const MC_BOTH: u32 = 35;
pub const MS_NUL: &[u8; 4] = b"a\0b\0";
pub const MS_NUL_DIGIT: &[u8; 5] = b"x\x0012\0";
pub const MS_JOIN: &[u8; 5] = b"a\0bz\0";
pub const MS_ESC: &[u8; 11] = b"t\tn\n\x7F\xFF\x1Bq\"\\\0";
pub const MS_UTF8: &[u8; 6] = b"\xC3\xA9t\xC3\xA9\0";
pub const MB_SHIFT63: i64 = -9223372036854775808;
pub const MB_LL63: i64 = -9223372036854775808;
pub const MB_NEG16: i32 = -32768;
pub const MB_UMAX: i32 = -1;
pub const MB_WRAP32: u64 = 4294967296;
pub const MB_DIV: i32 = -3;
pub const MB_SHR: i32 = -4;
pub const MF_SUFFIX: f64 = 5.09;'
test_expect "macros (bindgen rules): comments left out, strings with NULs, i64 values and types, f suffix, ! / char arithmetic / hex floats left out: exactly bindgen's lines" '
	grep "^pub const M" "$d/mb.rs" | test_cmp <(echo "$want") -'
left=0
for m in MX_NOT MX_CHAR_ADD MX_HEXFLOAT; do
	"$H2RS" "$M" --macro-constants bindgen --explain $m -o /dev/null 2>&1 |
		grep -q "^$m: skipped: macro is not a literal or arithmetic on such macros (bindgen rules)" ||
		{ not_ok "macros (bindgen rules): --explain $m gives no reason"; left=1; }
done
[ $left = 0 ] && ok "macros (bindgen rules): !, arithmetic on a character and a hex float are skipped with the reason (--explain)"
check "macros (bindgen rules): the bindings compile" rust_lib "$d/mb.rs"
# values against gcc's where C computes the same 64 bits (C and cexpr differ
# on 0xFFFFFFFF + 1, and 1 << 63 has no value in C)
same="MC_BLOCK MC_LINE MC_BOTH MB_LL63 MB_NEG16 MB_UMAX MB_DIV MB_SHR"
{
	echo "#include <stdio.h>"; echo "#include \"$M\""; echo 'int main(void) {'
	for m in $same; do echo "	printf(\"$m %lld\\n\", (long long)($m));"; done
	echo '	return 0; }'
} >"$d/m64.c"
{
	echo 'fn main() {'
	for m in $same; do echo "    println!(\"$m {}\", b::$m as i64);"; done
	echo '}'
} >"$d/m64.rs"
strs="MS_NUL MS_NUL_DIGIT MS_JOIN MS_ESC MS_UTF8"
macro_c_prog "$M" "" "" "$strs" >"$d/mstr.c"
macro_rust_main "" "" "$strs" >"$d/mstr.rs"
if gcc -w "$d/m64.c" -o "$d/m64c" && gcc -w "$d/mstr.c" -o "$d/mstrc" &&
	printer "$d/mb.rs" "$d/m64.rs" "$d/m64p" && printer "$d/mb.rs" "$d/mstr.rs" "$d/mstrp"; then
	"$d/m64p" >"$d/m64.rust"
	"$d/mstrp" >"$d/mstr.rust"
	"$d/m64c" >"$d/m64.gcc"
	"$d/mstrc" >"$d/mstr.gcc"
	if diff "$d/m64.gcc" "$d/m64.rust" >"$d/m64.diff" && diff "$d/mstr.gcc" "$d/mstr.rust" >"$d/mstr.diff"; then
		ok "macros (bindgen rules): $(wc -l <"$d/m64.gcc") integers equal gcc's 64 bits and $(wc -l <"$d/mstr.gcc") strings gcc's bytes (embedded NULs, escapes, UTF-8)"
	else
		not_ok "macros (bindgen rules): values differ from gcc's"; cat "$d/m64.diff" "$d/mstr.diff" | indent
	fi
else
	not_ok "macros (bindgen rules): the value programs do not build"; cat "$d/m64p.err" "$d/mstrp.err" 2>/dev/null | indent
fi
# full mode: C's values and types, against gcc's value, size and signedness
ints="MC_BLOCK MC_LINE MC_BOTH MB_LL63 MB_NEG16 MB_UMAX MB_WRAP32 MB_DIV MB_SHR MX_NOT MX_CHAR_ADD"
floats="MF_SUFFIX MX_HEXFLOAT"
macro_c_prog "$M" "$ints" "$floats" "$strs" >"$d/full.c"
gcc -w "$d/full.c" -o "$d/fullc" && "$d/fullc" >"$d/full.gcc"
macro_rust_main "$ints" "$floats" "$strs" >"$d/full.rs"
if printer "$d/mf.rs" "$d/full.rs" "$d/fullp"; then
	"$d/fullp" >"$d/full.rust"
	if diff "$d/full.gcc" "$d/full.rust" >"$d/full.diff"; then
		ok "macros (full mode): $(wc -l <"$d/full.gcc") constants (comments in bodies, strings with NULs) equal gcc's value, size and signedness"
	else
		not_ok "macros (full mode): values differ from gcc's"; indent <"$d/full.diff"
	fi
else
	not_ok "macros (full mode): the program printing every constant does not compile"; indent 30 <"$d/fullp.err"
fi
test_expect "macros (full mode): (1 << 63) has no C value (gcc folds it to 0, clang to 1 << 31): skipped with clang's reason" '
	test_grep ! MB_SHIFT63 "$d/mf.rs" &&
	"$H2RS" "$M" --explain MB_SHIFT63 -o /dev/null 2>&1 |
		test_grep "^MB_SHIFT63: skipped: not a constant expression (clang: shift count >= width of type)" -'
# --generate-cstr: an interior NUL cannot be a CStr, so bindgen keeps the
# byte array; c"" text is proc-macro2's c_string (escape_debug: \u{7f},
# \u{1b}; an invalid UTF-8 byte \xFF); before Rust 1.77, bytes with a NUL
"$H2RS" "$M" --macro-constants bindgen --generate-cstr -o "$d/cs.rs" 2>/dev/null
"$H2RS" "$M" --macro-constants bindgen --generate-cstr --rust-target 1.70 -o "$d/cs70.rs" 2>/dev/null
want_cs='pub const MS_NUL: &[u8; 4] = b"a\0b\0";
pub const MS_ESC: &::std::ffi::CStr = c"t\tn\n\u{7f}\xFF\u{1b}q\"\\";
pub const MS_UTF8: &::std::ffi::CStr = c"été";'
want_cs70='pub const MS_NUL: &[u8; 4] = b"a\0b\0";
from_bytes_with_nul_unchecked(b"t\tn\n\x7F\xFF\x1Bq\"\\\0")'
got_cs=$(grep -E '^pub const MS_(NUL|ESC|UTF8):' "$d/cs.rs")
got_cs70=$(grep -E '^pub const MS_NUL:' "$d/cs70.rs"; grep -oE 'from_bytes_with_nul_unchecked\(b"t.*"\)' "$d/cs70.rs")
test_expect "macros: --generate-cstr writes bindgen's text (c\"\" escapes, no CStr with an interior NUL; from_bytes_with_nul_unchecked before 1.77)" '
	test_cmp <(echo "$want_cs") <(echo "$got_cs") && test_cmp <(echo "$want_cs70") <(echo "$got_cs70")'
cat >"$d/cs_main.rs" <<'R'
fn main() {
    assert_eq!(b::MS_NUL, b"a\0b\0");
    assert_eq!(b::MS_ESC.to_bytes(), b"t\tn\n\x7f\xff\x1bq\"\\");
    assert_eq!(b::MS_UTF8.to_str().unwrap(), "\u{e9}t\u{e9}");
}
R
rust_prog "macros: --generate-cstr constants have gcc's bytes (c\"\" literals)" "$d/cs.rs" "$d/cs_main.rs"
rust_prog "macros: --generate-cstr constants have gcc's bytes (Rust 1.70: from_bytes_with_nul_unchecked)" "$d/cs70.rs" "$d/cs_main.rs"

# ---- 4. calling conventions ----
C="$FIX/callconv.h"
# x86-64: ms_abi is "win64", sysv_abi the default ("C"); called against gcc
gcc -w -c "$FIX/callconv.c" -o "$d/cc64.o" && ar rcs "$d/libcc64.a" "$d/cc64.o"
"$H2RS" "$C" -o "$d/cc.rs" 2>"$d/cc.err" || { not_ok "callconv.h: h2rs failed"; indent <"$d/cc.err"; }
test_expect "calling conventions (x86-64): the three ms_abi functions in extern \"win64\" blocks, ms_abi function pointers extern \"win64\" fn, sysv_abi (clang: the default) extern \"C\"" '
	test_count 3 "^unsafe extern \"win64\" {\$" "$d/cc.rs" &&
	test_grep "unsafe extern \"win64\" fn(" "$d/cc.rs" &&
	grep -B1 "pub fn cc_sysv" "$d/cc.rs" | test_grep "^unsafe extern \"C\" {\$" -'
cat >"$d/cc_main.rs" <<'R'
use b::*;
use std::os::raw::c_int;
unsafe extern "win64" fn sub_win64(a: c_int, b: c_int) -> c_int { a - b }
unsafe extern "C" fn add_c(a: c_int, b: c_int) -> c_int { a + b }
fn main() {
    unsafe {
        // six arguments: four in rcx, rdx, r8, r9 and two on the stack (win64)
        assert_eq!(cc_ms(1, 2, 3, 4, 5, 6), 91);
        assert_eq!(cc_ms_mix(1.5, 2, 0.25, 8), 5.0);
        assert_eq!(cc_sysv(5, 3), 2);
        assert_eq!(cc_ms_call(Some(sub_win64), 9), 8);
        let mut ops = cc_ops { op: Some(sub_win64), plain: Some(add_c) };
        assert_eq!(cc_ops_run(&mut ops, 7, 2), 509);
    }
}
R
rust_prog "calling conventions (x86-64): Rust calls gcc's ms_abi functions through extern \"win64\" (and is called back through an extern \"win64\" fn field and parameter)" \
	"$d/cc.rs" "$d/cc_main.rs" -L "$d" -lcc64
cat >"$d/cc_debug.rs" <<'R'
fn main() {
    let o: b::cc_ops = unsafe { std::mem::zeroed() };
    println!("{:?}", o);
}
R
rust_fails "calling conventions: a struct holding a non-C function pointer derives no Debug (bindgen's can_derive_fnptr)" \
	"$d/cc.rs" "$d/cc_debug.rs" "doesn't implement \`Debug\`|cannot be formatted using"
reasons=0
for pair in 'cc_ms_variadic:its calling convention is the "win64" ABI, which bindgen does not give a variadic function' \
	'cc_vector:its calling convention is the "vectorcall" ABI, which is not available on --rust-target 1.82' \
	'cc_reg:Rust has no ABI for its calling convention, regcall'; do
	name=${pair%%:*}
	if grep -q "pub fn $name\b" "$d/cc.rs" ||
		! "$H2RS" "$C" --explain "$name" -o /dev/null 2>&1 | grep -qF "$name: skipped: ${pair#*:}" ||
		! grep -qF "h2rs: warning: $name: " "$d/cc.err"; then
		not_ok "calling conventions: $name is not skipped with a warning and its reason"
		"$H2RS" "$C" --explain "$name" -o /dev/null 2>&1 | indent
		reasons=1
	fi
done
[ $reasons = 0 ] && ok "calling conventions: a variadic win64 function, vectorcall on Rust 1.82 and regcall are skipped with a warning and the reason (--explain)"
test_expect "calling conventions: a regcall function pointer typedef comes with a warning that it is an opaque integer" '
	test_grep -F "h2rs: warning: cc_reg_fn: a pointer to a function Rust cannot call is written as an opaque 8-byte integer" "$d/cc.err"'
cat >"$d/cc_reg.rs" <<'R'
fn main() {
    let f: b::cc_reg_fn = u64::MAX;
    let n: u64 = f;
    assert_eq!(n, u64::MAX);
}
R
rust_prog "calling conventions: a regcall function pointer typedef is u64, an opaque integer of the pointer's size" \
	"$d/cc.rs" "$d/cc_reg.rs"
layout_check "callconv.h (x86-64)" "$C"
# Windows x86-64: ms_abi is the default there, sysv_abi is "sysv64" (bindgen
# panics on CXCallingConv_X86_64SysV); the binding calls gcc's System V
# cc_sysv here
"$H2RS" "$C" -o "$d/ccw.rs" -- --target=x86_64-pc-windows-gnu 2>"$d/ccw.err"
if grep -B1 'pub fn cc_sysv' "$d/ccw.rs" | grep -q '^unsafe extern "sysv64" {$' &&
	grep -B1 'pub fn cc_ms(' "$d/ccw.rs" | grep -q '^unsafe extern "C" {$'; then
	cat >"$d/ccw_main.rs" <<'R'
fn main() {
    let f: unsafe extern "sysv64" fn(i32, i32) -> i32 = b::cc_sysv;
    assert_eq!(unsafe { f(10, 4) }, 6);
}
R
	rust_prog "calling conventions (x86_64-pc-windows-gnu): sysv_abi is extern \"sysv64\", ms_abi extern \"C\"; Rust calls gcc's cc_sysv through it" \
		"$d/ccw.rs" "$d/ccw_main.rs" -L "$d" -lcc64
else
	not_ok "calling conventions (x86_64-pc-windows-gnu): ABI text"; grep -n -A1 'extern' "$d/ccw.rs" | indent 30
fi
# --rust-target nightly: vectorcall is bindgen's extern "vectorcall";
# clang compiles the C side (gcc has no vectorcall)
"$H2RS" "$C" --rust-target nightly -o "$d/ccn.rs" 2>"$d/ccn.err"
NIGHTLY=${RUSTC_NIGHTLY:-$HOME/.rustup/toolchains/nightly-x86_64-unknown-linux-gnu/bin/rustc}
if ! grep -B1 'pub fn cc_vector' "$d/ccn.rs" | grep -q '^unsafe extern "vectorcall" {$'; then
	not_ok "calling conventions: --rust-target nightly does not give cc_vector extern \"vectorcall\""; indent <"$d/ccn.err"
elif ! cc_clang=$(command -v clang-19 || command -v clang) || [ ! -x "$NIGHTLY" ]; then
	ok "calling conventions: --rust-target nightly gives cc_vector extern \"vectorcall\" (no nightly rustc or clang here to call it)"
else
	printf '#include "callconv.h"\nint __attribute__((vectorcall)) cc_vector(int a, int b) { return a * 7 + b; }\n' >"$d/vc.c"
	"$cc_clang" -w -I"$FIX" -c "$d/vc.c" -o "$d/vc.o" && ar rcs "$d/libvc.a" "$d/vc.o"
	{ printf '#![feature(abi_vectorcall)]\n%s\nmod b {\n    include!("%s");\n}\n' "$ALLOWS" "$d/ccn.rs"
	  echo 'fn main() { assert_eq!(unsafe { b::cc_vector(6, 3) }, 45); }'; } >"$d/vc_main.rs"
	if "$NIGHTLY" --edition 2021 -A warnings "$d/vc_main.rs" -o "$d/vc_main" -L "$d" -lvc -lcc64 >"$d/vc.err" 2>&1 &&
		"$d/vc_main"; then
		ok "calling conventions: --rust-target nightly gives cc_vector extern \"vectorcall\"; nightly Rust calls clang's vectorcall function through it"
	else
		not_ok "calling conventions: nightly vectorcall call"; indent <"$d/vc.err"
	fi
fi

# i686 (-m32): stdcall, fastcall, thiscall, stdcall and fastcall callbacks,
# called from a #![no_std] Rust program linked by gcc -m32 against core
# built here (full, not metadata only) from Debian's rust-web-src
"$H2RS" "$C" --use-core --ctypes-prefix ::core::ffi -o "$d/cc32.rs" -- -m32 2>"$d/cc32.err" ||
	{ not_ok "callconv.h -m32: h2rs failed"; indent <"$d/cc32.err"; }
test_expect "calling conventions (-m32): extern \"stdcall\", \"fastcall\" and \"thiscall\" blocks and fn pointers; the vtable derives Copy and Clone only, as bindgen's" '
	test_count 3 "^unsafe extern \"stdcall\" {\$" "$d/cc32.rs" &&
	grep -B1 "pub fn cc_fast" "$d/cc32.rs" | test_grep "^unsafe extern \"fastcall\" {\$" - &&
	grep -B1 "pub fn cc_this" "$d/cc32.rs" | test_grep "^unsafe extern \"thiscall\" {\$" - &&
	test_grep "unsafe extern \"fastcall\" fn(" "$d/cc32.rs" && test_grep "unsafe extern \"stdcall\" fn(" "$d/cc32.rs" &&
	grep -A1 "^#\[derive(Copy, Clone)\]\$" "$d/cc32.rs" | test_grep "^pub struct cc_vtable {\$" -'
"$H2RS" "$C" --rust-target 1.70 --explain cc_this -o "$d/cc32_70.rs" -- -m32 >"$d/cc32_70.err" 2>&1
test_expect "calling conventions (-m32): thiscall on --rust-target 1.70 is skipped with the reason, as bindgen does" '
	test_grep ! "pub fn cc_this" "$d/cc32_70.rs" &&
	test_grep -F "cc_this: skipped: its calling convention is the \"thiscall\" ABI, which is not available on --rust-target 1.70" "$d/cc32_70.err"'
R32=${RUSTC_I686:-/usr/bin/rustc}
ver=$("$R32" --version 2>/dev/null | awk '{print $2}')
core=/usr/src/rustc-$ver/library/core/src/lib.rs
T=i686-unknown-linux-gnu
sys="$OUT/m32/rlib-sysroot-$ver"
lib="$sys/lib/rustlib/$T/lib"
mkdir -p "$OUT/m32"
if ! echo 'int main(void){return 0;}' | gcc -m32 -x c - -o "$d/m32-ok" 2>/dev/null || [ ! -f "$core" ]; then
	not_ok "calling conventions (-m32): needs gcc -m32 (gcc-multilib) and $R32 with its core sources ($core; rustc-web and rust-web-src): make deps installs them"
else
	if "$d/m32-ok" 2>/dev/null; then run32() { "$@"; }; else run32() { qemu-i386 "$@"; }; fi
	if [ ! -f "$lib/libcompiler_builtins.rlib" ]; then
		rm -rf "$sys"; mkdir -p "$lib"
		printf '#![no_std]\n#![feature(compiler_builtins)]\n#![compiler_builtins]\n' >"$d/cb.rs"
		RUSTC_BOOTSTRAP=1 nice "$R32" --edition 2024 --target $T --crate-type rlib --crate-name core \
			-C opt-level=1 -C panic=abort -A warnings -o "$lib/libcore.rlib" "$core" >"$d/core.err" 2>&1 &&
			RUSTC_BOOTSTRAP=1 "$R32" --edition 2021 --target $T --sysroot "$sys" --crate-type rlib \
				--crate-name compiler_builtins -C panic=abort -A warnings \
				-o "$lib/libcompiler_builtins.rlib" "$d/cb.rs" >>"$d/core.err" 2>&1 || rm -rf "$sys"
	fi
	gcc -m32 -w -O1 -c "$FIX/callconv.c" -o "$d/cc32.o"
	cat >"$d/cc32_main.rs" <<R
#![no_std]
#![no_main]
$ALLOWS
mod b {
    include!("$d/cc32.rs");
}
use b::*;
use core::ffi::{c_int, c_void};
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
unsafe extern "stdcall" fn twice(x: c_int) -> c_int { x * 2 }
unsafe extern "fastcall" fn add(a: c_int, b: c_int) -> c_int { a + b }
unsafe extern "C" fn neg(x: c_int) -> c_int { -x }
// the number of the first check that fails, 0 if none
#[unsafe(no_mangle)]
pub extern "C" fn main() -> c_int {
    let mut v: c_int = 40;
    let vt = cc_vtable { add: Some(add), twice: Some(twice), plain: Some(neg) };
    unsafe {
        if cc_std(4, 2) != 42 { return 1; }
        if cc_std_ll(5_000_000_000, 7) != 5_000_000_000_007 { return 2; }
        if cc_fast(1, 2, 3) != 123 { return 3; }
        if cc_this(&mut v as *mut c_int as *mut c_void, 2) != 42 { return 4; }
        if cc_std_call(Some(twice), 20) != 41 { return 5; }
        if cc_vtable_run(&vt, 4) != 7000 + 80 - 4 { return 6; }
    }
    0
}
R
	if [ ! -f "$lib/libcore.rlib" ]; then
		not_ok "calling conventions (-m32): cannot build core for $T from $core"; indent <"$d/core.err"
	elif ! "$R32" --edition 2021 --target $T --sysroot "$sys" --crate-type staticlib -C panic=abort \
		-C opt-level=1 -D warnings -o "$d/libcc32main.a" "$d/cc32_main.rs" >"$d/cc32_rustc.err" 2>&1; then
		not_ok "calling conventions (-m32): the bindings and the program do not compile for $T"; indent 30 <"$d/cc32_rustc.err"
	elif ! gcc -m32 "$d/cc32.o" "$d/libcc32main.a" -o "$d/cc32_prog" 2>"$d/cc32_ld.err"; then
		not_ok "calling conventions (-m32): gcc -m32 cannot link the program"; indent <"$d/cc32_ld.err"
	else
		run32 "$d/cc32_prog"
		rc=$?
		if [ $rc = 0 ]; then
			ok "calling conventions (-m32): an i686 Rust program calls gcc -m32's stdcall (32- and 64-bit values), fastcall and thiscall functions and is called back through stdcall and fastcall pointers, with gcc's results"
		else
			not_ok "calling conventions (-m32): the i686 program failed with status $rc (the number of the check that failed, or a crash: the wrong calling convention unbalances the stack)"
		fi
	fi
fi

# 32-bit arm: pcs("aapcs") is "aapcs"; pcs("aapcs-vfp") is C's own
# convention on a hard-float target and has no Rust ABI on a soft-float one;
# aarch64: aarch64_vector_pcs and ms_abi have none (bindgen: "vectorcall"
# and "win64", which rustc rejects there)
"$H2RS" "$C" --use-core --ctypes-prefix ::core::ffi -o "$d/arm.rs" -- --target=arm-linux-gnueabihf 2>"$d/arm.err"
"$H2RS" "$C" -o "$d/armel.rs" -- --target=arm-linux-gnueabi 2>"$d/armel.err"
"$H2RS" "$C" -o "$d/a64.rs" -- --target=aarch64-linux-gnu 2>"$d/a64.err"
test_expect "calling conventions (arm, aarch64): pcs(\"aapcs\") is extern \"aapcs\", pcs(\"aapcs-vfp\") extern \"C\" on eabihf and skipped on eabi; aarch64_vector_pcs and ms_abi on aarch64 skipped with the reason" '
	grep -B1 "pub fn cc_aapcs(" "$d/arm.rs" | test_grep "^unsafe extern \"aapcs\" {\$" - &&
	grep -B1 "pub fn cc_aapcs_vfp(" "$d/arm.rs" | test_grep "^unsafe extern \"C\" {\$" - &&
	test_grep "unsafe extern \"aapcs\" fn(arg1: f32)" "$d/arm.rs" &&
	test_grep ! cc_aapcs_vfp "$d/armel.rs" &&
	test_grep -F "cc_aapcs_vfp: Rust has no ABI for its calling convention, pcs(\"aapcs-vfp\"), on this target" "$d/armel.err" &&
	test_grep ! cc_a64_ "$d/a64.rs" &&
	test_grep -F "cc_a64_vector: Rust has no ABI for its calling convention, aarch64_vector_pcs, on this target" "$d/a64.err" &&
	test_grep -F "cc_a64_ms: Rust has no ABI for its calling convention, ms_abi, on this target" "$d/a64.err"'
# the arm bindings compile for Rust's armv7-unknown-linux-gnueabihf (core
# built here as metadata, once per rustc version)
TA=armv7-unknown-linux-gnueabihf
asys="$OUT/arm/sysroot-$ver"
alib="$asys/lib/rustlib/$TA/lib"
if [ -f "$core" ] && [ ! -f "$alib/libcompiler_builtins.rmeta" ]; then
	rm -rf "$asys"; mkdir -p "$alib"
	printf '#![no_std]\n#![feature(compiler_builtins)]\n#![compiler_builtins]\n' >"$d/cb.rs"
	RUSTC_BOOTSTRAP=1 nice "$R32" --edition 2024 --target $TA --crate-type rlib --crate-name core \
		--emit=metadata -A warnings -o "$alib/libcore.rmeta" "$core" >"$d/acore.err" 2>&1 &&
		RUSTC_BOOTSTRAP=1 "$R32" --edition 2021 --target $TA --sysroot "$asys" --crate-type rlib \
			--crate-name compiler_builtins --emit=metadata -A warnings \
			-o "$alib/libcompiler_builtins.rmeta" "$d/cb.rs" >>"$d/acore.err" 2>&1 || rm -rf "$asys"
fi
if [ ! -f "$alib/libcore.rmeta" ]; then
	not_ok "calling conventions (arm): cannot build core for $TA from $core"; indent <"$d/acore.err" 2>/dev/null
else
	printf '#![no_std]\n%s\nmod b {\n    include!("%s");\n}\npub use b::*;\n' "$ALLOWS" "$d/arm.rs" >"$d/arm_lib.rs"
	if "$R32" --edition 2021 --target $TA --sysroot "$asys" --crate-type lib --emit=metadata -D warnings \
		-o "$d/arm_lib.rmeta" "$d/arm_lib.rs" >"$d/arm_rustc.err" 2>&1; then
		ok "calling conventions (arm): the arm-linux-gnueabihf bindings (extern \"aapcs\") compile for $TA with -D warnings"
	else
		not_ok "calling conventions (arm): the bindings do not compile for $TA"; indent 30 <"$d/arm_rustc.err"
	fi
fi
