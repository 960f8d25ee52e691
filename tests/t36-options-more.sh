#!/usr/bin/env bash
# More of bindgen's options, each with bindgen's meaning: the lines each one
# changes are the lines bindgen 0.60.1 changes for the same header (copied
# from its output), the bindings compile with rustc -D warnings, and where a
# function's signature changes, Rust calls the gcc-compiled C through it.
. "$(dirname "$0")/lib.sh"
d="$OUT/options-more"
rm -rf "$d"; mkdir -p "$d"
H=$FIX/options_more.h
gen() { local out=$1; shift; "$H2RS" "$H" -o "$d/$out.rs" --no-layout-tests --macro-constants bindgen "$@" 2>"$d/$out.err" || { echo "h2rs failed:"; indent <"$d/$out.err"; }; }
# lines NAME FILE LINE...: every LINE (fixed string) is in the output, and
# the output compiles
lines() {
	local name=$1 f=$2 bad=""
	shift 2
	for l in "$@"; do grep -qxF -- "$l" "$d/$f.rs" || bad="$bad
missing: $l"; done
	if [ -n "$bad" ]; then not_ok "$name$bad"; return; fi
	if ! rust_lib "$d/$f.rs" >"$d/$f.rustc" 2>&1; then not_ok "$name: does not compile"; indent <"$d/$f.rustc"; return; fi
	ok "$name"
}
gcc -c "$FIX/options_more.c" -I"$FIX" -o "$d/om.o" && ar rcs "$d/libom.a" "$d/om.o"

gen base
gen anon --anon-fields-prefix anon_
lines "options: --anon-fields-prefix anon_ names anonymous members anon_1, anon_2" anon \
	"    pub anon_1: outer__bindgen_ty_1," "    pub anon_2: outer__bindgen_ty_2,"
gen nested --disable-nested-struct-naming
lines "options: --disable-nested-struct-naming keeps a nested struct's own name" nested \
	"    pub in_: inner," "pub struct inner {"
cat >"$d/nested_main.rs" <<'R'
fn main() {
    let unnamed: Option<b::outer__bindgen_ty_2> = None;
    let named: Option<b::inner> = None;
    assert!(unnamed.is_none() && named.is_none());
}
R
rust_prog "options: --disable-nested-struct-naming still names unnamed nested types after the parent" \
	"$d/nested.rs" "$d/nested_main.rs"
gen floats --no-convert-floats
lines "options: --no-convert-floats spells float and double c_float and c_double" floats \
	"    pub f: ::std::os::raw::c_float," "    pub d: ::std::os::raw::c_double," \
	"    pub fn scale(" "        x: ::std::os::raw::c_float," "        y: ::std::os::raw::c_double," \
	"    ) -> ::std::os::raw::c_float;"
cat >"$d/floats_main.rs" <<'R'
fn main() {
    let r = unsafe { b::scale(1.5 as std::os::raw::c_float, 4.0 as std::os::raw::c_double) };
    assert_eq!(r, 6.0);
}
R
rust_prog "options: --no-convert-floats: Rust calls scale(float, double) through c_float/c_double" "$d/floats.rs" "$d/floats_main.rs" -L "$d" -l static=om
gen fit --fit-macro-constant-types
lines "options: --fit-macro-constant-types gives each constant the smallest type" fit \
	"pub const SMALL: u8 = 5;" "pub const NEG: i8 = -3;" "pub const MID: u16 = 65535;" \
	"pub const BIG: u32 = 70000;" "pub const HUGE: u64 = 4294967296;" "pub const MINUS_BIG: i32 = -40000;"
gen enums --translate-enum-integer-types
lines "options: --translate-enum-integer-types gives consts-style enums Rust integer types" enums \
	"pub type color = u32;" "pub type neg = i32;"
