#!/usr/bin/env bash
# Functions that take or return long double, __float128, vectors (or records
# holding them) by value are skipped: their Rust stand-ins (u128, arrays) keep
# the size and alignment but travel in other registers. Shown here against
# gcc: bindgen's shape for one of them (u128 in, u128 out) gets a wrong
# value back; everything kept is called and gives gcc's results.
. "$(dirname "$0")/lib.sh"
d="$OUT/abi"
rm -rf "$d"; mkdir -p "$d"
"$H2RS" "$FIX/abi_values.h" -o "$d/a.rs" 2>"$d/err"
skipped="ld_half cld_conj ld_box_half v_add v_box_tag f128_one"
kept="ld_store ld_load d_half cd_conj plain_swap ld_ref_n"
rust_names "abi values: the 6 functions passing long double, __float128, vectors or records of them by value are skipped; the 6 others kept" \
	"$d/a.rs" "$kept" "$skipped"
test_expect "abi values: --explain gives each skipped function the reason" '
	for f in $skipped; do
		"$H2RS" "$FIX/abi_values.h" -o /dev/null --explain "$f" 2>&1 |
			test_grep "^$f: skipped: takes or returns .* by value" - || exit 1
	done'
test_expect "abi values: a note says how many functions were skipped for this, without --verbose" '
	test_grep "^h2rs: note: 6 functions not emitted: they take or return long double" "$d/err"'
gcc -c -O2 -I"$FIX" "$FIX/abi_values.c" -o "$d/abi.o" && ar rcs "$d/libabi.a" "$d/abi.o"
cat >"$d/main.rs" <<'R'
// bindgen's shape for `long double ld_half(long double)`, written by hand
mod bindgen_shape {
    extern "C" {
        pub fn ld_half(x: u128) -> u128;
    }
}
fn main() { unsafe {
    // kept functions: values as gcc computes them
    let mut x: u128 = 0;
    b::ld_store(&mut x, 3.0);
    assert_eq!(b::ld_load(&x), 3.0);
    assert_eq!(b::d_half(3.0), 1.5);
    let z = b::cd_conj(b::__BindgenComplex { re: 1.0, im: 2.0 });
    assert_eq!((z.re, z.im), (1.0, -2.0));
    let p = b::plain_swap(b::plain { d: 7.0, l: 9 });
    assert_eq!((p.d, p.l), (9.0, 7));
    assert_eq!(b::ld_ref_n(b::ld_ref { p: &mut x, n: 4 }), 5);
    // the skipped shape: C reads its argument from the stack and returns
    // in x87's st(0); Rust passes and reads general registers
    let r = bindgen_shape::ld_half(x);
    let got = b::ld_load(&r);
    assert!(got != 1.5, "u128 in and out happened to work: {}", got);
} }
R
rust_prog "abi values: Rust calls the kept functions (long double by pointer, double, _Complex double, records by value) with gcc's results; bindgen's u128 shape for ld_half gets a wrong value" \
	"$d/a.rs" "$d/main.rs" -L "$d" -l static=abi
