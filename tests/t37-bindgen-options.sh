#!/usr/bin/env bash
# bindgen 0.72.1 options that real builds pass, each with bindgen's meaning
# for C (read from bindgen's options/cli.rs, codegen/mod.rs,
# codegen/postprocessing/ and its expectation tests): the output text is
# the text bindgen's rules give, it compiles with rustc -D warnings, and
# where a symbol or an ABI changes, Rust calls gcc-compiled C through it.
# Options for C++/Objective-C only change nothing; options h2rs does not
# implement are errors naming them; C++ input is one clear error;
# --rust-target/--rust-edition errors are bindgen's words.
. "$(dirname "$0")/lib.sh"
d="$OUT/t37"
rm -rf "$d"; mkdir -p "$d"
H="$FIX/bgopts.h"
gcc -c -I"$FIX" "$FIX/bgopts.c" -o "$d/bgopts.o" && ar rcs "$d/libbgopts.a" "$d/bgopts.o"
base=(--disable-header-comment --no-layout-tests --macro-constants bindgen)
gen() { local out=$1; shift; "$H2RS" "$H" "${base[@]}" -o "$d/$out.rs" "$@" 2>"$d/$out.err" || { echo "# h2rs failed:"; indent <"$d/$out.err"; }; }
# same NAME FILE EXPECTED: the output is exactly EXPECTED, and compiles
same() {
	local name=$1 f=$2 want=$3
	if ! diff -u "$want" "$d/$f.rs" >"$d/$f.diff"; then not_ok "$name"; indent 40 <"$d/$f.diff"; return; fi
	if ! rust_lib "$d/$f.rs" >"$d/$f.rustc" 2>&1; then not_ok "$name: does not compile"; indent <"$d/$f.rustc"; return; fi
	ok "$name"
}
# lines NAME FILE LINE...: every LINE is in the output, which compiles
lines() {
	local name=$1 f=$2 bad=""
	shift 2
	for l in "$@"; do grep -qxF -- "$l" "$d/$f.rs" || bad="$bad
missing: $l"; done
	if [ -n "$bad" ]; then not_ok "$name$bad"; return; fi
	if ! rust_lib "$d/$f.rs" >"$d/$f.rustc" 2>&1; then not_ok "$name: does not compile"; indent <"$d/$f.rustc"; return; fi
	ok "$name"
}
gen plain

# --sort-semantically (sort_semantically.rs): a stable sort by item kind,
# type aliases, structs, consts, ..., extern blocks last
gen sorted --sort-semantically
sorted_types='pub type count_t = ::std::os::raw::c_int;
pub type color = ::std::os::raw::c_uint;
pub type token_t = token;
pub type callback = ::std::option::Option<
    unsafe extern "C" fn(arg1: ::std::os::raw::c_int) -> ::std::os::raw::c_int,
>;
#[repr(C)]
#[derive(Debug, Copy, Clone)]
pub struct point {
    pub x: count_t,
    pub y: count_t,
}
#[repr(C)]
#[derive(Debug, Copy, Clone)]
pub struct token {
    _unused: [u8; 0],
}
pub const SMALL: u32 = 7;
pub const NEG: i32 = -2;
pub const WIDE: u32 = 300;
pub const HUGE: u64 = 4294967296;
pub const color_RED: color = 0;
pub const color_GREEN: color = 5;'
cat >"$d/sorted.want" <<WANT
$sorted_types
unsafe extern "C" {
    pub fn first(x: ::std::os::raw::c_int) -> ::std::os::raw::c_int;
}
unsafe extern "C" {
    pub fn second(p: point) -> ::std::os::raw::c_int;
}
unsafe extern "C" {
    pub static mut counter: ::std::os::raw::c_int;
}
unsafe extern "C" {
    pub fn token_new(v: ::std::os::raw::c_int) -> token;
}
unsafe extern "C" {
    pub fn token_ptr() -> *mut token;
}
unsafe extern "C" {
    pub fn token_alias() -> token_t;
}
unsafe extern "C" {
    pub fn third() -> ::std::os::raw::c_int;
}
WANT
same "options: --sort-semantically orders items by kind as bindgen's pass does (types, structs, consts, extern blocks)" sorted "$d/sorted.want"

