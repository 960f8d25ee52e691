#!/usr/bin/env bash
# bindgen 0.72.1's rules for enums that a drop-in replacement must follow
# (read from bindgen's codegen/mod.rs, Enum codegen and EnumBuilder;
# ir/enum_ty.rs, computed_enum_variation and is_matching_enum;
# ir/context.rs, compute_allowlisted_and_codegen_items and
# compute_enum_typedef_combos):
#  1. the constants of an anonymous enum inside a record are prefixed with
#     the record's name (constant_mangling_prefix), in every style that
#     puts them at module level; --no-prepend-enum-name drops the prefix;
#  2. an anonymous rustified enum also gets a module-level constant per
#     variant (prefixed with the parent record's name when nested, whatever
#     --no-prepend-enum-name says), and anonymous newtype/bitfield enums
#     have module-level constants, not an impl block;
#  3. --allowlist-var/--allowlist-item naming a variant of a top-level
#     anonymous enum allowlist the enum; a variant of a named or a nested
#     enum does not;
#  4. when several style options match an enum, the first in the order
#     module, bitfield, newtype, newtype_global, rust, rust_non_exhaustive,
#     consts wins, then --default-enum-style; an anonymous enum matches
#     through its variants' names too;
#  5. cbindgen's `enum E {..}; typedef int16_t E;` gives `pub type E = i16;`
#     and constants of type E, no type of the enum's own.
# Names and values are checked by Rust programs against gcc's values and
# gcc-compiled functions; shapes whose text is bindgen's are compared with
# the text bindgen's rules give, written out here.
. "$(dirname "$0")/lib.sh"
d="$OUT/t38"
rm -rf "$d"
mkdir -p "$d"
R="$FIX/enum_rules.h"
S="$FIX/enum_sized.h"
base=(--disable-header-comment)
gcc -c -w -I"$FIX" "$FIX/enum_rules.c" -o "$d/rules.o" && ar rcs "$d/librules.a" "$d/rules.o"
gcc -c -I"$FIX" "$FIX/enum_sized.c" -o "$d/sized.o" && ar rcs "$d/libsized.a" "$d/sized.o"

gen() { # OUT HEADER OPTIONS...: bindings in $d/OUT.rs (stderr in $d/OUT.err)
	local out=$1 hdr=$2
	shift 2
	"$H2RS" "$hdr" "${base[@]}" -o "$d/$out.rs" "$@" 2>"$d/$out.err" ||
		{ echo "# h2rs failed for $out:"; indent <"$d/$out.err"; }
}
has_text() { # NAME FILE WANT: the output contains WANT (lines in a row), and compiles
	local name=$1 f=$2 want=$3
	if [[ "$(cat "$d/$f.rs")" != *"$want"* ]]; then
		not_ok "$name"
		echo "$want" | sed 's/^/    want: /'
		indent 60 <"$d/$f.rs"
		return
	fi
	if ! rust_lib "$d/$f.rs" >"$d/$f.rustc" 2>&1; then
		not_ok "$name: does not compile"; indent <"$d/$f.rustc"; return
	fi
	ok "$name"
}
rustfmt_same() { # NAME FILE: rustfmt changes nothing in the bindings
	command -v rustfmt >/dev/null 2>&1 || return 0
	cp "$d/$2.rs" "$d/$2.fmt.rs"
	if rustfmt --edition 2021 "$d/$2.fmt.rs" 2>/dev/null && cmp -s "$d/$2.rs" "$d/$2.fmt.rs"; then
		return 0
	fi
	echo "    $1: rustfmt changes the output:"
	diff "$d/$2.rs" "$d/$2.fmt.rs" | indent 20
	return 1
}

# ---- 1 and 2: names in every style, with and without the enum's name ----

