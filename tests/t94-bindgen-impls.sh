#!/usr/bin/env bash
# bindgen 0.72.1's hand-written impls and its union, flexible array and
# naming options, each against bindgen's rules (read in codegen/impl_debug.rs,
# codegen/impl_partialeq.rs, codegen/mod.rs, ir/comp.rs, ir/item.rs,
# ir/analysis/derive.rs and the expectations of the headers that pass the
# options): --impl-debug, --impl-partialeq, --manually-drop-union,
# --default-non-copy-union-style, --bindgen-wrapper-union,
# --disable-untagged-union, --flexarray-dst, --c-naming. The text that
# bindgen's rules give is stated here; Rust programs use each shape as a
# bindgen user would, on values gcc-compiled C filled in (and C reads back
# what Rust wrote); layouts are compared with gcc's; rustfmt changes nothing.
. "$(dirname "$0")/lib.sh"
d="$OUT/t94"
rm -rf "$d"
mkdir -p "$d"
H="$FIX/impls.h"
gcc -Wall -Wextra -Werror -c -I"$FIX" "$FIX/impls.c" -o "$d/impls.o" && ar rcs "$d/libimpls.a" "$d/impls.o"
LINK=(-L "$d" -l static=impls)
gen() { # OUT H2RS-OPTIONS...: bindings of impls.h in $d/OUT.rs
	local out=$1
	shift
	"$H2RS" "$H" --disable-header-comment -o "$d/$out.rs" "$@" 2>"$d/$out.err" ||
		{ not_ok "h2rs $* failed"; indent <"$d/$out.err"; }
}
# block NAME OUT TEXT: the lines of TEXT are in OUT.rs, one after the other
block() {
	local name=$1 f=$2 want=$3
	if { printf '\001'; tr '\n' '\001' <"$d/$f.rs"; } | grep -qF -- "$(printf '\001%s\001' "$want" | tr '\n' '\001')"; then
		ok "$name"
	else
		not_ok "$name"; echo "    expected, in $d/$f.rs:"; printf '%s\n' "$want" | indent 40
	fi
}
# compiles NAME OUT [RAW...]: OUT.rs compiles as a library, warnings denied
compiles() { check "$1" rust_lib "$d/$2.rs"; }

# ---- --impl-debug: impl Debug where it cannot be derived -----------------
# bindgen's CompInfo codegen writes it when Debug is not derivable, unless
# --no-derive-debug or --no-debug; gen_debug_impl's text: "T {{ union }}",
# "T {{ opaque }}", or "T {{ " + the entries joined by ", " + " }}", a data
# member "name: {:?}" (its C name; the value self.<Rust name>), a bitfield
# unit its bitfields "name : {:?}" (self.getter()) with ", " between every
# bitfield, unnamed ones too; a pointer to a function with more than 12
# parameters "name: FunctionPointer"; a member of a type outside the
# allowlisted set is left out. The values are laid out as rustfmt lays out
# write! (rustfmt leaves a call whose format string does not fit in a line
# as it is).
dbg_opts=(--impl-debug --opaque-type opq --blocklist-type hidden
	--raw-line '#[repr(C)]' --raw-line '#[derive(Copy, Clone)]' --raw-line 'pub struct hidden {'
	--raw-line '    pub x: ::std::os::raw::c_int,' --raw-line '}')
