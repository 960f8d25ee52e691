#!/usr/bin/env bash
# bindgen 0.72.1's doc-comment annotations, <div rustbindgen ...> in a /** */
# or /// comment (ir/annotations.rs: every <div> start tag whose first
# attribute is rustbindgen), each used from Rust as a bindgen user uses it:
# programs linked against gcc-compiled C (tests/fixtures/annotations.c),
# rustc errors for what must not compile, layouts against gcc, bindgen's
# text where its shape matters, and the same bindings as the command-line
# options each annotation stands for.
. "$(dirname "$0")/lib.sh"
d="$OUT/t34"
rm -rf "$d"
mkdir -p "$d"
H="$FIX/annotations.h"
gcc -c -I"$FIX" "$FIX/annotations.c" -o "$d/ann.o" && ar rcs "$d/libann.a" "$d/ann.o"
LINK=(-L "$d" -l static=ann)
# a hidden type is the user's to provide, as a blocklisted one is
hid='#[repr(C)] pub struct hidden_rec { pub secret: ::std::os::raw::c_int, pub other: ::std::os::raw::c_int }'
base=(--disable-header-comment --with-derive-default --rustified-enum 'shade|level')
gen() {
	local out=$1
	shift
	"$H2RS" "$H" "${base[@]}" -o "$d/$out.rs" "$@" 2>"$d/$out.err" ||
		{ echo "# h2rs failed ($out):"; indent <"$d/$out.err"; }
}
gen main --raw-line "$hid"
# without the user's hidden_rec and what names it: nothing may name a hidden item
gen bare --blocklist-type holds_hidden --blocklist-function hidden_secret
gen text --raw-line "$hid" --no-doc-comments --no-layout-tests
prog() { # NAME BINDINGS: the program on stdin, linked against annotations.c
	local name=$1 rs=$2
	cat >"$d/prog.rs"
	rust_prog "$name" "$d/$rs.rs" "$d/prog.rs" "${LINK[@]}"
}
fails() { # NAME BINDINGS PATTERN [RUSTC ARGS...]: the program on stdin must not compile
	local name=$1 rs=$2 pat=$3
	shift 3
	cat >"$d/fail.rs"
	rust_fails "$name" "$d/$rs.rs" "$d/fail.rs" "$pat" "$@"
}
# block NAME FILE FIRST [LAST]: the lines of FILE from the line FIRST to the
# next line LAST (default "}") are exactly the lines on stdin
block() {
	local name=$1 f=$2 first=$3 last=${4:-\}}
	cat >"$d/want.txt"
	awk -v first="$first" -v last="$last" '$0 == first { on = 1 } on { print } on && $0 == last { exit }' \
		"$d/$f.rs" >"$d/got.txt"
	if diff -u "$d/want.txt" "$d/got.txt" >"$d/block.diff"; then ok "$name"; else
		not_ok "$name"
		indent 40 <"$d/block.diff"
	fi
}
# lines_of FILE LINE...: "missing: LINE" for each LINE that FILE lacks
lines_of() {
	local f=$1
	shift
	for l in "$@"; do grep -qxF -- "$l" "$d/$f.rs" || echo "missing: $l"; done
}

layout_check "annotations.h: every record's layout equals gcc's (opaque, replaced, private, accessor ones included)" \
	"$H" "${base[@]}" --raw-line "$hid"
check "annotations.h without the hidden record's holders compiles with rustc -D warnings" rust_lib "$d/bare.rs"

