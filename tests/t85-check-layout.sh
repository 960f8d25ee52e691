#!/usr/bin/env bash
# --check-layout-with CC: libclang's layout compiled as static assertions by
# the real compiler; mismatches are named and nothing is written.
. "$(dirname "$0")/lib.sh"
d="$OUT/check"
mkdir -p "$d"
echo "previous" >"$d/out.rs"
test_expect "check-layout: names the record gcc lays out differently, leaves the output alone" '
	! "$H2RS" "$FIX/gcc_clang_differ.h" -o "$d/out.rs" --check-layout-with gcc 2>"$d/err" &&
	test_grep "layout mismatch, gcc disagrees with libclang: alignment of has_v8f" "$d/err" &&
	test_cmp <(echo previous) "$d/out.rs"'
check "check-layout: clang agrees with libclang on the same header" \
	"$H2RS" "$FIX/gcc_clang_differ.h" -o "$d/out2.rs" --check-layout-with clang
for h in structs packed bitfields types; do
	check "check-layout: gcc agrees on every record of $h.h" \
		"$H2RS" "$FIX/$h.h" -o "$d/$h.rs" --check-layout-with gcc
done
cat >"$d/gccflags.h" <<'H'
struct s { long a; char b; };
H
check "check-layout: GCC-only options are dropped for libclang and kept for gcc" \
	"$H2RS" "$d/gccflags.h" -o "$d/g.rs" --check-layout-with gcc -- -fconserve-stack -mno-fp-ret-in-387 -O2
