#!/usr/bin/env bash
# Records Rust cannot express become opaque blobs of the exact C size and
# alignment, with a warning naming the type and the reason.
. "$(dirname "$0")/lib.sh"
d="$OUT/opaque"
mkdir -p "$d"
"$H2RS" "$FIX/opaque.h" -o "$d/o.rs" 2>"$d/err"
for t in packed_with_aligned packed_and_aligned; do
	test_expect "opaque: warning names $t and the Rust error it avoids" 'test_grep "'\''$t'\''.*opaque blob.*E05" "$d/err"'
	printf 'fn main() { let t: b::%s = unsafe { std::mem::zeroed() }; let b::%s { _bindgen_opaque_blob: _ } = t; }\n' \
		"$t" "$t" >"$d/$t.rs"
	rust_prog "opaque: $t is a _bindgen_opaque_blob (its only field)" "$d/o.rs" "$d/$t.rs"
done
"$H2RS" "$FIX/misc.h" --opaque-type 'opaque_me' -o "$d/m.rs" 2>"$d/err2"
cat >"$d/m_main.rs" <<'R'
fn main() {
    let t: b::opaque_me = unsafe { std::mem::zeroed() };
    let blob: [u64; 3] = t._bindgen_opaque_blob;
    assert_eq!(blob, [0; 3]);
}
R
rust_prog "opaque: --opaque-type gives [u64; 3] for a 24-byte, 8-aligned record" "$d/m.rs" "$d/m_main.rs"
test_expect "opaque: --opaque-type is silent (no warning)" 'test_grep ! opaque_me "$d/err2"'
layout_check "opaque: --opaque-type keeps the layout" "$FIX/misc.h" --opaque-type 'opaque_me'