# ---- hide: Item::is_blocklisted is true for a hidden item ----
fails "hide: a hidden record is not emitted" bare 'cannot find type `hidden_rec` in module `b`' <<'EOF'
fn main() { let _p: *const b::hidden_rec = std::ptr::null(); }
EOF
fails "hide: a typedef of a hidden record is hidden with it" bare 'cannot find type `hidden_t` in module `b`' <<'EOF'
fn main() { let _p: *const b::hidden_t = std::ptr::null(); }
EOF
fails "hide: a hidden enum has no type and no constants" bare 'cannot find (type `hidden_enum`|value `hidden_enum_HIDDEN_A`)' <<'EOF'
fn main() { let _e: b::hidden_enum = b::hidden_enum_HIDDEN_A; }
EOF
fails "hide: a hidden function is not declared" bare 'cannot find function `hidden_fn` in module `b`' <<'EOF'
fn main() { unsafe { b::hidden_fn(1); } }
EOF
fails "hide: a hidden variable is not declared" bare 'cannot find value `hidden_var` in module `b`' <<'EOF'
fn main() { unsafe { let _ = b::hidden_var; } }
EOF
prog "hide: a holder of a hidden record uses the user's definition and is called by gcc's code" main <<'EOF'
fn main() {
    let h = b::holds_hidden { h: b::hidden_rec { secret: 7, other: 0 }, n: 3 };
    assert_eq!(unsafe { b::hidden_secret(&h) }, 703);
}
EOF
# bindgen's blocklisted_type_implements_trait: a holder of it derives nothing
fails "hide: a holder of a hidden record derives nothing (not Copy)" main 'use of moved value' <<'EOF'
fn main() {
    let h = b::holds_hidden { h: b::hidden_rec { secret: 7, other: 0 }, n: 3 };
    let g = h;
    let _ = (g, h);
}
EOF

# ---- opaque: Item::is_opaque ----
prog "opaque: an opaque record is a blob gcc's code fills and reads; a typedef of it and an opaque typedef are blobs too" main <<'EOF'
fn main() {
    let mut o = b::opaque_rec::default();
    unsafe { b::opaque_fill(&mut o, 2.5) };
    assert_eq!(unsafe { b::opaque_read(&o) }, 2.5);
    assert_eq!(o._bindgen_opaque_blob.len(), 4);
    let t: b::opaque_t = b::__BindgenOpaqueArray([0u64; 4]);
    let u: b::opaque_u = 5u32;
    let h = b::holds_opaque { c: 1, o, u, t };
    assert_eq!(unsafe { b::opaque_read(&h.o) }, 2.5);
}
EOF
fails "opaque: an opaque record has no fields" main 'no field `tag`' <<'EOF'
fn main() { let o = b::opaque_rec::default(); let _ = o.tag; }
EOF
# the Alias codegen of an opaque item: to_opaque, helpers::blob with ffi_safe
miss=$(lines_of text 'pub type opaque_t = __BindgenOpaqueArray<u64, 4usize>;' 'pub type opaque_u = u32;' \
	'pub struct __BindgenOpaqueArray<T: Copy, const N: usize>(pub [T; N]);' \
	'    pub _bindgen_opaque_blob: [u64; 4usize],')
if [ -z "$miss" ]; then ok "opaque: bindgen's blobs (u32 bare, __BindgenOpaqueArray<u64, 4usize>, [u64; 4usize] in the record)"
else not_ok "opaque: blobs"; echo "$miss" | indent; fi

# ---- replaces: the replacing definition under the replaced name ----
prog "replaces: vec2 is vec2_named's definition, passed by value to gcc's vec2_sum; a function and an enumerator take the names they replace" main <<'EOF'
fn main() {
    let v = b::vec2 { x: 3, y: 4 };
    assert_eq!(unsafe { b::vec2_sum(v) }, 34);
    let mut w = v;
    let h = b::holds_vec { c: 0, a: v, p: &mut w };
    assert_eq!(unsafe { (*h.p).y }, 4);
    assert_eq!(unsafe { b::add_ints(2, 3) }, 5);
    assert_eq!((b::status_OK, b::status_STATUS_FAIL), (0, 1));
}
EOF
fails "replaces: the replacing type's own name is gone" main 'cannot find type `vec2_named` in module `b`' <<'EOF'
fn main() { let _p: *const b::vec2_named = std::ptr::null(); }
EOF
fails "replaces: the replaced definition is gone" main 'struct `(b::)?vec2` has no field named `v`' <<'EOF'
fn main() { let _v = b::vec2 { v: [1, 2] }; }
EOF
fails "replaces: a replacing function is declared under the replaced name only" main 'cannot find function `add_ints_impl` in module `b`' <<'EOF'
fn main() { unsafe { b::add_ints_impl(1, 2); } }
EOF
block "replaces: the function keeps its symbol (bindgen's link_name)" text \
	'    #[link_name = "\u{1}add_ints_impl"]' \
	'    pub fn add_ints(a: ::std::os::raw::c_int, b: ::std::os::raw::c_int) -> ::std::os::raw::c_int;' <<'EOF'
    #[link_name = "\u{1}add_ints_impl"]
    pub fn add_ints(a: ::std::os::raw::c_int, b: ::std::os::raw::c_int) -> ::std::os::raw::c_int;