gen dbg "${dbg_opts[@]}"
block "impl-debug: a union is written as \"T {{ union }}\"" dbg 'impl ::std::fmt::Debug for num {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'"'"'_>) -> ::std::fmt::Result {
        write!(f, "num {{ union }}")
    }
}'
block "impl-debug: a struct holding a union lists its fields (C names), bitfields (name : {:?}, \", , \" for the unnamed one) and arrays" dbg 'impl ::std::fmt::Debug for holder {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'"'"'_>) -> ::std::fmt::Result {
        write!(f, "holder {{ type: {:?}, ratio: {:?}, __bindgen_anon_1: {:?}, flag : {:?}, level : {:?}, , mode : {:?}, small: {:?}, big: {:?}, cb: {:?} }}", self.type_, self.ratio, self.__bindgen_anon_1, self.flag(), self.level(), self.mode(), self.small, self.big, self.cb)
    }
}'
block "impl-debug: a function pointer with 13 parameters: the struct derives no Debug" dbg '#[derive(Copy, Clone)]
pub struct wide {'
block "impl-debug: ... and its impl prints \"FunctionPointer\"" dbg 'impl ::std::fmt::Debug for wide {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'"'"'_>) -> ::std::fmt::Result {
        write!(f, "wide {{ id: {:?}, cb: FunctionPointer }}", self.id)
    }
}'
block "impl-debug: an --opaque-type record is \"T {{ opaque }}\"" dbg 'impl ::std::fmt::Debug for opq {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'"'"'_>) -> ::std::fmt::Result {
        write!(f, "opq {{ opaque }}")
    }
}'
block "impl-debug: a member of a blocklisted type is left out" dbg '        write!(f, "shows {{ a: {:?}, b: {:?} }}", self.a, self.b)'
# a packed struct that is not Copy derives nothing; bindgen's impl would take
# a reference to its unaligned int (E0793): h2rs prints a copy of it
block "impl-debug: a packed struct prints its unaligned member from a copy, { self.len }" dbg '        write!(
            f,
            "pk {{ tag: {:?}, len: {:?}, data: {:?} }}",
            self.tag,
            { self.len },
            self.data
        )'
cat >"$d/dbg_main.rs" <<'R'
fn main() {
    let big: Vec<String> = (0..40).map(|i| (2 * i).to_string()).collect();
    let mut h: b::holder = unsafe { std::mem::zeroed() };
    unsafe { b::fill_holder(&mut h) };
    let want = format!(
        "holder {{ type: 7, ratio: 0.5, __bindgen_anon_1: holder__bindgen_ty_1 {{ union }}, \
         flag : 1, level : 5, , mode : 2, small: [1, 2, 3, 4], big: [{}], cb: None }}",
        big.join(", ")
    );
    assert_eq!(format!("{:?}", h), want);
    let p = unsafe { &*b::pk_new(3) };
    assert_eq!(format!("{:?}", p), "pk { tag: 107, len: 3, data: __IncompleteArrayField }");
    let mut w: b::wide = unsafe { std::mem::zeroed() };
    w.id = 9;
    assert_eq!(format!("{:?}", w), "wide { id: 9, cb: FunctionPointer }");
    let o: b::opq = unsafe { std::mem::zeroed() };
    assert_eq!(format!("{:?}", o), "opq { opaque }");
    let s = b::shows { a: 1, h: b::hidden { x: 5 }, b: 2 };
    assert_eq!(format!("{:?}", s), "shows { a: 1, b: 2 }");
    assert_eq!(format!("{:?}", b::num { i: 3 }), "num { union }");
}
R
rust_prog "impl-debug: format!(\"{:?}\") of records gcc-compiled C filled prints bindgen's text with C's values" "$d/dbg.rs" "$d/dbg_main.rs" "${LINK[@]}"
# before Rust 1.47 an array of 32 or more has no Debug: printed element by
# element into "[{}]" (std), or "[...]" with --use-core (core has no String)
gen dbg140 "${dbg_opts[@]}" --rust-target 1.40 --no-layout-tests
block "impl-debug --rust-target 1.40: an array of 40 is printed element by element (bindgen's block)" dbg140 '            self.small,
            {
                use std::fmt::Write as _;
                let mut output = String::new();
                let mut iter = self.big.iter();
                if let Some(value) = iter.next() {
                    let _ = write!(output, "{value:?}");
                    for value in iter {
                        let _ = write!(output, ", {value:?}");
                    }
                }
                output
            },
            self.cb
        )'
