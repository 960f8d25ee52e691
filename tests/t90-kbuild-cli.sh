#!/usr/bin/env bash
# The command-line contract Kbuild relies on (scripts/rust_is_available.sh and
# rust/Makefile of Linux 6.12), without a kernel tree: the version probe, the
# libclang probe, depfiles, GCC-only options, .c inputs and the sed steps.
. "$(dirname "$0")/lib.sh"
d="$OUT/kbuild"
rm -rf "$d"; mkdir -p "$d"
ln -s "$H2RS" "$d/bindgen"
BG=$d/bindgen

v=$("$BG" --version workaround-for-0.69.0 2>/dev/null | sed -nE '1s:.*bindgen ([0-9]+\.[0-9]+\.[0-9]+).*:\1:p')
test_expect "kbuild: 'bindgen --version workaround-for-0.69.0' parses as 0.72.1 (>= 0.65.1)" '
	[ "$v" = 0.72.1 ] || { echo "version: '\''$v'\''"; false; }'
test_expect "kbuild: h2rs --version names the libclang" '"$H2RS" --version | grep -q "^h2rs .*bindgen 0.72.1 compatible; .*clang version"'

printf '#pragma message("clang version " __clang_version__)\n' >"$d/libclang.h"
lv=$("$BG" "$d/libclang.h" 2>&1 >/dev/null | sed -nE 's:.*clang version ([0-9]+\.[0-9]+\.[0-9]+).*:\1:p')
test_expect "kbuild: the libclang probe prints 'clang version $lv' on stderr and exits 0" '
	[ -n "$lv" ] && "$BG" "$d/libclang.h" >/dev/null'
printf '#define F(x) int x##x\nF(foo);\n' >"$d/concat.h"
test_expect "kbuild: the concat probe's output contains foofoo" '"$BG" "$d/concat.h" | grep -q foofoo'

mkdir -p "$d/inc"
printf 'struct from_inc { int a; };\n' >"$d/inc/dep.h"
printf '#include "dep.h"\n#include <stddef.h>\nconst size_t RUST_CONST_HELPER_SIZE = sizeof(struct from_inc);\n' >"$d/top.h"
"$BG" "$d/top.h" -o "$d/top.rs" -- -Wp,-MMD,"$d/.top.rs.d" -I"$d/inc" \
	-DKBUILD_MODNAME='"x"' -fconserve-stack -mno-fp-ret-in-387 -fzero-call-used-regs=used-gpr \
	-mrecord-mcount -falign-jumps=1 -Wno-maybe-uninitialized -w --target=x86_64-linux-gnu 2>"$d/err"
test_expect "kbuild: -Wp,-MMD,FILE writes a make depfile 'OUT: header deps…'" '
	head -n1 "$d/.top.rs.d" | test_grep "^$d/top.rs:" - &&
	test_grep "$d/top.h" "$d/.top.rs.d" && test_grep "$d/inc/dep.h" "$d/.top.rs.d"'
test_expect "kbuild: GCC-only options (-fconserve-stack, -mno-fp-ret-in-387, …) are dropped quietly" '
	cat "$d/err"; [ -s "$d/top.rs" ] && [ ! -s "$d/err" ]'
"$BG" "$d/top.h" -o "$d/top2.rs" --verbose -- -I"$d/inc" -fconserve-stack 2>"$d/err2"
test_expect "kbuild: --verbose names each dropped option" '
	test_grep "dropped compiler option '\''-fconserve-stack'\''" "$d/err2"'
"$H2RS" "$d/top.h" -o "$d/top3.rs" --depfile "$d/top3.d" -- -I"$d/inc"
test_expect "kbuild: --depfile" 'grep -q "$d/inc/dep.h" "$d/top3.d"'

sed -Ei 's/pub const RUST_CONST_HELPER_([a-zA-Z0-9_]*)/pub const \1/g' "$d/top.rs"
# size_t is usize at each use (bindgen 0.72.1's type_from_named), as the
# kernel's rust code expects of its size_t constant helpers
cat >"$d/size_main.rs" <<'R'
fn main() {
    let size: usize = b::SIZE;
    assert_eq!(size, 4);
}
R
rust_prog "kbuild: const helpers come out on one line, and the kernel's sed renames them (SIZE: usize = 4)" \
	"$d/top.rs" "$d/size_main.rs"

cat >"$d/helpers.c" <<'C'
#include <stddef.h>
struct thing { int v; };
__attribute__((noreturn)) void rust_helper_BUG(void) { __builtin_trap(); }
int rust_helper_get(struct thing *t) { return t->v; }
size_t rust_helper_size(void) { return 3; }
int other(void) { return 0; }
C
"$BG" "$d/helpers.c" --blocklist-type '.*' --allowlist-var '' --allowlist-function 'rust_helper_.*' \
	--rust-target 1.68 --use-core --with-derive-default --ctypes-prefix ffi --no-layout-tests \
	--no-debug '.*' --enable-function-attribute-detection -o "$d/helpers.rs" 2>"$d/herr"
sed -Ei 's/pub fn rust_helper_([a-zA-Z0-9_]*)/#[link_name="rust_helper_\1"]\n    pub fn \1/g' "$d/helpers.rs"
test_expect "kbuild: the helpers run (.c input, blocklist '.*', empty allowlist-var) emits only the 3 rust_helper_ prototypes, BUG as -> !" '
	cat "$d/herr"
	test_count 3 "#\[link_name=\"rust_helper_" "$d/helpers.rs" && test_grep ! "pub struct\|pub type\|fn other" "$d/helpers.rs" &&
	test_grep "pub fn BUG() -> !;" "$d/helpers.rs"'

# Kbuild's LLVM flags with CONFIG_WERROR: h2rs skips function bodies, so it
# must not report a static function used only by an inline body as unused
printf 'static int helper(int x) { return x + 1; }\nstatic inline int user(int x) { return helper(x); }\nstatic const int table[2] = { 1, 2 };\nstatic inline int pick(int i) { return table[i]; }\n' >"$d/werror.h"
check "kbuild: -Wall -Werror does not fail on helpers used only by skipped inline bodies" \
	"$BG" "$d/werror.h" -o "$d/werror.rs" -- -Wall -Wunused-function -Wunused-const-variable -Werror
