#!/usr/bin/env bash
# "Never emit code that does not compile": every fixture under option sets
# that change derives, enum styles, opacity and paths must compile with
# rustc -D warnings (with the lints bindgen users allow). One line per
# option set, naming the fixtures that fail.
. "$(dirname "$0")/lib.sh"
d="$OUT/compile-matrix"
rm -rf "$d"; mkdir -p "$d"
fixtures="structs packed bitfields types functions enums misc anon bitfields_more packed_more arrays globals names enums_more exotic opaque opaque_more macros options"
i=0
while read -r opts; do
	i=$((i + 1))
	eval "set -- $opts"
	bad="" first=""
	for f in $fixtures; do
		if ! "$H2RS" "$FIX/$f.h" "$@" -o "$d/$f.$i.rs" -- -I"$FIX" 2>"$d/$f.$i.err"; then
			bad="$bad $f(h2rs)"; [ -n "$first" ] || first="$d/$f.$i.err"
		elif ! rust_lib "$d/$f.$i.rs" >"$d/$f.$i.rustc" 2>&1; then
			bad="$bad $f"; [ -n "$first" ] || first="$d/$f.$i.rustc"
		fi
	done
	n=$(echo $fixtures | wc -w)
	if [ -z "$bad" ]; then
		ok "compile matrix: $n fixtures compile with $opts"
	else
		not_ok "compile matrix: with $opts, fails:$bad"
		grep -m3 -A6 '^error' "$first" | indent 12
	fi
done <<'O'
--with-derive-default --with-derive-hash --with-derive-partialeq --with-derive-eq
--rustified-enum '.*' --with-derive-default --with-derive-hash --with-derive-partialeq --with-derive-eq
--newtype-enum '.*' --with-derive-default
--bitfield-enum '.*' --with-derive-partialeq
--constified-enum-module '.*' --with-derive-default
--no-derive-copy --with-derive-default
--no-copy '.*' --with-derive-partialeq
--no-debug '.*' --no-default '.*' --with-derive-default
--opaque-type '.*'
--use-core --with-derive-default --with-derive-partialeq --no-derive-debug
--use-core --ctypes-prefix ::core::ffi --rust-target 1.68 --no-layout-tests
--no-layout-tests --no-doc-comments --no-prepend-enum-name --rustified-non-exhaustive-enum '.*'
O
