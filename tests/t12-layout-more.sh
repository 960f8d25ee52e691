#!/usr/bin/env bash
# More fixtures through the layout harness (gcc vs rustc): deep anonymous
# members, more bitfield and packed/aligned shapes, arrays, globals, names
# that clash with Rust, enums of every width; and the same under option
# combinations that change derives and paths but must not change layout.
. "$(dirname "$0")/lib.sh"
for h in anon bitfields_more packed_more arrays globals names enums_more options; do
	layout_check "fixture $h.h" "$FIX/$h.h" -- -I"$FIX"
done
for h in anon bitfields_more packed_more arrays; do
	layout_check "fixture $h.h with every derive, --no-copy '.*', newtype enums" "$FIX/$h.h" \
		--with-derive-default --with-derive-hash --with-derive-partialeq --with-derive-eq --no-copy '.*' \
		--default-enum-style newtype
	layout_check "fixture $h.h with --use-core --ctypes-prefix core::ffi --no-layout-tests" "$FIX/$h.h" \
		--use-core --ctypes-prefix core::ffi --no-layout-tests
done
layout_check "fixture packed_more.h opaque-typed ('pp.*|al.*')" "$FIX/packed_more.h" --opaque-type 'pp.*|al.*'
layout_check "fixture bitfields_more.h with -std=c99 and -DNDEBUG after --" "$FIX/bitfields_more.h" -- -std=c99 -DNDEBUG
# every enum style changes the type of enum fields and enum-typed bitfields
bad=""
for st in consts moduleconsts newtype newtype_global bitfield rust rust_non_exhaustive; do
	for h in bitfields enums_more; do
		layout_check "$h.h, --default-enum-style $st" "$FIX/$h.h" --default-enum-style $st >"$OUT/layout.$h.$st.log" 2>&1 ||
			bad="$bad $h.h/$st"
	done
done
if [ -z "$bad" ]; then
	ok "every --default-enum-style (7) on bitfields.h and enums_more.h: bindings compile, layout equal to gcc's"
else
	not_ok "enum styles that fail on bitfields.h / enums_more.h:$bad"
	for f in "$OUT"/layout.*.log; do grep -q '^not ok' "$f" && { head -n 12 "$f"; break; }; done | indent
fi
rm -f "$OUT"/layout.*.log
