#!/usr/bin/env bash
# A Meson project (tests/meson/) built with h2rs on PATH as bindgen:
# rust.bindgen() with output_inline_wrapper, whose command line is
# "bindgen IN --output OUT --experimental --wrap-static-fns
# --wrap-static-fns-path FILE --rust-target X -- ... -MD -MQ IN -MF DEP"
# (Meson older than 1.4 gets that line from a custom_target), the wrapper C
# file compiled into a C library, and a Rust program and its rust.test()
# calling the wrapped static inline function. Also Meson's --rust-target
# probe: "bindgen --rust-target X" without a header.
. "$(dirname "$0")/lib.sh"
if ! command -v meson >/dev/null 2>&1 || ! command -v ninja >/dev/null 2>&1; then
	echo "# t92-meson: SKIPPED: meson or ninja is not installed (Debian: apt-get install meson ninja-build; scripts/deps.sh does it)"
	exit 0
fi
d="$OUT/meson"
rm -rf "$d"; mkdir -p "$d/bin"
ln -s "$H2RS_FAST" "$d/bin/bindgen"
src=$(cd "$(dirname "$0")/meson" && pwd)
export PATH="$d/bin:$PATH"

# Meson's probe (modules/rust.py): a target whose error says "is not a valid
# Rust target" is dropped; rustc's own version must not be refused
bindgen --rust-target 9.bogus >/dev/null 2>"$d/probe-bad.err"
rc=$?
test_expect "meson: 'bindgen --rust-target 9.bogus' fails with bindgen's 'is not a valid Rust target'" '
	[ "$rc" != 0 ] && test_grep "is not a valid Rust target" "$d/probe-bad.err"'
rv=$("$RUSTC" --version | awk '{print $2}')
bindgen --rust-target "$rv" >/dev/null 2>"$d/probe-good.err"
test_expect "meson: the probe keeps rustc's version $rv as the target" '
	test_grep ! "is not a valid Rust target" "$d/probe-good.err"'

if ! meson setup "$d/build" "$src" >"$d/setup.log" 2>&1; then
	not_ok "meson: meson setup failed"; indent 40 <"$d/setup.log"; exit 0
fi
if ninja -C "$d/build" >"$d/ninja.log" 2>&1; then
	ok "meson: the project builds with h2rs as bindgen (meson $(meson --version), output_inline_wrapper's command line)"
else
	not_ok "meson: ninja failed"; indent 40 <"$d/ninja.log"; exit 0
fi
test_expect "meson: the static inline function is declared through its wrapper, which the wrapper file defines" '
	test_grep "\"pair_sum__extern\"" "$d/build/bindings.rs" && test_grep pair_sum__extern "$d/build/inline_wrap.c"'
test_expect "meson: meson test passes, the Rust test calls the wrapped static inline function" '
	meson test -C "$d/build" >"$d/test.log" 2>&1 && test_grep "rust_test *OK" "$d/test.log" ||
		{ cat "$d/test.log" "$d/build/meson-logs/testlog.txt"; false; }'
# a second ninja run has nothing to do: the depfile (-MD -MQ -MF) is right
test_expect "meson: a rebuild has no work to do (the depfile names the header)" '
	ninja -C "$d/build" 2>&1 | test_grep "no work to do" -'
touch "$src/lib.h"
test_expect "meson: touching the header regenerates the bindings" '
	ninja -C "$d/build" 2>&1 | test_grep "Generating rustmod-bindgen" -'