# --merge-extern-blocks (merge_extern_blocks.rs): one block per ABI and
# attributes, after every other item
gen merged --merge-extern-blocks
merged_block='unsafe extern "C" {
    pub fn first(x: ::std::os::raw::c_int) -> ::std::os::raw::c_int;
    pub fn second(p: point) -> ::std::os::raw::c_int;
    pub static mut counter: ::std::os::raw::c_int;
    pub fn token_new(v: ::std::os::raw::c_int) -> token;
    pub fn token_ptr() -> *mut token;
    pub fn token_alias() -> token_t;
    pub fn third() -> ::std::os::raw::c_int;
}'
# the plain output without its extern blocks, then the merged block
awk '/^unsafe extern "C" \{$/ { skip = 1; next } skip && /^}$/ { skip = 0; next } !skip' "$d/plain.rs" >"$d/merged.want"
echo "$merged_block" >>"$d/merged.want"
same "options: --merge-extern-blocks joins every extern block into one after the other items" merged "$d/merged.want"
gen merged_sorted --merge-extern-blocks --sort-semantically
printf '%s\n%s\n' "$sorted_types" "$merged_block" >"$d/merged_sorted.want"
same "options: --merge-extern-blocks then --sort-semantically (bindgen's pass order)" merged_sorted "$d/merged_sorted.want"
"$H2RS" "$H" --disable-header-comment --merge-extern-blocks --sort-semantically --wasm-import-module-name m \
	--raw-line '// raw' -o "$d/ms_layout.rs" 2>"$d/ms_layout.err"
test_expect "options: with layout tests and #[link] blocks: raw lines stay first, a block with #[link] does not merge with one without, layout consts sort with the consts" '
	head -1 "$d/ms_layout.rs" | test_grep -qx "// raw" - &&
	test_count 2 "extern \"C\" {\$" "$d/ms_layout.rs" &&
	grep -B1 "^const _: () = {" "$d/ms_layout.rs" | head -1 | test_grep -q "allow(clippy" - &&
	rust_lib "$d/ms_layout.rs"'

# --prefix-link-name (PrefixLinkNameCallback): functions link to PREFIX+name,
# unmangled; bindgen's Var codegen ignores the override for variables
gen prefix --prefix-link-name pfx_
lines "options: --prefix-link-name pfx_ names each function's symbol \\u{1}pfx_NAME" prefix \
	'    #[link_name = "\u{1}pfx_first"]' '    #[link_name = "\u{1}pfx_third"]'
test_expect "options: --prefix-link-name leaves variables alone, as bindgen's Var codegen does" '
	grep -B1 "pub static mut counter" "$d/prefix.rs" | test_grep ! link_name -'
cat >"$d/prefix_main.rs" <<'R'
fn main() {
    assert_eq!(unsafe { b::first(1) }, 101);
    assert_eq!(unsafe { b::third() }, 300);
    assert_eq!(unsafe { b::counter }, 3);
}
R
rust_prog "options: --prefix-link-name: Rust's first() and third() call gcc's pfx_first and pfx_third" \
	"$d/prefix.rs" "$d/prefix_main.rs" -L "$d" -lbgopts
gen prefix_wrap --prefix-link-name pfx_ --wrap-static-fns --wrap-static-fns-path "$d/prefix_wrap_c"
test_expect "options: --prefix-link-name with --wrap-static-fns: the static function links to its prefixed name and gets no wrapper, as in bindgen" '
	test_grep -qF "\"\\u{1}pfx_twice\"" "$d/prefix_wrap.rs" &&
	test_grep ! -s twice__extern "$d/prefix_wrap.rs" "$d/prefix_wrap_c.c"'