EOF

# ---- nocopy, nodebug, nodefault: derives_of_item ----
prog "nocopy/nodebug/nodefault: the other derives stay" main <<'EOF'
fn main() {
    let n = b::nocopy_rec::default();
    let _ = format!("{:?}", n);
    let moved = n;
    let x = b::nodebug_rec::default();
    let (_y, _z) = (x, x);
    let d = b::nodefault_rec { a: 1 };
    let _ = (format!("{:?}", d), d, d, moved);
    let _h = b::holds_nocopy::default();
}
EOF
fails "nocopy: the record is move-only" main 'use of moved value' <<'EOF'
fn main() { let n = b::nocopy_rec::default(); let m = n; let _ = (m, n); }
EOF
fails "nocopy: so is a record holding it (as with --no-copy)" main 'use of moved value' <<'EOF'
fn main() { let n = b::holds_nocopy::default(); let m = n; let _ = (m, n); }
EOF
fails "nodebug: no Debug" main "nodebug_rec\` doesn't implement \`Debug\`" <<'EOF'
fn main() { let x = b::nodebug_rec::default(); let _ = format!("{:?}", x); }
EOF
fails "nodefault: no Default, not even the zeroing impl of --with-derive-default" main 'no function or associated item named `default`' <<'EOF'
fn main() { let _ = b::nodefault_rec::default(); }
EOF

# ---- derive="…", attribute="…" ----
prog "derive=: the derives are added to the record's and the Rust enum's (PartialEq, Eq, Hash, PartialOrd)" main <<'EOF'
use std::collections::HashSet;
#[allow(deprecated)]
fn main() {
    let x = b::derived_rec { a: 1, b: 2 };
    let mut s = HashSet::new();
    s.insert(x);
    assert!(s.contains(&b::derived_rec { a: 1, b: 2 }) && x != b::derived_rec { a: 2, b: 1 });
    assert!(b::fwd_rec { a: 3 } == b::fwd_rec { a: 3 });
    assert!(b::shade::SHADE_DARK < b::shade::SHADE_LIGHT);
    let _: HashSet<b::shade> = [b::shade::SHADE_DARK].into_iter().collect();
}
EOF
fails "attribute=: #[must_use] on a record makes an ignored result an error" main 'unused `attr_rec` that must be used' <<'EOF'
#[deny(unused_must_use)]
fn main() { unsafe { b::attr_make(1); } }
EOF
fails "attribute=: #[deprecated] on an enum" main 'use of deprecated [a-z ]+`b::shade' <<'EOF'
#[deny(deprecated)]
fn main() { let _ = b::shade::SHADE_DARK; }
EOF
# bindgen's CompInfo codegen: derivable traits, then the annotation's, in
# one list; its Enum codegen: attributes before the derives, an annotation's
# derive that the enum already has (Hash) not repeated
block "derive=/attribute=: bindgen's text for a rustified enum" text '#[repr(u32)]' <<'EOF'
#[repr(u32)]
#[deprecated]
#[derive(Debug, Copy, Clone, Hash, PartialEq, Eq, PartialOrd)]
pub enum shade {
    SHADE_DARK = 0,
    SHADE_LIGHT = 1,
}
EOF
miss=$(lines_of text '#[derive(Debug, Default, Copy, Clone, PartialEq, Eq, Hash)]')
[ -z "$miss" ] && ok "derive=: bindgen's derive list for a record" || { not_ok "derive=: record"; echo "$miss" | indent; }

