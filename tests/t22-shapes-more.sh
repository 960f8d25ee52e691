#!/usr/bin/env bash
# More shapes that bindgen users rely on, each checked by a Rust program that
# uses them (compiles only if the shape is right) and, where C is involved,
# links against gcc-compiled definitions and checks the values.
. "$(dirname "$0")/lib.sh"
d="$OUT/shapes-more"
rm -rf "$d"; mkdir -p "$d"
gen() { local h=$1 out=$2; shift 2; "$H2RS" "$FIX/$h.h" -o "$d/$out.rs" "$@" 2>"$d/$out.err" || { echo "h2rs failed on $h.h:"; indent <"$d/$out.err"; }; }

gen names names
cat >"$d/names_main.rs" <<'R'
use std::os::raw::c_int;
fn main() {
    let _a: b::u8_ = 1u8;
    let _b: b::bool_ = true;
    let _c: b::i32_ = 1i32;
    let _d: b::usize_ = 1u64;
    let _e: b::str_ = 0i8;
    let k: b::kw = b::kw { type_: 1, match_: 2, fn_: 3, ref_: 4, mut_: 5, impl_: 6, loop_: 7, move_: 8 };
    assert_eq!(k.move_, 8);
    let k2: b::kw2 = unsafe { std::mem::zeroed() };
    let _ = (k2.async_, k2.await_, k2.dyn_, k2.crate_, k2.super_, k2.trait_, k2.where_, k2.yield_, k2.use_,
             k2.in_, k2.as_, k2.mod_, k2.pub_, k2.let_, k2.unsafe_, k2.abstract_, k2.become_, k2.box_,
             k2.final_, k2.macro_, k2.override_, k2.priv_, k2.unsized_, k2.virtual_, k2.try_, k2.Self_, k2.self_);
    let p: b::prim_fields = unsafe { std::mem::zeroed() };
    let _u: b::u8_ = p.u8_;
    let _bb: b::bool_ = p.bool_;
    let _i: b::i32_ = p.i32_;
    let _s: *mut b::str_ = p.str_;
    let _t: b::type_ = b::type_ { loop_: 1 };
    let m: b::match_ = b::match__fn;
    assert_eq!(m + b::match__ref, 3);
    let _f: unsafe extern "C" fn(c_int, c_int, *mut b::type_) -> c_int = b::move_;
}
R
rust_prog "names: typedefs named like Rust primitives get _ (u8_, bool_, i32_, usize_, str_); 35 keyword fields, tags and functions get _" "$d/names.rs" "$d/names_main.rs"

gen globals globals
gcc -c -I"$FIX" "$FIX/globals.c" -o "$d/globals.o" && ar rcs "$d/libglobals.a" "$d/globals.o"
cat >"$d/globals_main.rs" <<'R'
use std::os::raw::{c_char, c_int, c_uint, c_longlong};
use std::ptr::{addr_of, addr_of_mut};
fn main() {
    unsafe {
        assert_eq!(*addr_of!(b::g_counter), 11);
        *addr_of_mut!(b::g_counter) = 12;
        assert_eq!(*addr_of!(b::g_counter), 12);
        let lim: c_int = b::g_limit;
        assert_eq!(lim, 99);
        let t = addr_of!(b::g_table) as *const c_int;
        assert_eq!(*t.add(2), 3);
        let fx: [c_int; 4] = *addr_of!(b::g_fixed);
        assert_eq!(fx, [4, 5, 6, 7]);
        let n = addr_of!(b::g_names) as *const *const c_char;
        assert_eq!(std::ffi::CStr::from_ptr(*n.add(1)).to_str().unwrap(), "one");
        let hook: Option<unsafe extern "C" fn(c_int)> = *addr_of!(b::g_hook);
        hook.unwrap()(77);
        assert_eq!(*addr_of!(b::g_counter), 77);
        let o: b::gpoint = *addr_of!(b::g_origin);
        assert_eq!((o.x, o.y), (3, 4));
        assert_eq!(std::ptr::read_volatile(addr_of!(b::g_reg)), 0xabc);
    }
    const FIVE: c_int = b::g_five;
    assert_eq!(FIVE, 5);
    let m: c_uint = b::g_mask;
    assert_eq!(m, 0xf0);
    let n: c_longlong = b::g_neg;
    assert_eq!(n, -42);
    let c: c_char = b::g_ch;
    assert_eq!(c, 65);
    assert_eq!(b::g_fl, 0.5f32);
    assert_eq!(b::g_expr, 13);
    assert_eq!(b::g_from_enum, 18);
}
R
rust_prog "globals: extern statics read and written against gcc's definitions (arrays, fn pointer, struct, volatile); const globals as pub const with C types" \
	"$d/globals.rs" "$d/globals_main.rs" -L "$d" -l static=globals
