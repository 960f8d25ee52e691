#!/usr/bin/env bash
# void *__ptr32 (-fms-extensions) is 4 bytes on x86-64. bindgen 0.72.1's
# to_rust_ty refuses a pointer whose size is not the target's
# (InvalidPointerSize) and to_rust_ty_or_opaque writes the blob of its
# layout: u32 (bindgen-tests' ptr32-has-different-size). The derives stay a
# pointer's (no Default: impl Default). gcc has no __ptr32, so clang
# compiles the C side: the layout probe and a library called from Rust.
. "$(dirname "$0")/lib.sh"
d="$OUT/t29"
rm -rf "$d"
mkdir -p "$d"
H="$FIX/ptr32.h"
CLANG=$(command -v clang-19 || command -v clang || echo /usr/lib/llvm-19/bin/clang)

if ! "$H2RS" "$H" --with-derive-default -o "$d/p.rs" --layout-probe "$d/probe" -- -fms-extensions \
	2>"$d/p.err"; then
	not_ok "h2rs failed on ptr32.h"; indent <"$d/p.err"
fi
cat >"$d/field.rs" <<'R'
fn main() {
    let t: b::TEST_STRUCT = unsafe { std::mem::zeroed() };
    let v: u32 = t.ptr_32bit;
    assert_eq!(v, 0);
}
R
rust_prog "a __ptr32 field is u32, as bindgen writes it" "$d/p.rs" "$d/field.rs"
cat >"$d/param.rs" <<'R'
fn main() {
    let f: unsafe extern "C" fn(u32) -> ::std::os::raw::c_uint = b::ptr32_bits;
    let _ = f;
}
R
rust_prog "a __ptr32 parameter is u32" "$d/p.rs" "$d/param.rs"
# (rustc cannot tell an impl from a derive: the text does)
test_expect "the struct holding one has impl Default (a pointer derives none)" '
	test_grep "^impl Default for TEST_STRUCT" "$d/p.rs"'
check "bindings (with their size and offset assertions) compile with rustc -D warnings" rust_lib "$d/p.rs"
if "$CLANG" -w -fms-extensions "$d/probe.c" -o "$d/probe_c" 2>"$d/clang.err" &&
	"$RUSTC" --edition 2021 -A warnings "$d/probe.rs" -o "$d/probe_rs" 2>"$d/rustc.err"; then
	"$d/probe_c" | sort >"$d/c.txt"
	"$d/probe_rs" | sort >"$d/rs.txt"
	check "layout equal to clang's ($(grep -c '^offset ' "$d/c.txt") fields)" diff "$d/c.txt" "$d/rs.txt"
else
	not_ok "layout probe does not compile"; indent <"$d/clang.err"; indent <"$d/rustc.err"
fi

cat >"$d/p.c" <<'C'
#include "ptr32.h"
unsigned ptr32_bits(void *__ptr32 p) { return (unsigned)(unsigned long)(void *)p; }
void *__ptr32 ptr32_make(unsigned v) { return (void *__ptr32)(unsigned long)v; }
int *__ptr32 ptr32_global = (int *__ptr32)0x1234;
C
"$CLANG" -w -fms-extensions -c -I"$FIX" "$d/p.c" -o "$d/p.o" && ar rcs "$d/libp.a" "$d/p.o"
cat >"$d/use.rs" <<'R'
use b::*;
fn main() {
    unsafe {
        assert_eq!(ptr32_bits(0x4321), 0x4321);
        assert_eq!(ptr32_make(0x777), 0x777);
        let g = ptr32_global;
        assert_eq!(g, 0x1234);
    }
    let t = TEST_STRUCT::default();
    assert_eq!(t.ptr_32bit, 0);
    assert_eq!(std::mem::size_of::<two>(), 24);
}
R
rust_prog "__ptr32 values pass to and from clang's code as u32" "$d/p.rs" "$d/use.rs" -L "$d" -lp
