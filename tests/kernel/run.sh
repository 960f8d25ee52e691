#!/usr/bin/env bash
# make test-kernel / make test-kernel-all: Linux kernels built with h2rs as
# BINDGEN (a link named bindgen, no wrapper, unmodified trees), each booted
# (QEMU, TCG; UML as a process) and passing only if the Rust sample's line is
# printed.
#
#   run.sh [ci|all|NAME...]
#
# ci (make test-kernel, run by .ci/run): 6.12 on x86_64 with GCC, 7.2 on
#   x86_64 with GCC and with LLVM=-19, 7.2 on arm64 and riscv64 with
#   LLVM=-19; then the rust/helpers wrappers are generated from the 6.12 GCC
#   tree (wrappers.sh); and 7.2 x86_64 GCC with examples/linux-7.2 applied
#   (generated rust/helpers and typed constants: helper_checks).  (About
#   35 minutes on 2 cores.)
# all (make test-kernel-all): ci, plus 6.12 x86_64 LLVM, 7.2 on arm,
#   loongarch, um and s390,
#   the GCC cross builds Debian 12 has compilers for (arm64, arm, s390), and
#   7.2 x86_64 with KUnit and the kernel crate's doctests, booted, which must
#   report `# rust_doctests_kernel: pass:N fail:0`, and x86_64 defconfig +
#   RUST + KUNIT + RUST_KERNEL_DOCTESTS with GCC and LLVM (the doctests, the
#   kernel crate's #[kunit_tests] suites and every other KUnit suite the
#   config has must pass, and the Rust sample must print); the helpers
#   tree also with LLVM, on arm64, and under that defconfig; and arm64's
#   doctests (tinyconfig + KUnit) with and without the helpers series, and
#   the series under lock debugging (-lockdep: PROVE_LOCKING, where
#   mutex_lock is a macro).
# NAME...: just those builds (names as printed: 7.2-arm64-llvm, ...).
#
# A build is tinyconfig + RUST + what the arch's console needs + the Rust
# samples (rust_minimal, rust_print) built in.  GCC x86_64 builds also have
# every emitted record checked against gcc (H2RS_CHECK_LAYOUT_WITH=gcc).
# Trees: 6.12 from Debian's linux-source-6.12, 7.2 from Debian unstable's
# linux-source-7.2 (scripts/get-linux-7.2.sh: downloaded, never installed).
set -u
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
H2RS=${H2RS:-$repo/h2rs}
WORK=${KERNEL_WORK:-$repo/tests/out/kernel}
JOBS=${JOBS:-$(nproc)}
BOOT_TIMEOUT=${BOOT_TIMEOUT:-120}
passed=0
failed=0
n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; passed=$((passed + 1)); }
not_ok() { n=$((n + 1)); echo "not ok $n - $*"; failed=$((failed + 1)); }
finish() {
	if [ -s "$WORK/summary.txt" ]; then
		echo "# summary (build, build time, boot):"
		sed 's/^/#   /' "$WORK/summary.txt"
	fi
	echo "$passed passed, $failed failed"
	[ "$failed" = 0 ]
	exit $?
}

set_name=${1:-ci}
ci_builds="6.12-x86_64-gcc 7.2-x86_64-gcc 7.2-x86_64-llvm 7.2-arm64-llvm 7.2-riscv64-llvm \
7.2-x86_64-helpers-gcc"
all_builds="$ci_builds 6.12-x86_64-llvm 7.2-arm-llvm 7.2-loongarch-llvm 7.2-um-gcc 7.2-s390-llvm \
7.2-arm64-gcc 7.2-arm-gcc 7.2-s390-gcc 7.2-x86_64-doctests-llvm 7.2-x86_64-defconfig-gcc \
7.2-x86_64-defconfig-llvm 7.2-x86_64-helpers-llvm 7.2-arm64-helpers-llvm 7.2-arm64-helpers-gcc \
7.2-x86_64-defconfig-helpers-gcc 7.2-riscv64-helpers-llvm 7.2-x86_64-defconfig-helpers-llvm \
7.2-arm64-defconfig-helpers-llvm 7.2-arm64-doctests-llvm 7.2-arm64-doctests-helpers-llvm \
7.2-x86_64-lockdep-helpers-gcc 7.2-x86_64-lockdep-gcc"
case $set_name in
ci) builds=$ci_builds ;;
all) builds=$all_builds ;;
*) builds="$*" ;;
esac