# --override-abi REGEX=ABI (FunctionSig::abi): functions and function
# pointer typedefs by name; an ABI newer than --rust-target drops the function
gen abi --override-abi 'first|third=C-unwind' --override-abi callback=system
lines "options: --override-abi gives functions and a function pointer typedef their ABI" abi \
	'unsafe extern "C-unwind" {' '    unsafe extern "system" fn(arg1: ::std::os::raw::c_int) -> ::std::os::raw::c_int,'
test_expect "options: --override-abi: exactly the matching functions change ABI" '
	test_count 2 "^unsafe extern \"C-unwind\" {\$" "$d/abi.rs"'
cat >"$d/abi_main.rs" <<'R'
fn main() {
    let f: unsafe extern "C-unwind" fn(i32) -> i32 = b::first;
    assert_eq!(unsafe { f(1) }, 2);
}
R
rust_prog "options: --override-abi C-unwind: Rust calls gcc's first() through extern \"C-unwind\"" \
	"$d/abi.rs" "$d/abi_main.rs" -L "$d" -lbgopts
gen abi_old --override-abi 'first=C-unwind' --rust-target 1.70
test_expect "options: --override-abi C-unwind on Rust 1.70 drops the function with a warning, as bindgen does" '
	test_grep ! "fn first" "$d/abi_old.rs" && test_grep "C-unwind.*not available" "$d/abi_old.err"'
"$H2RS" "$H" --override-abi first=bogus -o "$d/x.rs" 2>"$d/abi_bad.err"
test_expect "options: --override-abi with an unknown ABI is bindgen's error" '
	test_grep -F "Invalid or unknown ABI \"bogus\"" "$d/abi_bad.err"'

# --must-use-type (Item::must_use): records and enums get #[must_use];
# a function returning one by value (not through a typedef) too. On a
# consts-style enum bindgen puts it on the type alias, where rustc warns
# that it has no effect: the compiled check leaves the enum out.
gen mustuse_all --must-use-type 'token|color'
gen mustuse --must-use-type 'token'
test_expect "options: --must-use-type: #[must_use] after the struct's derives and on the enum's type; on token_new, not token_ptr or token_alias (a typedef)" '
	grep -A1 "^#\[derive(Debug, Copy, Clone)\]\$" "$d/mustuse.rs" | test_grep -q "^#\[must_use\]\$" - &&
	grep -A1 "^#\[must_use\]\$" "$d/mustuse.rs" | test_grep -q "^pub struct token {" - &&
	grep -B1 "^pub type color = " "$d/mustuse_all.rs" | test_grep -q "^#\[must_use\]\$" - &&
	grep -B1 "pub fn token_new" "$d/mustuse.rs" | test_grep -q "#\[must_use\]" - &&
	grep -B1 -e "pub fn token_ptr" -e "pub fn token_alias" "$d/mustuse.rs" | test_grep ! must_use - &&
	rust_lib "$d/mustuse.rs"'
# a documented function: bindgen's Function codegen pushes #[must_use]
# before the doc attribute
printf 'typedef struct tok { int v; } tok;\n/** Makes one. */\ntok tok_make(void);\n' >"$d/mustdoc.h"
"$H2RS" "$d/mustdoc.h" "${base[@]}" --must-use-type tok -o "$d/mustdoc.rs" 2>/dev/null
test_expect "options: --must-use-type on a documented function: #[must_use], then #[doc], as bindgen orders them" '
	grep -A2 "^    #\[must_use\]\$" "$d/mustdoc.rs" | tr -d "\n" |
		test_grep -qF "    #[must_use]    #[doc = \" Makes one.\"]    pub fn tok_make() -> tok;" - &&
	rust_lib "$d/mustdoc.rs"'
cat >"$d/mustuse_main.rs" <<'R'
fn main() {
    unsafe { b::token_new(1) };
}
R
rust_fails "options: --must-use-type: ignoring token_new()'s result does not compile under -D warnings" \
	"$d/mustuse.rs" "$d/mustuse_main.rs" 'must be used'

