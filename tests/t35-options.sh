#!/usr/bin/env bash
# Command-line options with bindgen's meaning: allow and block lists (regexes
# matching the whole name), --raw-line, doc comments, header comment,
# --use-core, --ctypes-prefix, --no-layout-tests, derive opt-outs, --depfile,
# --help, --version. Where an option changes a shape, a Rust program that uses
# (or misuses) the shape decides.
. "$(dirname "$0")/lib.sh"
d="$OUT/options"
rm -rf "$d"; mkdir -p "$d"
H=$FIX/options.h
gen() { local out=$1; shift; "$H2RS" "$H" -o "$d/$out.rs" "$@" -- -I"$FIX" 2>"$d/$out.err" || { echo "h2rs failed:"; cat "$d/$out.err"; }; }
# items NAME FILE WANT NOTWANT: the items in WANT are there, none in NOTWANT
items() { rust_names "$1" "$d/$2.rs" "$3" "$4"; }

gen allow_fn --allowlist-function keep_fn
items "options: --allowlist-function keep_fn emits keep_fn and the type it uses, nothing else" allow_fn \
	"keep_fn keep_me" "drop_fn other_fn drop_me documented point KEEP_MACRO keep_var"
gen allow_part --allowlist-function keep --allowlist-type 'keep_m'
items "options: allowlist regexes match the whole name ('keep' does not select keep_fn, 'keep_m' not keep_me)" allow_part \
	"" "keep_fn keep_me drop_fn"
gen allow_alt --allowlist-function 'keep_fn|other_.*'
items "options: --allowlist-function with alternation and .*" allow_alt "keep_fn other_fn keep_me" "drop_fn"
gen allow_type --allowlist-type 'uses_drop'
items "options: --allowlist-type pulls in the types a type needs (uses_drop -> drop_me)" allow_type "uses_drop drop_me" "keep_me keep_fn point"
gen allow_norec --allowlist-type 'uses_drop' --no-recursive-allowlist
items "options: --no-recursive-allowlist keeps only the matching type" allow_norec "uses_drop" "drop_me keep_me"
gen allow_var --allowlist-var 'keep_.*|KEEP_.*'
items "options: --allowlist-var selects variables and macro constants" allow_var "keep_var KEEP_MACRO" "drop_var DROP_MACRO keep_fn point"
gen allow_item --allowlist-item 'point.*'
items "options: --allowlist-item matches items of any kind (point, point_len)" allow_item "point point_len" "mixed keep_fn keep_var"
gen allow_file --allowlist-file '.*/misc\.h'
items "options: --allowlist-file selects the items declared in matching files" allow_file "documented keep_me keep_fn opaque_me" "point mixed point_len keep_var"
gen block_file --blocklist-file '.*/misc\.h'
items "options: --blocklist-file drops the items of matching files" block_file "point mixed point_len" "documented keep_me keep_fn"
gen block_fn --blocklist-function 'drop_.*' --blocklist-var 'drop_var' --blocklist-item 'DROP_MACRO'
items "options: --blocklist-function, --blocklist-var, --blocklist-item" block_fn "keep_fn other_fn keep_var KEEP_MACRO" "drop_fn drop_var DROP_MACRO"
gen block_part --blocklist-function 'drop'
items "options: blocklist regexes match the whole name ('drop' blocks nothing)" block_part "drop_fn" ""

# a blocklisted type is the user's to define: the bindings still refer to it
gen block_type --blocklist-type drop_me
{
	printf '%s\n' "$ALLOWS"
	echo 'mod user { #[repr(C)] #[derive(Debug, Copy, Clone)] pub struct drop_me { pub mine: u64 } }'
	printf 'mod b {\n    pub use crate::user::drop_me;\n    include!("%s");\n}\n' "$d/block_type.rs"
	echo 'fn main() { let u = b::uses_drop { p: std::ptr::null_mut() }; let _q: *mut user::drop_me = u.p; }'
} >"$d/block_prog.rs"
check "options: --blocklist-type drop_me omits drop_me; the bindings use the user's drop_me" \
	"$RUSTC" --edition 2021 -D warnings "$d/block_prog.rs" -o "$d/block_prog"