rust_prog "impl-debug --rust-target 1.40: the element-by-element text equals Debug's" "$d/dbg140.rs" "$d/dbg_main.rs" "${LINK[@]}"
gen dbgcore "${dbg_opts[@]}" --rust-target 1.40 --no-layout-tests --use-core
cat >"$d/dbgcore_main.rs" <<'R'
fn main() {
    let mut h: b::holder = unsafe { std::mem::zeroed() };
    unsafe { b::fill_holder(&mut h) };
    let s = format!("{:?}", h);
    assert!(s.contains(", small: [1, 2, 3, 4], big: [...], cb: None }"), "{}", s);
}
R
rust_prog "impl-debug --use-core --rust-target 1.40: the long array is \"big: [...]\"" "$d/dbgcore.rs" "$d/dbgcore_main.rs" "${LINK[@]}"
cat >"$d/nodebug_main.rs" <<'R'
fn main() {
    let h: b::holder = unsafe { std::mem::zeroed() };
    println!("{:?}", h);
}
R
gen nodebug "${dbg_opts[@]}" --no-debug holder
rust_fails "impl-debug: --no-debug holder still means no Debug for holder" "$d/nodebug.rs" "$d/nodebug_main.rs" "holder. doesn.t implement .Debug"
gen plain
cat >"$d/wide_main.rs" <<'R'
fn main() {
    let w: b::wide = unsafe { std::mem::zeroed() };
    println!("{:?}", w);
}
R
rust_fails "without --impl-debug a struct with a 13-parameter function pointer has no Debug (function_pointers_can_derive)" "$d/plain.rs" "$d/wide_main.rs" "wide. doesn.t implement .Debug"

# ---- --impl-partialeq: impl PartialEq where the analysis says Manually ---
# CanDerive::Manually for PartialEq (ir/analysis/derive.rs): before Rust
# 1.47 an array longer than 32 and a record aligned to more than 32; a
# --opaque-type blob of more than 32 integers. gen_partialeq_impl compares
# each field (a long array as slices), each named bitfield by its getter,
# an opaque record's blob; the && chain broken one term per line.
peq=(--with-derive-partialeq --impl-partialeq --with-derive-default --opaque-type opq --rust-target 1.40 --no-layout-tests)
gen peq "${peq[@]}"
block "impl-partialeq --rust-target 1.40: fields, the long array as slices, bitfields by getter" peq 'impl ::std::cmp::PartialEq for big_eq {
    fn eq(&self, other: &big_eq) -> bool {
        self.id == other.id
            && &self.bytes[..] == &other.bytes[..]
            && self.flag() == other.flag()
            && self.mode() == other.mode()
    }
}'
block "impl-partialeq --rust-target 1.40: a record aligned to 64 compares its fields" peq 'impl ::std::cmp::PartialEq for al64 {
    fn eq(&self, other: &al64) -> bool {
        self.a == other.a && self.b == other.b
    }
}'
block "impl-partialeq: an --opaque-type blob of 40 integers compares the blob" peq 'impl ::std::cmp::PartialEq for opq {
    fn eq(&self, other: &opq) -> bool {
        &self._bindgen_opaque_blob[..] == &other._bindgen_opaque_blob[..]
    }
}'
test_expect "impl-partialeq: bindgen's order after the struct: impl Default, impl PartialEq, the bitfield methods" '
	grep -E "^impl .*big_eq" "$d/peq.rs" |
		test_cmp <(printf "%s\n" "impl Default for big_eq {" "impl ::std::cmp::PartialEq for big_eq {" "impl big_eq {") -'