# --- packages ---------------------------------------------------------------
# The GCC cross builds use Debian 12's cross gccs unpacked under $WORK
# (scripts/cross-gcc.sh), not installed: installed, they would remove
# gcc-multilib, which make test's -m32 tests need.
pkgs="linux-source-6.12 rustc-web rust-web-src flex bison bc libelf-dev libssl-dev cpio
qemu-system-x86 clang-19 lld-19 llvm-19"
case " $builds " in *-arm64-* | *-arm-*) pkgs="$pkgs qemu-system-arm" ;; esac
case " $builds " in *-riscv64-* | *-loongarch-* | *-s390-*) pkgs="$pkgs qemu-system-misc opensbi" ;; esac
apt_install() { # PKG...
	local missing
	missing=$(for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || echo "$p"; done)
	[ -z "$missing" ] && return 0
	if [ "$(id -u)" != 0 ]; then
		echo "# missing packages (run as root): $(echo $missing)"
		return 1
	fi
	echo "# installing: $(echo $missing)"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null ||
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends $missing >/dev/null; }
}
# shellcheck disable=SC2086
apt_install $pkgs || { not_ok "apt-get install $pkgs"; finish; }
[ -x "$H2RS" ] || { not_ok "no h2rs at $H2RS (make h2rs)"; finish; }
mkdir -p "$WORK/bin"
rm -f "$WORK/summary.txt"
# a copy, so that rebuilding h2rs during a run cannot change it half-way
cp "$H2RS" "$WORK/bin/h2rs"
ln -sf h2rs "$WORK/bin/bindgen"
BG=$WORK/bin/bindgen
RUSTC=/usr/bin/rustc
RUSTDOC=/usr/bin/rustdoc

tree() { # VERSION -> path of the unpacked tree (unpacked on first use)
	case $1 in
	6.12)
		if [ ! -f "$WORK/linux-source-6.12/Makefile" ]; then
			tar -C "$WORK" -xf /usr/src/linux-source-6.12.tar.xz || return 1
		fi
		echo "$WORK/linux-source-6.12"
		;;
	7.2) "$repo/scripts/get-linux-7.2.sh" "$WORK" "$WORK" ;;
	*) return 1 ;;
	esac
}