# --generate and --ignore-functions (CodegenConfig)
gen gen_tv --generate types,vars
test_expect "options: --generate types,vars: no functions" 'test_grep ! "pub fn " "$d/gen_tv.rs"'
cat >"$d/gen_tv_main.rs" <<'R'
fn main() {
    let p = b::point { x: b::SMALL as b::count_t, y: 0 };
    assert_eq!(p.x, 7);
    assert_eq!(unsafe { b::counter }, 3);
}
R
rust_prog "options: --generate types,vars: the struct, the variable (gcc's) and the constant are there to use" \
	"$d/gen_tv.rs" "$d/gen_tv_main.rs" -L "$d" -lbgopts
cat >"$d/gen_tv_fn.rs" <<'R'
fn main() {
    unsafe { b::first(1) };
}
R
rust_fails "options: --generate types,vars: a function is not declared" "$d/gen_tv.rs" "$d/gen_tv_fn.rs" \
	'cannot find function `first`'
gen gen_f --generate=functions,methods
fns="first second third token_new token_ptr token_alias"
rust_names "options: --generate=functions,methods: the six functions only (methods are C++)" "$d/gen_f.rs" "$fns" \
	"not_static_inline point token token_t count_t color callback counter SMALL NEG WIDE HUGE color_RED"
gen ignore --ignore-functions --generate functions,types
rust_names "options: --ignore-functions wins over --generate, as bindgen applies it after" "$d/ignore.rs" point \
	"$fns not_static_inline SMALL"
"$H2RS" "$H" --generate=functions,bogus -o "$d/x.rs" 2>"$d/gen_bad.err"
test_expect "options: --generate with an unknown kind is bindgen's error" '
	test_grep -F "Unknown codegen item kind: bogus" "$d/gen_bad.err"'

# --default-macro-constant-type (default_macro_constant_type, ir/var.rs)
gen signed --default-macro-constant-type signed
lines "options: --default-macro-constant-type signed: i32, i64 when it does not fit" signed \
	'pub const SMALL: i32 = 7;' 'pub const NEG: i32 = -2;' 'pub const WIDE: i32 = 300;' 'pub const HUGE: i64 = 4294967296;'
gen signed_fit --default-macro-constant-type=signed --fit-macro-constant-types
lines "options: --default-macro-constant-type signed --fit-macro-constant-types: i8, i16" signed_fit \
	'pub const SMALL: i8 = 7;' 'pub const NEG: i8 = -2;' 'pub const WIDE: i16 = 300;' 'pub const HUGE: i64 = 4294967296;'
gen unsigned --default-macro-constant-type unsigned
check "options: --default-macro-constant-type unsigned is the default" test_cmp "$d/plain.rs" "$d/unsigned.rs"

# --wasm-import-module-name: #[link(wasm_import_module)] before each
# function's extern block, not a variable's
gen wasm --wasm-import-module-name test-module
test_expect "options: --wasm-import-module-name: #[link(wasm_import_module)] on the six function blocks" '
	test_count 6 "^#\[link(wasm_import_module = \"test-module\")\]\$" "$d/wasm.rs" &&
	grep -B2 "pub static mut counter" "$d/wasm.rs" | test_grep ! wasm - &&
	rust_lib "$d/wasm.rs"'

# --generate-inline-functions (Function::parse): an inline function that is
# not static is skipped unless it is given, and always with --wrap-static-fns
gen inl --generate-inline-functions
rust_names "options: a non-static inline function is skipped" "$d/plain.rs" "" not_static_inline
rust_names "options: a non-static inline function is declared with --generate-inline-functions" "$d/inl.rs" not_static_inline ""
gen inl_wrap --generate-inline-functions --wrap-static-fns --wrap-static-fns-path "$d/inl_wrap_c"
test_expect "options: with --wrap-static-fns a non-static inline function is skipped, the static one wrapped" '
	test_grep ! not_static_inline "$d/inl_wrap.rs" && test_grep twice__extern "$d/inl_wrap.rs"'