cat >"$d/peq_main.rs" <<'R'
fn main() {
    let mk = |id, mode| {
        let mut v: b::big_eq = unsafe { std::mem::zeroed() };
        unsafe { b::fill_big_eq(&mut v, id, mode) };
        v
    };
    let a = mk(1, 3);
    assert!(a == mk(1, 3));
    assert!(a != mk(1, 4), "one bitfield differs");
    assert!(a != mk(2, 3));
    let mut c = a;
    c.bytes[47] = 0;
    assert!(a != c, "the last of 48 bytes differs");
    c.bytes[47] = 47;
    assert!(a == c);
    let x = b::al64 { a: 1, b: 2 };
    assert!(x == b::al64 { a: 1, b: 2 } && x != b::al64 { a: 1, b: 3 });
    let o: b::opq = Default::default();
    let mut p: b::opq = Default::default();
    assert!(o == p);
    p._bindgen_opaque_blob[39] = 1;
    assert!(o != p);
}
R
rust_prog "impl-partialeq: == on structs gcc filled, differing in one bitfield, one byte, one field" "$d/peq.rs" "$d/peq_main.rs" "${LINK[@]}"
gen nopeq --with-derive-partialeq --rust-target 1.40 --no-layout-tests
rust_fails "without --impl-partialeq a 48-byte array before Rust 1.47 leaves big_eq without PartialEq" "$d/nopeq.rs" "$d/peq_main.rs" "binary operation .==. cannot be applied to type .big_eq."
gen peq182 --with-derive-partialeq --impl-partialeq
test_expect "impl-partialeq: from Rust 1.47 big_eq derives PartialEq (no impl)" '
	test_grep ! "PartialEq for big_eq" "$d/peq182.rs" &&
	grep -B2 "^pub struct big_eq" "$d/peq182.rs" | test_grep "derive(.*PartialEq" -'

# ---- non-Copy unions: ManuallyDrop or bindgen's wrapper ------------------
# CompInfo::is_rust_union (ir/comp.rs): a union with a member that is not
# Copy takes --bindgen-wrapper-union's style if it matches, else
# --manually-drop-union's, else --default-non-copy-union-style's
# (bindgen_wrapper by default); manually_drop is a Rust union with every
# member in ::core::mem::ManuallyDrop<T> (wrap_union_field_if_needed).
gen md --default-non-copy-union-style manually_drop --no-copy blob --with-derive-default
block "manually_drop: a Rust union with every member in ManuallyDrop" md '#[repr(C)]
pub union u_nc {
    pub b: ::std::mem::ManuallyDrop<blob>,
    pub l: ::std::mem::ManuallyDrop<::std::os::raw::c_long>,
}'
cat >"$d/md_main.rs" <<'R'
use std::mem::ManuallyDrop;
fn main() {
    let mut u: b::u_nc = Default::default();
    u.b = ManuallyDrop::new(b::blob { v: [1, 2, 3, 4] });
    assert_eq!(unsafe { b::u_nc_sum(&u) }, 10);
    unsafe { (*u.b).v[3] = 40 };
    assert_eq!(unsafe { b::u_nc_sum(&u) }, 46);
    unsafe { b::u_nc_set(&mut u, -5) };
    assert_eq!(unsafe { *u.l }, -5);
    let mut w: b::u_wrap = Default::default();
    w.s = ManuallyDrop::new(-2);
    assert_eq!(unsafe { *w.s }, -2);
}
R
rust_prog "manually_drop: Rust writes ManuallyDrop members that C reads, and reads what C wrote" "$d/md.rs" "$d/md_main.rs" "${LINK[@]}"
style_of() { # OUT UNION: "union" or "struct"
	grep -oE "^pub (union|struct) $2 \{" "$d/$1.rs" | awk '{ print $2 }'
}
bad=""
while IFS='|' read -r want_nc want_wrap opts; do
	# shellcheck disable=SC2086
	gen sty --no-copy blob $opts
	got="$(style_of sty u_nc) $(style_of sty u_wrap)"
	[ "$got" = "$want_nc $want_wrap" ] || bad="$bad
$opts: u_nc, u_wrap are $got, not $want_nc $want_wrap"
done <<'CASES'
struct|struct|
struct|struct|--default-non-copy-union-style bindgen_wrapper
union|union|--default-non-copy-union-style manually_drop
union|struct|--default-non-copy-union-style manually_drop --bindgen-wrapper-union u_wrap
union|struct|--manually-drop-union u_nc
struct|union|--manually-drop-union u_.* --bindgen-wrapper-union u_nc
struct|struct|--default-non-copy-union-style manually_drop --bindgen-wrapper-union u_.* --manually-drop-union u_.*
CASES
[ -z "$bad" ] && ok "non-Copy unions: --bindgen-wrapper-union wins over --manually-drop-union, which wins over --default-non-copy-union-style (7 combinations)" ||
	not_ok "non-Copy union styles:$bad"