# --- the architectures ------------------------------------------------------
# arch_info ARCH sets: KARCH (make ARCH=), IMAGE (make target, path under
# the build), OPTS (config symbols to enable), OFF (to disable), QEMU (the
# boot command; IMG is substituted), CROSS (GCC prefix), NOBOOT (why it
# cannot be booted here; then only the build is tested).  tinyconfig alone
# picks a no-MMU ARMv7-M on arm (HAVE_RUST needs CPU_32v7: MMU first) and a
# 32-bit UML, whose host-side files need the i386 libc headers (64BIT).
arch_info() {
	OFF="" CROSS="" NOBOOT=""
	case $1 in
	x86_64)
		KARCH=x86 IMAGE=arch/x86/boot/bzImage
		OPTS="64BIT SERIAL_8250 SERIAL_8250_CONSOLE EARLY_PRINTK"
		QEMU="qemu-system-x86_64 -m 256 -kernel IMG -append 'console=ttyS0 panic=-1'"
		;;
	arm64)
		KARCH=arm64 IMAGE=arch/arm64/boot/Image CROSS=aarch64-linux-gnu-
		OPTS="SERIAL_AMBA_PL011 SERIAL_AMBA_PL011_CONSOLE"
		QEMU="qemu-system-aarch64 -M virt -cpu cortex-a57 -m 256 -kernel IMG -append 'console=ttyAMA0 panic=-1'"
		;;
	riscv64)
		KARCH=riscv IMAGE=arch/riscv/boot/Image CROSS=riscv64-linux-gnu-
		OPTS="64BIT SERIAL_8250 SERIAL_8250_CONSOLE SERIAL_OF_PLATFORM"
		QEMU="qemu-system-riscv64 -M virt -m 256 -bios default -kernel IMG -append 'console=ttyS0 panic=-1'"
		;;
	arm)
		KARCH=arm IMAGE=arch/arm/boot/zImage CROSS=arm-linux-gnueabi-
		OPTS="MMU ARCH_MULTI_V7 ARCH_VIRT AEABI SERIAL_AMBA_PL011 SERIAL_AMBA_PL011_CONSOLE"
		OFF="CPU_BIG_ENDIAN"
		QEMU="qemu-system-arm -M virt -cpu cortex-a15 -m 256 -kernel IMG -append 'console=ttyAMA0 panic=-1'"
		;;
	loongarch)
		KARCH=loongarch IMAGE=vmlinux
		OPTS="64BIT SERIAL_8250 SERIAL_8250_CONSOLE SERIAL_OF_PLATFORM"
		QEMU="qemu-system-loongarch64 -M virt -m 1024 -kernel IMG -append 'console=ttyS0,115200 panic=-1'"
		# tried: with earlycon too, the kernel prints nothing in 120 s
		NOBOOT="Debian 12's QEMU (7.2) boots a LoongArch kernel only through firmware, and Debian 12 packages no LoongArch UEFI firmware (its direct -kernel boot hands the kernel no EFI system table; the kernel prints nothing)"
		;;
	s390)
		KARCH=s390 IMAGE=arch/s390/boot/bzImage CROSS=s390x-linux-gnu-
		OPTS="SCLP_TTY SCLP_CONSOLE"
		OFF="EXPOLINE"
		# with QEMU's default CPU model the kernel prints nothing at all;
		# earlyprintk shows the boot as it goes
		QEMU="qemu-system-s390x -M s390-ccw-virtio -cpu max -m 512 -kernel IMG -append 'console=ttysclp0 earlyprintk panic=-1'"
		# tried 2026-12-02: the GCC and LLVM builds, and the same GCC
		# config with RUST and the samples off, all stop at the same line
		# after 1 s and QEMU exits 0 (-cpu max, -cpu qemu, max,vx=off)
		NOBOOT="Debian 12's QEMU (7.2) TCG does not boot Linux 7.2 on s390x: it stops after 'clocksource: tod' and QEMU exits, the same with CONFIG_RUST off (not a bindings fault)"
		;;
	um)
		KARCH=um IMAGE=linux
		OPTS="64BIT STDERR_CONSOLE"
		QEMU="IMG mem=64M panic=-1"
		;;
	*) return 1 ;;
	esac
}