# TYPE ANONYMOUS PARENT VARIANTS: the fixture's enums as bindgen names them
# (anonymous ones _bindgen_ty_N, nested ones PARENT_NAME)
enums='_bindgen_ty_1 1 - TOP_ONE TOP_TWO TOP_ALIAS
holder__bindgen_ty_1 1 holder HOLD_A HOLD_B HOLD_C HOLD_NEG
lonely__bindgen_ty_1 1 lonely LONE_X
outer__bindgen_ty_1__bindgen_ty_1 1 outer__bindgen_ty_1 DEEP_X DEEP_Y
color 0 - RED GREEN BLUE CYAN
with_named_shade 0 with_named LIGHT DARK
td_t 0 - TD_A TD_B'

# path STYLE PREFIX TYPE ANON PARENT VARIANT: the Rust path of a variant's
# constant under bindgen's rules
path() {
	local st=$1 pre=$2 ty=$3 anon=$4 parent=$5 v=$6 glob
	if [ "$pre" = no ]; then
		glob=$v
	elif [ "$anon" = 1 ]; then
		if [ "$parent" = - ]; then glob=$v; else glob=${parent}_$v; fi
	else
		glob=${ty}_$v
	fi
	case $st in
	moduleconsts) echo "b::$ty::$v" ;;
	consts | newtype_global) echo "b::$glob" ;;
	newtype | bitfield) if [ "$anon" = 1 ]; then echo "b::$glob"; else echo "b::$ty::$v"; fi ;;
	rust | rust_non_exhaustive)
		if [ "$anon" = 0 ]; then echo "b::$ty::$v"
		elif [ "$parent" = - ]; then echo "b::$v"
		else echo "b::${parent}_$v"; fi ;;
	esac
}
# as_int STYLE EXPR: the constant as an i64
as_int() {
	case $1 in
	newtype | newtype_global | bitfield) echo "($2).0 as i64" ;;
	*) echo "($2) as i64" ;;
	esac
}

# gcc's value of every enumerator
{
	echo '#include <stdio.h>'
	echo "#include \"$R\""
	echo 'int main(void) {'
	echo "$enums" | while read -r ty anon parent vs; do
		for v in $vs; do echo "	printf(\"$v %lld\\n\", (long long)$v);"; done
	done
	echo '	return 0; }'
} >"$d/values.c"
gcc -w "$d/values.c" -o "$d/values_c" && "$d/values_c" >"$d/values.gcc"
gccval() { sed -n "s/^$1 //p" "$d/values.gcc"; }

styles="consts moduleconsts newtype newtype_global bitfield rust rust_non_exhaustive"
for st in $styles; do
	for pre in yes no; do
		f="$st-$pre"
		opts=(--default-enum-style "$st")
		what="$st style"
		[ $pre = no ] && opts+=(--no-prepend-enum-name) && what="$what, --no-prepend-enum-name"
		gen "$f" "$R" "${opts[@]}"
		hb=$(path "$st" "$pre" holder__bindgen_ty_1 1 holder HOLD_B)
		de=$(path "$st" "$pre" outer__bindgen_ty_1__bindgen_ty_1 1 outer__bindgen_ty_1 DEEP_Y)
		{
			echo 'fn main() {'
			echo "$enums" | while read -r ty anon parent vs; do
				for v in $vs; do
					echo "    assert_eq!($(as_int "$st" "$(path "$st" "$pre" "$ty" "$anon" "$parent" "$v")"), $(gccval "$v"), \"$v\");"
				done
			done
			# the typed constants through gcc-compiled functions
			echo "    let h = b::holder { kind: $hb, n: 7 };"
			echo "    assert_eq!(unsafe { b::holder_kind(&h) }, 3);"
			echo "    assert!(unsafe { b::holder_make(3, 1) }.kind == $hb);"
			echo "    let o = b::outer { in_: b::outer__bindgen_ty_1 { e: $de } };"
			echo "    assert_eq!(unsafe { b::outer_e(o) }, 11);"
			echo '}'
		} >"$d/$f.main.rs"
		rust_prog "names, $what: bindgen's names for all $(wc -l <"$d/values.gcc") constants, each equal to gcc's value; typed ones through gcc's functions" \
			"$d/$f.rs" "$d/$f.main.rs" -L"$d" -lrules
		rustfmt_same "$f" "$f" || not_ok "names, $what: the output is not as rustfmt formats it"
	done
