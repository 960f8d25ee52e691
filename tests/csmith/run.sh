#!/usr/bin/env bash
# csmith differential: the struct and union declarations of
# `csmith --bitfields --packed-struct --seed S` programs, one header per
# seed, through h2rs; the bindings must compile with rustc -D warnings, every
# record's size, alignment and field offsets must equal gcc's (lib.sh's
# layout_check: the --layout-probe programs), and every named bitfield must
# occupy the same bits: a program from gcc and one from rustc each zero the
# record, set the one field to all ones (gcc by assignment, Rust by the
# bindings' setter), and print the record's bytes and the field read back.
#
# csmith prints its declarations in one block between the comments
# "--- Struct/Union Declarations ---" and "--- GLOBAL VARIABLES ---",
# needing only <stdint.h>; the header is that block cut by those markers.
#
#   SEEDS=N (default 1000) seeds from FIRST (1); JOBS seeds at once
#   (default 1). Prints one "ok"/"not ok" line per failing seed and one for
#   the run, then the figures: seeds, records, fields, bitfields,
#   mismatches, opaque records by reason.
#   `make test-csmith SEEDS=N`; tests/t87-csmith.sh runs a sample.
set -u
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
[ -d "$HOME/.cargo/bin" ] && export PATH="$HOME/.cargo/bin:$PATH"
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"
SEEDS=${SEEDS:-1000}
FIRST=${FIRST:-1}
JOBS=${JOBS:-1}
w="$OUT/csmith"

if ! command -v csmith >/dev/null 2>&1; then
	not_ok "csmith: csmith is not installed (scripts/deps.sh installs it)"; exit 0
fi

# bitfield_progs HEADER DIR OPAQUE: DIR/bits.c and DIR/bits.rs, one block
# per named bitfield of a record not in OPAQUE (names, one a line)
bitfield_progs() {
	local h=$1 d=$2 opq=$3
	# gcc's side assigns, so its header loses const and volatile (they
	# change no layout)
	sed -E 's/\b(const|volatile)\b//g' "$h" >"$d/plain.h"
	awk -v opq="$opq" -v cfile="$d/bits.c" -v rfile="$d/bits.rs" -v hdr="$d/plain.h" \
		-v brs="$d/b.rs" -v allows="$ALLOWS" '
	BEGIN {
		n = split(opq, o, "\n"); for (i = 1; i <= n; i++) skip[o[i]] = 1
		print "#include <stdio.h>\n#include <string.h>\n#include \"" hdr "\"" >cfile
		print "static void dump(const char *n, const void *p, size_t z) {" >cfile
		print "\tconst unsigned char *b = p; printf(\"bits %s\", n);" >cfile
		print "\tfor (size_t i = 0; i < z; i++) printf(\" %02x\", b[i]); printf(\"\\n\"); }" >cfile
		print "int main(void) {" >cfile
		print allows "\nmod b {\n    include!(\"" brs "\");\n}" >rfile
		print "fn dump(n: &str, p: *const u8, z: usize) {" >rfile
		print "    let mut s = format!(\"bits {}\", n);" >rfile
		print "    for i in 0..z { s.push_str(&format!(\" {:02x}\", unsafe { *p.add(i) })); }" >rfile
		print "    println!(\"{}\", s);\n}\nfn main() {" >rfile
	}
	/^(struct|union) [SU][0-9]+ \{/ { kind = $1; rec = $2; next }
	/^\};/ { rec = ""; next }
	rec != "" && !(rec in skip) && match($0, /(signed|unsigned) f[0-9]+ : [0-9]+;/) {
		split(substr($0, RSTART, RLENGTH), t, /[ :;]+/)
		sg = t[1]; f = t[2]; name = rec "." f
		printf "\t{ %s %s x; memset(&x, 0, sizeof x); x.%s = -1; dump(\"%s\", &x, sizeof x); printf(\"get %s %%lld\\n\", (long long)x.%s); }\n",
			kind, rec, f, name, name, f >cfile
		printf "    { let mut x: b::%s = unsafe { ::core::mem::zeroed() }; x.set_%s(%s); dump(\"%s\", &x as *const _ as *const u8, ::core::mem::size_of::<b::%s>()); println!(\"get %s {}\", x.%s() as i64); }\n",
			rec, f, sg == "signed" ? "-1" : "!0", name, rec, name, f >rfile
		nbits++
	}
	END { print "\treturn 0;\n}" >cfile; print "}" >rfile; print nbits + 0 }' "$h"
}

