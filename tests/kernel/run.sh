#!/usr/bin/env bash
# make test-kernel: Linux 6.12 with h2rs as BINDGEN (a link named bindgen),
# built once with GCC (every emitted record also checked against gcc with
# H2RS_CHECK_LAYOUT_WITH=gcc) and once with LLVM=-19 (clang, lld), each
# booted in QEMU; passes only if both print the Rust sample's line. Then the
# rust/helpers wrappers are generated from the GCC tree (wrappers.sh).
# Slow (two kernel builds): not part of `make test`.
set -u
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
H2RS=${H2RS:-$repo/h2rs}
WORK=${KERNEL_WORK:-$repo/tests/out/kernel}
JOBS=${JOBS:-$(nproc)}
passed=0
failed=0
n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; passed=$((passed + 1)); }
not_ok() { n=$((n + 1)); echo "not ok $n - $*"; failed=$((failed + 1)); }
finish() { echo "$passed passed, $failed failed"; [ "$failed" = 0 ]; exit $?; }

pkgs="linux-source-6.12 rustc-web rust-web-src flex bison bc libelf-dev libssl-dev cpio
qemu-system-x86 clang-19 lld-19 llvm-19"
missing=$(for p in $pkgs; do dpkg -s "$p" >/dev/null 2>&1 || echo "$p"; done)
if [ -n "$missing" ]; then
	if [ "$(id -u)" = 0 ]; then
		echo "# installing: $(echo $missing)"
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null ||
			{ not_ok "apt-get install $missing"; finish; }
	else
		not_ok "missing packages (run as root): $missing"; finish
	fi
fi
[ -x "$H2RS" ] || { not_ok "no h2rs at $H2RS (make h2rs)"; finish; }
mkdir -p "$WORK/bin"
ln -sf "$H2RS" "$WORK/bin/bindgen"
BG=$WORK/bin/bindgen
SRC=$WORK/linux-source-6.12
if [ ! -f "$SRC/Makefile" ]; then
	tar -C "$WORK" -xf /usr/src/linux-source-6.12.tar.xz || { not_ok "unpack linux-source-6.12"; finish; }
fi
RUSTC=/usr/bin/rustc

build() { # NAME MAKEVARS...
	local name=$1
	shift
	local O=$WORK/$name
	# clean by default: Kbuild re-runs bindgen only when its command line
	# changes, so a rebuilt h2rs would otherwise be tested on stale bindings
	[ -n "${KERNEL_KEEP:-}" ] || rm -rf "$O"
	mkdir -p "$O"
	make -C "$SRC" O="$O" RUSTC=$RUSTC BINDGEN="$BG" "$@" tinyconfig >"$O/config.log" 2>&1
	for opt in 64BIT RUST PRINTK TTY SERIAL_8250 SERIAL_8250_CONSOLE EARLY_PRINTK SAMPLES \
		SAMPLES_RUST SAMPLE_RUST_MINIMAL SAMPLE_RUST_PRINT; do
		"$SRC/scripts/config" --file "$O/.config" -e "$opt"
	done
	make -C "$SRC" O="$O" RUSTC=$RUSTC BINDGEN="$BG" "$@" olddefconfig >>"$O/config.log" 2>&1
	if grep -q '^CONFIG_RUST=y' "$O/.config"; then
		ok "$name: Kconfig keeps CONFIG_RUST=y with BINDGEN=h2rs ($(grep '^CONFIG_BINDGEN_VERSION_TEXT' "$O/.config"))"
	else
		not_ok "$name: CONFIG_RUST dropped"; tail -5 "$O/config.log" | sed 's/^/    /'
		return 1
	fi
	local t0 t1
	t0=$(date +%s)
	if ! make -C "$SRC" O="$O" RUSTC=$RUSTC BINDGEN="$BG" "$@" -j"$JOBS" bzImage >"$O/build.log" 2>&1; then
		not_ok "$name: bzImage build failed"; grep -E 'error|Error' "$O/build.log" | head -20 | sed 's/^/    /'
		return 1
	fi
	t1=$(date +%s)
	ok "$name: bzImage built in $((t1 - t0)) s with h2rs as BINDGEN ($(wc -l <"$O/rust/bindings/bindings_generated.rs") lines of bindings)"
	timeout 60 qemu-system-x86_64 -kernel "$O/arch/x86/boot/bzImage" -nographic -no-reboot -m 256 \
		-append "console=ttyS0 panic=-1" </dev/null >"$O/boot.log" 2>&1
	if grep -aq 'rust_minimal: Rust minimal sample (init)' "$O/boot.log"; then
		ok "$name: boots in QEMU and prints 'rust_minimal: Rust minimal sample (init)'"
	else
		not_ok "$name: the Rust sample did not print"; tail -15 "$O/boot.log" | sed 's/^/    /'
		return 1
	fi
}

# GCC build: libclang's layout of every record checked by gcc as it goes
# (--check-layout-with through the environment, so Kbuild's command line is
# unchanged); skipped with a message if this h2rs lacks the option
if "$H2RS" --help 2>&1 | grep -q -- '--check-layout-with'; then
	H2RS_CHECK_LAYOUT_WITH=gcc build gcc
else
	echo "# skip: $H2RS has no --check-layout-with; GCC build without the layout check"
	build gcc
fi && {
	if out=$(bash "$here/wrappers.sh" "$WORK/gcc" "$H2RS"); then ok "${out#ok - }"; else not_ok "${out#not ok - }"; fi
}
build llvm LLVM=-19
finish
