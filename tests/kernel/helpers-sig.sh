#!/usr/bin/env bash
# tests/kernel/helpers-sig.sh O PRISTINE PATCHED [H2RS]: the Rust side of
# the kernel's helpers, hand-written (PRISTINE, a 7.2 tree) against
# generated (PATCHED, the same tree after examples/linux-7.2/apply.sh).
# In the object tree O (configured, built at least to rust/bindings), the
# kernel's own command for bindings_helpers_generated.rs is run over both
# trees' rust/helpers/helpers.c, the patched one after h2rs has written
# helpers_generated.c from the list with the same flags. Every helper the
# hand-written files declare to Rust must be declared by the generated ones
# with the same Rust signature (parameter names aside): Rust code written
# against the hand-written helpers then compiles unchanged. One allowance,
# counted: a generated pointer parameter '*const T' where the hand-written
# one is '*mut T' (Rust passes a *mut where a *const is expected).
# Prints an "ok - ..." or "not ok - ..." line for each check, with the
# differences. KEEP_TMP=1 keeps its files.
set -u
O=${1:?usage: helpers-sig.sh OBJDIR PRISTINE PATCHED [H2RS]}
S=$(cd "${2:?}" && pwd) P=$(cd "${3:?}" && pwd)
H2RS=${4:-h2rs}
cmdf=$O/rust/bindings/.bindings_helpers_generated.rs.cmd
[ -f "$cmdf" ] || { echo "not ok - helpers-sig: $cmdf: no such file (build rust/ first)"; exit 1; }
tmp=$(mktemp -d)
if [ -n "${KEEP_TMP:-}" ]; then echo "# files in $tmp"; else trap 'rm -rf "$tmp"' EXIT; fi
# kcmd CMDFILE: the Kbuild command's h2rs options (opts) and clang
# arguments (cflags), without the program, the input, -o, the depfile and
# the sed after it
kcmd() {
	local cmd
	cmd=$(sed -n 's/^savedcmd_[^ ]* := //p' "$1" | sed 's/ ; sed .*//')
	eval "set -- $cmd"
	shift 2
	opts=() cflags=()
	local dd=""
	while [ $# -gt 0 ]; do
		case $1 in
		--) dd=1 ;;
		-o) shift ;;
		-Wp,-MMD,*) ;;
		*) if [ -n "$dd" ]; then cflags+=("$1"); else opts+=("$1"); fi ;;
		esac
		shift
	done
}
kcmd "$cmdf"
# the include paths name the tree O was configured from: both trees are
# given theirs
retree() { local t=$1; shift; local a; for a in "$@"; do printf '%s\n' "${a//$src_of_o/$t}"; done; }
src_of_o=$(sed -n 's/^source_rust\/bindings\/bindings_helpers_generated.rs := \(.*\)\/rust\/helpers\/helpers.c$/\1/p' "$cmdf")
[ -n "$src_of_o" ] || src_of_o=$(sed -n 's/.* \(\/[^ ]*\)\/rust\/helpers\/helpers.c .*/\1/p' "$cmdf" | head -1)
mapfile -t cf_s < <(retree "$S" "${cflags[@]}")
mapfile -t cf_p < <(retree "$P" "${cflags[@]}")
cd "$O" || exit 1
if ! "$H2RS" "$P/rust/helpers/generated.h" -o /dev/null --wrap-list "$P/rust/helpers/helpers.list" \
	--wrap-static-fns-prefix rust_helper_ --wrap-attribute __rust_helper \
	--wrap-static-fns-path "$tmp/helpers_generated.c" -- "${cf_p[@]}" 2>"$tmp/gen.err"; then
	echo "not ok - helpers-sig: h2rs could not write helpers_generated.c"; sed 's/^/    /' "$tmp/gen.err" | head -20
	exit 1
fi
"$H2RS" "$S/rust/helpers/helpers.c" "${opts[@]}" -o "$tmp/hand.rs" -- "${cf_s[@]}" 2>"$tmp/hand.err" ||
	{ echo "not ok - helpers-sig: the hand-written helpers.c does not parse"; head -20 "$tmp/hand.err"; exit 1; }
