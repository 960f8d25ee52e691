#!/bin/bash
# tests/doctor/run.sh — `h2rs doctor` against the kernel's own tools.
#
# Installs what it needs (Debian packages), unpacks Linux 6.12 under
# tests/out/doctor, and checks every verdict of the doctor against
# `make olddefconfig` / `make rustavailable` of that tree:
#  - Debian's three linux-config-6.12 amd64 configs: blockers named, the
#    printed fix keeps RUST=y after olddefconfig (applied here);
#  - x86 tinyconfig: 64BIT needed, fix verified;
#  - toolchains: rustup rustc without rust-src, Debian bindgen 0.60.1,
#    rustc-web + rust-web-src + h2rs: same verdict as make rustavailable;
#  - x86_64, arm64, riscv64 (GCC and LLVM), arm: verdicts match
#    Documentation/rust/arch-support.rst;
#  - Linux 7.2 (tests/doctor/k72.sh): tinyconfig, Debian's config, and
#    every architecture 7.2 supports, against 7.2's own tools.
# Ends with "N passed, N failed"; exits non-zero on failure.
set -u
. "$(dirname "$0")/lib.sh"

PKGS="linux-source-$KVER linux-config-$KVER flex bison bc libelf-dev libssl-dev rustc-web rust-web-src bindgen gcc-aarch64-linux-gnu gcc-riscv64-linux-gnu gcc-arm-linux-gnueabi gcc-s390x-linux-gnu clang clang-19 lld-19 llvm-19 python3 xz-utils"
# The cross gccs remove gcc-multilib on Debian 12 (make test's -m32 tests
# need it): put it back at the end if it was there.
had_multilib=no
dpkg -s gcc-multilib >/dev/null 2>&1 && had_multilib=yes
restore_multilib() {
	[ $had_multilib = yes ] && ! dpkg -s gcc-multilib >/dev/null 2>&1 || return 0
	echo "# putting gcc-multilib back (the cross gccs removed it)"
	for try in 1 2 3 4 5 6 7 8 9 10; do
		DEBIAN_FRONTEND=noninteractive apt-get install -y gcc-multilib >"$OUT/apt-multilib.log" 2>&1 && return 0
		sleep 15
	done
	not_ok "reinstall gcc-multilib (see $OUT/apt-multilib.log)"
}

install_packages() {
	local missing="" p
	for p in $PKGS; do
		dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
	done
	[ -z "$missing" ] && return 0
	echo "# installing:$missing"
	for try in 1 2 3 4 5 6 7 8 9 10; do
		DEBIAN_FRONTEND=noninteractive apt-get install -y $missing >"$OUT/apt.log" 2>&1 && return 0
		grep -q 'lock' "$OUT/apt.log" || { apt-get update >/dev/null 2>&1; }
		sleep 15
	done
	return 1
}

mkdir -p "$OUT"
if ! install_packages; then
	not_ok "apt-get install $PKGS (see $OUT/apt.log)"
	finish
	exit 1
fi
if [ ! -f "$KSRC/scripts/min-tool-version.sh" ]; then
	echo "# unpacking /usr/src/linux-source-$KVER.tar.xz into $OUT"
	tar -C "$OUT" -xf /usr/src/linux-source-$KVER.tar.xz
fi
check "kernel tree unpacked at $KSRC" test -f "$KSRC/scripts/min-tool-version.sh"
check "h2rs doctor --help works ($H2RS)" bash -c '"$0" doctor --help >/dev/null' "$H2RS"

HAVE_H2RS_BG=0
if h2rs_bindgen; then
	HAVE_H2RS_BG=1
	ok "h2rs answers as bindgen through $BG"
else
	skip "h2rs does not answer as bindgen yet: verdicts that need it are skipped"
	BG=/usr/bin/bindgen
fi

# ---- Debian's own configs ----

