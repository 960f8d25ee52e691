#!/usr/bin/env bash
# Records Rust cannot express, nested inside other records (packed holding a
# packed+aligned one, a union and an array of them, a field with an aligned
# attribute inside a packed record, #pragma pack(2) holding align(16)): the
# inexpressible ones become blobs with a warning naming each, everything
# else keeps its fields, and every layout equals gcc's.
. "$(dirname "$0")/lib.sh"
d="$OUT/opaque-more"
rm -rf "$d"; mkdir -p "$d"
layout_check "opaque-more: fixture opaque_more.h" "$FIX/opaque_more.h"
"$H2RS" "$FIX/opaque_more.h" -o "$d/o.rs" 2>"$d/err"
for t in pa8 pk_holds_al_field pp2_holds_al16; do
	test_expect "opaque-more: the warning names $t, its location, size, alignment and the Rust error" '
		test_grep -E "^h2rs: warning: struct '\''$t'\'' .*opaque_more.h:[0-9]+.* opaque blob of [0-9]+ bytes, align [0-9]+: .*E058[78]" "$d/err"'
done
test_expect "opaque-more: exactly 3 warnings (records that hold a blob stay transparent)" 'test_count 3 warning "$d/err"'
cat >"$d/main.rs" <<'R'
fn main() {
    assert_eq!((std::mem::size_of::<b::pa8>(), std::mem::align_of::<b::pa8>()), (8, 8));
    let h: b::pk_holds_pa8 = unsafe { std::mem::zeroed() };
    let _p: b::pa8 = h.p;
    let u: b::holds_pa8 = unsafe { std::mem::zeroed() };
    let _c = unsafe { u.c };
    let a: b::arr_pa8 = unsafe { std::mem::zeroed() };
    let _arr: [b::pa8; 3] = a.arr;
    let al: b::al_holds_pk = unsafe { std::mem::zeroed() };
    let _i: b::al_holds_pk__bindgen_ty_1 = al.inner;
    let o: b::uses_opaques = unsafe { std::mem::zeroed() };
    let _t: ::std::os::raw::c_int = o.tail;
    assert_eq!(std::mem::size_of::<b::pp2_holds_al16>(), 18);
    assert_eq!(std::mem::size_of::<b::pk_holds_al_field>(), 17);
}
R
rust_prog "opaque-more: blobs used by value in packed records, unions and arrays; their holders keep their fields" "$d/o.rs" "$d/main.rs"