cat >"$d/globals_shape.rs" <<'R'
use std::os::raw::{c_char, c_int};
#[allow(unused_unsafe)] // addr_of! of a static needs no unsafe in newer Rust
fn main() {
    // bindgen: an extern array of unknown size is [T; 0usize] (only record
    // fields become __IncompleteArrayField)
    let _p: *const [c_int; 0] = unsafe { std::ptr::addr_of!(b::g_table) };
    let _q: *const [*const c_char; 0] = unsafe { std::ptr::addr_of!(b::g_names) };
}
R
rust_prog "globals: 'extern int g_table[];' is [c_int; 0usize] as bindgen emits it" "$d/globals.rs" "$d/globals_shape.rs" -L "$d" -l static=globals

gen enums_more enums_more
cat >"$d/enums_main.rs" <<'R'
fn main() {
    let w: b::wide = b::wide_W_BIG;
    let _w64: u64 = w;
    assert_eq!(w, 1u64 << 32);
    let n: i64 = b::negwide_NW_NEG;
    assert_eq!(n, -(1i64 << 32));
    let o: i32 = b::only_neg_ON_B;
    assert_eq!(o, -2);
    let t: u8 = b::tiny_TI_B;
    assert_eq!(t, 255);
    let tn: i8 = b::tiny_neg_TN_A;
    assert_eq!(tn, -1);
    assert_eq!(b::anon_typedef_t_TA_Y, 4);
    let _tg: b::tagged_alias_t = b::tagged_TG_A;
    let _x: b::_bindgen_ty_1 = b::TOP_ANON_B;
    let _y: b::_bindgen_ty_2 = b::TOP_ANON2;
    assert_eq!(b::self_ref_SR_C, 9);
    let u = b::uses_enums { w: b::wide_W_SMALL, t: b::tiny_TI_A, tn: b::tiny_neg_TN_B, at: b::anon_typedef_t_TA_X, on: b::only_neg_ON_A };
    assert_eq!(std::mem::size_of_val(&u.t), 1);
}
R
rust_prog "enums: 64-bit, negative 64-bit, all-negative, packed (u8/i8), typedef'd anonymous, top-level anonymous _bindgen_ty_1/_2, self-referencing values" "$d/enums_more.rs" "$d/enums_main.rs"
gen enums_more enums_rust --rustified-enum 'wide|only_neg|tiny_neg|negwide'
cat >"$d/enums_rust_main.rs" <<'R'
fn main() {
    assert_eq!(b::wide::W_BIG as u64, 1u64 << 32);
    assert_eq!(b::negwide::NW_NEG as i64, -(1i64 << 32));
    assert_eq!(b::only_neg::ON_B as i32, -2);
    assert_eq!(std::mem::size_of::<b::tiny_neg>(), 1);
    assert_eq!(b::tiny_neg::TN_A as i8, -1);
    assert_eq!(std::mem::size_of::<b::uses_enums>(), 24);
}
R
rust_prog "enums: --rustified-enum with repr(u64), repr(i64), repr(i32) and repr(i8) enums" "$d/enums_rust.rs" "$d/enums_rust_main.rs"

gen anon anon
cat >"$d/anon_main.rs" <<'R'
fn main() {
    let mut a: b::anon_deep = unsafe { std::mem::zeroed() };
    a.__bindgen_anon_1.__bindgen_anon_2.__bindgen_anon_2.l1 = 5;
    a.__bindgen_anon_1.__bindgen_anon_2.__bindgen_anon_1.us = 6;
    let _x: b::anon_deep__bindgen_ty_1__bindgen_ty_2__bindgen_ty_1 = unsafe { a.__bindgen_anon_1.__bindgen_anon_2.__bindgen_anon_1 };
    let _y: b::anon_deep__bindgen_ty_1__bindgen_ty_1 = unsafe { a.__bindgen_anon_1.__bindgen_anon_1 };
    let _u: b::anon_deep__bindgen_ty_1 = a.__bindgen_anon_1;
    let _n: b::anon_deep__bindgen_ty_2 = a.named_a;
    let _m: b::anon_deep__bindgen_ty_2 = a.named_b;
    let _h: b::anon_deep_node = a.head;
    let _arr: [b::anon_deep__bindgen_ty_3; 3] = a.arr_of_anon;
    let u = b::anon_in_union { bytes: [1; 16] };
    assert_eq!(unsafe { u.__bindgen_anon_2.wide }, 0x0101010101010101);
    let _p: b::anon_in_union__bindgen_ty_1 = unsafe { u.__bindgen_anon_1 };
    let t: b::typedef_anon_t = unsafe { std::mem::zeroed() };
    let _f: b::typedef_anon_t__bindgen_ty_1 = t.first;
    let _g: b::typedef_anon_t__bindgen_ty_2 = t.__bindgen_anon_1;
    let w: b::two_anon_unions = unsafe { std::mem::zeroed() };
    let _c: ::std::os::raw::c_char = w.__bindgen_anon_3.c1;
    let _b2: f64 = unsafe { w.__bindgen_anon_2.b2 };
    let _pa: *mut b::ptr_to_anon__bindgen_ty_1 = b::ptr_to_anon { p: std::ptr::null_mut() }.p;
}
R
rust_prog "anonymous members: nested 3 deep (outer__bindgen_ty_1__bindgen_ty_2__bindgen_ty_1), declarators sharing one anonymous type, arrays of and pointers to anonymous records" "$d/anon.rs" "$d/anon_main.rs"