# one SEED: check one seed; writes $w/SEED/res, a line
# "STATUS records fields bitfields" (STATUS: ok, empty, or a reason)
one() {
	local s=$1 d="$w/$1"
	mkdir -p "$d"
	# (in $d: csmith leaves a platform.info in its working directory)
	(cd "$d" && csmith --bitfields --packed-struct --seed "$s" >prog.c 2>csmith.err) ||
		{ echo "csmith failed" >"$d/res"; return; }
	{
		echo '#include <stdint.h>'
		awk '/--- Struct\/Union Declarations ---/ { f = 1; next }
		     /--- GLOBAL VARIABLES ---/ { f = 0 } f' "$d/prog.c"
	} >"$d/s.h"
	if ! grep -Eq '^(struct|union) ' "$d/s.h"; then echo "empty 0 0 0" >"$d/res"; return; fi
	if ! gcc -fsyntax-only -w "$d/s.h" 2>"$d/gcc-h.err"; then
		echo "the extracted header does not compile with gcc" >"$d/res"; return
	fi
	local line
	line=$(OUT="$d" layout_check "seed$s" "$d/s.h" | head -1)
	cp "$d/layout/seed$s/h2rs.err" "$d/h2rs.err" 2>/dev/null
	case $line in
	ok*) ;;
	*) echo "${line#not ok - seed$s: }" >"$d/res"; return ;;
	esac
	local recs fields
	recs=$(echo "$line" | sed -nE 's/.*\(([0-9]+) records.*/\1/p')
	fields=$(echo "$line" | sed -nE 's/.*records, ([0-9]+) fields.*/\1/p')
	cp "$d/layout/seed$s/b.rs" "$d/b.rs"
	local opq nb
	opq=$(sed -nE "s/^h2rs: warning: [a-z]+ '([^']*)' \\(.* is emitted as an opaque blob.*/\\1/p" "$d/h2rs.err")
	nb=$(bitfield_progs "$d/s.h" "$d" "$opq")
	if [ "$nb" -gt 0 ]; then
		if ! gcc -w "$d/bits.c" -o "$d/bits_c" 2>"$d/bits-gcc.err"; then
			echo "gcc cannot compile the bitfield program" >"$d/res"; return
		fi
		if ! "$RUSTC" --edition 2021 -A warnings "$d/bits.rs" -o "$d/bits_rs" 2>"$d/bits-rustc.err"; then
			echo "rustc cannot compile the bitfield program (setters missing or mistyped)" >"$d/res"; return
		fi
		"$d/bits_c" >"$d/bits-gcc.txt"
		"$d/bits_rs" >"$d/bits-rustc.txt" 2>"$d/bits-rustc.run"
		if ! diff "$d/bits-gcc.txt" "$d/bits-rustc.txt" >"$d/bits.diff"; then
			echo "$(grep -c '^<' "$d/bits.diff") bitfield mismatches" >"$d/res"; return
		fi
	fi
	echo "ok $recs $fields $nb $(grep -Ec '^(struct|union) [SU][0-9]+ \{' "$d/s.h")" >"$d/res"
	# keep a passing seed small: its header and h2rs's messages
	rm -rf "$d/layout" "$d/prog.c" "$d"/bits_* "$d/b.rs"
}

if [ "${1:-}" = --one ]; then one "$2"; exit 0; fi

rm -rf "$w"; mkdir -p "$w"
last=$((FIRST + SEEDS - 1))
start=$(date +%s)
seq "$FIRST" "$last" | xargs -P "$JOBS" -n 1 bash "$here/run.sh" --one
secs=$(($(date +%s) - start))

seeds=0 empty=0 recs=0 fields=0 bits=0 bad=0 own=0
for s in $(seq "$FIRST" "$last"); do
	seeds=$((seeds + 1))
	read -r st r f b c <"$w/$s/res" 2>/dev/null || st="no result"
	case $st in
	ok) recs=$((recs + r)); fields=$((fields + f)); bits=$((bits + b)); own=$((own + c)) ;;
	empty) empty=$((empty + 1)) ;;
	*)
		bad=$((bad + 1))
		not_ok "csmith seed $s: $(cat "$w/$s/res" 2>/dev/null) (header: $w/$s/s.h)"
		for e in diff.txt; do [ -f "$w/$s/layout/seed$s/$e" ] && indent <"$w/$s/layout/seed$s/$e"; done
		[ -f "$w/$s/bits.diff" ] && indent <"$w/$s/bits.diff"
		[ -f "$w/$s/layout/seed$s/rustc.err" ] && indent <"$w/$s/layout/seed$s/rustc.err"
		;;
	esac
done
cat "$w"/*/h2rs.err 2>/dev/null >"$w/all.err"
nop=$(grep -c 'opaque blob' "$w/all.err")
# (the records compared include <stdint.h>'s own, __fsid_t, once a seed)
echo "# csmith: seeds $FIRST..$last in ${secs}s: $((seeds - empty)) with records ($empty with none), $own csmith records; $recs records, $fields fields, $bits bitfields compared, $bad failing seeds, $nop records opaque:"
grep 'opaque blob' "$w/all.err" | sed 's/.*align [0-9]*: //' | sort | uniq -c | sort -rn | sed 's/^/#   /'
other=$(grep -v 'opaque blob' "$w/all.err" | grep 'h2rs: ' | grep -vc 'h2rs: note: [0-9]* declarations and macros not emitted')
[ "$other" -gt 0 ] && { echo "# csmith: $other other diagnostics:"; grep -v 'opaque blob' "$w/all.err" | grep 'h2rs: ' | grep -v 'not emitted' | sort | uniq -c | sort -rn | head -20 | sed 's/^/#   /'; }
[ "$bad" = 0 ] && ok "csmith: $seeds seeds ($FIRST..$last): bindings compile, layout and bitfields equal to gcc's ($recs records, $fields fields, $bits bitfields, 0 mismatches, $nop opaque)"
exit 0