# accepted: C++/Objective-C only, diagnostics, what h2rs always does
bad_noop=""
n=0
for f in --experimental --wrap-unsafe-ops --no-include-path-detection --no-record-matches --dynamic-link-require-all \
	--ignore-methods --enable-cxx-namespaces --disable-name-namespacing --conservative-inline-namespaces \
	--respect-cxx-access-specs --distrust-clang-mangling --use-specific-virtual-function-receiver \
	--use-distinct-char16-t --represent-cxx-operators --vtable-generation --generate-deleted-functions \
	--generate-pure-virtual-functions --generate-private-functions --objc-extern-crate --block-extern-crate \
	"--experimental --emit-diagnostics" "--default-alias-style type_alias" "--normal-alias count_t" \
	"--default-non-copy-union-style bindgen_wrapper" "--bindgen-wrapper-union u" \
	"--clang-macro-fallback-build-dir $d"; do
	n=$((n + 1))
	# shellcheck disable=SC2086
	if ! "$H2RS" "$H" "${base[@]}" $f -o "$d/noop.rs" 2>"$d/noop.err" || ! cmp -s "$d/plain.rs" "$d/noop.rs"; then
		bad_noop="$bad_noop $f"
	fi
done
[ -z "$bad_noop" ] && ok "options: $n C++/Objective-C-only, diagnostic and default-valued options are accepted and change nothing for C" ||
	not_ok "options: these changed the output or failed:$bad_noop"
"$H2RS" "$H" --emit-diagnostics -o "$d/x.rs" 2>"$d/diag.err"
rc=$?
test_expect "options: --emit-diagnostics without --experimental is an error, as bindgen's clap 'requires'" '
	[ "$rc" != 0 ] && test_grep "required arguments were not provided: --experimental" "$d/diag.err"'

# unsupported: an error naming the option, no output written
n=0
total=0
for f in --generate-block --builtins \
	"--module-raw-line m l"; do
	total=$((total + 1))
	rm -f "$d/unsup.rs"
	# shellcheck disable=SC2086
	"$H2RS" "$H" $f -o "$d/unsup.rs" 2>"$d/unsup.err"
	rc=$?
	name=${f%% *}
	if [ "$rc" = 1 ] && [ ! -e "$d/unsup.rs" ] && [ "$(wc -l <"$d/unsup.err")" = 1 ] &&
		grep -q "^h2rs: error: $name.* not supported by h2rs yet (" "$d/unsup.err"; then
		n=$((n + 1))
	else
		not_ok "options: $f is not refused clearly (exit $rc)"; indent <"$d/unsup.err"
	fi
done
[ "$n" = "$total" ] && ok "options: $n bindgen options h2rs does not implement are one error naming the option, nothing written"
"$H2RS" "$H" --field-attr 'point::x=#[x]' -o "$d/x.rs" 2>"$d/newer.err"
test_expect "options: --field-attr (newer than bindgen 0.72.1) is unknown, as in 0.72.1" '
	test_grep "unknown option '\''--field-attr" "$d/newer.err"'

# C++ input: one error, nothing written
cp "$H" "$d/cxx.hpp"
n=0
for args in "$d/cxx.hpp" "$H -- -x c++" "$H -- -xc++" "$H -- -std=c++17" "$H -- -x objective-c"; do
	rm -f "$d/cxx.rs"
	# shellcheck disable=SC2086
	"$H2RS" $args -o "$d/cxx.rs" 2>"$d/cxx.err" >/dev/null
	rc=$?
	if [ "$rc" = 1 ] && [ ! -e "$d/cxx.rs" ] && [ "$(wc -l <"$d/cxx.err")" = 1 ] &&
		grep -q '^h2rs: error: C++ and Objective-C input are not supported' "$d/cxx.err"; then
		n=$((n + 1))
	else
		not_ok "C++ input ($args): exit $rc"; indent <"$d/cxx.err"
	fi
done
[ "$n" = 5 ] && ok "C++ input (.hpp, -x c++, -xc++, -std=c++17, -x objective-c) fails at once with one clear error"

