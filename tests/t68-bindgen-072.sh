#!/usr/bin/env bash
# bindgen 0.72.1's rules that Linux 7.2's bindings depend on, proved with
# rustc and gcc: blocklisted types implement no trait (iovec, iov_iter's
# union as __BindgenUnionField, used as rust/kernel/iov.rs does), the
# --rust-target gates (unsafe extern blocks, c"" literals, core::ffi, large
# array derives), --no-debug on newtype enums, size_t and the <stdint.h>
# names as Rust primitives, and -fms-extensions' tagged anonymous members.
. "$(dirname "$0")/lib.sh"
d="$OUT/t68"
rm -rf "$d"
mkdir -p "$d"
H="$FIX/kernel72.h"
kflags=(--rust-target 1.85 --use-core --with-derive-default --ctypes-prefix ffi --no-layout-tests
	--blocklist-type '__kernel_s?size_t' --newtype-enum lru_status)
# what the kernel's crate gives the bindings: ffi types and the blocklisted typedef
pre='--raw-line=use core::ffi;'
raw='--raw-line=pub type __kernel_size_t = usize;'

cat >"$d/k.c" <<'C'
#include "kernel72.h"
size_t iov_total(uint64_t n) { return (size_t)n * 2; }
void iov_iter_init(struct iov_iter *i, size_t count)
{ i->iter_type = 5; i->iov_offset = 7; i->count = count; i->__iov = 0; i->nr_segs = 3; }
C
gcc -c -I"$FIX" "$d/k.c" -o "$d/k.o" && ar rcs "$d/libk.a" "$d/k.o"

# 1. blocklisted types: no derive, no Copy; the union holding one is bindgen's wrapper
"$H2RS" "$H" "${kflags[@]}" --no-debug '.*' "$pre" "$raw" -o "$d/k.rs" 2>"$d/k.err" ||
	{ not_ok "h2rs failed on kernel72.h"; indent <"$d/k.err"; }
cat >"$d/use.rs" <<'R'
fn copy<T: Copy>() {}
fn main() {
    // a pointer to a blocklisted type is Copy; <stdint.h> names derive everything
    copy::<b::iov_by_ptr>();
    copy::<b::stdint_user>();
    let _ = b::stdint_user::default();
    // with --with-derive-default, a zeroing impl Default where nothing derives it
    let v = b::iovec::default();
    assert_eq!(v.iov_len, 0);
    let mut it = b::iov_iter::default();
    unsafe { b::iov_iter_init(&mut it, 4096) };
    // rust/kernel/iov.rs: IovIterSource::len
    let n = unsafe { it.__bindgen_anon_1.__bindgen_anon_1.as_ref().count };
    assert_eq!(n, 4096);
    unsafe { it.__bindgen_anon_1.__ubuf_iovec.as_mut().iov_base = 9 as *mut _ };
    assert_eq!(unsafe { it.__bindgen_anon_1.__bindgen_anon_1.as_ref().__bindgen_anon_1.__iov } as usize, 9);
    assert_eq!(it.iter_type, 5);
    assert_eq!(it.iov_offset, 7);
    assert_eq!(unsafe { it.__bindgen_anon_2.nr_segs }, 3);
    // size_t, ssize_t, ptrdiff_t, intptr_t, uintptr_t, uint32_t: Rust primitives at each use
    let s = b::stdint_user { a: 1u32, n: 2usize, s: -3isize, d: -4isize, i: 5isize, u: 6usize };
    assert_eq!(s.n + s.u, 8usize);
    let f: unsafe extern "C" fn(u64) -> usize = b::iov_total;
    assert_eq!(unsafe { f(21) }, 42usize);
    // a c"" literal (Rust 1.77+, edition 2021+)
    let _ = b::lru_status::LRU_ROTATE;
}
R
rust_prog "blocklisted __kernel_size_t: iovec and iov_iter get impl Default, the union is __BindgenUnionField (.as_ref().count as iov.rs), size_t is usize; called against gcc" \
	"$d/k.rs" "$d/use.rs" -L "$d" -lk
for t in iovec iov_by_arr iov_iter iov_iter__bindgen_ty_1; do
	printf 'fn copy<T: Copy>() {}\nfn main() { copy::<b::%s>(); }\n' "$t" >"$d/nc_$t.rs"
	rust_fails "$t holds a blocklisted type by value: not Copy (bindgen's blocklisted_type_implements_trait)" \
		"$d/k.rs" "$d/nc_$t.rs" 'Copy'