gen arrays --use-array-pointers-in-arguments
lines "options: --use-array-pointers-in-arguments passes arrays as pointers to arrays" arrays \
	"    pub fn sum4(a: *mut [::std::os::raw::c_int; 4usize]) -> ::std::os::raw::c_int;" \
	"        m: *const [[::std::os::raw::c_int; 3usize]; 2usize]," \
	"    pub fn count_chars(name: *const [::std::os::raw::c_char; 16usize]) -> ::std::os::raw::c_int;"
cat >"$d/arrays_main.rs" <<'R'
fn main() {
    let mut a = [1, 2, 3, 4];
    assert_eq!(unsafe { b::sum4(&mut a) }, 10);
    let m = [[1, 2, 3], [4, 5, 6]];
    assert_eq!(unsafe { b::grid_at(&m, 1, 2) }, 6);
    let mut name = [0 as std::os::raw::c_char; 16];
    name[0] = b'h' as std::os::raw::c_char;
    name[1] = b'i' as std::os::raw::c_char;
    assert_eq!(unsafe { b::count_chars(&name) }, 2);
}
R
rust_prog "options: --use-array-pointers-in-arguments: Rust passes &mut [T; N] and &[[T; 3]; 2] to C" "$d/arrays.rs" "$d/arrays_main.rs" -L "$d" -l static=om
# without the options, the base output has none of these shapes
test_expect "options: the default output has bindgen's default shapes (none of the above)" '
	test_grep ! -E "pub anon_1:|c_float|: u8 = 5|= u32;\$|\*mut \[" "$d/base.rs"'
gen padding --explicit-padding
pad_lines=$(diff "$d/base.rs" "$d/padding.rs" | grep '^>' | sed 's/^> //')
# bindgen 0.60.1's added lines for the same header, in order
want='    pub __bindgen_padding_0: [u8; 4usize],
    pub __bindgen_padding_0: [u8; 3usize],
    pub __bindgen_padding_1: [u8; 3usize],
    pub __bindgen_padding_0: [u8; 3usize],
    pub __bindgen_padding_1: [u8; 2usize],
    pub __bindgen_padding_0: [u8; 6usize],
    pub __bindgen_padding_0: [u8; 4usize],
    pub __bindgen_padding_0: [u8; 4usize],'
test_expect "options: --explicit-padding adds exactly bindgen's padding fields (gaps and tails of structs, none in unions)" '
	test_cmp <(echo "$want") <(echo "$pad_lines")'
layout_check "options: --explicit-padding keeps every layout (fixture)" "$H" --explicit-padding
for h in stdio.h stdlib.h string.h unistd.h fcntl.h sys/stat.h sys/socket.h netinet/in.h signal.h \
	time.h pthread.h dirent.h sys/wait.h sys/mman.h sys/time.h sys/uio.h sys/un.h netdb.h poll.h \
	sched.h termios.h wchar.h regex.h glob.h sys/resource.h; do echo "#include <$h>"; done >"$d/posix.h"
