#!/usr/bin/env bash
# Records Rust cannot express become opaque blobs of the exact C size and
# alignment, with a warning naming the type and the reason.
. "$(dirname "$0")/lib.sh"
d="$OUT/opaque"
mkdir -p "$d"
"$H2RS" "$FIX/opaque.h" -o "$d/o.rs" 2>"$d/err"
for t in packed_with_aligned packed_and_aligned; do
	if grep -q "'$t'.*opaque blob.*E05" "$d/err"; then
		ok "opaque: warning names $t and the Rust error it avoids"
	else
		not_ok "opaque: no warning for $t"; indent <"$d/err"
	fi
	if grep -A3 "pub struct $t {" "$d/o.rs" | grep -q "_bindgen_opaque_blob"; then
		ok "opaque: $t is a _bindgen_opaque_blob"
	else
		not_ok "opaque: $t is not a blob"
	fi
done
"$H2RS" "$FIX/misc.h" --opaque-type 'opaque_me' -o "$d/m.rs" 2>"$d/err2"
if grep -A3 "pub struct opaque_me {" "$d/m.rs" | grep -q "_bindgen_opaque_blob: \[u64; 3usize\]" &&
	! grep -q "opaque_me" "$d/err2"; then
	ok "opaque: --opaque-type gives [u64; 3] for a 24-byte, 8-aligned record, silently"
else
	not_ok "opaque: --opaque-type"; grep -A3 "pub struct opaque_me" "$d/m.rs" | indent
fi
layout_check "opaque: --opaque-type keeps the layout" "$FIX/misc.h" --opaque-type 'opaque_me'