done
printf 'fn main() { let _ = b::size_t::default(); }\n' >"$d/nosz.rs"
rust_fails "no size_t alias is emitted with size_t-is-usize (bindgen's type_from_named)" "$d/k.rs" "$d/nosz.rs" 'size_t'
"$H2RS" "$H" "${kflags[@]}" --no-debug '.*' "$pre" "$raw" --blocklist-type 'uint32_t' -o "$d/k32.rs" 2>/dev/null
printf 'fn copy<T: Copy>() {}\nfn main() { copy::<b::stdint_user>(); }\n' >"$d/c32.rs"
rust_prog "a blocklisted uint32_t is still assumed Copy (is_stdint_type)" "$d/k32.rs" "$d/c32.rs"
"$H2RS" "$H" "${kflags[@]}" --no-debug '.*' "$pre" "$raw" --blocklist-type 'uint32_t' \
	--with-derive-custom 'zzz=PartialEq' -o "$d/k32c.rs" 2>/dev/null
rust_fails "with a parse callback (--with-derive-custom) even uint32_t blocklisted is not Copy" "$d/k32c.rs" "$d/c32.rs" 'Copy'
"$H2RS" "$H" "${kflags[@]}" "$pre" "$raw" -o "$d/kd.rs" 2>/dev/null
printf 'fn main() { let v = b::iovec::default(); println!("{:?}", v); }\n' >"$d/dbg.rs"
rust_fails "iovec with a blocklisted field derives no Debug" "$d/kd.rs" "$d/dbg.rs" 'Debug'

# 3. --no-debug applies to the newtype enum; without it, Debug is derived
printf 'fn main() { println!("{:?}", b::lru_status::LRU_ROTATE); }\n' >"$d/edbg.rs"
rust_fails "--no-debug '.*': the newtype enum derives no Debug" "$d/k.rs" "$d/edbg.rs" 'Debug'
rust_prog "without --no-debug the newtype enum derives Debug" "$d/kd.rs" "$d/edbg.rs"
"$H2RS" "$H" "${kflags[@]}" "$pre" "$raw" --no-copy lru_status -o "$d/knc.rs" 2>/dev/null
printf 'fn main() { let a = b::lru_status::LRU_ROTATE; let c = a.clone(); assert!(a == c); }\n' >"$d/eclone.rs"
rust_prog "--no-copy on a newtype enum keeps Clone, Hash, PartialEq, Eq (always derived)" "$d/knc.rs" "$d/eclone.rs"

# 2. --rust-target
edition_lib() { # FILE EDITION: compile as a #![no_std]-free library in that edition
	printf '%s\nmod b {\n    include!("%s");\n}\n' "$ALLOWS" "$1" >"$d/lib$2.rs"
	"$RUSTC" --edition "$2" --crate-type lib --emit=metadata -D warnings "$d/lib$2.rs" -o "$d/lib$2.rmeta"
}
"$H2RS" "$H" -o "$d/def.rs" 2>/dev/null
check "default target (bindgen's 1.82): unsafe extern blocks compile in edition 2024" edition_lib "$d/def.rs" 2024
"$H2RS" "$H" --rust-target 1.81 -o "$d/t81.rs" 2>/dev/null
check "--rust-target 1.81: plain extern blocks compile in edition 2021" edition_lib "$d/t81.rs" 2021
# the blocks are plain, not unsafe: edition 2024 says so
test_expect "edition 2024 rejects 1.81's plain extern blocks (why 1.82 gates them)" '
	! edition_lib "$d/t81.rs" 2024 >"$d/e24.err" 2>&1 && test_grep "extern blocks must be unsafe" "$d/e24.err"'
test_expect "--rust-edition 2024 needs --rust-target 1.85: an error" '
	! "$H2RS" "$H" --rust-target 1.80 --rust-edition 2024 -o "$d/bad.rs" 2>"$d/bad.err"'
printf 'fn main() { assert_eq!(b::GREETING.to_bytes(), b"hi\\n"); }\n' >"$d/cstr.rs"
for t in 1.85 1.70; do
	"$H2RS" "$H" --generate-cstr --rust-target $t --no-layout-tests -o "$d/c$t.rs" 2>/dev/null
	rust_prog "--generate-cstr --rust-target $t: &CStr with gcc's bytes" "$d/c$t.rs" "$d/cstr.rs"
done
test_expect "c\"\" literals from 1.77 (literal_cstr), from_bytes_with_nul_unchecked before" '
	test_grep -F "= c\"hi\\n\";" "$d/c1.85.rs" && test_grep ! "c\"" "$d/c1.70.rs"'