layout_check "options: --explicit-padding keeps every layout (POSIX set)" "$d/posix.h" --explicit-padding -- -D_GNU_SOURCE
# derives: bindgen 0.60.1's lines for the same header, except ord_fnptr:
# h2rs derives no PartialEq/PartialOrd/Ord for a struct holding a function
# pointer (comparing function pointers is unpredictable; bindgen 0.72 and
# rustc's unpredictable_function_pointer_comparisons lint agree)
gen ord --with-derive-partialord --with-derive-ord --with-derive-partialeq --with-derive-eq --with-derive-hash
got=$(grep -A1 '^#\[derive' "$d/ord.rs" | grep -B1 'pub struct ord_\|pub union ord_' | grep -v '^--')
want='#[derive(Debug, Copy, Clone, Hash, PartialOrd, Ord, PartialEq, Eq)]
pub struct ord_ints {
#[derive(Debug, Copy, Clone, PartialOrd, PartialEq)]
pub struct ord_float {
#[derive(Debug, Copy, Clone, Hash)]
pub struct ord_fnptr {
#[derive(Debug, Copy, Clone, Hash, PartialOrd, Ord, PartialEq, Eq)]
pub struct ord_big {
#[derive(Copy, Clone)]
pub union ord_union {
#[derive(Copy, Clone)]
pub struct ord_with_union {
#[derive(Debug, Copy, Clone, Hash, PartialOrd, Ord, PartialEq, Eq)]
pub struct ord_with_enum {
#[derive(Debug, Copy, Clone, Hash, PartialOrd, Ord, PartialEq, Eq)]
pub struct ord_ptr {'
test_expect "options: --with-derive-partialord/--with-derive-ord derive what bindgen derives (no Ord with a float, none on unions)" '
	test_cmp <(echo "$want") <(echo "$got")'
cat >"$d/ord_traits.rs" <<'R'
use std::fmt::Debug;
use std::hash::Hash;
fn all<T: Debug + Copy + Hash + Ord + Eq>() {}
fn main() {
    all::<b::ord_ints>();
    all::<b::ord_big>();
    all::<b::ord_with_enum>();
    all::<b::ord_ptr>();
    fn float<T: Debug + Copy + PartialOrd + PartialEq>() {}
    float::<b::ord_float>();
    fn fnptr<T: Debug + Copy + Hash>() {}
    fnptr::<b::ord_fnptr>();
    fn union<T: Copy>() {}
    union::<b::ord_union>();
    union::<b::ord_with_union>();
}
R
rust_prog "options: --with-derive-ord etc.: rustc finds every derived trait on each struct" "$d/ord.rs" "$d/ord_traits.rs" \
	-L "$d" -l static=om
for pair in ord_float:cmp::Ord ord_float:hash::Hash ord_fnptr:cmp::PartialOrd ord_union:cmp::PartialOrd \
	ord_with_union:fmt::Debug; do
	t=${pair%%:*} tr=${pair#*::}
	printf 'fn needs<T: std::%s>() {}\nfn main() { needs::<b::%s>(); }\n' "${pair#*:}" "$t" >"$d/ord_no_$t$tr.rs"
	rust_fails "options: --with-derive-ord etc.: $t is not $tr" "$d/ord.rs" "$d/ord_no_$t$tr.rs" \
		"trait .*$tr.* is not implemented for .*$t|$t: .*$tr. is not satisfied"
done
cat >"$d/ord_main.rs" <<'R'
fn main() {
    let mut v = vec![b::ord_ints { a: 3, b: [0; 4] }, b::ord_ints { a: 1, b: [9; 4] }, b::ord_ints { a: 1, b: [2; 4] }];
    v.sort();
    assert_eq!((v[0].a, v[0].b[0], v[2].a), (1, 2, 3));
    let f1 = b::ord_float { f: 1.5, i: 0 };
    let f2 = b::ord_float { f: 2.5, i: 0 };
    assert!(f1 < f2);
    let e1 = b::ord_with_enum { c: b::ord_color_ORD_RED, l: 5 };
    let e2 = b::ord_with_enum { c: b::ord_color_ORD_GREEN, l: 0 };
    assert_eq!(e1.cmp(&e2), std::cmp::Ordering::Less);
}
R
rust_prog "options: --with-derive-ord: Rust sorts and compares the structs" "$d/ord.rs" "$d/ord_main.rs" -L "$d" -l static=om
gen ord_only --with-derive-ord
lines "options: --with-derive-ord alone implies PartialOrd, PartialEq and Eq, so it compiles" ord_only \
	"#[derive(Debug, Copy, Clone, PartialOrd, Ord, PartialEq, Eq)]"
"$H2RS" "$d/posix.h" -o "$d/posix_ord.rs" --with-derive-ord --with-derive-hash --with-derive-default -- -D_GNU_SOURCE 2>"$d/posix_ord.err"
check "options: --with-derive-ord on the POSIX set compiles with rustc -D warnings" rust_lib "$d/posix_ord.rs"