gen bad_regex_anchor --allowlist-type '^point$'
items "options: an anchored regex (^point\$) still works" bad_regex_anchor "point" "mixed"

# --raw-line
gen raw --raw-line 'pub const RAW_ONE: u32 = 1;' --raw-line 'pub const RAW_TWO: u32 = RAW_ONE + 1;'
cat >"$d/raw_main.rs" <<'R'
fn main() { assert_eq!(b::RAW_TWO, 2); let _p = b::point { x: 0, y: 0 }; }
R
rust_prog "options: --raw-line lines (two, in order) are part of the output" "$d/raw.rs" "$d/raw_main.rs"
test_expect "options: --raw-line goes before the first item" '
	grep -n -m1 -e "RAW_ONE: u32" -e "pub struct" "$d/raw.rs" | test_grep "RAW_ONE: u32" -'

# doc comments
gen docs
gen nodocs --no-doc-comments
test_expect "options: doc comments on structs, fields and functions carried over as #[doc]" '
	for doc in "A documented struct." "The count." "Triple-slash doc." "A documented function."; do
		test_grep -F "#[doc = \" $doc\"]" "$d/docs.rs" || exit 1
	done'
test_expect "options: --no-doc-comments drops them all" 'test_grep ! "#\[doc" "$d/nodocs.rs"'
check "options: doc-commented bindings compile with -D warnings (rustdoc lints included)" rust_lib "$d/docs.rs"

# header comment
test_expect "options: a header comment says the file is generated" 'head -n1 "$d/docs.rs" | test_grep "automatically generated" -'
gen nohdr --disable-header-comment
test_expect "options: --disable-header-comment removes exactly the header comment" '
	test_grep ! "automatically generated" "$d/nohdr.rs" &&
	tail -n +2 "$d/docs.rs" | sed "/./,\$!d" | test_cmp - "$d/nohdr.rs"'

# --use-core: the bindings compile in a #![no_std] crate (with the bitfield,
# incomplete-array, complex and va_list preludes)
for h in structs bitfields types functions; do
	"$H2RS" "$FIX/$h.h" -o "$d/core_$h.rs" --use-core 2>/dev/null
	printf '#![no_std]\n%s\ninclude!("%s");\n' "$ALLOWS" "$d/core_$h.rs" >"$d/core_${h}_lib.rs"
	check "options: --use-core bindings of $h.h compile in a #![no_std] crate" \
		"$RUSTC" --edition 2021 --crate-type lib --emit=metadata -D warnings "$d/core_${h}_lib.rs" -o "$d/core_$h.rmeta"
done
"$H2RS" "$FIX/structs.h" -o "$d/core_dd.rs" --use-core --with-derive-default --with-derive-hash --with-derive-partialeq 2>/dev/null
printf '#![no_std]\n%s\ninclude!("%s");\n' "$ALLOWS" "$d/core_dd.rs" >"$d/core_dd_lib.rs"
check "options: --use-core with derive options (impl Default, Hash, PartialEq) compiles in #![no_std]" \
	"$RUSTC" --edition 2021 --crate-type lib --emit=metadata -D warnings "$d/core_dd_lib.rs" -o "$d/core_dd.rmeta"

# --ctypes-prefix: with a prefix whose c_int is a distinct type, only
# bindings that really use the prefix let this program compile
gen prefix --ctypes-prefix crate::myffi --allowlist-function 'point_len|keep_fn' --allowlist-type point
cat >"$d/prefix_main.rs" <<'R'
pub mod myffi {
    #[repr(transparent)]
    #[derive(Debug, Default, Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub struct c_int(pub i32);
    pub type c_char = i8; pub type c_schar = i8; pub type c_uchar = u8;
    pub type c_short = i16; pub type c_ushort = u16; pub type c_uint = u32;
    pub type c_long = i64; pub type c_ulong = u64; pub type c_longlong = i64; pub type c_ulonglong = u64;
    pub type c_float = f32; pub type c_double = f64;
    pub use core::ffi::c_void;
}
fn main() {
    let p = b::point { x: myffi::c_int(1), y: myffi::c_int(2) };
    let _f: unsafe extern "C" fn(*const b::point, myffi::c_char, myffi::c_ulong, *mut myffi::c_void) -> myffi::c_int = b::point_len;
    let _k: myffi::c_int = b::keep_me { k: myffi::c_int(0) }.k;
    assert_eq!(p.y.0, 2);
}
R
rust_prog "options: --ctypes-prefix crate::myffi is used for every C type (c_int, c_char, c_ulong, c_void)" "$d/prefix.rs" "$d/prefix_main.rs"

