#!/usr/bin/env bash
# --const-list (issue 13): typed constants in place of the kernel's
# RUST_CONST_HELPER_* variables, their sed and their --blocklist-item
# lines. A line 'TYPE NAME;' makes the macro NAME a Rust constant of C type
# TYPE, valued as C converts it; 'TYPE NAME = EXPR;' takes EXPR's value;
# #if sections as in --wrap-list. The listed constant replaces the macro's
# own. Values are checked against gcc's, types by rustc.
. "$(dirname "$0")/lib.sh"
d="$OUT/constlist"
rm -rf "$d"; mkdir -p "$d"
cat >"$d/k.h" <<'H'
typedef unsigned long vm_flags_t;
typedef unsigned int gfp_t;
typedef unsigned long size_t;
#define BIT(n) (1UL << (n))
#define VM_READ BIT(0)
#define VM_WRITE BIT(1)
#define VM_HIGH BIT(63)
#define ___GFP_HIGHMEM BIT(1)
#define __GFP_HIGHMEM ((gfp_t)___GFP_HIGHMEM)
#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define ARCH_MINALIGN __alignof__(unsigned long long)
#define NEG (-3)
#define WIDE 0x1ffffffffULL
H
cat >"$d/c.list" <<'L'
# typed as the kernel's RUST_CONST_HELPER_ variables are
vm_flags_t VM_READ;
vm_flags_t VM_HIGH;
gfp_t __GFP_HIGHMEM;
size_t PAGE_SIZE;
size_t ARCH_MINALIGN;
# a value of its own
vm_flags_t VM_OTHER = VM_WRITE | VM_READ;
# C's conversions: -3 as unsigned, a 33-bit value cut to 32 bits
unsigned int NEG;
gfp_t WIDE;
#ifdef CONFIG_NONE
int NEVER = 1;
#endif
L
"$H2RS" "$d/k.h" --const-list "$d/c.list" -o "$d/b.rs" --verbose 2>"$d/err"
check "--const-list: h2rs writes the bindings" test -s "$d/b.rs"
# gcc prints, for each line, (TYPE)(EXPR) as Rust asserts on the constant
{
	echo '#include <stdio.h>'; echo '#include "k.h"'; echo 'int main(void) {'
	awk '/^#ifdef CONFIG_NONE/ { off = 1 } /^#endif/ { off = 0 } !/^#/ && NF && !off {
		sub(/;$/, ""); expr = ""
		if ((i = index($0, " = "))) { expr = substr($0, i + 3); $0 = substr($0, 1, i - 1) }
		name = $NF; ty = $0; sub(/ *[A-Za-z0-9_]+$/, "", ty)
		if (expr == "") expr = name
		printf "\tprintf(\"    assert_eq!(b::%s as u64, %%lluu64);\\n\", (unsigned long long)(%s)(%s));\n", name, ty, expr
	}' "$d/c.list"
	echo '	return 0; }'
} >"$d/vals.c"
gcc -I"$d" -o "$d/vals" "$d/vals.c" && "$d/vals" >"$d/gcc.txt"
{
	echo 'fn main() {'
	cat "$d/gcc.txt"
	# the types, as the kernel's Rust code uses them
	cat <<'R'
    let _: b::vm_flags_t = b::VM_READ;
    let _: b::gfp_t = b::__GFP_HIGHMEM;
    let _: usize = b::PAGE_SIZE;
    let _: usize = b::ARCH_MINALIGN;
    let _: u32 = b::NEG;
    let _: b::gfp_t = b::WIDE;
}
R
} >"$d/main.rs"
check "--const-list: gcc gives a value for each of the 8 listed constants" test "$(grep -c assert_eq "$d/gcc.txt")" = 8
rust_prog "--const-list: each constant has its listed type (vm_flags_t, gfp_t, size_t as usize, unsigned int) and gcc's value for (TYPE)(EXPR) (C's conversions: -3 as unsigned int, a 33-bit value cut to gfp_t)" \
	"$d/b.rs" "$d/main.rs"
test_expect "--const-list: the listed constant replaces the macro's own (one VM_READ, one PAGE_SIZE), the others stay" '
	[ "$(grep -c "pub const VM_READ:" "$d/b.rs")" = 1 ] && [ "$(grep -c "pub const PAGE_SIZE:" "$d/b.rs")" = 1 ] &&
	grep -q "pub const VM_WRITE:" "$d/b.rs" && grep -q "skipped PAGE_SIZE: replaced by its --const-list constant" "$d/err" &&
	! grep -q NEVER "$d/b.rs" || { cat "$d/err"; false; }'
printf 'int;\n' >"$d/bad.txt"
echo previous >"$d/keep.rs"
"$H2RS" "$d/k.h" --const-list "$d/bad.txt" -o "$d/keep.rs" 2>"$d/bad.err"
rc=$?
test_expect "--const-list: a malformed line is one error at the list's line, the old output kept" '
	[ $rc = 1 ] && [ "$(grep -c "" "$d/bad.err")" = 1 ] &&
	grep -q "^h2rs: error: --const-list: $d/bad.txt:1: .int;.: expected .TYPE NAME;. or" "$d/bad.err" &&
	[ "$(cat "$d/keep.rs")" = previous ] || { cat "$d/bad.err"; false; }'
printf 'struct s { int a; };\n#define S_INIT { 1 }\n' >"$d/s.h"
printf 'int S_INIT;\n' >"$d/s.txt"
"$H2RS" "$d/s.h" --const-list "$d/s.txt" -o "$d/s.rs" 2>"$d/s.err"
test_expect "--const-list: a name that is no constant is an error with its location, not a silent gap" '
	grep -q "error" "$d/s.err" && [ ! -e "$d/s.rs" ] || { cat "$d/s.err"; false; }'