done

# the same styles asked for by regex instead of the default
gen byregex "$R" --rustified-enum 'holder__bindgen_ty_1' --newtype-enum '_bindgen_ty_1' \
	--bitfield-enum 'outer__bindgen_ty_1__bindgen_ty_1' --newtype-global-enum color
cat >"$d/byregex.main.rs" <<'RS'
fn main() {
    let h = b::holder { kind: b::holder_HOLD_C, n: 0 };
    assert!(h.kind == b::holder__bindgen_ty_1::HOLD_B);
    let t: b::_bindgen_ty_1 = b::TOP_ALIAS; // an anonymous newtype's constants are global
    assert_eq!(t.0, 2);
    assert_eq!((b::outer__bindgen_ty_1_DEEP_X | b::outer__bindgen_ty_1_DEEP_Y).0, 11);
    assert_eq!(b::color_CYAN.0, 5);
}
RS
rust_prog "names, styles by regex on the generated names (holder__bindgen_ty_1, _bindgen_ty_1, …)" \
	"$d/byregex.rs" "$d/byregex.main.rs"

# bindgen's text for these shapes (anon_enum.hpp, enum-default-bitfield.h,
# enum_dupe.h and struct_typedef.h show it): constants before the type
has_text "text, consts: a nested anonymous enum's constants are PARENT_VARIANT, typed PARENT__bindgen_ty_N" consts-yes \
'pub const holder_HOLD_A: holder__bindgen_ty_1 = 0;
pub const holder_HOLD_B: holder__bindgen_ty_1 = 3;
pub const holder_HOLD_C: holder__bindgen_ty_1 = 3;
pub const holder_HOLD_NEG: holder__bindgen_ty_1 = -4;
pub type holder__bindgen_ty_1 = ::std::os::raw::c_int;'
has_text "text, rust: a nested anonymous enum gets PARENT_VARIANT constants, a duplicate one naming the first variant" rust-yes \
'pub const holder_HOLD_A: holder__bindgen_ty_1 = holder__bindgen_ty_1::HOLD_A;
pub const holder_HOLD_B: holder__bindgen_ty_1 = holder__bindgen_ty_1::HOLD_B;
pub const holder_HOLD_C: holder__bindgen_ty_1 = holder__bindgen_ty_1::HOLD_B;
pub const holder_HOLD_NEG: holder__bindgen_ty_1 = holder__bindgen_ty_1::HOLD_NEG;
#[repr(i32)]
#[derive(Debug, Copy, Clone, Hash, PartialEq, Eq)]
pub enum holder__bindgen_ty_1 {
    HOLD_A = 0,
    HOLD_B = 3,
    HOLD_NEG = -4,
}'
has_text "text, rust with --no-prepend-enum-name: the parent's prefix stays; top-level ones have none" rust-no \
'pub const lonely_LONE_X: lonely__bindgen_ty_1 = lonely__bindgen_ty_1::LONE_X;
#[repr(u32)]
#[derive(Debug, Copy, Clone, Hash, PartialEq, Eq)]
pub enum lonely__bindgen_ty_1 {
    LONE_X = 7,
}'
has_text "text, rust: a top-level anonymous enum's constants have no prefix" rust-yes \
'pub const TOP_ONE: _bindgen_ty_1 = _bindgen_ty_1::TOP_ONE;
pub const TOP_TWO: _bindgen_ty_1 = _bindgen_ty_1::TOP_TWO;
pub const TOP_ALIAS: _bindgen_ty_1 = _bindgen_ty_1::TOP_TWO;
#[repr(u32)]'
has_text "text, rust: a named enum's duplicate is an associated constant in an impl before the enum" rust-yes \
'impl color {
    pub const CYAN: color = color::GREEN;
}
#[repr(u32)]
#[derive(Debug, Copy, Clone, Hash, PartialEq, Eq)]
pub enum color {
    RED = 0,
    GREEN = 5,
    BLUE = 6,
}'
has_text "text, newtype: a named enum's constants in one impl block" newtype-yes \
'impl color {
    pub const RED: color = color(0);
    pub const GREEN: color = color(5);
    pub const BLUE: color = color(6);
    pub const CYAN: color = color(5);
}
#[repr(transparent)]'
has_text "text, bitfield: a nested anonymous enum's constants at module level, PARENT_VARIANT" bitfield-yes \
'pub const outer__bindgen_ty_1_DEEP_X: outer__bindgen_ty_1__bindgen_ty_1 =
    outer__bindgen_ty_1__bindgen_ty_1(10);
