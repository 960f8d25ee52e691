# tests/doctor/k72.sh — `h2rs doctor` on Linux 7.2, sourced by run.sh
# (shares its counters, $OUT, $BG). Every verdict is checked against what
# the 7.2 tree's own tools say (tinyconfig/defconfig/olddefconfig and
# make rustavailable, in O= directories under $OUT/k72):
#  - x86_64 tinyconfig: HAVE_RUST=n as the kernel says, fix verified;
#  - Debian's linux-config-6.12 amd64 config after 7.2's olddefconfig:
#    RUST=n as the kernel says, the values quoted are the kernel's, fix
#    verified;
#  - each architecture 7.2 supports (x86_64, arm64, riscv64, arm,
#    loongarch, um, s390), with GCC where Debian 12 has the cross gcc and
#    with LLVM 19: HAVE_RUST as the arch's defconfig has it, the toolchain
#    verdict as make rustavailable has it; s390 with rustup's 1.95 (too
#    old there: 7.2 wants 1.96) and Debian's 1.96.
# The tree: DOCTOR_KERNEL72, else scripts/get-linux-7.2.sh into
# tests/out/kernel (where make test-kernel keeps it too).

K72=${DOCTOR_KERNEL72:-}
if [ -z "$K72" ]; then
	K72=$("$ROOT/scripts/get-linux-7.2.sh" "$ROOT/tests/out/kernel" 2>"$OUT/get-linux-7.2.log")
fi
O72=$OUT/k72
mkdir -p "$O72"

# make in the 7.2 tree, output in O= DIR: k72_make DIR VAR=VALUE... TARGET
k72_make() {
	local dir=$1
	shift
	make -s -C "$K72" O="$dir" "$@" </dev/null
}

# A symbol's value in a .config: y/m, a string or number, n when unset.
sym_of() { # FILE SYM
	local v
	v=$(sed -n "s/^CONFIG_$2=//p" "$1")
	echo "${v:-n}"
}

# Every "SYM=value" the doctor quotes in the text of findings of CHECK
# equals the kernel's .config; prints the ones that differ.
quoted_values_differ() { # report.json check .config
	json "$1" '"\n".join(f["text"] for f in d["findings"] if f["check"]=="'"$2"'")' |
		grep -oE '\b[A-Z][A-Z0-9_]+=([ymn]\b|[0-9]+\b)' | sort -u |
		while IFS== read -r s v; do
			[ "$(sym_of "$3" "$s")" = "$v" ] || echo "$s=$v (kernel: $(sym_of "$3" "$s"))"
		done
}

# The doctor's verdicts from its JSON report.
doctor_have_rust() { # report.json -> y/n
	json "$1" '"y" if any(f["check"]=="have-rust" and f["status"]=="ok" for f in d["findings"]) else "n"'
}
doctor_toolchain_ok() { # report.json -> 0 (fine) / 1 (a toolchain FAIL)
	json "$1" 'int(any(f["status"]=="FAIL" and f["section"]=="toolchain" for f in d["findings"]))'
}

# Apply the fix the doctor printed, literally, as a user would.
apply_fix() { # report.json log
	local fix make_cmd
	fix=$(json "$1" 'd["config_fix"]')
	make_cmd=$(json "$1" '[x for f in d["findings"] if f["check"]=="config-fix" for x in f["fix"] if x.startswith("make ")][0]')
	[ -n "$fix" ] && (eval "$fix" && eval "$make_cmd") >"$2" 2>&1
}