printf 'struct big { int a[40]; };\n' >"$d/big.h"
printf 'fn main() { let a = b::big { a: [1; 40] }; assert!(a == a.clone()); }\n' >"$d/big.rs"
"$H2RS" "$d/big.h" --with-derive-partialeq -o "$d/big_new.rs" 2>/dev/null
"$H2RS" "$d/big.h" --with-derive-partialeq --rust-target 1.46 --no-layout-tests -o "$d/big_old.rs" 2>/dev/null
rust_prog "arrays longer than 32 derive PartialEq from Rust 1.47 (larger_arrays)" "$d/big_new.rs" "$d/big.rs"
rust_fails "before 1.47 they do not" "$d/big_old.rs" "$d/big.rs" 'PartialEq|binary operation'
"$H2RS" "$d/big.h" --use-core --rust-target 1.63 --no-layout-tests -o "$d/core63.rs" 2>/dev/null
test_expect "--use-core before 1.64 writes ::std::os::raw (core_ffi_c)" 'test_grep std::os::raw::c_int "$d/core63.rs"'

# 4. --no-size_t-is-usize keeps the alias; intptr_t and ptrdiff_t stay isize
"$H2RS" "$H" --no-size_t-is-usize --no-layout-tests -o "$d/nsz.rs" 2>/dev/null
printf 'fn main() { let s: b::size_t = 1; let u = b::stdint_user { a: 0, n: s, s: 0, d: -1isize, i: -2isize, u: 3usize }; assert_eq!(u.n, 1); }\n' >"$d/nsz_use.rs"
rust_prog "--no-size_t-is-usize: size_t is an alias, intptr_t/ptrdiff_t/uintptr_t still isize/usize" "$d/nsz.rs" "$d/nsz_use.rs"

# 5. -fms-extensions: struct ns_tree; inside a record is a reachable member, layout exact
layout_check "ms_anon.h with -fms-extensions (tagged anonymous members)" "$FIX/ms_anon.h" -- -fms-extensions
cat >"$d/ns.c" <<'C'
#include "ms_anon.h"
void ns_fill(struct ns_common *ns, struct ns_direct *d)
{ ns->ids[2] = 42; ns->refs = 7; d->refs = 9; d->y = -1; d->ids[0] = 3; }
C
gcc -fms-extensions -c -I"$FIX" "$d/ns.c" -o "$d/ns.o" && ar rcs "$d/libns.a" "$d/ns.o"
"$H2RS" "$FIX/ms_anon.h" -o "$d/ns.rs" -- -fms-extensions 2>/dev/null
cat >"$d/ns_use.rs" <<'R'
fn main() {
    let mut ns: b::ns_common = unsafe { core::mem::zeroed() };
    let mut d: b::ns_direct = unsafe { core::mem::zeroed() };
    unsafe { b::ns_fill(&mut ns, &mut d) };
    assert_eq!(unsafe { ns.__bindgen_anon_1.__bindgen_anon_1.ids[2] }, 42);
    assert_eq!(unsafe { ns.__bindgen_anon_1.__bindgen_anon_1.refs }, 7);
    assert_eq!((d.__bindgen_anon_1.refs, d.__bindgen_anon_1.ids[0], d.y), (9, 3, -1));
    let n = b::not_member { p: core::ptr::null_mut() };
    assert!(n.p.is_null());
}
R
rust_prog "-fms-extensions: ns_tree's fields reached through __bindgen_anon_N, written by gcc" "$d/ns.rs" "$d/ns_use.rs" -L "$d" -lns

# Item order inside a record (bindgen's CompInfo codegen): the record's
# definition, then each type declared inside it with its own layout test
# and impls (recursively), then the record's layout test, then its impls.
cat >"$d/nest.h" <<'H'
struct outer {
	struct inner { struct deep { int z; } d; int x; } in;
	union { int u; float f; };
	enum mode { MODE_A, MODE_B } m;
	unsigned flag : 1;
	int y;
};
struct after { int a; };
H
"$H2RS" "$d/nest.h" -o "$d/nest.rs" 2>/dev/null
grep -E '^pub (struct|union) [a-z]|^pub type outer_mode|"Size of [a-z_0-9]*"|^impl outer \{' "$d/nest.rs" |
	sed -E 's/.*"Size of ([a-z_0-9]+)".*/test \1/; s/^pub (struct|union) ([a-z_0-9]+).*/def \2/; s/^pub type ([a-z_]+).*/def \1/; s/^impl ([a-z]+).*/impl \1/' \
	>"$d/nest.order"
printf '%s\n' "def outer" "def outer_inner" "def outer_inner_deep" "test outer_inner_deep" "test outer_inner" \
	"def outer__bindgen_ty_1" "test outer__bindgen_ty_1" "def outer_mode" "test outer" "impl outer" "def after" "test after" \
	>"$d/nest.want"
check "nested types: written between the record's definition and its layout test and impls, as bindgen does" \
	test_cmp "$d/nest.want" "$d/nest.order"
check "nested types: the bindings compile" rust_lib "$d/nest.rs"
