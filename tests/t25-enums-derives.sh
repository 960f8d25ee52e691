#!/usr/bin/env bash
# Enum styles and derive options, as a Rust user of bindgen's output uses them.
. "$(dirname "$0")/lib.sh"
d="$OUT/enums"
mkdir -p "$d"
gen() { local out=$1; shift; "$H2RS" "$FIX/enums.h" -o "$d/$out.rs" "$@" 2>/dev/null; }

gen consts
cat >"$d/consts.rs_main" <<'R'
fn main() {
    let c: b::color = b::color_GREEN;
    assert_eq!(c, 5u32);
    let s: b::sign = b::sign_NEG;
    assert_eq!(s, -2i32);
    let _x: b::tenum_t = b::tenum_t_T_Y;
    let _n: b::named_t = b::named_N_A;
    let _a: b::_bindgen_ty_1 = b::ANON_TWO;
    assert_eq!(b::big_BIG_MAX, 0xffffffffu32);
    assert_eq!(b::small_S_B, 200u8);
    assert_eq!(std::mem::size_of::<b::small>(), 1);
}
R
rust_prog "enums: consts style (the default): E_A constants, pub type E = c_uint, signed and packed enums" "$d/consts.rs" "$d/consts.rs_main"

gen noprefix --no-prepend-enum-name
cat >"$d/noprefix.rs_main" <<'R'
fn main() { let _c: b::color = b::GREEN; let _s: b::sign = b::NEG; }
R
rust_prog "enums: --no-prepend-enum-name" "$d/noprefix.rs" "$d/noprefix.rs_main"

gen rust --rustified-enum 'color|dup'
cat >"$d/rust.rs_main" <<'R'
fn main() {
    let c = b::color::BLUE;
    assert_eq!(c as u32, 6);
    match c { b::color::RED | b::color::GREEN | b::color::BLUE => {} }
    assert_eq!(b::dup::DUP_B, b::dup::DUP_A);
    assert_eq!(format!("{:?}", b::color::RED), "RED");
}
R
rust_prog "enums: --rustified-enum gives #[repr(u32)] enum with duplicate values as associated consts" "$d/rust.rs" "$d/rust.rs_main"

gen newtype --newtype-enum color --bitfield-enum flags --constified-enum-module sign --newtype-global-enum dup
cat >"$d/newtype.rs_main" <<'R'
fn main() {
    let c: b::color = b::color::GREEN;
    assert_eq!(c.0, 5);
    assert_eq!(c, b::color(5));
    let f = b::flags::FLAG_A | b::flags::FLAG_C;
    assert_eq!(f.0, 5);
    assert_eq!((f & b::flags::FLAG_C).0, 4);
    let s: b::sign::Type = b::sign::POS;
    assert_eq!(s, 2);
    let d: b::dup = b::dup_DUP_C;
    assert_eq!(d.0, 2);
}
R
rust_prog "enums: --newtype-enum, --bitfield-enum (BitOr/BitAnd), --constified-enum-module, --newtype-global-enum" "$d/newtype.rs" "$d/newtype.rs_main"

gen dflt --default-enum-style rust_non_exhaustive
cat >"$d/dflt.rs_main" <<'R'
fn main() { let c = b::color::RED; assert_eq!(c as u32, 0); }
R
rust_prog "enums: --default-enum-style rust_non_exhaustive" "$d/dflt.rs" "$d/dflt.rs_main"

# derives
"$H2RS" "$FIX/structs.h" -o "$d/der.rs" --with-derive-default --with-derive-hash \
	--with-derive-partialeq --with-derive-eq 2>/dev/null
cat >"$d/der.rs_main" <<'R'
use std::collections::HashSet;
fn main() {
    let p = b::point::default();
    assert_eq!(p, b::point { x: 0, y: 0 });
    let mut set = HashSet::new();
    set.insert(p);
    assert!(set.contains(&b::point { x: 0, y: 0 }));
    let q = p; let _again = p; // Copy
    assert_eq!(format!("{:?}", q), "point { x: 0, y: 0 }");
    let m = b::mixed::default(); // f64 inside: PartialEq but no Eq/Hash
    assert!(m == m);
    let o = b::outer::default(); // contains unions: zeroing impl Default
    assert_eq!(o.kind, 0);
    let f = b::flex::default(); // flexible array: Default, Debug, no Copy
    let _ = format!("{:?}", f);
    let _u = b::number::default();
}
R
rust_prog "derives: --with-derive-default/-hash/-partialeq/-eq where Rust allows; zeroing impl Default for unions" "$d/der.rs" "$d/der.rs_main"

"$H2RS" "$FIX/structs.h" -o "$d/nocopy.rs" --no-copy 'point' --no-derive-debug 2>/dev/null
cat >"$d/nocopy.rs_main" <<'R'
fn main() { let p = b::point { x: 1, y: 2 }; let q = p; let _r = p; let _ = q; }
R
rust_fails "derives: --no-copy makes the type move-only (using it after a move does not compile)" \
	"$d/nocopy.rs" "$d/nocopy.rs_main" "use of moved value"
test_expect "derives: --no-derive-debug derives no Debug" 'test_grep ! "derive(.*Debug" "$d/nocopy.rs"'
"$H2RS" "$FIX/structs.h" -o "$d/nd.rs" --no-debug 'point' 2>/dev/null
printf 'fn main() { let m: b::mixed = unsafe { std::mem::zeroed() }; let _ = format!("{:?}", m); }\n' >"$d/nd_mixed.rs"
rust_prog "derives: --no-debug point leaves Debug on the types it does not match (mixed)" "$d/nd.rs" "$d/nd_mixed.rs"
printf 'fn main() { let p = b::point { x: 1, y: 2 }; let _ = format!("{:?}", p); }\n' >"$d/nd_point.rs"
rust_fails "derives: --no-debug point drops point's Debug" "$d/nd.rs" "$d/nd_point.rs" "doesn.t implement .Debug."
"$H2RS" "$FIX/structs.h" -o "$d/cust.rs" --with-derive-custom-struct 'point=PartialOrd' \
	--with-derive-partialeq --with-attribute-custom-struct 'mixed=#[must_use]' 2>/dev/null
cat >"$d/cust.rs_main" <<'R'
fn main() { assert!(b::point { x: 1, y: 0 } > b::point { x: 0, y: 5 }); }
R
rust_prog "derives: --with-derive-custom-struct and --with-attribute-custom-struct" "$d/cust.rs" "$d/cust.rs_main"