# helper_checks NAME O PRISTINE PATCHED: the generated helpers of a
# helpers build compile with the kernel's own flags plus
# -Wmissing-prototypes -Werror (its helpers.o command, output elsewhere),
# and declare every hand-written helper to Rust at the same signature
# (helpers-sig.sh)
helper_checks() {
	local name=$1 O=$2 cmd out
	cmd=$(sed -n 's/^savedcmd_[^ ]* := //p' "$O/rust/helpers/.helpers.o.cmd")
	cmd=${cmd/ -o rust\/helpers\/helpers.o / -o $O/rust/helpers/werror.o }
	if (cd "$O" && eval "$cmd -Wmissing-prototypes -Werror") >"$O/werror.log" 2>&1; then
		ok "$name: helpers.c with the generated helpers compiles with the kernel's flags and -Wmissing-prototypes -Werror ($(nm "$O/rust/helpers/werror.o" | grep -c ' T rust_helper_') rust_helper_ symbols)"
	else
		not_ok "$name: helpers.c with the generated helpers fails under -Wmissing-prototypes -Werror"
		grep -E 'error|warning' "$O/werror.log" | head -10 | sed 's/^/    /'
	fi
	rm -f "$O/rust/helpers/werror.o"
	# LLVM: also as CONFIG_RUST_INLINE_HELPERS builds it (bitcode, the
	# helpers __always_inline), which needs clang and rustc on one LLVM
	# major version (Debian 12 has clang 19, rustc-web LLVM 22)
	case $cmd in
	clang* | *bin/clang*)
		local bc="${cmd/ -o $O\/rust\/helpers\/werror.o / -o $O/rust/helpers/werror.bc }"
		if (cd "$O" && eval "$bc -g0 -emit-llvm -Wmissing-prototypes -Werror") >"$O/werror-bc.log" 2>&1; then
			ok "$name: helpers.c with the generated helpers compiles to bitcode as CONFIG_RUST_INLINE_HELPERS builds it ($(llvm-nm-19 "$O/rust/helpers/werror.bc" | grep -c ' T rust_helper_') rust_helper_ definitions)"
		else
			not_ok "$name: helpers.c with the generated helpers does not compile to bitcode"
			grep -E 'error|warning' "$O/werror-bc.log" | head -10 | sed 's/^/    /'
		fi
		rm -f "$O/rust/helpers/werror.bc" ;;
	esac
	out=$(bash "$here/helpers-sig.sh" "$O" "$3" "$4" "$BG" 2>&1)
	while IFS= read -r line; do
		case $line in
		"ok - "*) ok "${line#ok - } ($name)" ;;
		"not ok - "*) not_ok "${line#not ok - } ($name)" ;;
		"    "*) echo "$line" ;;
		esac
	done <<<"$out"
}