"$H2RS" "$H" --default-non-copy-union-style bogus -o "$d/x.rs" 2>"$d/bogus.err"
rc=$?
test_expect "non-Copy unions: an unknown style is one error in bindgen's words" '
	[ $rc = 1 ] && test_grep "^h2rs: error: invalid value '\''bogus'\'' for '\''--default-non-copy-union-style" "$d/bogus.err"'
layout_check "manually_drop: layouts" "$H" --default-non-copy-union-style manually_drop --no-copy blob

# ---- --disable-untagged-union: every union as bindgen's wrapper ----------
# is_rust_union is false for every union: a struct of __BindgenUnionField
# markers and the blob; it derives Copy as its members, the other traits as
# its blob (constrain_type with untagged_union off); a bitfield unit is a
# __BindgenUnionField too, its accessors go through as_ref/as_mut; a blob
# of more than 32 integers gives Manually: the PartialEq impl compares the
# blobs (gen_partialeq_impl's union case).
du=(--disable-untagged-union --with-derive-default --with-derive-partialeq --impl-partialeq --impl-debug)
gen du "${du[@]}"
block "disable-untagged-union: a union is a struct of __BindgenUnionField with the derives of its blob" du '#[repr(C)]
#[derive(Debug, Default, Copy, Clone, PartialEq)]
pub struct num {
    pub i: __BindgenUnionField<::std::os::raw::c_int>,
    pub f: __BindgenUnionField<f32>,
    pub bindgen_union_field: u32,
}'
block "disable-untagged-union: a bitfield unit is a __BindgenUnionField" du '    pub _bitfield_1: __BindgenUnionField<__BindgenBitfieldUnit<[u8; 1usize]>>,
    pub bindgen_union_field: u32,
}'
block "disable-untagged-union: the bitfield accessors read the unit through as_ref" du 'impl bits {
    #[inline]
    pub fn lo(&self) -> ::std::os::raw::c_uint {
        let raw = unsafe { self._bitfield_1.as_ref().get(0usize, 3u8) };'
block "disable-untagged-union: a blob of 40 integers: PartialEq by the blobs, Debug \"{ union }\"" du 'impl ::std::fmt::Debug for big_u {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'"'"'_>) -> ::std::fmt::Result {
        write!(f, "big_u {{ union }}")
    }
}
impl ::std::cmp::PartialEq for big_u {
    fn eq(&self, other: &big_u) -> bool {
        &self.bindgen_union_field[..] == &other.bindgen_union_field[..]
    }
}'
cat >"$d/du_main.rs" <<'R'
fn main() {
    let mut n: b::num = Default::default();
    unsafe { b::num_set(&mut n, 77) };
    assert_eq!(unsafe { *n.i.as_ref() }, 77);
    assert!(n == n.clone());
    let mut u: b::bits = Default::default();
    unsafe { b::bits_set(&mut u, 0xad) };
    assert_eq!((u.lo(), u.hi()), (5, 0x2d));
    u.set_lo(2);
    assert_eq!(unsafe { *u.whole.as_ref() }, 0xaa);
    assert_eq!(unsafe { b::bits::lo_raw(&u) }, 2);
    let mut x: b::big_u = Default::default();
    let y: b::big_u = Default::default();
    assert!(x == y);
    unsafe { x.a.as_mut()[39] = 6 };
    assert!(x != y);
    assert_eq!(unsafe { b::big_u_get(&x, 39) }, 6);
    assert_eq!(format!("{:?}", x), "big_u { union }");
}
R
rust_prog "disable-untagged-union: Rust reads and writes the wrapper unions C reads and writes" "$d/du.rs" "$d/du_main.rs" "${LINK[@]}"
gen duall --disable-untagged-union --with-derive-hash --with-derive-partialeq --with-derive-eq \
	--with-derive-partialord --with-derive-ord