# --rust-target and --rust-edition: bindgen's words (features.rs, clap)
t_err() {
	local want=$1
	shift
	"$H2RS" "$@" 2>&1 >/dev/null | grep -qxF "h2rs: error: $want" || { echo "for $*:"; "$H2RS" "$@" 2>&1 | head -2; }
}
out=$(
	t_err "invalid value '9.bogus' for '--rust-target <RUST_TARGET>': \"9.bogus\" is not a valid Rust target, The largest major version of Rust released is \"1\"" --rust-target 9.bogus
	t_err "invalid value '1.cat' for '--rust-target <RUST_TARGET>': \"1.cat\" is not a valid Rust target, the minor version number must be an unsigned 64-bit integer" --rust-target 1.cat
	t_err "invalid value '1.70.x' for '--rust-target <RUST_TARGET>': \"1.70.x\" is not a valid Rust target, the patch version number must be an unsigned 64-bit integer" --rust-target 1.70.x
	t_err "invalid value '1.30' for '--rust-target <RUST_TARGET>': \"1.30\" is not a valid Rust target, the earliest Rust version supported by bindgen is 1.33.0" --rust-target 1.30
	t_err "invalid value '2' for '--rust-target <RUST_TARGET>': \"2\" is not a valid Rust target, accepted values are of the form \"1.71\", \"1.71.1\" or \"nightly\"." --rust-target 2
	t_err "invalid value '2030' for '--rust-edition <EDITION>': \"2030\" is not a valid Rust edition" "$H" --rust-edition 2030
	t_err "Unable to generate bindings: edition 2024 is not available on Rust 1.82.0 (it needs 1.85)" "$H" --rust-target 1.82 --rust-edition 2024
)
[ -z "$out" ] && ok "--rust-target and --rust-edition: invalid values are refused in bindgen's words, before any header is needed" ||
	{ not_ok "--rust-target/--rust-edition errors"; echo "$out" | indent; }
bad_rt=""
for v in 1.33 1.71.1 1.18446744073709551615 nightly; do
	"$H2RS" "$H" --rust-target "$v" -o "$d/rt.rs" 2>/dev/null || bad_rt="$bad_rt $v"
done
[ -z "$bad_rt" ] && ok "--rust-target takes 1.33, 1.71.1, 1.18446744073709551615 and nightly, as bindgen" ||
	not_ok "--rust-target refused:$bad_rt"

# --default-visibility (FieldVisibilityKind): fields, bitfield units,
# padding and bitfield accessors; opaque blobs and helper types keep pub
cat >"$d/vis.h" <<'C'
struct Point { int x; int y; };
struct Color { char r : 1; char g : 1; char b : 1; };
C
for v in crate private public; do
	"$H2RS" "$d/vis.h" --no-layout-tests -o "$d/vis_$v.rs" --default-visibility "$v" 2>"$d/vis_$v.err"
done
lines "options: --default-visibility crate: pub(crate) fields, bitfield units and accessors (bindgen's default_visibility_crate.h)" vis_crate \
	'    pub(crate) x: ::std::os::raw::c_int,' '    pub(crate) _bitfield_align_1: [u8; 0],' \
	'    pub(crate) _bitfield_1: __BindgenBitfieldUnit<[u8; 1usize]>,' \
	'    pub(crate) fn r(&self) -> ::std::os::raw::c_char {' \
	'    pub(crate) fn set_r(&mut self, val: ::std::os::raw::c_char) {' \
	'    pub(crate) unsafe fn r_raw(this: *const Self) -> ::std::os::raw::c_char {' \
	'    pub(crate) fn new_bitfield_1('
lines "options: --default-visibility private: no visibility on fields and accessors" vis_private \
	'    x: ::std::os::raw::c_int,' '    _bitfield_1: __BindgenBitfieldUnit<[u8; 1usize]>,' \
	'    fn set_g(&mut self, val: ::std::os::raw::c_char) {' '    pub fn get_bit(&self, index: usize) -> bool {'