# layout tests
gen lt
gen nolt --no-layout-tests
recs=$(grep -cE '^pub (struct|union) ' "$d/lt.rs")
test_expect "options: a size assertion for each of the $recs records" '
	[ "$recs" -gt 0 ] && test_count "$recs" "\[\"Size of " "$d/lt.rs"'
test_expect "options: --no-layout-tests emits no assertions" '
	test_grep ! "const _: () = {" "$d/nolt.rs" && test_grep ! "Size of" "$d/nolt.rs"'
check "options: --no-layout-tests output compiles" rust_lib "$d/nolt.rs"
# the assertions are real: a wrong one does not compile
sed '0,/\["Size of point"\]\[::std::mem::size_of::<point>() - 8usize\]/s//["Size of point"][::std::mem::size_of::<point>() - 12usize]/' "$d/lt.rs" >"$d/lt_bad.rs"
echo 'fn main() {}' >"$d/lt_main.rs"
if cmp -s "$d/lt.rs" "$d/lt_bad.rs"; then
	not_ok "options: no assertion 'Size of point' of the expected form to falsify"
else
	rust_fails "options: a falsified layout assertion (size of point 12) fails to compile" "$d/lt_bad.rs" "$d/lt_main.rs" \
		'8_usize - 12_usize|overflow'
fi

# derive opt-outs, checked by programs that must not compile
gen dd --with-derive-default --no-default 'point'
cat >"$d/dd_ok.rs" <<'R'
fn main() { let _m = b::mixed::default(); let _w = b::with_arr::default(); let _u = b::num::default(); }
R
rust_prog "derives: --with-derive-default gives Default to records with arrays > 32 and unions" "$d/dd.rs" "$d/dd_ok.rs"
cat >"$d/dd_bad.rs" <<'R'
fn main() { let _p = b::point::default(); }
R
rust_fails "derives: --no-default point: point::default() does not compile" "$d/dd.rs" "$d/dd_bad.rs" "no function or associated item named .default.|Default. is not satisfied|not implemented"
gen ndc --no-derive-copy
cat >"$d/ndc_bad.rs" <<'R'
fn main() { let p = b::point { x: 1, y: 2 }; let q = p; let _r = p; let _ = q; }
R
rust_fails "derives: --no-derive-copy: a record is moved, not copied" "$d/ndc.rs" "$d/ndc_bad.rs" "use of moved value"
cat >"$d/ndc_ok.rs" <<'R'
fn main() { let p = b::point { x: 1, y: 2 }; let _ = format!("{:?}", p); }
R
rust_prog "derives: --no-derive-copy keeps Debug (bindgen drops Clone with Copy)" "$d/ndc.rs" "$d/ndc_ok.rs"
gen ndd --no-derive-debug
cat >"$d/ndd_bad.rs" <<'R'
fn main() { let p = b::point { x: 1, y: 2 }; let _ = format!("{:?}", p); }
R
rust_fails "derives: --no-derive-debug: {:?} on a record does not compile" "$d/ndd.rs" "$d/ndd_bad.rs" "doesn't implement .Debug.|Debug. is not implemented|not satisfied"
cat >"$d/dbg_ok.rs" <<'R'
fn main() {
    let p = b::point { x: 1, y: 2 };
    assert_eq!(format!("{:?}", p), "point { x: 1, y: 2 }");
    let q = p; let _again = p; let _ = q;
}
R
gen plain
rust_prog "derives: by default records are Copy, Clone and Debug" "$d/plain.rs" "$d/dbg_ok.rs"
gen eqh --with-derive-partialeq --with-derive-eq --with-derive-hash --no-hash 'point' --no-partialeq 'mixed'
cat >"$d/eqh_ok.rs" <<'R'
fn main() {
    assert!(b::point { x: 1, y: 2 } == b::point { x: 1, y: 2 });
    let mut s = std::collections::HashSet::new();
    s.insert(b::keep_me { k: 1 });
    assert!(s.contains(&b::keep_me { k: 1 }));
}
R
rust_prog "derives: --with-derive-partialeq/-eq/-hash used through == and HashSet" "$d/eqh.rs" "$d/eqh_ok.rs"
cat >"$d/eqh_bad.rs" <<'R'
fn main() { let mut s = std::collections::HashSet::new(); s.insert(b::point { x: 1, y: 2 }); }
R
rust_fails "derives: --no-hash point: a HashSet of point does not compile" "$d/eqh.rs" "$d/eqh_bad.rs" "Hash. is not satisfied|not implemented|trait bounds were not satisfied"
cat >"$d/eqh_bad2.rs" <<'R'
fn main() { let m = b::mixed { c: 0, d: 1.0 }; let _ = m == m; }
R
rust_fails "derives: --no-partialeq mixed: == on mixed does not compile" "$d/eqh.rs" "$d/eqh_bad2.rs" "binary operation .==. cannot be applied|PartialEq"