pub const outer__bindgen_ty_1_DEEP_Y: outer__bindgen_ty_1__bindgen_ty_1 =
    outer__bindgen_ty_1__bindgen_ty_1(11);
impl ::std::ops::BitOr<outer__bindgen_ty_1__bindgen_ty_1> for outer__bindgen_ty_1__bindgen_ty_1 {'
has_text "text, newtype_global with --no-prepend-enum-name: bare variant names" newtype_global-no \
'pub const LIGHT: with_named_shade = with_named_shade(100);
pub const DARK: with_named_shade = with_named_shade(101);'

# ---- 3: allowlisting an anonymous enum through its variants ----

anon_consts='pub const TOP_ONE: _bindgen_ty_1 = 1;
pub const TOP_TWO: _bindgen_ty_1 = 2;
pub const TOP_ALIAS: _bindgen_ty_1 = 2;
pub type _bindgen_ty_1 = ::std::os::raw::c_uint;'
exactly() { # NAME FILE WANT: the output is exactly WANT (and compiles)
	if [ "$(cat "$d/$2.rs")" != "$3" ]; then
		not_ok "$1"; echo "$3" | sed 's/^/    want: /'; indent 30 <"$d/$2.rs"; return
	fi
	if [ -n "$3" ] && ! rust_lib "$d/$2.rs" >"$d/$2.rustc" 2>&1; then
		not_ok "$1: does not compile"; indent <"$d/$2.rustc"; return
	fi
	ok "$1"
}
gen av "$R" --no-layout-tests --allowlist-var TOP_TWO
exactly "allowlist: --allowlist-var naming one variant of a top-level anonymous enum emits the enum (bindgen's anon_enum_allowlist shape)" av "$anon_consts"
gen ai "$R" --no-layout-tests --allowlist-item 'TOP_O.*'
exactly "allowlist: --allowlist-item matching a variant does the same" ai "$anon_consts"
gen avr "$R" --no-layout-tests --allowlist-var 'TOP_.*' --rustified-enum '.*'
exactly "allowlist: with --rustified-enum the enum and its module-level constants" avr \
'pub const TOP_ONE: _bindgen_ty_1 = _bindgen_ty_1::TOP_ONE;
pub const TOP_TWO: _bindgen_ty_1 = _bindgen_ty_1::TOP_TWO;
pub const TOP_ALIAS: _bindgen_ty_1 = _bindgen_ty_1::TOP_TWO;
#[repr(u32)]
#[derive(Debug, Copy, Clone, Hash, PartialEq, Eq)]
pub enum _bindgen_ty_1 {
    TOP_ONE = 1,
    TOP_TWO = 2,
}'
cat >"$d/avr.main.rs" <<'RS'
fn main() {
    let t: b::_bindgen_ty_1 = b::TOP_ALIAS;
    assert_eq!(t, b::_bindgen_ty_1::TOP_TWO);
    assert_eq!(b::TOP_ONE as u32, 1);
}
RS
rust_prog "allowlist: the allowlisted rustified constants used from Rust" "$d/avr.rs" "$d/avr.main.rs"
for a in "--allowlist-var HOLD_A" "--allowlist-item holder_HOLD_B" "--allowlist-var LONE_X" \
	"--allowlist-var RED|color_RED" "--allowlist-item GREEN|color_GREEN" "--allowlist-var TD_A|td_t_TD_A" \
	"--allowlist-var LIGHT|with_named_shade_LIGHT"; do
	# shellcheck disable=SC2086
	gen none "$R" --no-layout-tests $a
	exactly "allowlist: $a (a variant of a named or nested enum) allowlists nothing, as in bindgen" none ""
done
gen avb "$R" --no-layout-tests --allowlist-var 'TOP_.*' --blocklist-type _bindgen_ty_1
exactly "allowlist: a blocklisted anonymous enum stays out, variants and all (anon_enum_blocklist)" avb ""

# ---- 4: which style wins when several match ----

# short names for bindgen's order (computed_enum_variation)
order="mod bf nt ntg rs rsne cst"
flag() {
	case $1 in
	mod) echo --constified-enum-module ;; bf) echo --bitfield-enum ;; nt) echo --newtype-enum ;;
	ntg) echo --newtype-global-enum ;; rs) echo --rustified-enum ;;
	rsne) echo --rustified-non-exhaustive-enum ;; cst) echo --constified-enum ;;
	esac
}
P="$d/prec.h"
{
	echo '/* anonymous enums, each matched through its variant by one style */'
	for s in $order; do echo "enum { pa_${s}_X = 3 };"; done
	echo '/* a named enum matched by a pair of styles, p_FIRST_SECOND */'
	set -- $order
	pairs=""
	while [ $# -gt 1 ]; do
		a=$1; shift
		for b in "$@"; do pairs="$pairs ${a}_$b"; echo "enum p_${a}_$b { p_${a}_${b}_A = 1, p_${a}_${b}_B = 6 };"; done
	done
	echo '/* matched by one style, by none, and a named enum matched through a variant (which does not count) */'
	for s in $order; do echo "enum p_$s { p_${s}_A = 1, p_${s}_B = 6 };"; done
	echo 'enum p_none { p_none_A = 1, p_none_B = 6 };'
	echo 'enum p_byvar { p_byvar_A = 1, p_byvar_B = 6 };'
} >"$P"
# check STYLE ENUM: Rust code that compiles only for that style's shape
# (the bindings are another crate, where #[non_exhaustive] has its effect)
check_style() {
	local st=$1 e=$2
	case $st in
	cst) echo "    { let v: u32 = b::${e}_${e}_B; assert_eq!(v, 6); }" ;;
	mod) echo "    { let v: u32 = b::$e::${e}_B; let _t: b::$e::Type = v; assert_eq!(v, 6); }" ;;
	bf) echo "    assert_eq!((b::$e::${e}_A | b::$e::${e}_B).0, 7);" ;;
	nt) echo "    assert_eq!(b::$e::${e}_B.0, 6);" ;;
	ntg) echo "    assert_eq!(b::${e}_${e}_B.0, 6);" ;;
	rs) echo "    assert_eq!(match b::$e::${e}_B { b::$e::${e}_A => 1, b::$e::${e}_B => 6 }, 6);" ;;
	rsne) echo "    assert_eq!(match b::$e::${e}_B { b::$e::${e}_A => 1, b::$e::${e}_B => 6, _ => 0 }, 6);" ;;
	esac
}
check_anon() {
	local st=$1 n=$2 c=pa_$1_X
	case $st in
	cst | ntg) [ "$st" = cst ] && echo "    { let v: u32 = b::$c; assert_eq!(v, 3); }" || echo "    assert_eq!(b::$c.0, 3);" ;;
	mod) echo "    { let v: u32 = b::_bindgen_ty_$n::$c; assert_eq!(v, 3); }" ;;
	bf) echo "    assert_eq!((b::$c | b::$c).0, 3);" ;;
	nt) echo "    { let v: b::_bindgen_ty_$n = b::$c; assert_eq!(v.0, 3); }" ;;
	rs) echo "    assert_eq!(match b::$c { b::_bindgen_ty_$n::$c => 3 }, 3);" ;;
	rsne) echo "    assert_eq!(match b::$c { b::_bindgen_ty_$n::$c => 3, _ => 0 }, 3);" ;;
	esac
}
# prec_args STYLE...: the style options, in this order, into args; the
# enums of $drop (ENUM:STYLE ...) left out of that style's regex, those of
# $add put in
drop="" add=""
prec_args() {
	args=()
	local s p e alts
	for s in "$@"; do
		alts="pa_${s}_X"
		for e in "p_$s" $(for p in $pairs; do case "_${p}_" in *"_${s}_"*) echo "p_$p" ;; esac; done) \
			$(for p in $add; do [ "${p#*:}" = "$s" ] && echo "${p%:*}"; done); do
			case " $drop " in *" $e:$s "*) continue ;; esac
			alts="$alts|$e"
		done
		[ "$s" = rs ] && alts="$alts|p_byvar_A"
		args+=("$(flag "$s")" "$alts")
	done
}
prec_run() { # KEY WHAT DEFAULT-STYLE(short) FLAG-ORDER...
	local name=$1 what=$2 dflt=$3
	shift 3
	prec_args "$@"
	local long
	case $dflt in cst) long=consts ;; mod) long=moduleconsts ;; nt) long=newtype ;; ntg) long=newtype_global ;;
	bf) long=bitfield ;; rs) long=rust ;; rsne) long=rust_non_exhaustive ;; esac
	"$H2RS" "$P" "${base[@]}" --no-layout-tests --default-enum-style "$long" "${args[@]}" \
		-o "$d/$name.rs" 2>"$d/$name.err" || { not_ok "precedence, $what: h2rs failed"; indent <"$d/$name.err"; return; }
	{
		echo "$ALLOWS"
		echo 'use bind as b;'
		echo 'fn main() {'
		local i=0
		for s in $order; do i=$((i + 1)); check_anon "$s" $i; done
		for p in $pairs; do check_style "${p%%_*}" "p_$p"; done # the first of the pair wins
		for s in $order; do check_style "$s" "p_$s"; done
		check_style "$dflt" p_none
		check_style "$dflt" p_byvar
		echo '}'
	} >"$d/$name.main.rs"
	printf '%s\ninclude!("%s");\n' "$ALLOWS" "$d/$name.rs" >"$d/$name.lib.rs"
	if ! "$RUSTC" --edition 2021 --crate-type rlib --crate-name bind -D warnings "$d/$name.lib.rs" \
		-o "$d/libbind_$name.rlib" >"$d/$name.rustc" 2>&1; then
		not_ok "precedence, $what: the bindings do not compile"; indent <"$d/$name.rustc"; return
	fi
	if ! "$RUSTC" --edition 2021 -D warnings --crate-name main --extern bind="$d/libbind_$name.rlib" "$d/$name.main.rs" \
		-o "$d/$name.main" >"$d/$name.rustc2" 2>&1; then
		not_ok "precedence, $what: the shapes are not the winning styles'"; indent 30 <"$d/$name.rustc2"; return
	fi
	if ! "$d/$name.main"; then not_ok "precedence, $what: wrong values"; return; fi
	ok "precedence, $what: each of the 21 pairs of styles gives the first in bindgen's order, each style alone its own, anonymous enums through their variants, the rest --default-enum-style"
}
prec_run prec1 "options in bindgen's order, default consts" cst $order
prec_run prec2 "options in reverse order, default newtype" nt $(echo $order | tr ' ' '\n' | tac)
prec_run prec3 "options in another order, default rust_non_exhaustive" rsne rs cst mod rsne ntg bf nt
# the check cannot pass with other winners: the first run's program against
# bindings where p_mod_rs and p_rs_rsne got the second style of their pair
wrong() { # WHAT DROP ADD PATTERN: the first run's program fails, for the reason PATTERN
	local what=$1 pat=$4
	drop=$2 add=$3 prec_args $order
	"$H2RS" "$P" "${base[@]}" --no-layout-tests "${args[@]}" -o "$d/wrong.rs" 2>/dev/null
	printf '%s\ninclude!("%s");\n' "$ALLOWS" "$d/wrong.rs" >"$d/wrong.lib.rs"
	"$RUSTC" --edition 2021 --crate-type rlib --crate-name bind "$d/wrong.lib.rs" -o "$d/libbind_wrong.rlib" \
		>/dev/null 2>&1
	if "$RUSTC" --edition 2021 -D warnings --crate-name main --extern bind="$d/libbind_wrong.rlib" "$d/prec1.main.rs" \
		-o "$d/wrong.main" >"$d/wrong.err" 2>&1; then
		not_ok "precedence: the check passes with $what (it cannot fail)"
	elif grep -qE "$pat" "$d/wrong.err"; then
		ok "precedence: the check fails with $what"
	else
		not_ok "precedence: the check fails with $what, but not for that reason"; indent <"$d/wrong.err"
	fi
}
wrong "p_mod_rs rustified" p_mod_rs:mod "" 'p_mod_rs'
wrong "p_rs_rsne non-exhaustive" p_rs_rsne:rs "" 'non-exhaustive patterns'
wrong "p_rsne rustified (exhaustive)" "" p_rsne:rs 'unreachable pattern'
wrong "p_bf_nt a newtype without BitOr" p_bf_nt:bf "" 'no implementation for .p_bf_nt \| p_bf_nt'