# num has a float member: no Eq (HasFloat); PartialOrd/Ord would not compile
test_expect "disable-untagged-union: wrappers derive Hash, PartialEq, Eq (not over a float), no PartialOrd/Ord" '
	grep -A1 "^#\[derive" "$d/duall.rs" | grep -B1 -E "^pub struct (num|bits) " | grep derive |
		test_cmp <(printf "%s\n" "#[derive(Debug, Copy, Clone, Hash, PartialEq)]" "#[derive(Debug, Copy, Clone, Hash, PartialEq, Eq)]") - &&
	rust_lib "$d/duall.rs"'
cat >"$d/duall_main.rs" <<'R'
fn traits<T: std::fmt::Debug + Copy + std::hash::Hash + PartialEq>() {}
fn eq<T: Eq>() {}
fn main() {
    traits::<b::num>();
    traits::<b::bits>();
    eq::<b::bits>();
}
R
rust_prog "disable-untagged-union: the wrappers are Debug, Copy, Hash and PartialEq, bits Eq too" "$d/duall.rs" "$d/duall_main.rs"
cat >"$d/duall_eq.rs" <<'R'
fn eq<T: Eq>() {}
fn main() {
    eq::<b::num>();
}
R
rust_fails "disable-untagged-union: num, over a float, is not Eq" "$d/duall.rs" "$d/duall_eq.rs" 'trait bound `(b::)?num: (std::cmp::)?Eq` is not satisfied'
gen duopq --disable-untagged-union --opaque-type num
block "disable-untagged-union: an opaque union is a struct too" duopq 'pub struct num {
    pub _bindgen_opaque_blob: u32,
}'
layout_check "disable-untagged-union: layouts" "$H" --disable-untagged-union

# ---- --flexarray-dst ------------------------------------------------------
# A struct whose last field is a flexible (or zero-length) array is generic
# over it, NAME<FAM: ?Sized = [T; 0]> with the field `FAM`; generate_flexarray
# writes impl NAME<[T]> (layout, fixed, fixed_mut) and impl NAME<[T; 0]>
# (flex_ref, flex_ref_mut, flex_ptr, flex_ptr_mut), whose methods need
# nightly's ptr_metadata and layout_for_ptr: for a stable target both are
# empty. Other impls are for NAME<[T; 0]>.
gen fam --flexarray-dst
block "flexarray-dst: the struct is generic over its flexible array member, the impls empty on stable" fam '#[repr(C)]
#[derive(Debug)]
pub struct flex<FAM: ?Sized = [::std::os::raw::c_int; 0]> {
    pub count: ::std::os::raw::c_int,
    pub data: FAM,
}'
block "flexarray-dst: impl flex<[T]> {} and impl flex<[T; 0]> {} for a stable target" fam 'impl flex<[::std::os::raw::c_int]> {}
impl flex<[::std::os::raw::c_int; 0]> {}'
block "flexarray-dst: a zero-length array is a flexible array member too" fam 'pub struct flex0<FAM: ?Sized = [::std::os::raw::c_uchar; 0]> {'
# rustc refuses an unsized generic field in a packed struct (E0277), which
# bindgen would write: it keeps __IncompleteArrayField
block "flexarray-dst: a packed struct keeps __IncompleteArrayField" fam '    pub data: __IncompleteArrayField<::std::os::raw::c_uchar>,'
cat >"$d/fam_main.rs" <<'R'
use std::os::raw::c_int;
fn main() {
    unsafe {
        let p: *mut b::flex = b::flex_new(5);
        let n = (*p).count as usize;
        let dst = std::ptr::slice_from_raw_parts_mut(p as *mut c_int, n) as *mut b::flex<[c_int]>;
        let r: &mut b::flex<[c_int]> = &mut *dst;
        assert_eq!((r.count, &r.data[..]), (5, &[1, 2, 5, 10, 17][..]));
        assert_eq!(std::mem::size_of_val(r) as u64, b::flex_size(5) as u64);
        r.data[0] = 50;
        assert_eq!(b::flex_sum(p), 50 + 2 + 5 + 10 + 17);
        assert_eq!(format!("{:?}", r), "flex { count: 5, data: [50, 2, 5, 10, 17] }");
    }
}
R
rust_prog "flexarray-dst: Rust reads (and writes) a flex the C side allocated with 5 elements through flex<[c_int]>" "$d/fam.rs" "$d/fam_main.rs" "${LINK[@]}"
layout_check "flexarray-dst: layouts" "$H" --flexarray-dst
gen famn --flexarray-dst --rust-target nightly
block "flexarray-dst --rust-target nightly: impl flex<[T]> has layout, fixed and fixed_mut" famn 'impl flex<[::std::os::raw::c_int]> {
    pub fn layout(len: usize) -> ::std::alloc::Layout {
        unsafe {
            let p: *const Self = ::std::ptr::from_raw_parts(::std::ptr::null::<()>(), len);
            ::std::alloc::Layout::for_value_raw(p)
        }
    }
    #[inline]
    pub fn fixed(&self) -> (&flex<[::std::os::raw::c_int; 0]>, usize) {
        unsafe {
            let (ptr, len) = (self as *const Self).to_raw_parts();
            (&*(ptr as *const flex<[::std::os::raw::c_int; 0]>), len)
        }
    }'