# build NAME: NAME is VERSION-ARCH-TOOLCHAIN[-doctests variant in ARCH part]
build() {
	local name=$1 ver arch tc variant="" helpers="" mk O src t0 t1 secs line
	ver=${name%%-*}
	tc=${name##*-}
	arch=${name#*-}
	arch=${arch%-*}
	# -helpers (the tree with generated rust/helpers) combines with the others
	case $arch in *-helpers) helpers=1 arch=${arch%-helpers} ;; esac
	case $arch in
	*-doctests) variant=doctests arch=${arch%-doctests} ;;
	*-defconfig) variant=defconfig arch=${arch%-defconfig} ;;
	*-lockdep) variant=lockdep arch=${arch%-lockdep} ;;
	esac
	arch_info "$arch" || { not_ok "$name: unknown architecture $arch"; return 1; }
	src=$(tree "$ver") || { not_ok "$name: no Linux $ver tree"; return 1; }
	if [ -n "$helpers" ]; then
		# the tree with rust/helpers generated from a list
		# (examples/linux-7.2): a hard-linked copy, files replaced
		rm -rf "$WORK/src-$name"
		cp -al "$(readlink -f "$src")" "$WORK/src-$name"
		if ! line=$("$repo/examples/linux-$ver/apply.sh" "$WORK/src-$name" 2>&1); then
			not_ok "$name: examples/linux-$ver/apply.sh: $line"
			return 1
		fi
		echo "# $name: $line"
		# the same change as one patch, for patch -p1 / git am
		local pf
		pf=$(ls "$repo/examples/linux-$ver/"0001-*.patch)
		if "$repo/examples/linux-$ver/mkpatch.sh" "$src" | cmp -s - "$pf"; then
			ok "$name: $(basename "$pf") is apply.sh's change ($(grep -c '^deleted file' "$pf") files deleted)"
		else
			not_ok "$name: $(basename "$pf") is stale (regenerate it: examples/linux-$ver/mkpatch.sh TREE)"
		fi
		src=$WORK/src-$name
	fi
	O=$WORK/$name
	mk=(make -C "$src" O="$O" ARCH="$KARCH" RUSTC=$RUSTC RUSTDOC=$RUSTDOC BINDGEN="$BG")
	case $tc in
	llvm) mk+=(LLVM=-19) ;;
	gcc) [ "$KARCH" = x86 ] || [ "$KARCH" = um ] || mk+=(CROSS_COMPILE="$CROSS") ;;
	esac
	# clean by default: Kbuild re-runs bindgen only when its command line
	# changes, so a rebuilt h2rs would otherwise be tested on stale bindings
	[ -n "${KERNEL_KEEP:-}" ] || rm -rf "$O"
	mkdir -p "$O"
	local opts="RUST PRINTK TTY SAMPLES SAMPLES_RUST SAMPLE_RUST_MINIMAL SAMPLE_RUST_PRINT $OPTS"
	local base=tinyconfig
	case $variant in
	doctests) opts="$opts KUNIT RUST_KERNEL_DOCTESTS KUNIT_DEFAULT_ENABLED BINFMT_ELF MULTIUSER" ;;
	# the arch's defconfig, Rust, KUnit with the kernel crate's doctests and
	# its #[kunit_tests] suites (built whenever KUNIT and RUST are)
	defconfig) base=defconfig opts="$opts KUNIT RUST_KERNEL_DOCTESTS KUNIT_DEFAULT_ENABLED" ;;
	# lock debugging: mutex_lock and mutex_trylock become macros (and
	# dma_resv_unlock calls a function only drivers/dma-buf defines)
	lockdep) opts="$opts DEBUG_KERNEL PROVE_LOCKING DEBUG_LOCK_ALLOC DEBUG_SPINLOCK DEBUG_MUTEXES" ;;
	esac
	if ! "${mk[@]}" $base >"$O/config.log" 2>&1; then
		not_ok "$name: make $base failed"
		grep -i -m3 'error\|not found' "$O/config.log" | sed 's/^/    /'
		echo "$name: configuration FAILED" >>"$WORK/summary.txt"
		return 1
	fi
	for opt in $opts; do "$src/scripts/config" --file "$O/.config" -e "$opt"; done
	for opt in $OFF; do "$src/scripts/config" --file "$O/.config" -d "$opt"; done
	"${mk[@]}" olddefconfig >>"$O/config.log" 2>&1
	if [ "$variant" = lockdep ] && ! grep -q '^CONFIG_DEBUG_LOCK_ALLOC=y' "$O/.config"; then
		not_ok "$name: CONFIG_DEBUG_LOCK_ALLOC dropped by Kconfig"
		echo "$name: configuration FAILED" >>"$WORK/summary.txt"
		return 1
	fi
	if grep -q '^CONFIG_RUST=y' "$O/.config"; then
		ok "$name: Kconfig keeps CONFIG_RUST=y with BINDGEN=h2rs ($(grep '^CONFIG_BINDGEN_VERSION_TEXT' "$O/.config"))"
	else
		not_ok "$name: CONFIG_RUST dropped"
		"${mk[@]}" rustavailable 2>&1 | tail -3 | sed 's/^/    /'
		echo "$name: CONFIG_RUST dropped" >>"$WORK/summary.txt"
		return 1
	fi
	t0=$(date +%s)
	if ! "${mk[@]}" -j"$JOBS" "${IMAGE#arch/*/boot/}" >"$O/build.log" 2>&1; then
		not_ok "$name: build failed"
		grep -E -A3 '^error|Error [0-9]' "$O/build.log" | head -30 | sed 's/^/    /'
		echo "$name: build FAILED" >>"$WORK/summary.txt"
		return 1
	fi
	t1=$(date +%s)
	secs=$((t1 - t0))
	ok "$name: built in $secs s with h2rs as BINDGEN ($(wc -l <"$O/rust/bindings/bindings_generated.rs") lines of bindings)"
	if [ -n "$helpers" ]; then helper_checks "$name" "$O" "$(tree "$ver")" "$src"; fi
	if [ -n "$NOBOOT" ]; then
		echo "# $name: not booted: $NOBOOT"
		echo "$name: built in $secs s, not booted here (no firmware)" >>"$WORK/summary.txt"
		return 0
	fi
	local cmd=${QEMU//IMG/$O/$IMAGE}
	case $KARCH in um) ;; *) cmd="$cmd -nographic -no-reboot" ;; esac
	local tmo=$BOOT_TIMEOUT
	case $variant in doctests | defconfig) tmo=$((BOOT_TIMEOUT * 5)) ;; esac
	eval "timeout $tmo $cmd" </dev/null >"$O/boot.log" 2>&1
	if [ "$variant" = doctests ] || [ "$variant" = defconfig ]; then
		line=$(grep -a -o '# rust_doctests_kernel: pass:[0-9]* fail:[0-9]*.*' "$O/boot.log" | tail -n1)
		# every KUnit suite's summary line (C and Rust suites alike)
		local suites bad
		# (each line after the kernel's timestamp; the Totals line is no suite)
		suites=$(grep -a -E '^(\[[ 0-9.]*\] )? *# [A-Za-z0-9_]+: pass:[0-9]+ fail:[0-9]+' "$O/boot.log" | grep -a -c -v '# Totals:')
		bad=$(grep -a -E '^(\[[ 0-9.]*\] )? *# [A-Za-z0-9_]+: pass:[0-9]+ fail:[1-9]' "$O/boot.log" | head -5)
		if [ "$variant" = defconfig ] && ! grep -aq 'rust_minimal: Rust minimal sample (init)' "$O/boot.log"; then
			bad="${bad}the Rust sample did not print"
		fi
		if [ -n "$line" ] && grep -q 'fail:0' <<<"$line" && [ -z "$bad" ]; then
			ok "$name: boots; the kernel crate's doctests: $line; $suites KUnit suites, none failing"
			echo "$name: built in $secs s, booted, $line" >>"$WORK/summary.txt"
		else
			not_ok "$name: doctests: ${line:-no result line}"
			grep -a -E 'not ok|# .*fail:[1-9]' "$O/boot.log" | head -20 | sed 's/^/    /'
			tail -5 "$O/boot.log" | sed 's/^/    /'
			echo "$name: built in $secs s, doctests ${line:-no result}" >>"$WORK/summary.txt"
			return 1
		fi
		return 0
	fi
	if grep -aq 'rust_minimal: Rust minimal sample (init)' "$O/boot.log"; then
		ok "$name: boots and prints 'rust_minimal: Rust minimal sample (init)'"
		echo "$name: built in $secs s, booted" >>"$WORK/summary.txt"
	else
		not_ok "$name: the Rust sample did not print"
		tail -15 "$O/boot.log" | sed 's/^/    /'
		echo "$name: built in $secs s, boot FAILED" >>"$WORK/summary.txt"
		return 1
	fi
}

