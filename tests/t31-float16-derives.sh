#!/usr/bin/env bash
# _Float16 is bindgen's TypeKind::Float(Float16): a record holding one
# derives no Hash (can_derive_simple) and no Eq or Ord (has_float), as a
# float; the bindings compile with every derive asked for, and a record
# without one still gets them all.
. "$(dirname "$0")/lib.sh"
d="$OUT/t31"
rm -rf "$d"
mkdir -p "$d"
if [ "$(libclang_major)" -lt 15 ]; then
	echo "# skipped: libclang $(libclang_major) has no _Float16 on x86 (clang 15+ has)"
	exit 0
fi
cat >"$d/h.h" <<'C'
struct halves { _Float16 h; char c; _Float16 pair[2]; };
struct outer { struct halves in; int n; };
struct plain { int a; char c[3]; };
C
"$H2RS" "$d/h.h" --with-derive-hash --with-derive-eq --with-derive-ord --with-derive-default \
	-o "$d/h.rs" 2>"$d/h.err" || { not_ok "h2rs failed"; indent <"$d/h.err"; }
check "bindings with --with-derive-hash/-eq/-ord compile with rustc -D warnings" rust_lib "$d/h.rs"
check "halves derives Debug, Default, Copy, Clone, PartialEq only" \
	test_grep -qzF $'#[derive(Debug, Default, Copy, Clone, PartialEq)]\npub struct halves {' "$d/h.rs"
check "outer (holding halves) likewise" \
	test_grep -qzF $'#[derive(Debug, Default, Copy, Clone, PartialEq)]\npub struct outer {' "$d/h.rs"
printf 'fn all<T: std::fmt::Debug + Default + Copy + std::hash::Hash + Ord + Eq>() {}\nfn main() { all::<b::plain>(); }\n' >"$d/plain.rs"
rust_prog "plain still derives Hash, Eq and Ord" "$d/h.rs" "$d/plain.rs"
printf 'fn h<T: std::hash::Hash>() {}\nfn main() { h::<b::halves>(); }\n' >"$d/hash.rs"
rust_fails "halves is not Hash" "$d/h.rs" "$d/hash.rs" 'Hash'
printf 'fn e<T: Eq>() {}\nfn main() { e::<b::outer>(); }\n' >"$d/eq.rs"
rust_fails "outer is not Eq" "$d/h.rs" "$d/eq.rs" 'Eq'
