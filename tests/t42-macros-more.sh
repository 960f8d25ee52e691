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
{
	echo '#include <stdio.h>'
	echo '#include <string.h>'
	echo "#include \"$H\""
	echo '#define SIGNED(x) ((__typeof__(x))-1 < 0)'
	echo 'int main(void) {'
	for m in $ints; do
		echo "	if (SIGNED($m)) printf(\"$m %lld %zu 1\\n\", (long long)($m), sizeof($m));"
		echo "	else printf(\"$m %llu %zu 0\\n\", (unsigned long long)($m), sizeof($m));"
	done
	for m in $floats; do
		echo "	{ __typeof__($m) v = $m; unsigned long long bits = 0; memcpy(&bits, &v, sizeof v);"
		echo "	  printf(\"$m %llx %zu\\n\", bits, sizeof v); }"
	done
	for m in $strs; do
		echo "	{ const char s[] = $m; printf(\"$m\"); for (size_t i = 0; i < sizeof s; i++) printf(\" %02x\", (unsigned char)s[i]); printf(\"\\n\"); }"
	done
	echo '	return 0; }'
} >"$d/c.c"
gcc -w "$d/c.c" -o "$d/c" && "$d/c" >"$d/gcc.txt"
{
	echo 'use b::*;'
	echo 'trait Sig: Copy + Default + PartialOrd + std::ops::Not<Output = Self> {}'
	echo 'impl<T: Copy + Default + PartialOrd + std::ops::Not<Output = T>> Sig for T {}'
	echo 'fn signed<T: Sig>(_: T) -> u8 { (!T::default() < T::default()) as u8 }'
	echo 'fn main() {'
	for m in $ints; do
		echo "    println!(\"$m {} {} {}\", $m as i128 as i128, std::mem::size_of_val(&$m), signed($m));"
	done
	for m in $floats; do echo "    println!(\"$m {:x} {}\", $m.to_bits(), std::mem::size_of_val(&$m));"; done
	for m in $strs; do echo "    print!(\"$m\"); for c in $m.iter() { print!(\" {:02x}\", c); } println!();"; done
	echo '}'
} >"$d/main.rs"
# bool has no Not<Output=bool> ordering issue but no 'as i128': print bool constants as 0/1
sed -i -E 's/println!\("(E_TRUE|E_CMP|E_LOGIC) \{\} \{\} \{\}", (E_[A-Z_]+) as i128 as i128, (.*), signed\(E_[A-Z_]+\)\);/println!("\1 {} {} {}", \2 as i128, \3, signed(\2));/' "$d/main.rs"
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