block "flexarray-dst --rust-target nightly: flex_ptr in impl flex<[T; 0]> (with bindgen's doc text, its unsafe call in a block)" famn '    #[doc = r" Construct DST variant from a pointer and a size."]
    #[doc = r""]
    #[doc = r" NOTE: lifetime of returned reference is not tied to any underlying storage."]
    #[doc = r" SAFETY: `ptr` is valid. Underlying storage is fully initialized up to at least `len` elements."]
    #[inline]
    pub unsafe fn flex_ptr<'"'"'unbounded>(
        ptr: *const Self,
        len: usize,
    ) -> &'"'"'unbounded flex<[::std::os::raw::c_int]> {
        unsafe { &*::std::ptr::from_raw_parts(ptr as *const (), len) }
    }'
# the methods use nightly features: compiled by this rustc with
# RUSTC_BOOTSTRAP=1, the way a nightly toolchain compiles them
cat >"$d/famn_main.rs" <<R
#![feature(ptr_metadata, layout_for_ptr)]
$ALLOWS
mod b {
    include!("$d/famn.rs");
}
use std::os::raw::c_int;
fn main() {
    unsafe {
        let p = b::flex_new(5);
        let r: &b::flex<[c_int]> = b::flex::flex_ptr(p, 5);
        assert_eq!((r.count, &r.data[..]), (5, &[1, 2, 5, 10, 17][..]));
        assert_eq!(b::flex::<[c_int]>::layout(5).size() as u64, b::flex_size(5) as u64);
        let (fixed, n) = r.fixed();
        assert_eq!((fixed.count, n), (5, 5));
        let m = b::flex::flex_ptr_mut(p, 5).assume_init();
        m.data[4] = 100;
        assert_eq!(b::flex_sum(p), 1 + 2 + 5 + 10 + 100);
        assert_eq!((*p).flex_ref(5).data[4], 100);
    }
}
R
test_expect "flexarray-dst --rust-target nightly: flex_ptr, flex_ptr_mut, flex_ref, fixed and layout on a flex C allocated" '
	RUSTC_BOOTSTRAP=1 "$RUSTC" --edition 2024 -D warnings "$d/famn_main.rs" -o "$d/famn_main" "${LINK[@]}" &&
	"$d/famn_main"'