# ---- private: compute_visibility ----
prog "private: public fields and bitfields are reachable; gcc's values read back" main <<'EOF'
fn main() {
    let p = unsafe { b::priv_field_make(1, 2) };
    assert_eq!(p.open, 1);
    let mut r = unsafe { b::priv_rec_make(3, 4) };
    assert_eq!((r.b, r.open_bits()), (4, 17));
    r.set_open_bits(9);
    assert_eq!(unsafe { b::priv_rec_bits(&r) }, 509);
}
EOF
fails "private: a private field is not visible outside the module" main 'field `closed` of struct `(b::)?priv_field` is private' <<'EOF'
fn main() { let p = unsafe { b::priv_field_make(1, 2) }; let _ = p.closed; }
EOF
fails "private: a private record's fields are private" main 'field `a` of struct `(b::)?priv_rec` is private' <<'EOF'
fn main() { let r = unsafe { b::priv_rec_make(3, 4) }; let _ = r.a; }
EOF
fails "private: so are its bitfields' accessors" main 'method `bits` is private' <<'EOF'
fn main() { let r = unsafe { b::priv_rec_make(3, 4) }; let _ = r.bits(); }
EOF

# ---- accessor: get_NAME / get_NAME_mut (FieldCodegen for FieldData) ----
prog "accessor: getters return the values gcc's code set, mutable getters write what gcc's code reads" main <<'EOF'
fn main() {
    let mut r = b::acc_rec::default();
    unsafe { b::acc_fill(&mut r) };
    assert_eq!((*r.get_plain(), *r.get_ro(), unsafe { *r.get_raw() }, r.none), (11, 22, 33, 44));
    assert_eq!(r.flags(), 9);
    *r.get_plain_mut() = 100;
    unsafe { *r.get_raw_mut() = 200 };
    assert_eq!(unsafe { b::acc_sum(&r) }, 100 + 22 + 200 + 44 + 9);
    let s = unsafe { b::sealed_make(7) };
    assert_eq!((*s.get_id(), *s.get_gen()), (7, 1007));
}
EOF
fails "accessor=\"immutable\": no mutable getter" main 'no method named `get_ro_mut`' <<'EOF'
fn main() { let mut r = b::acc_rec::default(); *r.get_ro_mut() = 1; }
EOF
fails "accessor=\"false\": no getter" main 'no method named `get_none`' <<'EOF'
fn main() { let r = b::acc_rec::default(); let _ = r.get_none(); }
EOF
fails "accessor=\"unsafe\": the getters are unsafe" main 'call to unsafe function' <<'EOF'
fn main() { let r = b::acc_rec::default(); let _ = *r.get_raw(); }
EOF
fails "private accessor=\"immutable\": the field itself stays private" main 'field `id` of struct `(b::)?sealed` is private' <<'EOF'
fn main() { let s = unsafe { b::sealed_make(7) }; let _ = s.id; }
EOF
block "accessor: bindgen's getters, then the bitfield's methods, in one impl" text 'impl acc_rec {' \
	'    pub fn flags(&self) -> ::std::os::raw::c_uint {' <<'EOF'
