#!/usr/bin/env bash
# Unions bindgen 0.72.1 does not write as Rust unions (CompInfo::is_rust_union,
# ir/comp.rs): a forward-declared union is the _unused struct (and derives
# Copy only: can_derive_union in ir/analysis/derive.rs), a zero-sized union
# (`union {}`) the bindgen_union_field struct. Rust rejects both as unions.
# Proved with rustc and gcc's layout, and a forward-declared union's pointer
# passed to gcc's code.
. "$(dirname "$0")/lib.sh"
d="$OUT/t27"
rm -rf "$d"
mkdir -p "$d"
H="$FIX/unions_odd.h"

layout_check "unions_odd.h" "$H"
layout_check "unions_odd.h --with-derive-default" "$H" --with-derive-default
layout_check "unions_odd.h --opaque-type '.*' --with-derive-default" "$H" --opaque-type '.*' --with-derive-default

"$H2RS" "$H" --with-derive-default -o "$d/u.rs" 2>"$d/u.err" || { not_ok "h2rs failed"; indent <"$d/u.err"; }
check "the forward-declared union is a struct with _unused, deriving Copy only" \
	test_grep -qzF $'#[derive(Copy, Clone)]\npub struct never_defined {\n    _unused: [u8; 0],\n}' "$d/u.rs"
check "the empty union is a struct holding bindgen_union_field: [u8; 0usize]" \
	test_grep -qzF $'pub struct empty {\n    pub bindgen_union_field: [u8; 0usize],\n}' "$d/u.rs"
# a struct pattern with `..` is no union pattern (those name one field)
cat >"$d/anon.rs" <<'R'
fn main() {
    let m: b::m__bindgen_ty_1 = unsafe { std::mem::zeroed() };
    let b::m__bindgen_ty_1 { .. } = m;
}
R
rust_prog "an empty anonymous union member is a struct too" "$d/u.rs" "$d/anon.rs"
cat >"$d/marker.rs" <<'R'
use std::marker::PhantomData;
fn typed<T>(_: &T, _: PhantomData<T>) {}
fn main() {
    let w: b::wraps_empty = unsafe { std::mem::zeroed() };
    typed(&w.e, PhantomData::<b::__BindgenUnionField<b::empty>>);
}
R
rust_prog "a zero-sized union's members are __BindgenUnionField markers" "$d/u.rs" "$d/marker.rs"
printf 'union z {};\nstruct y { union z a; int b; };\n' >"$d/z.h"
"$H2RS" "$d/z.h" -o "$d/z.rs" 2>/dev/null
printf 'fn main() { let _: Option<b::__BindgenUnionField<u8>> = None; }\n' >"$d/z_main.rs"
rust_fails "no __BindgenUnionField helper when no member is wrapped (saw_bindgen_union)" "$d/z.rs" "$d/z_main.rs" \
	'cannot find type `__BindgenUnionField`'
check "that output compiles with rustc -D warnings" rust_lib "$d/z.rs"
test_expect "no 'pub union' is left" 'test_grep ! "pub union" "$d/u.rs"'

cat >"$d/f.c" <<'C'
#include "unions_odd.h"
union never_defined { int x; long y; };
static union never_defined the_u = { 77 };
union never_defined *fwd_union_get(void) { return &the_u; }
int fwd_union_take(union never_defined *u) { return u->x + 1; }
C
gcc -c -I"$FIX" "$d/f.c" -o "$d/f.o" && ar rcs "$d/libf.a" "$d/f.o"
cat >"$d/use.rs" <<'R'
fn copy<T: Copy>() {}
fn main() {
    copy::<b::never_defined>();
    copy::<b::empty>();
    let h = b::holds_empty { a: 1, e: b::empty::default(), c: 2 };
    assert_eq!(h.a + h.c as i32, 3);
    assert_eq!(std::mem::size_of::<b::m>(), 0);
    unsafe {
        let p = b::fwd_union_get();
        assert_eq!(b::fwd_union_take(p), 78);
        let s = b::holds_fwd { p, n: 1 };
        assert_eq!(b::fwd_union_take(s.p), 78);
    }
}
R
rust_prog "a forward-declared union's pointer round-trips through gcc's code; the empty union is Copy and Default" \
	"$d/u.rs" "$d/use.rs" -L "$d" -lf
printf 'fn main() { let p: *mut b::never_defined = std::ptr::null_mut(); println!("{:?}", unsafe { &*p }); }\n' >"$d/dbg.rs"
rust_fails "the forward-declared union derives no Debug (bindgen: unions derive Copy only)" "$d/u.rs" "$d/dbg.rs" 'Debug'

# --opaque-type: the blob is bindgen's helpers::blob (one integer bare), and
# an opaque union whose members are Copy stays a union (CompInfo codegen
# takes the keyword from is_rust_union, opaque or not); unions derive Copy
# only (derive.rs: "cannot derive ... for Rust unions"), Default is impl'd
printf 'struct os { int a; };\nunion ou { int a; char c; };\nstruct ow { union ou u; struct os s; };\n' >"$d/o.h"
"$H2RS" "$d/o.h" --opaque-type '.*' --with-derive-default -o "$d/o.rs" 2>/dev/null
check "--opaque-type: a 4-byte struct's blob is u32" \
	test_grep -qzF $'#[derive(Debug, Default, Copy, Clone)]\npub struct os {\n    pub _bindgen_opaque_blob: u32,\n}' "$d/o.rs"
check "--opaque-type: the union stays a union deriving Copy, Clone, with impl Default" \
	bash -c "grep -qzF $'#[derive(Copy, Clone)]\npub union ou {\n    pub _bindgen_opaque_blob: u32,\n}' '$d/o.rs' && grep -q '^impl Default for ou' '$d/o.rs'"
printf 'fn main() { let w = b::ow::default(); let blob: [u32; 2] = w._bindgen_opaque_blob; assert_eq!(blob, [0, 0]); }\n' >"$d/o_arr.rs"
rust_prog "--opaque-type: a larger blob is an array" "$d/o.rs" "$d/o_arr.rs"
printf 'fn main() { let u = b::ou::default(); let w = b::ow::default(); assert_eq!(unsafe { u._bindgen_opaque_blob }, 0); assert_eq!(w._bindgen_opaque_blob, [0, 0]); let _c: b::ou = b::ou { _bindgen_opaque_blob: 7 }; }\n' >"$d/o_use.rs"
rust_prog "--opaque-type bindings compile and the opaque union is built as a union" "$d/o.rs" "$d/o_use.rs"
