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
if [ "$rc" != 0 ] && grep -q 'is not a valid Rust target' "$d/probe-bad.err"; then
	ok "meson: 'bindgen --rust-target 9.bogus' fails with bindgen's 'is not a valid Rust target'"
else
	not_ok "meson: 'bindgen --rust-target 9.bogus' exit $rc"; indent <"$d/probe-bad.err"
fi
rv=$("$RUSTC" --version | awk '{print $2}')
bindgen --rust-target "$rv" >/dev/null 2>"$d/probe-good.err"
if grep -q 'is not a valid Rust target' "$d/probe-good.err"; then
	not_ok "meson: the probe refuses rustc's version $rv"; indent <"$d/probe-good.err"
else
	ok "meson: the probe keeps rustc's version $rv as the target"
fi

if ! meson setup "$d/build" "$src" >"$d/setup.log" 2>&1; then
	not_ok "meson: meson setup failed"; indent 40 <"$d/setup.log"; exit 0
fi
if ninja -C "$d/build" >"$d/ninja.log" 2>&1; then
	ok "meson: the project builds with h2rs as bindgen (meson $(meson --version), output_inline_wrapper's command line)"
else
	not_ok "meson: ninja failed"; indent 40 <"$d/ninja.log"; exit 0
fi
grep -q '"pair_sum__extern"' "$d/build/bindings.rs" && grep -q 'pair_sum__extern' "$d/build/inline_wrap.c" &&
	ok "meson: the static inline function is declared through its wrapper, which the wrapper file defines" ||
	not_ok "meson: no wrapper for pair_sum"
if meson test -C "$d/build" >"$d/test.log" 2>&1 && grep -q 'rust_test *OK' "$d/test.log"; then
	ok "meson: meson test passes, the Rust test calls the wrapped static inline function"
else
	not_ok "meson: meson test failed"; indent 40 <"$d/test.log"; indent 40 <"$d/build/meson-logs/testlog.txt"
fi
# a second ninja run has nothing to do: the depfile (-MD -MQ -MF) is right
if ninja -C "$d/build" 2>&1 | grep -q 'no work to do'; then
	ok "meson: a rebuild has no work to do (the depfile names the header)"
else
	not_ok "meson: a rebuild ran again"
fi
touch "$src/lib.h"
if ninja -C "$d/build" 2>&1 | grep -q 'Generating rustmod-bindgen'; then
	ok "meson: touching the header regenerates the bindings"
else
	not_ok "meson: touching the header did not regenerate the bindings"
fi