impl acc_rec {
    #[inline]
    pub fn get_plain(&self) -> &::std::os::raw::c_int {
        &self.plain
    }
    #[inline]
    pub fn get_plain_mut(&mut self) -> &mut ::std::os::raw::c_int {
        &mut self.plain
    }
    #[inline]
    pub fn get_ro(&self) -> &::std::os::raw::c_int {
        &self.ro
    }
    #[inline]
    pub unsafe fn get_raw(&self) -> &::std::os::raw::c_int {
        &self.raw
    }
    #[inline]
    pub unsafe fn get_raw_mut(&mut self) -> &mut ::std::os::raw::c_int {
        &mut self.raw
    }
    #[inline]
    pub fn flags(&self) -> ::std::os::raw::c_uint {
EOF

# ---- mustusetype: Item::must_use ----
prog "mustusetype: results that are used compile under deny(unused_must_use)" main <<'EOF'
#[deny(unused_must_use)]
fn main() {
    let r = unsafe { b::try_op(2) };
    let e: b::errcode_t = unsafe { b::try_code(3) };
    assert_eq!((r.code, e), (4, -3));
}
EOF
fails "mustusetype: an ignored record result is an error under deny (the record is #[must_use])" main 'unused `result_rec` that must be used' <<'EOF'
#[deny(unused_must_use)]
fn main() { unsafe { b::try_op(1); } }
EOF
fails "mustusetype: a function returning an annotated typedef is #[must_use]" main 'unused return value of `(b::)?try_code` that must be used' <<'EOF'
#[deny(unused_must_use)]
fn main() { unsafe { b::try_code(1); } }
EOF
# the record's warning, turned into an error by -D warnings (rust_prog's flags)
fails "mustusetype: an ignored result is rustc's unused_must_use warning, an error with -D warnings" main \
	'unused `result_rec` that must be used' -D warnings "${LINK[@]}" <<'EOF'
fn main() { unsafe { b::try_op(1); } }
EOF

# ---- enumerators: hide, constant (the Enum codegen's variant loop) ----
prog "enumerators: constant and the variant that takes its value are one; values as gcc has them" main <<'EOF'
fn main() {
    let v = |i| unsafe { b::level_value(i) };
    assert_eq!([b::level::LVL_LOW as i32, b::level::LVL_HIGH as i32], [v(0), v(1)]);
    assert_eq!((b::level::LVL_COUNT as i32, b::level::LVL_MAX as i32), (v(2), v(3)));
    assert_eq!(b::level_LVL_END as i32, v(5));
    assert!(b::level::LVL_COUNT == b::level::LVL_MAX);
}
EOF
fails "enumerators: a hidden one is not there" main 'no variant or associated item named `LVL_ALIAS`' <<'EOF'
fn main() { let _ = b::level::LVL_ALIAS; }
EOF
# a constant variant that is not the last waits until the others are done,
# so LVL_MAX is the Rust variant of 2 and LVL_COUNT an associated const;
# LVL_END, the last, is a variant and a module-level const
block "enumerators: bindgen's text for the rustified enum" text 'pub const level_LVL_END: level = level::LVL_END;' \
	'pub enum level {' <<'EOF'
pub const level_LVL_END: level = level::LVL_END;
impl level {
    pub const LVL_COUNT: level = level::LVL_MAX;
}
#[repr(u32)]
#[derive(Debug, Copy, Clone, Hash, PartialEq, Eq)]
pub enum level {
EOF
block "enumerators: its variants" text 'pub enum level {' <<'EOF'
pub enum level {
    LVL_LOW = 0,
    LVL_HIGH = 1,
    LVL_MAX = 2,
    LVL_END = 3,
}
EOF
# consts style: the same order, and no hidden constant (bindgen also writes
# a `pub const level_LVL_END: level = level::LVL_END;` there, which does not
# compile with a type alias for level: left out)
"$H2RS" "$H" --disable-header-comment --no-doc-comments --no-layout-tests --raw-line "$hid" \
	-o "$d/consts.rs" 2>/dev/null
cat >"$d/consts.want" <<'EOF'
pub const level_LVL_LOW: level = 0;
pub const level_LVL_HIGH: level = 1;
pub const level_LVL_MAX: level = 2;
pub const level_LVL_END: level = 3;
pub const level_LVL_COUNT: level = 2;
EOF
test_expect "enumerators: consts style in bindgen's order, hidden one left out" '
	grep "^pub const level_" "$d/consts.rs" | test_cmp "$d/consts.want" - && rust_lib "$d/consts.rs"'

# ---- each annotation means what its command-line option means ----
# the header without its annotations, with the options instead: the same
# bindings (the derive= and attribute= of records are --with-derive-custom
# and --with-attribute-custom's place in the derive list and attributes;
# a type or function that replaces another is a root of any allowlist, so
# those are blocklisted on both sides)
sed -E 's#<div rustbindgen[^>]*>(</div>)?##g' "$H" >"$d/plain.h"
grep -q rustbindgen "$d/plain.h" && echo "# plain.h still has annotations"
some=(--disable-header-comment --no-doc-comments --with-derive-default
	--allowlist-type 'hidden_rec|hidden_t|hidden_enum|holds_hidden|opaque_rec|opaque_t|opaque_u|holds_opaque|nocopy_rec|nodebug_rec|nodefault_rec|holds_nocopy|derived_rec|attr_rec|result_rec|errcode_t'
	--allowlist-function 'hidden_fn|try_op|try_code|attr_make' --allowlist-var hidden_var --raw-line "$hid"
	--blocklist-type 'vec2|vec2_named' --blocklist-function 'add_ints.*')
"$H2RS" "$H" "${some[@]}" -o "$d/by_annot.rs" 2>"$d/by_annot.err"
"$H2RS" "$d/plain.h" "${some[@]}" --blocklist-type 'hidden_rec|hidden_t|hidden_enum' \
	--blocklist-function hidden_fn --blocklist-var hidden_var --opaque-type 'opaque_rec|opaque_t|opaque_u' \
	--no-copy nocopy_rec --no-debug nodebug_rec --no-default nodefault_rec \
	--must-use-type 'result_rec|errcode_t' --with-derive-custom-struct 'derived_rec=PartialEq, Eq, Hash' \
	--with-attribute-custom-struct 'attr_rec=#[must_use]' -o "$d/by_opts.rs" 2>"$d/by_opts.err"
n=$(grep -c '^pub struct\|^pub type\|^    pub fn' "$d/by_annot.rs")
test_expect "hide, opaque, nocopy, nodebug, nodefault, mustusetype, derive=, attribute= give the bindings --blocklist-*, --opaque-type, --no-copy, --no-debug, --no-default, --must-use-type, --with-derive-custom-struct, --with-attribute-custom-struct give ($n items)" '
	[ -s "$d/by_annot.rs" ] && test_cmp "$d/by_opts.rs" "$d/by_annot.rs"'
check "those bindings compile with rustc -D warnings" rust_lib "$d/by_annot.rs"

# ---- what is read: the first attribute must be rustbindgen; plain comments are not doc comments ----
cat >"$d/read.h" <<'EOF'
/** <div class="x" rustbindgen hide></div> */
struct not_first { int a; };
/* <div rustbindgen hide></div> */
struct plain_comment { int a; };
/** <div rustbindgen="true" hide="true"></div> */
struct valued { int a; };
/// <div rustbindgen hide></div>
struct slashes { int a; };
/** <div rustbindgen hide> */
struct unclosed { int a; };
EOF
"$H2RS" "$d/read.h" --no-layout-tests -o "$d/read.rs" 2>/dev/null
test_expect "what is read: <div rustbindgen ...> in /** */ or ///, with or without </div> and values; not a plain comment, not rustbindgen as a later attribute" '
	grep -o "^pub struct [a-z_]*" "$d/read.rs" | test_cmp <(printf "pub struct %s\n" not_first plain_comment) -'

# ---- doc comments keep the annotation text; a typedef of a record has the
# record's (bindgen's Item::from_ty: the typedef's comment, else its decl's) ----
miss=$(lines_of main '#[doc = " <div rustbindgen nocopy></div>"]' \
	'#[doc = " <div rustbindgen private accessor=\"immutable\"></div>"]')
test_expect "docs: the annotation stays in the #[doc]; typedef struct opaque_rec opaque_t has the record's" '
	[ -z "$miss" ] || { echo "$miss"; false; } &&
	grep -B1 -xF "pub type opaque_t = __BindgenOpaqueArray<u64, 4usize>;" "$d/main.rs" |
		test_grep -qxF "#[doc = \" <div rustbindgen opaque></div>\"]" -'

# ---- bad input: a replaces= that is no Rust name (bindgen panics) ----
printf '%s\n' 'struct ok { int a; };' '/** <div rustbindgen replaces="two words"></div> */' \
	'struct x { int a; };' >"$d/bad.h"
echo keep >"$d/bad.rs"
test_expect "replaces= with no Rust name: one error with the location, the output untouched" '
	! "$H2RS" "$d/bad.h" -o "$d/bad.rs" 2>"$d/bad.err" && test_count 1 "" "$d/bad.err" &&
	test_grep "^h2rs: error: .*bad.h:3:8: .*replaces=\"two words\"" "$d/bad.err" &&
	test_cmp <(echo keep) "$d/bad.rs"'