k72_tinyconfig() {
	local dir=$O72/tiny j=$O72/tiny/report.json rc
	rm -rf "$dir"
	k72_make "$dir" tinyconfig >/dev/null 2>&1
	"$H2RS" doctor --kernel "$K72" --config "$dir/.config" --json RUSTC=$RUSTC_GOOD BINDGEN=$BG \
		>"$j" 2>"$dir/stderr"
	rc=$?
	check "7.2 tinyconfig: doctor exits 1" test $rc -eq 1
	check "7.2 tinyconfig: doctor's HAVE_RUST=$(doctor_have_rust "$j") is the kernel's ($(sym_of "$dir/.config" HAVE_RUST))" \
		test "$(doctor_have_rust "$j")" = "$(sym_of "$dir/.config" HAVE_RUST)"
	check "7.2 tinyconfig: the values the doctor quotes are the kernel's ($(quoted_values_differ "$j" have-rust "$dir/.config"))" \
		test -z "$(quoted_values_differ "$j" have-rust "$dir/.config")"
	check "7.2 tinyconfig: the blocker named is X86_64=n" \
		grep -q 'HAVE_RUST=n for this config.*X86_64=n' "$j"
	check "7.2 tinyconfig: the fix enables 64BIT ($(json "$j" 'd["config_fix"]'))" \
		grep -q -- '-e 64BIT' <<<"$(json "$j" 'd["config_fix"]')"
	apply_fix "$j" "$dir/apply.log"
	check "7.2 tinyconfig: after the printed fix, olddefconfig has HAVE_RUST=y and RUST=y" \
		test "$(sym_of "$dir/.config" HAVE_RUST)$(sym_of "$dir/.config" RUST)" = yy
}

k72_debian() { # flavour
	local fl=$1 dir=$O72/debian-$1 j=$O72/debian-$1/report.json rc
	rm -rf "$dir"
	mkdir -p "$dir"
	xz -dc "$CONFIGS/config.$fl.xz" >"$dir/.config"
	k72_make "$dir" RUSTC=$RUSTC_GOOD BINDGEN=$BG olddefconfig >"$dir/olddefconfig.log" 2>&1
	check "7.2 $fl: olddefconfig of the 6.12 config on 7.2" test $? -eq 0
	"$H2RS" doctor --kernel "$K72" --config "$dir/.config" --json RUSTC=$RUSTC_GOOD BINDGEN=$BG \
		>"$j" 2>"$dir/stderr"
	rc=$?
	check "7.2 $fl: doctor exits 1 and the kernel's olddefconfig has RUST=$(sym_of "$dir/.config" RUST)" \
		test $rc -eq 1 -a "$(sym_of "$dir/.config" RUST)" = n
	check "7.2 $fl: the doctor names RUST's unmet dependencies" \
		grep -q '"check": *"rust-depends"' "$j"
	check "7.2 $fl: the values the doctor quotes are the kernel's ($(quoted_values_differ "$j" rust-depends "$dir/.config"))" \
		test -z "$(quoted_values_differ "$j" rust-depends "$dir/.config")"
	check "7.2 $fl: a verified fix is printed ($(json "$j" 'd["config_fix"]'))" \
		test -n "$(json "$j" 'd["config_fix"]')"
	apply_fix "$j" "$dir/apply.log"
	check "7.2 $fl: after the printed fix, olddefconfig keeps RUST=y" \
		test "$(sym_of "$dir/.config" RUST)" = y
	json "$j" '"\n".join(f["status"]+" "+f["text"][:200] for f in d["findings"] if f["status"] in ("FAIL","warn"))' |
		sed "s/^/# 7.2 $fl: /"
}

