#!/usr/bin/env bash
# Bitfields round trip: C sets a field and Rust reads it through the
# accessor; Rust sets it (setter, raw setter, new_bitfield_N) and C reads it.
. "$(dirname "$0")/lib.sh"
d="$OUT/bitfields"
mkdir -p "$d"
"$H2RS" "$FIX/bitfields_api.h" -o "$d/b.rs" 2>"$d/err" || { not_ok "bitfields: h2rs failed"; indent <"$d/err"; exit 0; }
gcc -c "$FIX/bitfields.c" -I"$FIX" -o "$d/bitfields.o" && ar rcs "$d/libbits.a" "$d/bitfields.o"
cat >"$d/main.rs" <<'R'
use b::*;
fn main() { unsafe {
    // C writes, Rust reads
    let f = make_flags(1, 3, 31, -9);
    assert_eq!((f.a(), f.b(), f.c(), f.rest), (1, 3, 31, -9));
    let s = make_spans(0xabc, 0x123, 0xfe);
    assert_eq!((s.lo(), s.mid(), s.hi()), (0xabc, 0x123, 0xfe));
    let g = make_signed(-4, -64, -8, -(1i64 << 39));
    assert_eq!((g.s3(), g.s7(), g.sc(), g.big()), (-4, -64, -8, -(1i64 << 39)));
    let g2 = make_signed(3, 63, 7, (1i64 << 39) - 1);
    assert_eq!((g2.s3(), g2.s7(), g2.sc(), g2.big()), (3, 63, 7, (1i64 << 39) - 1));
    let m = make_mixed(9, 5, 300);
    assert_eq!((m.c, m.x(), m.y(), m.s, m.z()), (b'q' as _, 9, 5, -5, 300));
    let bb = make_bools(true, false, 33);
    assert_eq!((bb.on(), bb.off(), bb.rest()), (true, false, 33));
    let e = make_enum_bits(level_HIGH, 17);
    assert_eq!((e.lvl(), e.other()), (level_HIGH, 17));
    let w = make_wide((1u64 << 33) - 1, 0x5555_5555);
    assert_eq!((w.a(), w.b()), ((1u64 << 33) - 1, 0x5555_5555));
    let u = make_union(0xa5);
    assert_eq!(u.raw(), 0xa5);
    // raw accessors read the same
    assert_eq!(flags::c_raw(&f), 31);
    assert_eq!(signed_bits::s7_raw(&g), -64);

    // Rust writes, C reads
    let mut f2: flags = std::mem::zeroed();
    f2.set_a(1); f2.set_b(2); f2.set_c(17);
    assert_eq!((flags_get(&f2, 0), flags_get(&f2, 1), flags_get(&f2, 2)), (1, 2, 17));
    flags::set_b_raw(&mut f2, 1);
    assert_eq!(flags_get(&f2, 1), 1);
    let mut s2: spans = std::mem::zeroed();
    s2._bitfield_1 = spans::new_bitfield_1(0xfff, 0x800, 0x81);
    assert_eq!((spans_get(&s2, 0), spans_get(&s2, 1), spans_get(&s2, 2)), (0xfff, 0x800, 0x81));
    let mut g3: signed_bits = std::mem::zeroed();
    g3.set_s3(-1); g3.set_s7(-37); g3.set_sc(-2); g3.set_big(-123456789);
    assert_eq!((signed_get(&g3, 0), signed_get(&g3, 1), signed_get(&g3, 2), signed_get(&g3, 3)),
               (-1, -37, -2, -123456789));
    let mut m2: mixed_bits = std::mem::zeroed();
    m2.set_x(15); m2.set_y(7); m2.set_z(511);
    assert_eq!((mixed_get(&m2, 0), mixed_get(&m2, 1), mixed_get(&m2, 2)), (15, 7, 511));
    let mut e2: enum_bits = std::mem::zeroed();
    e2.set_lvl(level_MID);
    assert_eq!(enum_bits_get(&e2), level_MID);
    let mut w2: wide = std::mem::zeroed();
    w2.set_a(0x1_2345_6789); w2.set_b(0x7fff_ffff);
    assert_eq!((wide_get(&w2, 0), wide_get(&w2, 1)), (0x1_2345_6789, 0x7fff_ffff));
    // the kernel reads units directly: phy.rs uses _bitfield_1.get(offset, width)
    assert_eq!(f2._bitfield_1.get(1, 2), 1);
    println!("bitfields round trip ok");
} }
R
rust_prog "bitfields: C sets, Rust reads (getters, raw getters); Rust sets (setters, raw setters, new_bitfield_1), C reads; signed, bool, enum, 64-bit, union" \
	"$d/b.rs" "$d/main.rs" -L "$d" -l static=bits
layout_check "bitfields: layout of the round-trip structs" "$FIX/bitfields_api.h"
