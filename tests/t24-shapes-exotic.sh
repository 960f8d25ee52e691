#!/usr/bin/env bash
# Less common declarations: pointers to function typedefs, functions
# returning function pointers, va_list parameters, const arrays and string
# constants, _Alignas, aligned without a value, long double next to
# __int128, bitfields in an anonymous struct inside a union.
. "$(dirname "$0")/lib.sh"
d="$OUT/shapes-exotic"
rm -rf "$d"; mkdir -p "$d"
layout_check "fixture exotic.h" "$FIX/exotic.h"
"$H2RS" "$FIX/exotic.h" -o "$d/e.rs" 2>"$d/e.err" || { not_ok "exotic: h2rs failed"; indent <"$d/e.err"; }
gcc -c -I"$FIX" "$FIX/exotic.c" -o "$d/exotic.o" && ar rcs "$d/libexotic.a" "$d/exotic.o"

cat >"$d/fnptr.rs" <<'R'
fn main() {
    // 'typedef int fn_t(int); fn_t *handler;': bindgen's fn_t is already
    // Option<fn>, and a pointer to it is fn_t itself (one level of pointer)
    let h: b::fn_t = unsafe { (*std::ptr::addr_of!(b::the_handler)).handler };
    assert_eq!(unsafe { h.unwrap()(21) }, 42);
}
R
rust_prog "exotic: a pointer to a function typedef (fn_t *handler) is fn_t, callable from Rust" "$d/e.rs" "$d/fnptr.rs" -L "$d" -l static=exotic

cat >"$d/ret.rs" <<'R'
fn main() {
    let f = unsafe { b::get_handler(1) };
    assert_eq!(unsafe { f.unwrap()(5) }, 15);
    let g = unsafe { b::get_handler(0) };
    assert_eq!(unsafe { g.unwrap()(5) }, 10);
}
R
rust_prog "exotic: a function returning a function pointer" "$d/e.rs" "$d/ret.rs" -L "$d" -l static=exotic
# (rustc does not see parameter names: the text does)
test_expect "exotic: the parameter name of a function returning a function pointer is kept (which)" '
	grep -A2 "pub fn get_handler" "$d/e.rs" | test_grep "which: " -'

cat >"$d/valist.rs" <<'R'
use std::os::raw::{c_char, c_int};
fn main() {
    // a va_list parameter decays to a pointer, as for C arrays
    let _f: unsafe extern "C" fn(*const c_char, *mut b::__va_list_tag) -> c_int = b::my_vprintf;
}
R
rust_prog "exotic: a va_list parameter is *mut __va_list_tag (it decays, as bindgen emits it)" "$d/e.rs" "$d/valist.rs"

cat >"$d/consts.rs" <<'R'
use std::os::raw::c_int;
fn main() {
    // bindgen: arrays of const elements are const statics, not static mut
    let r: &[c_int; 3] = unsafe { &b::g_consts };
    assert_eq!(r[2], 3);
}
R
rust_prog "exotic: 'extern const int g_consts[3];' is a pub static (not mut), usable by reference" "$d/e.rs" "$d/consts.rs" -L "$d" -l static=exotic
cat >"$d/str.rs" <<'R'
fn main() {
    // bindgen: a const char array initialised by a string literal is a constant
    let g: &[u8; 3] = b::greeting;
    assert_eq!(g, b"hi\0");
}
R
# libclang 14 cannot evaluate a string-literal initialiser (clang_Cursor_Evaluate
# returns nothing for it); there the array stays an extern static
if [ "$(libclang_major)" -ge 15 ]; then
	rust_prog "exotic: 'const char greeting[] = \"hi\";' is pub const greeting: &[u8; 3]" "$d/e.rs" "$d/str.rs"
else
	echo "# exotic: string constant from 'const char greeting[]' skipped: libclang $(libclang_major) cannot evaluate it"
fi

cat >"$d/misc.rs" <<'R'
use std::os::raw::c_int;
fn main() {
    let u: b::bf_anon_union = b::bf_anon_union { raw: 0x5a };
    assert_eq!(unsafe { (u.__bindgen_anon_1.a(), u.__bindgen_anon_1.b()) }, (0xa, 0x5));
    let mut v: b::bf_anon_union = unsafe { std::mem::zeroed() };
    unsafe { v.__bindgen_anon_1.set_b(0xc) };
    assert_eq!(unsafe { v.raw }, 0xc0);
    let _p: b::printf_like = None;
    let _o: unsafe extern "C" fn() -> *mut b::opaque_t = b::opaque_new;
    let s = b::same { s: 1 };
    let _d: b::diff_t = b::diff_tag { d: s.s };
    let w: b::with_const = unsafe { std::mem::zeroed() };
    let _n: *const ::std::os::raw::c_char = w.name;
    let _k: unsafe extern "C" fn() -> c_int = b::knr;
    let f: b::uses_void_fn = unsafe { std::mem::zeroed() };
    let _g: Option<unsafe extern "C" fn() -> c_int> = f.g;
    assert_eq!(std::mem::align_of::<b::max_aligned>(), 16);
    assert_eq!(std::mem::align_of::<b::alignas_field>(), 16);
    assert!(b::yes_const);
    assert_eq!(b::dbl_const, 2.5);
}
R
rust_prog "exotic: bitfields in an anonymous struct in a union, typedefs of tags, knr(), aligned without N, _Alignas, const bool/double" "$d/e.rs" "$d/misc.rs"

# the same pattern in glibc: fopencookie's cookie_io_functions_t holds
# 'cookie_write_function_t *write;' — a Rust callback stored as bindgen users
# do (write: Some(f)) receives what C's fputs writes
echo '#include <stdio.h>' >"$d/stdio_cookie.h"
"$H2RS" "$d/stdio_cookie.h" -o "$d/stdio.rs" -- -D_GNU_SOURCE 2>/dev/null
cat >"$d/cookie.rs" <<'R'
use std::os::raw::{c_char, c_void};
unsafe extern "C" fn my_write(cookie: *mut c_void, buf: *const c_char, size: usize) -> b::__ssize_t {
    let v = unsafe { &mut *(cookie as *mut Vec<u8>) };
    v.extend_from_slice(unsafe { std::slice::from_raw_parts(buf as *const u8, size) });
    size as b::__ssize_t
}
fn main() {
    let mut out: Vec<u8> = Vec::new();
    let funcs = b::cookie_io_functions_t { read: None, write: Some(my_write), seek: None, close: None };
    unsafe {
        let f = b::fopencookie(&mut out as *mut Vec<u8> as *mut c_void, c"w".as_ptr(), funcs);
        assert!(!f.is_null());
        b::fputs(c"hello cookie".as_ptr(), f);
        b::fclose(f);
    }
    assert_eq!(out, b"hello cookie");
}
R
rust_prog "exotic: glibc fopencookie with a Rust write callback (cookie_io_functions_t { write: Some(f), .. })" "$d/stdio.rs" "$d/cookie.rs"
