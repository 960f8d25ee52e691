# Shared test helpers. Each test prints "ok - sentence" or "not ok - sentence"
# with indented diagnostics.
set -u
: "${H2RS:?}" "${OUT:?}"
FIX=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/fixtures
RUSTC=${RUSTC:-rustc}
ALLOWS='#![allow(non_upper_case_globals, non_camel_case_types, non_snake_case, dead_code, improper_ctypes)]'

# The POSIX header set of the real-header tests (t60, t66).
POSIX_HEADERS="stdio.h stdlib.h string.h unistd.h fcntl.h sys/stat.h sys/socket.h netinet/in.h signal.h
time.h pthread.h dirent.h sys/types.h sys/wait.h sys/mman.h sys/ioctl.h sys/time.h sys/uio.h
sys/un.h arpa/inet.h netdb.h poll.h sched.h semaphore.h termios.h errno.h stdint.h inttypes.h
locale.h wchar.h setjmp.h dlfcn.h regex.h glob.h sys/select.h sys/resource.h sys/utsname.h
grp.h pwd.h fnmatch.h syslog.h"

# uapi_header: print the path of the uapi set, every /usr/include/linux
# header that parses together in one unit, grown greedily (chunks of 32,
# single headers when a chunk breaks the set). Made once per $OUT, under a
# lock, so scripts running at the same time share it.
uapi_header() {
	local d="$OUT/real"
	mkdir -p "$d"
	(
		flock 9
		[ -s "$d/uapi.h" ] && exit 0
		parses() { gcc -fsyntax-only -w -x c "$1" 2>/dev/null; }
		: >"$d/uapi.tmp"
		ls /usr/include/linux/*.h | sed 's|^/usr/include/\(.*\)|#include <\1>|' >"$d/all.txt"
		split -l 32 "$d/all.txt" "$d/chunk."
		for c in "$d"/chunk.*; do
			cat "$d/uapi.tmp" "$c" >"$d/try.h"
			if parses "$d/try.h"; then
				cp "$d/try.h" "$d/uapi.tmp"
			else
				while read -r line; do
					{ cat "$d/uapi.tmp"; echo "$line"; } >"$d/try.h"
					parses "$d/try.h" && cp "$d/try.h" "$d/uapi.tmp"
				done <"$c"
			fi
		done
		rm -f "$d"/chunk.* "$d/try.h" "$d/all.txt"
		mv "$d/uapi.tmp" "$d/uapi.h"
	) 9>"$d/.uapi.lock"
	echo "$d/uapi.h"
}

# i686_sysroot RUSTC: print the path of a sysroot holding core and
# compiler_builtins for i686-unknown-linux-gnu as metadata, built once per
# $OUT and rustc version from Debian's rust-web-src, under a lock (t66, t86
# share it); errors on stderr and non-zero status when it cannot be built.
i686_sysroot() {
	local r=$1 ver
	ver=$("$r" --version 2>/dev/null | awk '{print $2}')
	local core=/usr/src/rustc-$ver/library/core/src/lib.rs
	local sys="$OUT/m32/sysroot-$ver" T=i686-unknown-linux-gnu
	local lib="$sys/lib/rustlib/$T/lib"
	mkdir -p "$OUT/m32"
	(
		flock 9
		[ -f "$lib/libcompiler_builtins.rmeta" ] && exit 0
		rm -rf "$sys"; mkdir -p "$lib"
		printf '#![no_std]\n#![feature(compiler_builtins)]\n#![compiler_builtins]\n' >"$sys/cb.rs"
		if ! RUSTC_BOOTSTRAP=1 "$r" --edition 2024 --target $T --crate-type rlib --crate-name core \
			--emit=metadata -A warnings -o "$lib/libcore.rmeta" "$core" >&2 ||
			! RUSTC_BOOTSTRAP=1 "$r" --edition 2021 --target $T --sysroot "$sys" --crate-type rlib \
				--crate-name compiler_builtins --emit=metadata -A warnings \
				-o "$lib/libcompiler_builtins.rmeta" "$sys/cb.rs" >&2; then
			rm -rf "$sys"; exit 1
		fi
	) 9>"$OUT/m32/.sysroot.lock" || return 1
	echo "$sys"
}

ok() { echo "ok - $*"; }
not_ok() { echo "not ok - $*"; }
indent() { sed 's/^/    /' | head -n "${1:-25}"; }

# test_expect SENTENCE CODE: run the shell snippet CODE (eval'd in a
# subshell: it sees the script's variables, cannot change them), ok if it
# exits 0; otherwise not ok with its output indented, or the snippet itself
# when it printed nothing (git's test_expect_success).
test_expect() {
	local name=$1 code=$2 log
	log=$(mktemp)
	if (eval "$code") >"$log" 2>&1; then
		ok "$name"
	else
		not_ok "$name"
		if [ -s "$log" ]; then indent 40 <"$log"; else echo "failed: $code" | indent; fi
	fi
	rm -f "$log"
}

# check NAME CMD...: run CMD, ok if it succeeds; otherwise not ok with its
# output, or the command when it printed nothing.
check() {
	local name=$1
	shift
	local log
	log=$(mktemp)
	if "$@" >"$log" 2>&1; then
		ok "$name"
	else
		not_ok "$name"
		if [ -s "$log" ]; then indent 40 <"$log"; else echo "failed: $*" | indent; fi
	fi
	rm -f "$log"
}

# test_grep [!] GREP_ARGS... FILE: grep FILE (grep's own options and
# pattern syntax; FILE - is stdin), true if a line matches (with !: if none
# does); when not, say which grep failed and show the file's head (with !:
# the lines that matched). For test_expect snippets (git's test_grep).
test_grep() {
	local neg=0 tmp="" rc=1
	[ "$1" = ! ] && { neg=1; shift; }
	local file=${!#} shown="$*"
	if [ "$file" = - ]; then
		tmp=$(mktemp)
		cat >"$tmp"
		file=$tmp
		set -- "${@:1:$#-1}" "$tmp"
	fi
	if [ "$neg" = 0 ]; then
		if grep "$@" >/dev/null; then rc=0; else
			echo "grep $shown found no match in:"
			head -n 30 "$file" 2>&1 | indent
		fi
	else
		if ! grep "$@" >/dev/null; then rc=0; else
			echo "grep ! $shown found, but should not:"
			grep "$@" | indent 10
		fi
	fi
	[ -n "$tmp" ] && rm -f "$tmp"
	return $rc
}

# test_count N GREP_ARGS... FILE: exactly N lines of FILE match.
test_count() {
	local want=$1 n
	shift
	n=$(grep -c "$@")
	[ "$n" = "$want" ] && return 0
	echo "grep -c $* is $n, not $want:"
	grep "$@" | indent 10
	return 1
}

# test_cmp WANT GOT: the files are equal; the diff when they are not.
test_cmp() { diff -u "$1" "$2"; }

# rust_lib FILE.rs: compile generated bindings as a library, warnings denied
# (with the lints every bindgen user allows).
rust_lib() {
	local rs=$1 d
	d=$(mktemp -d)
	printf '%s\ninclude!("%s");\n' "$ALLOWS" "$rs" >"$d/lib.rs"
	"$RUSTC" --edition 2021 --crate-type lib --emit=metadata -D warnings "$d/lib.rs" \
		-o "$d/lib.rmeta"
	local rc=$?
	rm -rf "$d"
	return $rc
}

# layout_check NAME HEADER [H2RS_OPTS...] [-- CFLAGS...]: generate bindings
# with a layout probe, compile the bindings with rustc (-D warnings), compile
# the probe with gcc and with rustc, run both and require identical output.
# Prints one ok/not ok line with the number of records and fields compared.
layout_check() {
	local name=$1 hdr=$2
	shift 2
	local opts=() cflags=() seen=0
	for a in "$@"; do
		if [ "$seen" = 1 ]; then cflags+=("$a"); elif [ "$a" = -- ]; then seen=1; else opts+=("$a"); fi
	done
	local d="$OUT/layout/$name"
	rm -rf "$d"
	mkdir -p "$d"
	local H=${LAYOUT_H2RS:-$H2RS}
	if ! "$H" "$hdr" "${opts[@]}" -o "$d/b.rs" --layout-probe "$d/probe" -- "${cflags[@]}" \
		2>"$d/h2rs.err"; then
		not_ok "$name: h2rs failed"; indent <"$d/h2rs.err"; return 1
	fi
	if ! rust_lib "$d/b.rs" >"$d/rustc.err" 2>&1; then
		not_ok "$name: bindings do not compile with rustc -D warnings"; indent <"$d/rustc.err"
		return 1
	fi
	local gccflags=()
	for a in "${cflags[@]}"; do
		case $a in -I* | -D* | -U* | -std=* | -include | -m32 | -m64 | -f*) gccflags+=("$a") ;; esac
	done
	if ! gcc -w "${gccflags[@]}" "$d/probe.c" -o "$d/probe_c" 2>"$d/gcc.err"; then
		not_ok "$name: gcc cannot compile the layout probe"; indent <"$d/gcc.err"; return 1
	fi
	if ! "$RUSTC" --edition 2021 -A warnings "$d/probe.rs" -o "$d/probe_rs" 2>"$d/rustc2.err"; then
		not_ok "$name: rustc cannot compile the layout probe"; indent <"$d/rustc2.err"; return 1
	fi
	"$d/probe_c" | sort >"$d/gcc.txt"
	"$d/probe_rs" | sort >"$d/rustc.txt"
	local recs fields
	recs=$(grep -c '^size ' "$d/gcc.txt")
	fields=$(grep -c '^offset ' "$d/gcc.txt")
	if [ "$recs" = 0 ]; then
		not_ok "$name: the probe printed no records"; return 1
	fi
	if ! diff "$d/gcc.txt" "$d/rustc.txt" >"$d/diff.txt"; then
		local n
		n=$(grep -c '^<' "$d/diff.txt")
		not_ok "$name: $n layout mismatches between gcc and rustc ($recs records, $fields fields)"
		indent <"$d/diff.txt"
		return 1
	fi
	ok "$name: layout equal to gcc's ($recs records, $fields fields, 0 mismatches)"
}

# rust_prog NAME BINDINGS MAIN.rs [LINKARGS...]: compile a Rust program that
# uses the bindings (module b) and run it; ok if it compiles and exits 0.
rust_prog() {
	local name=$1 rs=$2 main=$3
	shift 3
	local d
	d=$(mktemp -d "$OUT/prog.XXXXXX")
	{ printf '%s\nmod b {\n    include!("%s");\n}\n' "$ALLOWS" "$rs"; cat "$main"; } >"$d/main.rs"
	if ! "$RUSTC" --edition 2021 -D warnings "$d/main.rs" -o "$d/main" "$@" >"$d/err" 2>&1; then
		not_ok "$name: does not compile"; indent 30 <"$d/err"; return 1
	fi
	if ! "$d/main" >"$d/run" 2>&1; then
		not_ok "$name: program failed"; indent <"$d/run"; return 1
	fi
	ok "$name"
}

# rust_names NAME BINDINGS "WANT..." "NOTWANT..." [RUSTC ARGS...]: rustc
# resolves `use b::ITEM` for every item in WANT (a function, type, constant
# or static) and for none in NOTWANT, and finds no other error in the
# bindings (but for uses of a NOTWANT type, which --no-recursive-allowlist
# leaves to the user); one ok/not ok line naming what is missing or there.
rust_names() {
	local name=$1 rs=$2 want=$3 notwant=$4 bad="" w p
	shift 4
	p=$(mktemp -d "$OUT/names.XXXXXX")
	{
		printf '%s\nmod b {\n    include!("%s");\n}\n' "$ALLOWS" "$rs"
		for w in $want $notwant; do echo "#[allow(unused_imports)] use b::$w;"; done
	} >"$p/lib.rs"
	"$RUSTC" --edition 2021 --crate-type lib --crate-name names --emit=metadata "$p/lib.rs" -o "$p/lib.rmeta" "$@" \
		>"$p/err" 2>&1
	for w in $want; do grep -q "unresolved import \`b::$w\`" "$p/err" && bad="$bad missing:$w"; done
	for w in $notwant; do grep -q "unresolved import \`b::$w\`" "$p/err" || bad="$bad unexpected:$w"; done
	local known=(-e 'aborting due to')
	for w in $want $notwant; do known+=(-e "\`b::$w\`"); done
	for w in $notwant; do known+=(-e "\`$w\`"); done
	grep '^error' "$p/err" | grep -qvF "${known[@]}" && bad="$bad (other errors)"
	if [ -z "$bad" ]; then ok "$name"; else not_ok "$name:$bad"; grep -A3 '^error' "$p/err" | indent 30; fi
	rm -rf "$p"
	[ -z "$bad" ]
}

# rust_type_is NAME BINDINGS TYPE WANT [RUSTC ARGS...]: TYPE (a type of the
# bindings, as module b) is exactly WANT, without coercion (rustc unifies
# PhantomData<TYPE> with PhantomData<WANT>); one ok/not ok line.
rust_type_is() {
	local name=$1 rs=$2 ty=$3 want=$4 main rc
	shift 4
	main=$(mktemp "$OUT/type.XXXXXX")
	printf 'use std::marker::PhantomData;\nfn same<T>(_: PhantomData<T>, _: PhantomData<T>) {}\nfn main() {\n    same(PhantomData::<%s>, PhantomData::<%s>);\n}\n' \
		"$ty" "$want" >"$main"
	rust_prog "$name" "$rs" "$main" "$@"
	rc=$?
	rm -f "$main"
	return $rc
}

# The major version of the libclang h2rs runs on.
libclang_major() { "$H2RS" --version | sed -nE 's/.*clang version ([0-9]+).*/\1/p'; }

# rust_fails NAME BINDINGS MAIN.rs PATTERN [RUSTC ARGS...]: a Rust program
# that misuses the bindings must NOT compile, and rustc's errors must match
# PATTERN (so it fails for the reason under test, not another).
rust_fails() {
	local name=$1 rs=$2 main=$3 pat=$4
	shift 4
	local d
	d=$(mktemp -d "$OUT/fail.XXXXXX")
	{ printf '%s\nmod b {\n    include!("%s");\n}\n' "$ALLOWS" "$rs"; cat "$main"; } >"$d/main.rs"
	if "$RUSTC" --edition 2021 "$d/main.rs" -o "$d/main" "$@" >"$d/err" 2>&1; then
		not_ok "$name: compiled, but should not"
	elif grep -qE "$pat" "$d/err"; then
		ok "$name"
	else
		not_ok "$name: did not compile, but not for the expected reason ($pat)"; indent 30 <"$d/err"
	fi
}

# macro_c_prog HEADER "INTS" "FLOATS" "STRS": a C program printing, for each
# macro, its value, size and signedness (integers), bit pattern and size
# (floats) or bytes (strings), as gcc computes them.
macro_c_prog() {
	local hdr=$1 ints=$2 floats=$3 strs=$4 m
	echo '#include <stdio.h>'
	echo '#include <string.h>'
	echo "#include \"$hdr\""
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
}

# macro_rust_main "INTS" "FLOATS" "STRS": the same lines from the bindings
# (module b), with the Rust constants' values, sizes and signedness.
macro_rust_main() {
	local ints=$1 floats=$2 strs=$3 m
	echo 'use b::*;'
	echo 'trait Sig: Copy + Default + PartialOrd + std::ops::Not<Output = Self> {}'
	echo 'impl<T: Copy + Default + PartialOrd + std::ops::Not<Output = T>> Sig for T {}'
	echo 'fn signed<T: Sig>(_: T) -> u8 { (!T::default() < T::default()) as u8 }'
	echo 'fn main() {'
	for m in $ints; do
		echo "    println!(\"$m {} {} {}\", $m as i128, std::mem::size_of_val(&$m), signed($m));"
	done
	for m in $floats; do
		echo "    println!(\"$m {:x} {}\", $m.to_bits(), std::mem::size_of_val(&$m));"
	done
	for m in $strs; do
		echo "    print!(\"$m\"); for c in $m.iter() { print!(\" {:02x}\", c); } println!();"
	done
	echo '}'
}
