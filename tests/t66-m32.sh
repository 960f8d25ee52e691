#!/usr/bin/env bash
# A 32-bit target (-m32, i386): bindings for the fixtures and the POSIX set
# compile for Rust's i686-unknown-linux-gnu with -D warnings (so rustc checks
# every layout assertion for that target), and every record's size,
# alignment and field offsets as rustc computes them for i686 equal what
# gcc -m32 prints for the same header (the layout probe's C side, compiled
# with gcc -m32; its Rust side turned into const assertions of gcc's
# numbers, since no i686 std is there to run it).
#
# Needs gcc -m32 (gcc-multilib) and a rustc with the sources of its own
# core (Debian's rustc-web + rust-web-src): core is built for i686 here,
# as metadata only, once per rustc version.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-m32.sh"
for h in structs packed bitfields anon arrays misc enums; do
	check32 "fixture $h.h" "$FIX/$h.h" # (types.h and exotic.h use __int128: not on i386)
done
# max_align_t is the one record where gcc's and clang's own <stddef.h>
# differ on i386 (gcc's adds a __float128 member: 48 bytes, align 16;
# clang's: 24, align 8). h2rs has clang's, and --check-layout-with gcc
# reports exactly that record.
SKIP32=max_align_t check32 "fixture functions.h (but max_align_t)" "$FIX/functions.h"
"$H2RS" "$FIX/functions.h" -o "$d/f.rs" --check-layout-with gcc -- -m32 >"$d/check.err" 2>&1
test_expect "m32: --check-layout-with gcc reports max_align_t (size and alignment), and nothing else" '
	test_grep "^h2rs: error: layout mismatch, gcc disagrees with libclang: size of max_align_t" "$d/check.err" &&
	test_count 2 "^h2rs: error: layout mismatch" "$d/check.err"'
posix=$POSIX_HEADERS
for h in $posix; do echo "#include <$h>"; done >"$d/posix.h"
check32 "POSIX set ($(echo $posix | wc -w) headers, -D_GNU_SOURCE)" "$d/posix.h" -D_GNU_SOURCE
