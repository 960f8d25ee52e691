# The -m32 machinery of t66 and t86, sourced after lib.sh: checks that gcc
# -m32, an i386 runner and an i686 core for rustc are there (else one not ok
# line and the script exits), then defines run32 and check32.
d="$OUT/m32"
mkdir -p "$d"
R32=${RUSTC_I686:-/usr/bin/rustc}
ver=$("$R32" --version 2>/dev/null | awk '{print $2}')
core=/usr/src/rustc-$ver/library/core/src/lib.rs
if ! echo 'int main(void){return 0;}' | gcc -m32 -x c - -o "$d/m32-ok.$$" 2>/dev/null || [ ! -f "$core" ]; then
	not_ok "m32: needs gcc -m32 (gcc-multilib) and $R32 with its core sources ($core; rustc-web and rust-web-src): make deps installs them"
	exit 0
fi
# run32 PROGRAM: an i386 program, directly where this kernel runs them, else
# under qemu-i386 (kernels built without IA32 emulation)
if "$d/m32-ok.$$" 2>/dev/null; then
	run32() { "$@"; }
elif command -v qemu-i386 >/dev/null 2>&1 && qemu-i386 "$d/m32-ok.$$"; then
	run32() { qemu-i386 "$@"; }
	echo "# this kernel cannot run i386 programs: the probes run under qemu-i386"
else
	not_ok "m32: this kernel cannot run i386 programs and there is no qemu-i386 (qemu-user; make deps installs it)"
	exit 0
fi
T=i686-unknown-linux-gnu
if ! sys=$(i686_sysroot "$R32" 2>"$d/core.err"); then
	not_ok "m32: cannot build core for $T from $core"; indent <"$d/core.err"; exit 0
fi

# check32 NAME HEADER [CFLAGS...]; records named in $SKIP32 (a regex) are
# left out of the comparison.
check32() {
	local name=$1 hdr=$2
	shift 2
	local w="$d/$name"
	rm -rf "$w"; mkdir -p "$w"
	if ! "$H2RS" --use-core --ctypes-prefix ::core::ffi "$hdr" -o "$w/b.rs" \
		--layout-probe "$w/probe" -- -m32 "$@" 2>"$w/h2rs.err"; then
		not_ok "m32: $name: h2rs failed"; indent <"$w/h2rs.err"; return
	fi
	local gccflags=()
	for a in "$@"; do case $a in -I* | -D*) gccflags+=("$a") ;; esac; done
	if ! gcc -m32 -w "${gccflags[@]}" "$w/probe.c" -o "$w/probe_c" 2>"$w/gcc.err"; then
		not_ok "m32: $name: gcc -m32 cannot compile the layout probe"; indent <"$w/gcc.err"; return
	fi
	run32 "$w/probe_c" | awk -v skip="${SKIP32:-}" 'skip == "" || $2 !~ ("^(" skip ")([.]|$)")' >"$w/gcc.txt"
	# gcc's numbers as const assertions on rustc's i686 layout
	{
		printf '#![no_std]\n%s\n#![allow(unnecessary_transmutes)]\n' "$ALLOWS"
		printf 'mod bindings {\n    include!("%s");\n}\nuse bindings::*;\n' "$w/b.rs"
		awk 'NR == FNR { v[$1 " " $2] = $3; next }
		     match($0, /println!\("[a-z]+ [^ ]+ \{\}", /) {
			key = substr($0, RSTART + 10, RLENGTH - 16)
			expr = substr($0, RSTART + RLENGTH); sub(/\);[ \t]*$/, "", expr)
			if (!(key in v)) { if (skip == "" || key !~ (" (" skip ")([.]|$)")) print "MISSING " key > "/dev/stderr"; next }
			printf "const _: () = assert!(%s == %s, \"%s\");\n", expr, v[key], key; n++
		     }
		     END { if (n == 0) print "NO ASSERTIONS" > "/dev/stderr" }' skip="${SKIP32:-}" "$w/gcc.txt" "$w/probe.rs"
	} >"$w/lib.rs" 2>"$w/awk.err"
	if [ -s "$w/awk.err" ]; then
		not_ok "m32: $name: probe lines do not match"; indent <"$w/awk.err"; return
	fi
	if ! "$R32" --edition 2021 --target $T --sysroot "$sys" --crate-type lib --emit=metadata \
		-D warnings -o "$w/lib.rmeta" "$w/lib.rs" >"$w/rustc.err" 2>&1; then
		not_ok "m32: $name: bindings do not compile for $T, or differ from gcc -m32"
		indent 30 <"$w/rustc.err"; return
	fi
	ok "m32: $name: compiles for $T; layout equal to gcc -m32's ($(grep -c '^size ' "$w/gcc.txt") records, $(grep -c '^offset ' "$w/gcc.txt") fields, 0 mismatches)"
}

