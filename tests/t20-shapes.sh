#!/usr/bin/env bash
# Output shapes that Rust code written against bindgen relies on, checked by
# compiling Rust programs that use them as bindgen users do.
. "$(dirname "$0")/lib.sh"
d="$OUT/shapes"
mkdir -p "$d"

"$H2RS" "$FIX/structs.h" -o "$d/s.rs" 2>/dev/null
cat >"$d/s_main.rs" <<'R'
fn main() {
    let o: b::outer = unsafe { std::mem::zeroed() };
    let _u: b::outer__bindgen_ty_1 = o.__bindgen_anon_1;
    let _s: b::outer__bindgen_ty_2 = o.__bindgen_anon_2;
    let _n: b::outer__bindgen_ty_3 = o.named;
    let _i: b::outer_inner = o.in_;
    let _e: b::with_enum__bindgen_ty_1 = b::with_enum_MODE_A; // bindgen prefixes the parent's name
    let f: b::flex = unsafe { std::mem::zeroed() };
    let _tail: *const ::std::os::raw::c_char = f.data.as_ptr();
    let _p: b::__IncompleteArrayField<::std::os::raw::c_char> = b::__IncompleteArrayField::new();
    let t: b::tagged_t = b::tagged_t { tag: 0, u: b::tagged_t__bindgen_ty_1 { i: 1 } };
    assert_eq!(unsafe { t.u.i }, 1);
    let _fw: *mut b::fwd = std::ptr::null_mut();
    let _c: b::with_enum_color = b::with_enum_color_GREEN;
    let _m: [[f64; 4]; 3] = unsafe { std::mem::zeroed::<b::matrix>() }.m;
    println!("{:?}", b::point { x: 1, y: 2 });
}
R
rust_prog "shapes: __bindgen_anon_N, outer__bindgen_ty_N, outer_inner, _bindgen_ty_N, __IncompleteArrayField, forward decls" "$d/s.rs" "$d/s_main.rs"

"$H2RS" "$FIX/types.h" -o "$d/t.rs" 2>/dev/null
cat >"$d/t_main.rs" <<'R'
fn main() {
    let _a: b::u8_ = 1u8;
    let _b: b::u64_ = 1u64;
    let _c: b::bool_t = true;
    let k: b::keywords = unsafe { std::mem::zeroed() };
    let _ = (k.type_, k.match_, k.fn_, k.ref_, k.self_, k.box_, k.str_, k.u8_);
    let _t: b::type_ = 3;
    let p: b::prims = unsafe { std::mem::zeroed() };
    let _sz: usize = p.sz;
    let _pd: isize = p.pd;
    let _bool: bool = p.b;
    let _ch: ::std::os::raw::c_char = p.c;
    let s: b::specials = unsafe { std::mem::zeroed() };
    let _i: i128 = s.i128_;
    let _u: u128 = s.u128_;
    let _cd: b::__BindgenComplex<f64> = s.cd;
    let _ai: ::std::os::raw::c_int = s.ai;
    let ptrs: b::pointers = unsafe { std::mem::zeroed() };
    let _f: Option<unsafe extern "C" fn(::std::os::raw::c_int, *mut ::std::os::raw::c_char) -> ::std::os::raw::c_int> = ptrs.fp;
    let _cvp: *const ::std::os::raw::c_void = ptrs.cvp;
    let _ccp: *const *const ::std::os::raw::c_char = ptrs.ccp;
    let _f2: unsafe extern "C" fn(::std::os::raw::c_int, ::std::os::raw::c_int, *const ::std::os::raw::c_char) -> ::std::os::raw::c_int = b::uses_keyword_params;
}
R
rust_prog "shapes: renamed primitives (u8_, type_), size_t as usize, _Bool, __int128, _Complex, _Atomic, fn pointers" "$d/t.rs" "$d/t_main.rs"

"$H2RS" "$FIX/functions.h" -o "$d/f.rs" --enable-function-attribute-detection 2>/dev/null
gcc -c "$FIX/functions.c" -o "$d/functions.o" && ar rcs "$d/libfunctions.a" "$d/functions.o"
cat >"$d/f_main.rs" <<'R'
#[allow(unreachable_code)]
fn never() -> ! { unsafe { b::die(1) } }
fn also_never() -> ! { unsafe { b::fatal(std::ptr::null()) } }
extern "C" fn mul(a: ::std::os::raw::c_int, b: ::std::os::raw::c_int) -> ::std::os::raw::c_int { a * b }
extern "C" fn on_event(ctx: *mut ::std::os::raw::c_void, ev: ::std::os::raw::c_int) {
    unsafe { *(ctx as *mut i32) = ev };
}
fn main() {
    unsafe {
        assert_eq!(b::add(2, 3), 5);
        assert_eq!(b::sum_all(3, 10, 20, 30), 60);
        let mut vals = [0i32; 4];
        b::takes_array(vals.as_mut_ptr(), c"Z".as_ptr());
        assert_eq!(vals[0], 'Z' as i32);
        let op: b::binop_t = Some(mul);
        assert_eq!(b::apply(op, 6, 7), 42);
        let mut seen = 0i32;
        b::register_cb(Some(on_event), &mut seen as *mut i32 as *mut ::std::os::raw::c_void);
        assert_eq!(seen, 42);
        let p = b::make_point(4, 5);
        assert_eq!((p.x, p.y), (4, 5));
        let n: usize = b::count(&p, 9);
        assert_eq!(n, 9);
        assert_eq!(b::no_proto(), 9);
        let gc = b::global_counter;
        assert_eq!(gc, 3);
        b::global_counter = 4;
        assert_eq!(b::global_limit, 10);
        let ox = b::origin.x;
        assert_eq!(ox, 7);
        let _c: ::std::os::raw::c_int = b::five;
        assert_eq!(b::big, 0xffffffffff);
        assert_eq!(b::pi, 3.25);
        assert!(b::yes);
        let _ = b::must_check();
    }
    if false { never(); }
    if false { also_never(); }
}
R
rust_prog "shapes: calls through the bindings: variadic, array params, fn pointers and callbacks, struct by value, size_t, statics, const globals; noreturn as -> !" "$d/f.rs" "$d/f_main.rs" -L "$d" -l static=functions
cat >"$d/mu_main.rs" <<'R'
#[deny(unused_must_use)]
fn main() { if false { unsafe { b::must_check(); } } }
R
rust_fails "shapes: warn_unused_result becomes #[must_use] (ignoring it is a compile error under deny)" \
	"$d/f.rs" "$d/mu_main.rs" "unused return value" -L "$d" -l static=functions
rust_names "shapes: static inline skipped without --wrap-static-fns" "$d/f.rs" "" not_a_symbol
test_expect "shapes: --explain says why a static inline function was skipped" '
	"$H2RS" --explain not_a_symbol "$FIX/functions.h" -o /dev/null 2>&1 | test_grep "not_a_symbol: skipped: static function" -'