gen arrays arrays
cat >"$d/arrays_main.rs" <<'R'
use std::os::raw::{c_char, c_int, c_short};
fn main() {
    let buf: [c_int; 4] = [3, 10, 20, 30];
    let f = buf.as_ptr() as *const b::fam_int;
    assert_eq!(unsafe { (*f).items.as_slice(3) }, &[10, 20, 30]);
    let cells: [c_int; 9] = [2, 1, 2, 3, 4, 5, 6, 7, 8];
    let g = cells.as_ptr() as *const b::fam_2d;
    let rows: &[[c_int; 4]] = unsafe { (*g).cells.as_slice(2) };
    assert_eq!(rows[1][3], 8);
    let _e: &b::__IncompleteArrayField<b::fam_struct_elem> = unsafe { &(*(buf.as_ptr() as *const b::fam_struct)).elems };
    let _z: &b::__IncompleteArrayField<c_char> = unsafe { &(*(buf.as_ptr() as *const b::zla_middle)).z };
    let _z2: &b::__IncompleteArrayField<f64> = unsafe { &(*(buf.as_ptr() as *const b::zla_end)).z };
    let a: b::arr3d = unsafe { std::mem::zeroed() };
    let _c: [[[c_char; 4]; 3]; 2] = a.c;
    let _s: [[c_short; 1]; 1] = a.s;
    let p: b::arr_ptrs = unsafe { std::mem::zeroed() };
    let _pa: *mut [c_int; 4] = p.pa;
    let _nm: [[*mut c_char; 2]; 2] = p.names;
    let fp: b::arr_fnptrs = unsafe { std::mem::zeroed() };
    let _cb: [Option<unsafe extern "C" fn(c_int)>; 3] = fp.cb;
    let r: b::uses_row = unsafe { std::mem::zeroed() };
    let _rows: [[c_int; 5]; 2] = r.rows;
    let _rp: *mut b::row_t = r.rp;
    let big: b::big_array = unsafe { std::mem::zeroed() };
    assert_eq!(big.buf.len() + big.q.len(), 4166);
    let _ = format!("{:?}", big);
}
R
rust_prog "arrays: flexible array members (as_slice over C memory), zero-length arrays, T[][4], arrays of arrays, pointer to array, arrays of fn pointers and typedef'd arrays" "$d/arrays.rs" "$d/arrays_main.rs"

gen packed_more packed
cat >"$d/packed_main.rs" <<'R'
fn main() {
    let p = b::pk_typedef_t { len: 3, val: 0x01020304, data: [1, 2, 3, 4, 5] };
    let v = p.val;
    assert_eq!(v, 0x01020304);
    assert_eq!(std::mem::size_of::<b::pk_typedef_t>(), 11);
    let q: b::pp1 = unsafe { std::mem::zeroed() };
    let _i: b::pp1__bindgen_ty_1 = q.inner;
    let n: b::pp2_nested = unsafe { std::mem::zeroed() };
    let _in: b::pp2_nested__bindgen_ty_1 = n.in_;
    let u = b::pk_union { ll: -1 };
    assert_eq!(unsafe { u.c }, -1);
    let a: b::arr_of_aligned = unsafe { std::mem::zeroed() };
    let _items: [b::al8_small; 3] = a.items;
    assert_eq!(std::mem::align_of::<b::al_union>(), 16);
    assert_eq!(std::mem::align_of::<b::field_aligned16>(), 16);
}
R
rust_prog "packed: packed typedef'd struct read by value, pragma-packed anonymous members, packed union, arrays of aligned" "$d/packed.rs" "$d/packed_main.rs"

# a union whose member is not Copy (here: --no-copy): bindgen's default
# --default-non-copy-union-style is bindgen_wrapper (a struct of
# __BindgenUnionField<T>), ManuallyDrop only with --manually-drop-union
gen anon anon_nocopy --no-copy 'anon_in_union__bindgen_ty_1'
cat >"$d/nocopy_union_main.rs" <<'R'
fn main() {
    let u: b::anon_in_union = unsafe { std::mem::zeroed() };
    let _r: &b::anon_in_union__bindgen_ty_1 = unsafe { u.__bindgen_anon_1.as_ref() };
    let _f: &b::__BindgenUnionField<[::std::os::raw::c_char; 16]> = &u.bytes;
}
R
rust_prog "unions with a non-Copy member use bindgen's default style (__BindgenUnionField wrapper)" "$d/anon_nocopy.rs" "$d/nocopy_union_main.rs"