# ---- --c-naming -------------------------------------------------------------
# Item::c_naming_prefix (ir/item.rs): a struct, union or enum is named
# struct_T, union_T, enum_T (nested ones too: the prefix before the whole
# name); a typedef keeps its name and is emitted even when it names the
# record of the same tag (the Alias codegen skips only a typedef of the
# record's own canonical name); typedef struct T *T gets no _ptr (ir/ty.rs).
gen cn --c-naming
bad=""
for l in 'pub struct struct_point {' 'pub type point = struct_point;' 'pub struct struct_anon_t {' \
	'pub type anon_t = struct_anon_t;' 'pub type node = *mut struct_node;' 'pub struct struct_node {' \
	'    pub next: node,' 'pub const enum_color_RED: enum_color = 0;' 'pub const enum_color_GREEN: enum_color = 4;' \
	'pub type enum_color = ::std::os::raw::c_uint;' 'pub type color_t = enum_color;' 'pub struct struct_outer {' \
	'    pub in_: struct_outer_inner,' '    pub u: union_outer__bindgen_ty_1,' 'pub struct struct_outer_inner {' \
	'pub union union_outer__bindgen_ty_1 {' 'pub union union_num {' '    pub fn node_v(n: node) -> ::std::os::raw::c_int;'; do
	grep -qxF -- "$l" "$d/cn.rs" || bad="$bad
missing: $l"
done
[ -z "$bad" ] && ok "c-naming: struct_, union_ and enum_ names, typedefs kept as aliases, no _ptr" || not_ok "c-naming:$bad"
cat >"$d/cn_main.rs" <<'R'
fn main() {
    let p = b::struct_point { x: 2, y: 3 };
    let q: b::point = p;
    assert_eq!(unsafe { b::point_sum(q) }, 5);
    let a: b::anon_t = b::struct_anon_t { w: 9 };
    assert_eq!(unsafe { b::anon_w(&a) }, 9);
    let mut n2 = b::struct_node { v: 4, next: std::ptr::null_mut() };
    let mut n1 = b::struct_node { v: 1, next: &mut n2 };
    let n: b::node = &mut n1;
    assert_eq!(unsafe { b::node_v(n) }, 5);
    let c: b::color_t = b::enum_color_GREEN;
    assert_eq!(unsafe { b::color_val(c) }, 4);
    assert_eq!(b::enum_color_RED, 0);
    let o = b::struct_outer { in_: b::struct_outer_inner { v: 3 }, u: b::union_outer__bindgen_ty_1 { i: 4 } };
    assert_eq!(unsafe { b::outer_sum(&o) }, 7);
    let _u = b::union_num { i: 1 };
}
R
rust_prog "c-naming: Rust calls gcc-compiled C through struct_point, point, anon_t, node, color_t and struct_outer" "$d/cn.rs" "$d/cn_main.rs" "${LINK[@]}"
layout_check "c-naming: layouts" "$H" --c-naming

# ---- rustfmt: every output above, and the nightly helpers for names of 1 to
# 50 characters (rustfmt's breaks of long signatures and casts)
{
	echo 'struct elem_type_name { int v; };'
	for n in $(seq 1 50); do
		name=f$(printf '%*s' $((n - 1)) '' | tr ' ' x)
		echo "struct $name { int count; int data[]; };"
		echo "struct ${name}_e { int count; struct elem_type_name data[]; };"
	done
} >"$d/famlen.h"
"$H2RS" "$d/famlen.h" --flexarray-dst --rust-target nightly -o "$d/famlen.rs"
"$H2RS" "$d/famlen.h" --flexarray-dst --rust-target nightly --use-core -o "$d/famlen_core.rs"
"$H2RS" "$d/famlen.h" --flexarray-dst -o "$d/famlen_stable.rs"
compiles "flexarray-dst: 100 generic structs, names of 1 to 50 characters, compile (stable target)" famlen_stable
if ! command -v rustfmt >/dev/null 2>&1; then
	echo "ok - # SKIP rustfmt checks: no rustfmt on PATH"
else
	bad=""
	n=0
	for f in "$d"/*.rs; do
		case $f in *_main.rs | *.fmt.rs) continue ;; esac
		n=$((n + 1))
		cp "$f" "$f.fmt.rs"
		rustfmt --edition 2021 "$f.fmt.rs" 2>/dev/null && cmp -s "$f" "$f.fmt.rs" || bad="$bad $(basename "$f")"
	done
	[ -z "$bad" ] && ok "rustfmt changes nothing in the $n outputs of this test" || not_ok "rustfmt changes:$bad"
fi