"$H2RS" "$P/rust/helpers/helpers.c" "${opts[@]}" -o "$tmp/gen.rs" -- "-I$tmp" "${cf_p[@]}" 2>"$tmp/genrs.err" ||
	{ echo "not ok - helpers-sig: the generated helpers.c does not parse"; head -20 "$tmp/genrs.err"; exit 1; }
# one line per function: NAME<TAB>signature without parameter names
sigs() {
	tr '\n' ' ' <"$1" | tr ';' '\n' | grep -o 'pub fn rust_helper_.*' |
		sed -E 's/  +/ /g; s/\( /(/g; s/, \)/)/g; s/ \)/)/g; s/([(,] *)[A-Za-z_][A-Za-z0-9_]*: /\1/g' |
		sed -E 's/^pub fn rust_helper_([A-Za-z0-9_]+)/\1\t&/' | sort
}
# Rust's type aliases are the same type: the kernel's ffi aliases
# (rust/ffi.rs: c_ulong = usize) and the bindings' typedefs (u8_,
# phys_addr_t) are resolved before comparing
{
	sed -n '/^alias! {/,/^}/s/^ *\([a-z_]*\) = \([^;]*\);/\1 \2/p' "$S/rust/ffi.rs"
	sed -n 's/^pub type \([A-Za-z0-9_]*\) = \([^;]*\);$/\1 \2/p' "$O/rust/bindings/bindings_generated.rs"
} >"$tmp/aliases"
canon() {
	awk -F '\t' -v OFS='\t' 'NR == FNR { n = index($0, " "); a[substr($0, 1, n - 1)] = substr($0, n + 1); next }
	{
		s = $2; gsub(/(core::)?ffi::/, "", s)
		for (round = 0; round < 8; round++) {
			out = ""; changed = 0; t = s
			while (match(t, /[A-Za-z_][A-Za-z0-9_]*/)) {
				w = substr(t, RSTART, RLENGTH)
				pre = substr(t, 1, RSTART - 1)
				if ((w in a) && substr(pre, length(pre) - 1) != "fn") { w = a[w]; gsub(/(core::)?ffi::/, "", w); changed = 1 }
				out = out pre w; t = substr(t, RSTART + RLENGTH)
			}
			s = out t
			if (!changed) break
		}
		print $1, s
	}' "$tmp/aliases" -
}
sigs "$tmp/hand.rs" | canon >"$tmp/hand.sig"
sigs "$tmp/gen.rs" | canon >"$tmp/gen.sig"
n_hand=$(grep -c . "$tmp/hand.sig") n_gen=$(grep -c . "$tmp/gen.sig")
# join by name: missing, different, the const allowance
join -t "$(printf '\t')" -a1 -e MISSING -o 0,1.2,2.2 "$tmp/hand.sig" "$tmp/gen.sig" >"$tmp/joined"
bad=0 relaxed=0
while IFS="$(printf '\t')" read -r name hand gen; do
	[ "$hand" = "$gen" ] && continue
	if [ "$gen" = MISSING ]; then
		echo "    missing: $name (hand-written: $hand)"; bad=$((bad + 1)); continue
	fi
	# the allowance: turn the generated *const back into *mut where the
	# hand-written one has *mut, and compare again
	if awk -v h="$hand" -v g="$gen" 'BEGIN {
		n = split(h, hs, "*"); m = split(g, gs, "*")
		if (n != m || hs[1] != gs[1]) exit 1
		for (i = 2; i <= n; i++) {
			a = hs[i]; b = gs[i]
			if (a == b) continue
			if (a ~ /^mut / && b ~ /^const / && substr(a, 5) == substr(b, 7)) continue
			exit 1
		}
	}'; then
		relaxed=$((relaxed + 1)); echo "    const: $name: hand-written $hand, generated $gen"; continue
	fi
	echo "    differs: $name: hand-written $hand"
	echo "                  generated    $gen"
	bad=$((bad + 1))
done <"$tmp/joined"
extra=$(join -t "$(printf '\t')" -v2 "$tmp/hand.sig" "$tmp/gen.sig" | cut -f1 | tr '\n' ' ')
# a helper the hand-written tree lacks in this configuration is a list
# line outside its #if section: it may not link (dma_resv_unlock under
# DEBUG_MUTEXES without DMA_SHARED_BUFFER)
if [ -n "$extra" ]; then
	echo "    generated only (outside its #if section?): $extra"
	bad=$((bad + $(echo "$extra" | wc -w)))