debian_config() { # flavour
	local flavour=$1 dir=$OUT/debian-$1 j
	rm -rf "$dir"
	mkdir -p "$dir"
	xz -dc "$CONFIGS/config.$flavour.xz" >"$dir/.config"
	j=$dir/report.json
	"$H2RS" doctor --kernel "$KSRC" --config "$dir/.config" --json \
		RUSTC=$RUSTC_GOOD BINDGEN=$BG >"$j" 2>"$dir/stderr"
	local rc=$?
	"$H2RS" doctor --kernel "$KSRC" --config "$dir/.config" \
		RUSTC=$RUSTC_GOOD BINDGEN=$BG >"$dir/report.txt" 2>&1
	check "$flavour: doctor exits 1 (Rust off in Debian's config)" test $rc -eq 1
	check "$flavour: report is valid JSON" json_ok "$j"
	check "$flavour: report names MODVERSIONS as a blocker" \
		grep -q 'RUST depends on !MODVERSIONS; MODVERSIONS=y' "$dir/report.txt"
	local fix
	fix=$(json "$j" 'd["config_fix"]')
	check "$flavour: a verified scripts/config fix is printed ($fix)" test -n "$fix"
	[ -n "$fix" ] || return
	# Apply the printed commands literally, as a user would.
	local make_cmd
	make_cmd=$(json "$j" '[x for f in d["findings"] if f["check"]=="config-fix" for x in f["fix"] if x.startswith("make ")][0]')
	(eval "$fix" && eval "$make_cmd") >"$dir/apply.log" 2>&1
	check "$flavour: after the printed fix, olddefconfig keeps RUST=y" \
		test "$(rust_of "$dir/.config")" = y
	check "$flavour: the fix disables MODVERSIONS" \
		grep -q '^# CONFIG_MODVERSIONS is not set' "$dir/.config"
	echo "# $flavour: fix: $fix"
	grep -E '^  (FAIL|warn)' "$dir/report.txt" | sed "s/^/# $flavour: /"
}

if [ $HAVE_H2RS_BG = 1 ]; then
	for fl in amd64_none_amd64 amd64_none_cloud-amd64 amd64_rt_amd64; do
		if [ -f "$CONFIGS/config.$fl.xz" ]; then
			debian_config "$fl"
		else
			skip "$fl: $CONFIGS/config.$fl.xz missing"
		fi
	done
else
	skip "Debian configs: need h2rs as bindgen (or another working bindgen)"
fi

# ---- tinyconfig on x86 ----

TINY=$OUT/tiny
rm -rf "$TINY"
make -s -C "$KSRC" O="$TINY" tinyconfig >/dev/null 2>&1
"$H2RS" doctor --kernel "$KSRC" --config "$TINY/.config" --json RUSTC=$RUSTC_GOOD BINDGEN=$BG \
	>"$TINY/report.json" 2>&1
check "tinyconfig: HAVE_RUST=n is explained by X86_64=n" \
	grep -q 'HAVE_RUST=n for this config.*X86_64=n' "$TINY/report.json"
check "tinyconfig: the fix enables 64BIT" \
	grep -q -- '-e 64BIT' <<<"$(json "$TINY/report.json" 'd["config_fix"]')"
fix=$(json "$TINY/report.json" 'd["config_fix"]')
if [ -n "$fix" ]; then
	eval "$fix" && make -s -C "$KSRC" O="$TINY" RUSTC=$RUSTC_GOOD BINDGEN=$BG olddefconfig >/dev/null 2>&1
	check "tinyconfig: after the printed fix, olddefconfig keeps RUST=y" test "$(rust_of "$TINY/.config")" = y
else
	not_ok "tinyconfig: no fix printed"
fi

# ---- other blockers: KASAN with GCC; RANDSTRUCT (a choice) selecting MODVERSIONS ----