for b in $builds; do
	case $b in
	*-arm64-gcc | *-arm64-*-gcc | *-arm-gcc | *-arm-*-gcc | *-s390-gcc | *-s390-*-gcc)
		arch_info "$(echo "$b" | cut -d- -f2)"
		if ! xbin=$("$repo/scripts/cross-gcc.sh" "${CROSS%-}" "$WORK/cross"); then
			not_ok "$b: no cross gcc (scripts/cross-gcc.sh ${CROSS%-})"
			continue
		fi
		PATH=$xbin:$PATH LD_LIBRARY_PATH=$xbin/../lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH} build "$b"
		continue
		;;
	esac
	# GCC x86_64: libclang's layout of every record checked by gcc as it
	# goes (through the environment, so Kbuild's command line is unchanged)
	case $b in
	*-x86_64-gcc) H2RS_CHECK_LAYOUT_WITH=gcc build "$b" ;;
	*) build "$b" ;;
	esac
	if [ "$b" = 6.12-x86_64-gcc ] && [ -f "$WORK/$b/rust/bindings/bindings_generated.rs" ]; then
		if out=$(bash "$here/wrappers.sh" "$WORK/$b" "$H2RS"); then ok "${out#ok - }"; else not_ok "${out#not ok - }"; fi
	fi
done
finish