# One architecture with one toolchain: the doctor's HAVE_RUST against the
# arch's defconfig, its toolchain verdict against make rustavailable.
#   k72_arch NAME EXPECT_HAVE_RUST EXPECT_TOOLCHAIN(0 fine|1 broken) --arch A VAR=VALUE...
K72_TABLE=$O72/table.txt
k72_arch() {
	local name=$1 want_hr=$2 want_tc=$3
	shift 3
	local arch=$2
	shift 2
	local dir=$O72/arch-$name j=$O72/arch-$name/report.json hr tc ra k_hr
	rm -rf "$dir"
	mkdir -p "$dir"
	"$H2RS" doctor --kernel "$K72" --arch "$arch" --json "$@" >"$j" 2>"$dir/stderr"
	hr=$(doctor_have_rust "$j")
	tc=$(doctor_toolchain_ok "$j")
	if ! k72_make "$dir" ARCH="$(json "$j" 'd["arch"]')" "$@" defconfig >"$dir/defconfig.log" 2>&1; then
		# e.g. a cross gcc removed meanwhile (installing gcc-multilib does that)
		not_ok "7.2 $name: the kernel's make defconfig failed: $(grep -m1 -E 'not found|rror' "$dir/defconfig.log")"
		return
	fi
	k_hr=$(sym_of "$dir/.config" HAVE_RUST)
	k72_make "$dir" ARCH="$(json "$j" 'd["arch"]')" "$@" rustavailable >"$dir/rustavailable.log" 2>&1
	ra=$?
	[ $ra -ne 0 ] && ra=1
	check "7.2 $name: doctor HAVE_RUST=$hr, the kernel's defconfig HAVE_RUST=$k_hr, expected $want_hr" \
		test "$hr" = "$k_hr" -a "$hr" = "$want_hr"
	check "7.2 $name: doctor's toolchain $([ "$tc" = 1 ] && echo broken || echo fine), make rustavailable rc $ra, expected $want_tc" \
		test "$tc" = "$ra" -a "$tc" = "$want_tc"
	check "7.2 $name: the values the doctor quotes are the defconfig's ($(quoted_values_differ "$j" have-rust "$dir/.config"))" \
		test -z "$(quoted_values_differ "$j" have-rust "$dir/.config")"
	printf '%-22s HAVE_RUST doctor=%s kernel=%s  toolchain doctor=%s rustavailable=%s\n' \
		"$name" "$hr" "$k_hr" "$([ "$tc" = 1 ] && echo FAIL || echo ok)" \
		"$([ "$ra" = 1 ] && echo FAIL || echo ok)" >>"$K72_TABLE"
}

# When the defconfig lacks HAVE_RUST, the doctor's fix, applied to that
# defconfig, gives HAVE_RUST=y by the kernel's olddefconfig.
k72_arch_fix() { # NAME --arch A VAR=VALUE...
	local name=$1 dir=$O72/arch-$1 arch=$3 fix
	shift 3
	[ -f "$dir/.config" ] || return
	cp "$dir/.config" "$dir/defconfig.config"
	"$H2RS" doctor --kernel "$K72" --arch "$arch" --config "$dir/.config" --json "$@" \
		>"$dir/fix.json" 2>/dev/null
	fix=$(json "$dir/fix.json" '[x for f in d["findings"] if f["check"]=="have-rust" for x in f["fix"]][0]')
	check "7.2 $name: the doctor's HAVE_RUST fix ($fix)" test -n "$fix"
	(eval "$fix" && k72_make "$dir" ARCH="$(json "$dir/fix.json" 'd["arch"]')" "$@" olddefconfig) \
		>"$dir/fix.log" 2>&1
	check "7.2 $name: after it, the kernel's olddefconfig has HAVE_RUST=y" \
		test "$(sym_of "$dir/.config" HAVE_RUST)" = y
}