blocker_case() { # name "make vars" "scripts/config args" expected-fix-regex
	local name=$1 vars=$2 args=$3 want=$4 dir=$OUT/blocker-$1 fix make_cmd
	rm -rf "$dir"
	make -s -C "$KSRC" O="$dir" $vars x86_64_defconfig >/dev/null 2>&1
	"$KSRC/scripts/config" --file "$dir/.config" $args
	make -s -C "$KSRC" O="$dir" $vars olddefconfig >/dev/null 2>&1
	"$H2RS" doctor --kernel "$KSRC" --config "$dir/.config" --json $vars RUSTC=$RUSTC_GOOD \
		BINDGEN=$BG >"$dir/report.json" 2>/dev/null
	fix=$(json "$dir/report.json" 'd["config_fix"]')
	check "$name: fix is '$want' ($fix)" grep -Eq -- "$want" <<<"$fix"
	make_cmd=$(json "$dir/report.json" '[x for f in d["findings"] if f["check"]=="config-fix" for x in f["fix"] if x.startswith("make ")][0]')
	(eval "$fix" && eval "$make_cmd") >/dev/null 2>&1
	check "$name: after the printed fix, olddefconfig keeps RUST=y" test "$(rust_of "$dir/.config")" = y
}
blocker_case kasan-gcc "" "-e MODULES -e MODVERSIONS -e KASAN" \
	'--file [^ ]+ -d (MODVERSIONS -d KASAN|KASAN -d MODVERSIONS) -e RUST$'
check "kasan-gcc: the report offers LLVM=1 as the other way out" \
	grep -q 'or: needs a Clang build: pass LLVM=1' "$OUT/blocker-kasan-gcc/report.json"
if command -v clang-19 >/dev/null; then
	blocker_case randstruct "LLVM=1 CC=clang-19" "-e MODULES -d RANDSTRUCT_NONE -e RANDSTRUCT_FULL" \
		'--file [^ ]+ -d (RANDSTRUCT_FULL -d MODVERSIONS|MODVERSIONS -d RANDSTRUCT_FULL) -e RUST$'
	check "randstruct: the chain says who selects MODVERSIONS" \
		grep -q 'MODVERSIONS is selected by RANDSTRUCT_FULL' "$OUT/blocker-randstruct/report.json"
else
	skip "randstruct: needs clang-19 (clang >= 16 has RANDSTRUCT)"
fi

# ---- toolchains against make rustavailable ----

RA=$OUT/rustavailable
mkdir -p "$RA"
toolchain_case() { # name expect(0|1) grep-pattern VAR=VALUE...
	local name=$1 expect=$2 pattern=$3
	shift 3
	local j=$OUT/tc-$name.json rc ra
	"$H2RS" doctor --kernel "$KSRC" --json "$@" >"$j" 2>/dev/null
	# the toolchain verdict: any FAIL in the toolchain section
	rc=$(json "$j" 'int(any(f["status"]=="FAIL" and f["section"]=="toolchain" for f in d["findings"]))')
	make -s -C "$KSRC" O="$RA" "$@" rustavailable >"$OUT/tc-$name.ra" 2>&1
	ra=$?
	[ $ra -ne 0 ] && ra=1
	check "toolchain $name: doctor says $([ "$rc" = 1 ] && echo broken || echo fine), make rustavailable agrees (rc $ra)" \
		test "$rc" = "$ra" -a "$rc" = "$expect"
	check "toolchain $name: report says: $pattern" grep -q -- "$pattern" "$j"
}

if [ -x "$RUSTUP_RUSTC" ] && [ ! -f "$("$RUSTUP_RUSTC" --print sysroot)/lib/rustlib/src/rust/library/core/src/lib.rs" ]; then
	toolchain_case rustup 1 'no source code for .core' RUSTC="$RUSTUP_RUSTC" BINDGEN=$BG
	check "toolchain rustup: the rustc-web alternative is offered" \
		grep -q '"RUSTC=/usr/bin/rustc"' "$OUT/tc-rustup.json"
else
	skip "toolchain rustup: no rustup rustc without rust-src at $RUSTUP_RUSTC"
fi
toolchain_case debian-bindgen 1 'bindgen 0.60.1 (/usr/bin/bindgen) is too old' \
	RUSTC=$RUSTC_GOOD BINDGEN=/usr/bin/bindgen
