#!/usr/bin/env bash
# rust/h2rs-build, bindgen's Builder for build scripts, with cargo offline
# (CARGO_HOME and the target directory under tests/out): its unit tests;
# examples/sys-crate, a -sys crate whose build.rs (bindgen's usual one with
# `use h2rs_build as bindgen;`) compiles a C library with the system cc and
# generates its bindings, built and tested (the tests call into C);
# cargo:rerun-if-changed from h2rs's depfile (touching an included header
# reruns build.rs, a second build does not); examples/sys-crate-wrap, whose
# wrap_static_fns(true) wrappers are linked and called; a missing h2rs is an
# error naming H2RS and PATH; cross compiling (TARGET != HOST) reaches clang
# as --target (i686 layouts equal gcc -m32's) with
# BINDGEN_EXTRA_CLANG_ARGS_<target> split like a shell.
. "$(dirname "$0")/lib.sh"
d="$OUT/t98"
rm -rf "$d"
mkdir -p "$d"
root=$(cd "$(dirname "$0")/.." && pwd)
CARGO=$(command -v cargo || echo "$HOME/.cargo/bin/cargo")
if ! "$CARGO" --version >/dev/null 2>&1; then
	not_ok "cargo is installed (scripts/deps.sh installs cargo-web)"
	exit 0
fi
export CARGO_HOME="$d/cargo-home" CARGO_TARGET_DIR="$d/target"
export CARGO_TERM_COLOR=never H2RS
unset CARGO_BUILD_TARGET
# Sources are copied, so Cargo.lock and nothing else lands in the tree.
cp -r "$root/rust" "$root/examples" "$d/"
cargo_in() { (cd "$d/$1" && shift && "$CARGO" "$@" --offline); }

check "h2rs-build's unit tests pass (cargo test --offline)" cargo_in rust/h2rs-build test
check "h2rs-build's documentation builds without a warning (cargo doc, -D warnings)" \
	env RUSTDOCFLAGS="-D warnings" RUSTFLAGS="-D warnings" "$CARGO" doc --offline -q --manifest-path "$d/rust/h2rs-build/Cargo.toml"
check "the -sys crate builds (cargo build --offline)" cargo_in examples/sys-crate build
check "the -sys crate's tests call into the C library (cargo test --offline)" cargo_in examples/sys-crate test

out=$(ls "$CARGO_TARGET_DIR"/debug/build/greet-sys-*/output 2>/dev/null | head -n1)
test_expect "CargoCallbacks: rerun-if-changed for the header and every file it includes, rerun-if-env-changed" '
	[ -n "$out" ] && test_grep -qx "cargo:rerun-if-changed=csrc/greet.h" "$out" &&
	test_grep "^cargo:rerun-if-changed=.*csrc/greet_types.h\$" "$out" &&
	test_grep "^cargo:rerun-if-changed=.*/stddef.h\$" "$out" &&
	test_grep -qx "cargo:rerun-if-env-changed=BINDGEN_EXTRA_CLANG_ARGS" "$out"'

reruns() { cargo_in examples/sys-crate build -v 2>&1 | grep -c 'Running `.*build-script-build`'; }
n1=$(reruns)
touch "$d/examples/sys-crate/csrc/greet_types.h"
n2=$(reruns)
test_expect "build.rs reruns after an included header changes, not otherwise" '
	[ "$n1" = 0 ] && [ "$n2" = 1 ] || { echo "runs: $n1 unchanged, $n2 touched"; false; }'

check "wrap_static_fns(true): the wrappers are linked and the static inline function is called (cargo test --offline)" \
	cargo_in examples/sys-crate-wrap test

# No h2rs: the build script's panic names both ways of finding it.
nopath=/usr/bin:/bin
if PATH=$nopath command -v h2rs >/dev/null; then
	ok "# skip: an h2rs is installed in $nopath"
else
	test_expect "without H2RS and h2rs on PATH the build fails, naming both" '
		! (cd "$d/examples/sys-crate" && touch build.rs &&
			env -u H2RS PATH=$nopath CARGO_TARGET_DIR="$d/target-nopath" "$CARGO" build --offline) >"$d/nopath.log" 2>&1 &&
		test_grep "cannot find the h2rs program: H2RS is not set and there is no h2rs on PATH" "$d/nopath.log"'
fi

# Cross compiling: a build script's environment for an i686 target on this
# host, given to a program linked with h2rs-build by rustc.
cat >"$d/cross.rs" <<'R'
use h2rs_build as bindgen;
fn main() {
    let b = bindgen::Builder::default()
        .header_contents("probe.h", "#include <greet_types.h>\nenum { from_env = FROM_ENV };\n")
        .allowlist_type("greet_point")
        .allowlist_var("from_env")
        .generate()
        .expect("generate");
    print!("{}", b.to_string());
}
R
cross() {
	"$RUSTC" --edition 2021 --crate-type rlib --crate-name h2rs_build -o "$d/libh2rs_build.rlib" \
		"$root/rust/h2rs-build/src/lib.rs" &&
	"$RUSTC" --edition 2021 -o "$d/cross" "$d/cross.rs" --extern h2rs_build="$d/libh2rs_build.rlib" &&
	TARGET=i686-unknown-linux-gnu HOST=x86_64-unknown-linux-gnu OUT_DIR="$d" \
		BINDGEN_EXTRA_CLANG_ARGS="-DFROM_ENV=1" \
		BINDGEN_EXTRA_CLANG_ARGS_i686_unknown_linux_gnu="-I'$root/examples/sys-crate/csrc' -DFROM_ENV='7 + 1'" \
		"$d/cross" >"$d/cross-i686.rs" &&
	printf '#include "greet_types.h"\n#include <stdio.h>\nint main(void) { printf("%%zu\\n", sizeof(struct greet_point)); return 0; }\n' >"$d/size.c" &&
	gcc -m32 -I"$root/examples/sys-crate/csrc" -o "$d/size32" "$d/size.c" &&
	want=$("$d/size32" 2>/dev/null || qemu-i386 "$d/size32") &&
	got=$(sed -n 's/.*size_of::<greet_point>() - \([0-9]*\)usize.*/\1/p' "$d/cross-i686.rs") &&
	echo "gcc -m32: $want, bindings: $got" &&
	[ -n "$want" ] && [ "$want" = "$got" ] &&
	test_grep -q 'pub const from_env: .* = 8;' "$d/cross-i686.rs"
}
check "TARGET i686 on an x86_64 HOST: clang gets --target (greet_point's size is gcc -m32's); BINDGEN_EXTRA_CLANG_ARGS_<target> wins and is split like a shell" cross