k72_arches() {
	local R="RUSTC=$RUSTC_GOOD BINDGEN=$BG" L="LLVM=-19"
	rm -f "$K72_TABLE"
	k72_arch x86_64-gcc y 0 --arch x86_64 $R
	k72_arch x86_64-llvm y 0 --arch x86_64 $L $R
	if command -v aarch64-linux-gnu-gcc >/dev/null; then
		k72_arch arm64-gcc y 0 --arch arm64 CROSS_COMPILE=aarch64-linux-gnu- $R
	else
		skip "7.2: aarch64-linux-gnu-gcc is not installed (its GCC case)"
	fi
	k72_arch arm64-llvm y 0 --arch arm64 $L $R
	if command -v riscv64-linux-gnu-gcc >/dev/null; then
		k72_arch riscv64-gcc n 0 --arch riscv64 CROSS_COMPILE=riscv64-linux-gnu- $R
		check "7.2 riscv64-gcc: the report asks for LLVM=1" \
			grep -q 'pass LLVM=1' "$O72/arch-riscv64-gcc/report.json"
	else
		skip "7.2: riscv64-linux-gnu-gcc is not installed (its GCC case)"
	fi
	k72_arch riscv64-llvm y 0 --arch riscv64 $L $R
	if command -v arm-linux-gnueabi-gcc >/dev/null; then
		k72_arch arm-gcc y 0 --arch arm CROSS_COMPILE=arm-linux-gnueabi- $R
	else
		skip "7.2: arm-linux-gnueabi-gcc is not installed (its GCC case)"
	fi
	k72_arch arm-llvm y 0 --arch arm $L $R
	k72_arch loongarch-llvm y 0 --arch loongarch $L $R
	k72_arch um-gcc y 0 --arch um $R
	if command -v s390x-linux-gnu-gcc >/dev/null; then
		# GCC has -mindirect-branch=thunk: the defconfig's EXPOLINE=y stays
		k72_arch s390-gcc n 0 --arch s390 CROSS_COMPILE=s390x-linux-gnu- $R
		k72_arch_fix s390-gcc --arch s390 CROSS_COMPILE=s390x-linux-gnu- $R
	else
		skip "7.2: s390x-linux-gnu-gcc is not installed (its GCC case)"
	fi
	k72_arch s390-llvm y 0 --arch s390 $L $R
	if [ -x "$RUSTUP_RUSTC" ]; then
		local U="RUSTC=$RUSTUP_RUSTC BINDGEN=$BG" v
		v=$("$RUSTUP_RUSTC" --version | cut -d' ' -f2)
		# rustup's rustc has no rust-src: broken everywhere, but only on
		# s390 is it also too old, and make rustavailable says so there
		k72_arch "x86_64-llvm-rustc-$v" y 1 --arch x86_64 $L $U
		k72_arch "s390-llvm-rustc-$v" y 1 --arch s390 $L $U
		local xd=$O72/arch-x86_64-llvm-rustc-$v sd=$O72/arch-s390-llvm-rustc-$v
		check "7.2 rustc $v: make rustavailable calls it too old for s390, not for x86_64" \
			bash -c 'grep -q "too old" "$0/rustavailable.log" && ! grep -q "too old" "$1/rustavailable.log"' "$sd" "$xd"
		check "7.2 rustc $v: so does the doctor (minimum $(sh "$K72/scripts/min-tool-version.sh" rustc) elsewhere, $(SRCARCH=s390 sh "$K72/scripts/min-tool-version.sh" rustc) on s390)" \
			bash -c 'grep -q "is too old: minimum $2" "$0/report.json" && ! grep -q "is too old" "$1/report.json"' \
			"$sd" "$xd" "$(SRCARCH=s390 sh "$K72/scripts/min-tool-version.sh" rustc)"
		check "7.2 s390 rustc $v: Debian's rustc 1.96 is offered instead" \
			grep -q '"RUSTC=/usr/bin/rustc"' "$sd/report.json"
	else
		skip "7.2 s390 with rustc < 1.96: no rustup rustc at $RUSTUP_RUSTC"
	fi
	sed 's/^/# 7.2 /' "$K72_TABLE"
}

if [ ! -f "$K72/scripts/min-tool-version.sh" ]; then
	not_ok "Linux 7.2 tree (scripts/get-linux-7.2.sh; see $OUT/get-linux-7.2.log)"
else
	ok "Linux 7.2 tree at $K72"
	k72_tinyconfig
	if [ -f "$CONFIGS/config.amd64_none_amd64.xz" ]; then
		k72_debian amd64_none_amd64
	else
		skip "7.2 Debian config: $CONFIGS/config.amd64_none_amd64.xz missing"
	fi
	k72_arches
fi
