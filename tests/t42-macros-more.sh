#!/usr/bin/env bash
# More macro constants against gcc: edge values (INT_MIN, LLONG_MIN, ~0U,
# 1U << 31, ULONG_MAX), casts to narrow types, chains, ternary, logic,
# character escapes, floats (hex, 1e10, 1.0/3), strings with escapes. The
# Rust value, size and signedness must equal gcc's.
. "$(dirname "$0")/lib.sh"
d="$OUT/macros-more"
rm -rf "$d"; mkdir -p "$d"
H=$FIX/macros_more.h
ints=$(sed -nE 's/^#define (E_[A-Z0-9_]+) .*/\1/p' "$H" | grep -vE 'E_(DBL|HEXF|THIRD|NEGF|STR_.*)$')
floats="E_DBL E_HEXF E_THIRD E_NEGF"
strs="E_STR_ESC E_STR_EMPTY E_STR_UTF8"
macro_c_prog "$H" "$ints" "$floats" "$strs" >"$d/c.c"
gcc -w "$d/c.c" -o "$d/c" && "$d/c" >"$d/gcc.txt"
macro_rust_main "$ints" "$floats" "$strs" >"$d/main.rs"
"$H2RS" "$H" -o "$d/full.rs" 2>"$d/err"
{ printf '%s\nmod b {\n    include!("%s");\n}\n' "$ALLOWS" "$d/full.rs"; cat "$d/main.rs"; } >"$d/prog.rs"
if ! "$RUSTC" --edition 2021 -A warnings "$d/prog.rs" -o "$d/prog" >"$d/rustc.err" 2>&1; then
	not_ok "macros-more: a program printing every constant does not compile"; indent 40 <"$d/rustc.err"
else
	"$d/prog" >"$d/rust.txt"
	n=$(grep -c '' "$d/gcc.txt")
	if diff "$d/gcc.txt" "$d/rust.txt" >"$d/diff"; then
		ok "macros-more: $n edge-case constants equal gcc's value, size and signedness"
	else
		not_ok "macros-more: $(grep -c '^<' "$d/diff") of $n constants differ from gcc (< gcc, > rust)"; indent 40 <"$d/diff"
	fi
fi
check "macros-more: the bindings compile with -D warnings" rust_lib "$d/full.rs"