fi
status=0
if [ $bad = 0 ]; then
	echo "ok - helpers-sig: all $n_hand hand-written Rust helper declarations have the generated helpers' signatures ($n_gen generated; $relaxed with *const for *mut)"
else
	echo "not ok - helpers-sig: $bad helpers: hand-written declarations missing or different in the generated ones, or generated ones the hand-written tree lacks ($n_hand hand-written, $n_gen generated)"
	sed 's/^/    /' "$tmp/gen.err" | grep -v 'note:' | head -20
	status=1
fi

# The constants: bindings_helper.h with its RUST_CONST_HELPER_ variables,
# their sed and --blocklist-item lines (PRISTINE) against consts.list
# (PATCHED). The listed constants must have the same Rust names, types
# (aliases resolved) and values, and every other line of
# bindings_generated.rs must be the same.
ccmd=$O/rust/bindings/.bindings_generated.rs.cmd
kcmd "$ccmd"
base=() skip=""
for a in "${opts[@]}"; do
	if [ -n "$skip" ]; then skip=""; continue; fi
	case $a in
	--const-list) skip=1; continue ;;
	--blocklist-item) skip=1; continue ;;
	esac
	base+=("$a")
done
mapfile -t blocks < <(sed -n 's/^--blocklist-item \(.*\)$/--blocklist-item\n\1/p' "$S/rust/bindgen_parameters")
mapfile -t cf_s < <(retree "$S" "${cflags[@]}")
mapfile -t cf_p < <(retree "$P" "${cflags[@]}")
"$H2RS" "$S/rust/bindings/bindings_helper.h" "${base[@]}" "${blocks[@]}" -o "$tmp/hand_b.rs" -- "${cf_s[@]}" 2>"$tmp/hb.err" &&
	sed -Ei 's/pub const RUST_CONST_HELPER_([a-zA-Z0-9_]*)/pub const \1/g' "$tmp/hand_b.rs" &&
	"$H2RS" "$P/rust/bindings/bindings_helper.h" "${base[@]}" --const-list "$P/rust/bindings/consts.list" \
		-o "$tmp/gen_b.rs" -- "${cf_p[@]}" 2>"$tmp/gb.err"
rc=$?
names=$(awk '!/^#/ && NF { sub(/;$/, ""); if ((i = index($0, " = "))) $0 = substr($0, 1, i - 1); print $NF }' "$P/rust/bindings/consts.list" | sort -u)
consts() { # RS: NAME<TAB>TYPE = VALUE of the listed names
	grep -E "^pub const ($(echo $names | tr ' ' '|')): " "$1" |
		sed -E 's/^pub const ([A-Za-z0-9_]+): (.*);$/\1\t\2/' | canon | sort
}
if [ $rc != 0 ]; then
	echo "not ok - helpers-sig: h2rs failed on bindings_helper.h"; cat "$tmp/hb.err" "$tmp/gb.err" | head -10
	exit 1
fi
consts "$tmp/hand_b.rs" >"$tmp/hand.c"
consts "$tmp/gen_b.rs" >"$tmp/gen.c"
others() { grep -Ev "^pub const ($(echo $names | tr ' ' '|')): " "$1"; }
if cmp -s "$tmp/hand.c" "$tmp/gen.c" && [ -s "$tmp/hand.c" ] &&
	cmp -s <(others "$tmp/hand_b.rs") <(others "$tmp/gen_b.rs"); then
	echo "ok - helpers-sig: the $(grep -c . "$tmp/hand.c") RUST_CONST_HELPER_ constants of this configuration come from consts.list with the same names, types and values, and the other $(others "$tmp/gen_b.rs" | grep -c .) lines of the bindings are the same"
else
	echo "not ok - helpers-sig: the constants from consts.list differ from the RUST_CONST_HELPER_ ones"
	diff "$tmp/hand.c" "$tmp/gen.c" | head -10 | sed 's/^/    /'
	diff <(others "$tmp/hand_b.rs") <(others "$tmp/gen_b.rs") | head -10 | sed 's/^/    /'
	status=1
fi
exit $status
