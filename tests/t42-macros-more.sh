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

# Unbalanced bodies: each is skipped with a reason, and every constant after
# one is still emitted with gcc's value (an open bracket once swallowed the
# rest of the evaluation unit, silently).
H=$FIX/macros_unbalanced.h
# U_CONT_OK is (1 + 2) with a line continuation before ")": clang spells
# that token "\<newline>)", and bindgen hands cexpr the spelling as it is,
# which cexpr does not read as ")", so bindgen leaves U_CONT_OK out.
ints="U_A U_B U_C U_D U_E U_F U_G U_H U_I U_BALANCED_OK U_J"
# bindgen's rules type every constant by its value (u32, i64, ...), not as
# C does: there only the values are compared
values_of() { if [ "$1" = full ]; then cat; else cut -d' ' -f1,2; fi; }
for mode in full bindgen; do
	mints=$ints
	[ $mode = full ] && mints="$ints U_CONT_OK"
	macro_c_prog "$H" "$mints" "" "" >"$d/u.c"
	gcc -w "$d/u.c" -o "$d/u" && "$d/u" >"$d/u-gcc.txt"
	macro_rust_main "$mints" "" "" >"$d/u-main.rs"
	"$H2RS" --verbose --macro-constants $mode "$H" -o "$d/u-$mode.rs" 2>"$d/u-$mode.err"
	{ printf '%s\nmod b {\n    include!("%s");\n}\n' "$ALLOWS" "$d/u-$mode.rs"; cat "$d/u-main.rs"; } >"$d/u-$mode-prog.rs"
	if ! "$RUSTC" --edition 2021 -A warnings "$d/u-$mode-prog.rs" -o "$d/u-$mode-prog" >"$d/u-$mode-rustc.err" 2>&1; then
		not_ok "macros-more: unbalanced bodies ($mode rules): the constants after them are not all emitted"; indent 40 <"$d/u-$mode-rustc.err"
	elif "$d/u-$mode-prog" | values_of $mode | diff <(values_of $mode <"$d/u-gcc.txt") - >"$d/u-$mode.diff"; then
		ok "macros-more: unbalanced bodies ($mode rules): the $(echo $mints | wc -w) constants around them equal gcc's"
	else
		not_ok "macros-more: unbalanced bodies ($mode rules): values differ from gcc"; indent 20 <"$d/u-$mode.diff"
	fi
	bad=0
	# under full rules the brackets decide; under bindgen's, a body its
	# rules reject at the first bracket may be reported for that instead
	for m in U_OPEN_PAREN U_OPEN_BRACE U_OPEN_BRACKET U_CLOSE_PAREN U_CLOSE_BRACE U_MISMATCH; do
		if [ $mode = full ]; then
			grep -q "skipped $m: macro's brackets are unbalanced" "$d/u-$mode.err" || bad=1
		else
			grep -q "skipped $m: " "$d/u-$mode.err" || bad=1
		fi
	done
	for m in U_COMMA U_SEMI U_CONT_INIT; do grep -q "skipped $m: " "$d/u-$mode.err" || bad=1; done
	# U_CONT_INIT balances: an initialiser, not an expression
	grep -q "skipped U_CONT_INIT: macro's brackets" "$d/u-$mode.err" && bad=1
	[ $mode = bindgen ] && ! grep -q "skipped U_CONT_OK: " "$d/u-$mode.err" && bad=1
	if [ $bad = 0 ]; then
		ok "macros-more: unbalanced bodies ($mode rules): each of the 9 bad ones is reported with its reason"
	else
		not_ok "macros-more: unbalanced bodies ($mode rules): a bad body is not reported"; indent 20 <"$d/u-$mode.err"
	fi
done

# Redefined macros, bindgen's rules: the value emitted for NAME is the one
# gcc gives NAME just after its first definition that is a constant (the
# header cut there). R_A's third body is no expression: bindgen's cexpr
# fails on it and keeps R_A's earlier value (2) in its table, so R_F,
# (R_A + 0), is 2 in bindgen although C has no value for it.
H=$FIX/macros_redefined.h
"$H2RS" --verbose --macro-constants bindgen "$H" -o "$d/r.rs" 2>"$d/r.err"
{
	echo '#include <stdio.h>'
	echo 'int main(void) {'
	for m in R_A R_B R_C R_D R_E R_S R_T; do
		l=$(grep -nE "^#define $m " "$H" | head -n1 | cut -d: -f1)
		head -n "$l" "$H" >"$d/r-$m.h"
		echo "#include \"$d/r-$m.h\""
		case $m in
		R_S | R_T) echo "	{ const char s[] = $m; printf(\"$m\"); for (size_t i = 0; i < sizeof s; i++) printf(\" %02x\", (unsigned char)s[i]); printf(\"\\n\"); }" ;;
		*) echo "	printf(\"$m %lld\\n\", (long long)($m));" ;;
		esac
		echo "#undef R_A"; echo "#undef R_B"; echo "#undef R_S"
	done
	echo '	return 0; }'
} >"$d/r.c"
gcc -w "$d/r.c" -o "$d/r" && { "$d/r"; echo "R_F 2"; } >"$d/r-gcc.txt"
{
	printf '%s\nmod b {\n    include!("%s");\n}\nuse b::*;\nfn main() {\n' "$ALLOWS" "$d/r.rs"
	for m in R_A R_B R_C R_D R_E R_F; do echo "    println!(\"$m {}\", $m as i64);"; done
	for m in R_S R_T; do echo "    print!(\"$m\"); for c in $m.iter() { print!(\" {:02x}\", c); } println!();"; done
	echo '}'
} >"$d/r-prog.rs"
if ! "$RUSTC" --edition 2021 -A warnings "$d/r-prog.rs" -o "$d/r-prog" >"$d/r-rustc.err" 2>&1; then
	not_ok "macros-more: redefined macros (bindgen rules): a constant is missing"; indent 40 <"$d/r-rustc.err"
elif "$d/r-prog" | sort | diff <(sort "$d/r-gcc.txt") - >"$d/r.diff"; then
	ok "macros-more: redefined macros (bindgen rules): each value is gcc's at the first definition"
else
	not_ok "macros-more: redefined macros (bindgen rules): values differ from gcc's at the first definition"; indent 20 <"$d/r.diff"
fi
# where the emitted (first) value is not C's (the last definition's), a
# warning says so, with both values
test_expect "macros-more: redefined macros (bindgen rules): a warning with both values where the first is not C's" '
	test_grep "macros_redefined.h:4:9: macro R_A is redefined at [^ ]*macros_redefined.h:7: bindgen'\''s rules emit the first value (1), C has the last definition'\''s (2)" "$d/r.err" &&
	test_grep "macros_redefined.h:5:9: macro R_B is redefined at [^ ]*macros_redefined.h:11: .* (1), .* (40)" "$d/r.err" &&
	test_grep "macro R_S is redefined at [^ ]*macros_redefined.h:15" "$d/r.err" &&
	test_grep ! "macro R_[CDEFT] is redefined" "$d/r.err"'
test_expect "macros-more: redefined macros (bindgen rules): one constant per name, the later definitions noted" '
	test_count 1 "^pub const R_A:" "$d/r.rs" && test_grep "skipped R_A: macro redefined at .*macros_redefined.h:7" "$d/r.err"'