# --depfile
"$H2RS" "$H" -o "$d/dep.rs" --depfile "$d/dep.d" -- -I"$FIX" 2>/dev/null
test_expect "options: --depfile writes 'OUT: HEADER included-headers…'" '
	head -n1 "$d/dep.d" | test_grep "^$d/dep.rs:" - && test_grep "$H" "$d/dep.d" && test_grep "$FIX/misc.h" "$d/dep.d"'
test_expect "options: the depfile is valid make syntax" '[ -f "$d/dep.d" ] && make -n -f "$d/dep.d" "$d/dep.rs" >/dev/null'

# --version, --help
test_expect "options: --version prints 'h2rs X.Y.Z'" '"$H2RS" --version | grep -qE "^h2rs [0-9]+\.[0-9]+\.[0-9]+"'
"$H2RS" --help >"$d/help.txt" 2>&1
hrc=$?
missing=""
for o in -o --output --use-core --ctypes-prefix --rust-target --allowlist-type --allowlist-function --allowlist-var \
	--allowlist-item --allowlist-file --blocklist-type --blocklist-function --blocklist-var --blocklist-item \
	--blocklist-file --opaque-type --no-layout-tests --raw-line --no-doc-comments --no-prepend-enum-name \
	--disable-header-comment --depfile --version --help --default-enum-style --rustified-enum --newtype-enum \
	--constified-enum-module --bitfield-enum --no-copy --no-debug --no-default --with-derive-default \
	--with-derive-hash --with-derive-partialeq --with-derive-eq --no-derive-debug --no-derive-copy \
	--enable-function-attribute-detection; do
	grep -qe "$o\b" "$d/help.txt" || missing="$missing $o"
done
if [ $hrc = 0 ] && [ -z "$missing" ]; then ok "options: --help exits 0 and documents every option of the issue"; else not_ok "options: --help (exit $hrc) lacks:$missing"; fi
readme=$(dirname "$0")/../README.md
missing=""
for o in --use-core --ctypes-prefix --allowlist-type --blocklist-type --opaque-type --no-layout-tests --raw-line \
	--no-doc-comments --no-prepend-enum-name --disable-header-comment --depfile --default-enum-style --rustified-enum \
	--newtype-enum --constified-enum-module --bitfield-enum --no-copy --no-debug --no-default --with-derive-default \
	--with-derive-hash --with-derive-partialeq --with-derive-eq --no-derive-debug --no-derive-copy; do
	grep -qe "$o" "$readme" || missing="$missing $o"
done
if [ -z "$missing" ]; then ok "options: the README documents every option"; else not_ok "options: README lacks:$missing"; fi
test_expect "options: --rust-target 1.68 accepted" '"$H2RS" "$H" --rust-target 1.68 -o "$d/rt.rs" -- -I"$FIX" && [ -s "$d/rt.rs" ]'