if [ $HAVE_H2RS_BG = 1 ]; then
	check "toolchain debian-bindgen: h2rs is offered as the alternative" \
		grep -q 'qualifies as the bindings generator' "$OUT/tc-debian-bindgen.json"
	toolchain_case h2rs 0 'h2rs as bindgen 0.72.1' RUSTC=$RUSTC_GOOD BINDGEN=$BG
	check "toolchain h2rs: make rustavailable says Rust is available" \
		grep -q 'Rust is available' "$OUT/tc-h2rs.ra"
	toolchain_case llvm 0 'clang-libclang' LLVM=1 RUSTC=$RUSTC_GOOD BINDGEN=$BG
	d_warn=$(json "$OUT/tc-llvm.json" 'int(any(f["check"]=="clang-libclang" and f["status"]=="warn" for f in d["findings"]))')
	k_warn=0
	grep -q "version does not match Clang's" "$OUT/tc-llvm.ra" && k_warn=1
	check "toolchain llvm: doctor and make rustavailable agree on clang vs libclang (mismatch: $k_warn)" \
		test "$d_warn" = "$k_warn"
else
	skip "toolchain h2rs: h2rs does not answer as bindgen yet"
fi
# What rustavailable cannot see: core sources of another rustc version.
if [ -x "$RUSTUP_RUSTC" ]; then
	j=$OUT/tc-mismatch.json
	"$H2RS" doctor --kernel "$KSRC" --json RUSTC="$RUSTUP_RUSTC" BINDGEN=$BG \
		RUST_LIB_SRC=/usr/src/rustc-1.96.0/library >"$j" 2>/dev/null
	check "toolchain mismatch: rustup rustc with rustc-1.96.0 sources is a blocker" \
		grep -q 'are for rustc 1.96.0' "$j"
fi

# ---- architectures against Documentation/rust/arch-support.rst ----

arch_case() { # name expect(y|n) rst-pattern VAR=VALUE...
	local name=$1 expect=$2 pattern=$3
	shift 3
	local j=$OUT/arch-$name.json v
	"$H2RS" doctor --kernel "$KSRC" --json "$@" RUSTC=$RUSTC_GOOD BINDGEN=$BG >"$j" 2>/dev/null
	v=$(json "$j" '[f["status"] for f in d["findings"] if f["check"]=="have-rust"][0] if any(f["check"]=="have-rust" for f in d["findings"]) else "FAIL"')
	[ "$v" = ok ] && v=y || v=n
	check "arch $name: HAVE_RUST=$v, expected $expect" test "$v" = "$expect"
	if [ -n "$pattern" ]; then
		check "arch $name: arch-support.rst row says '$pattern'" \
			grep -q "arch-support.rst agrees: .*$pattern" "$j"
	fi
}
arch_case x86_64 y 'x86_64 only' --arch x86_64
arch_case i386 n 'x86_64 only' --arch i386
arch_case arm64 y 'Little Endian only' --arch arm64 CROSS_COMPILE=aarch64-linux-gnu-
arch_case riscv64-gcc n 'riscv64 and LLVM/Clang only' --arch riscv64 CROSS_COMPILE=riscv64-linux-gnu-
check "arch riscv64-gcc: the report asks for LLVM=1" grep -q 'pass LLVM=1' "$OUT/arch-riscv64-gcc.json"
arch_case riscv64-llvm y 'riscv64 and LLVM/Clang only' --arch riscv64 LLVM=1
arch_case arm n '' --arch arm
check "arch arm: not listed in arch-support.rst either" grep -q 'does not list arm either' "$OUT/arch-arm.json"

# ---- finding the tree without --kernel ----
(cd "$KSRC" && "$H2RS" doctor RUSTC=$RUSTC_GOOD BINDGEN=$BG >"$OUT/cwd.txt" 2>&1)
check "without --kernel, the tree in the current directory is used" \
	grep -q "kernel: $KSRC .*the current directory" "$OUT/cwd.txt"

# ---- Linux 7.2 ----
. "$(dirname "$0")/k72.sh"

restore_multilib
finish