"$H2RS" "$d/vis.h" --no-layout-tests -o "$d/vis_default.rs" 2>/dev/null
check "options: --default-visibility public is the default" test_cmp "$d/vis_default.rs" "$d/vis_public.rs"
cat >"$d/vis_main.rs" <<'R'
fn main() {
    let p = b::Point { x: 1, y: 2 };
    let c = b::Color { _bitfield_align_1: [], _bitfield_1: b::Color::new_bitfield_1(1, 0, 1) };
    assert_eq!(p.x + p.y + c.r() as i32, 3 + c.r() as i32);
}
R
rust_prog "options: --default-visibility crate: the crate itself uses the fields and accessors" "$d/vis_crate.rs" "$d/vis_main.rs"
cat >"$d/vis_priv_main.rs" <<'R'
fn main() {
    let p = b::Point { x: 1, y: 2 };
    let _ = p;
}
R
rust_fails "options: --default-visibility private: the fields are private to the bindings' module" \
	"$d/vis_private.rs" "$d/vis_priv_main.rs" 'private'
"$H2RS" "$d/vis.h" --default-visibility bogus -o "$d/x.rs" 2>"$d/vis_bad.err"
test_expect "options: --default-visibility bogus is an error" '
	test_grep "invalid value '\''bogus'\'' for '\''--default-visibility" "$d/vis_bad.err"'

# typedef styles (Type codegen): --new-type-alias, --new-type-alias-deref,
# --default-alias-style, --normal-alias
cat >"$d/alias.h" <<'C'
enum color2 { C2A, C2B };
typedef enum color2 color_alias;
typedef color_alias color_alias2;
typedef void *handle_t;
typedef int plain_t;
struct holder { handle_t h; plain_t p; };
C
"$H2RS" "$d/alias.h" --no-layout-tests --with-derive-default --new-type-alias handle_t --new-type-alias-deref plain_t \
	-o "$d/alias_nt.rs" 2>/dev/null
cat >"$d/alias_nt.want" <<'WANT'
#[repr(transparent)]
#[derive(Debug, Copy, Clone)]
pub struct handle_t(pub *mut ::std::os::raw::c_void);
#[repr(transparent)]
#[derive(Debug, Default, Copy, Clone)]
pub struct plain_t(pub ::std::os::raw::c_int);
impl ::std::ops::Deref for plain_t {
    type Target = ::std::os::raw::c_int;
    #[inline]
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}
impl ::std::ops::DerefMut for plain_t {
    #[inline]
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}
WANT
test_expect "options: --new-type-alias and --new-type-alias-deref: bindgen's tuple struct, derives and Deref/DerefMut (issue-1488-options.h)" '
	grep -A 19 "^#\[repr(transparent)\]\$" "$d/alias_nt.rs" | head -19 | test_cmp "$d/alias_nt.want" -'
cat >"$d/alias_main.rs" <<'R'
fn main() {
    let mut p = b::plain_t(5);
    *p += 1;
    assert_eq!(*p, 6);
    let h = b::holder { h: b::handle_t(std::ptr::null_mut()), p };
    assert!(h.h.0.is_null());
    assert_eq!(h.p.0, 6);
    let c: b::color_alias2 = b::color2_C2B;
    let d: b::color_alias = c;
    assert_eq!(d, 1);
}
R
rust_prog "options: --new-type-alias(-deref): the newtypes are used as bindgen users do (.0, Deref, DerefMut)" \
	"$d/alias_nt.rs" "$d/alias_main.rs"
"$H2RS" "$d/alias.h" --no-layout-tests --default-alias-style new_type --normal-alias plain_t -o "$d/alias_all.rs" 2>/dev/null
lines "options: --default-alias-style new_type: every typedef a newtype (enum aliases too), but --normal-alias ones" alias_all \
	'pub struct color_alias(pub color2);' 'pub struct handle_t(pub *mut ::std::os::raw::c_void);' \
	'pub type plain_t = ::std::os::raw::c_int;'