# ---- 5: cbindgen's sized enums ----

gen sized "$S" --no-layout-tests --allowlist-file '.*enum_sized\.h'
has_text "sized: enum E {..}; typedef INT E; is pub type E = INT with constants of type E, typedef before or after (bindgen's enum-typedef.h shape)" sized \
'pub const Sized16_S16_A: Sized16 = 1;
pub const Sized16_S16_B: Sized16 = -2;
pub const Sized16_S16_C: Sized16 = 300;
pub type Sized16 = i16;
pub type Sized8 = u8;
pub const Sized8_S8_A: Sized8 = 0;
pub const Sized8_S8_MAX: Sized8 = 255;
pub const SizedInt_SI_NEG: SizedInt = -1;
pub const SizedInt_SI_B: SizedInt = 0;
pub type SizedInt = ::std::os::raw::c_int;
pub type my_u16 = ::std::os::raw::c_ushort;
pub type SizedUser = my_u16;
pub const SizedUser_SU_HIGH: SizedUser = 32768;
pub const SizedUser_SU_LOW: SizedUser = 1;
pub const Plain_P_A: Plain = 3;
pub type Plain = ::std::os::raw::c_uint;
pub const Other_O_A: Other = 9;
pub type Other = ::std::os::raw::c_uint;
pub type Other_t = i16;'
# LABEL|C EXPRESSION|RUST EXPRESSION: values gcc computes, which Rust must
# compute the same through the bindings
sized_cases='S16_A|S16_A|b::Sized16_S16_A
S16_B|S16_B|b::Sized16_S16_B
S16_C|S16_C|b::Sized16_S16_C
S8_MAX|S8_MAX|b::Sized8_S8_MAX
SI_NEG|SI_NEG|b::SizedInt_SI_NEG
SU_HIGH|SU_HIGH|b::SizedUser_SU_HIGH
next16_c|sized16_next(S16_C)|unsafe { b::sized16_next(b::Sized16_S16_C) }
next16_b|sized16_next(S16_B)|unsafe { b::sized16_next(b::Sized16_S16_B) }
flip8_a|sized8_flip(S8_A)|unsafe { b::sized8_flip(b::Sized8_S8_A) }
flip8_7|sized8_flip(7)|unsafe { b::sized8_flip(7) }
neg|sized_int_neg(SI_NEG)|unsafe { b::sized_int_neg(b::SizedInt_SI_NEG) }
or16|sized_user_or(SU_LOW)|unsafe { b::sized_user_or(b::SizedUser_SU_LOW) }
tag|sized_tag((enum Sized16)70000)|unsafe { b::sized_tag(70000) }
sum|sized_holder_sum(hh)|unsafe { b::sized_holder_sum(hh) }
size16|sizeof(Sized16)|std::mem::size_of::<b::Sized16>()
size8|sizeof(Sized8)|std::mem::size_of::<b::Sized8>()
sizeh|sizeof(struct sized_holder)|std::mem::size_of::<b::sized_holder>()'
{
	echo '#include <stdio.h>'
	echo "#include \"$S\""
	echo 'int main(void) {'
	echo '	struct sized_holder hh = {S16_C, S8_MAX, SU_HIGH, (enum Sized16)70000};'
	echo "$sized_cases" | while IFS='|' read -r l ce re; do echo "	printf(\"$l %lld\\n\", (long long)($ce));"; done
	echo '	return 0; }'
} >"$d/sized.c"
gcc -w -I"$FIX" "$d/sized.c" "$FIX/enum_sized.c" -o "$d/sized_c" && "$d/sized_c" >"$d/sized.gcc"
{
	echo 'fn main() {'
	echo '    // the constants have the typedef'"'"'s type'
	echo '    let (_, _, _): (i16, i16, i16) = (b::Sized16_S16_A, b::Sized16_S16_B, b::Sized16_S16_C);'
	echo '    let _: u8 = b::Sized8_S8_MAX;'
	echo '    let _: i32 = b::SizedInt_SI_NEG;'
	echo '    let _: u16 = b::SizedUser_SU_HIGH;'
	echo '    let _: b::my_u16 = b::SizedUser_SU_LOW;'
	echo '    // `enum Sized16` itself is int-sized in C: the member and parameter hold 70000'
	echo '    let hh = b::sized_holder { a: b::Sized16_S16_C, b: b::Sized8_S8_MAX, c: b::SizedUser_SU_HIGH, tag: 70000 };'
	echo "$sized_cases" | while IFS='|' read -r l ce re; do
		echo "    assert_eq!(($re) as i64, $(sed -n "s/^$l //p" "$d/sized.gcc"), \"$l\");"
	done
	echo '}'
} >"$d/sized.main.rs"
rust_prog "sized: the constants typed i16/u8/c_int/my_u16, gcc's functions taking and returning them called from Rust, all $(echo "$sized_cases" | wc -l) values equal to gcc's" \
	"$d/sized.rs" "$d/sized.main.rs" -L"$d" -lsized
layout_check "sized: sized_holder (typedef members and an 'enum Sized16' member)" "$S"
gen sizedr "$S" --no-layout-tests --allowlist-file '.*enum_sized\.h' --rustified-enum 'Sized.*'
cat >"$d/sizedr.main.rs" <<'RS'
fn main() {
    let v: b::Sized16 = 300i16;
    assert_eq!(unsafe { b::sized16_next(v) }, 898);
    assert_eq!(unsafe { b::sized8_flip(0u8) }, 255);
}
RS
rust_prog "sized, --rustified-enum: the typedefs keep their names and the C ABI (bindgen writes the enum too and does not compile)" \
	"$d/sizedr.rs" "$d/sizedr.main.rs" -L"$d" -lsized
"$H2RS" "$S" --rustified-enum 'Sized.*' --explain Sized16 -o /dev/null 2>"$d/sizedr.explain"
test_expect "sized, --rustified-enum: --explain gives the reason the enum is left out" '
	test_grep "Sized16: not emitted: its Rust name '\''Sized16'\'' is the integer typedef'\''s" "$d/sizedr.explain"'
