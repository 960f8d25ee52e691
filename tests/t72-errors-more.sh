#!/usr/bin/env bash
# Bad input, stricter: the message is exactly one "h2rs: error: …" line
# (plus, for a broken header, clang's own gcc-style diagnostics before it),
# the exit status is 1..125 (not a crash), an existing output file is left
# byte-identical with the same inode and mtime, and no temporary file is left
# next to it.
. "$(dirname "$0")/lib.sh"
d="$OUT/errors-more"
rm -rf "$d"; mkdir -p "$d/outdir"
printf 'struct ok { int a; };\n' >"$d/good.h"
printf '#include "nothere.h"\nstruct ok { int a; };\n' >"$d/badinc.h"
printf 'struct s { int a; }\nint f(void);\n' >"$d/syntax.h"
head -c 3000 /dev/urandom >"$d/precious.bin"
one() { # NAME ARGS... : run with -o outdir/x.rs already holding precious bytes
	local name=$1
	shift
	cp -p "$d/precious.bin" "$d/outdir/x.rs"
	touch -d '2001-01-01 00:00:00' "$d/outdir/x.rs"
	local before
	before=$(stat -c '%i %Y %s' "$d/outdir/x.rs")
	"$H2RS" "$@" >"$d/stdout" 2>"$d/stderr"
	local rc=$? why=""
	[ $rc -ge 1 ] && [ $rc -le 125 ] || why="$why exit status $rc;"
	local n
	n=$(grep -c '' "$d/stderr")
	[ "$n" = 1 ] || why="$why $n lines on stderr;"
	grep -q '^h2rs: error: ' "$d/stderr" || why="$why no 'h2rs: error:' line;"
	cmp -s "$d/precious.bin" "$d/outdir/x.rs" || why="$why output changed;"
	[ "$(stat -c '%i %Y %s' "$d/outdir/x.rs")" = "$before" ] || why="$why output replaced (inode/mtime);"
	[ "$(ls -A "$d/outdir")" = x.rs ] || why="$why left behind: $(ls -A "$d/outdir" | grep -v '^x.rs$' | tr '\n' ' ');"
	[ -s "$d/stdout" ] && why="$why wrote to stdout;"
	if [ -z "$why" ]; then ok "errors: $name: exit $rc, one line: $(cut -c1-100 "$d/stderr")"; else not_ok "errors: $name:$why"; indent <"$d/stderr"; fi
}
one "missing header" "$d/nope.h" -o "$d/outdir/x.rs"
one "header is a directory" "$d" -o "$d/outdir/x.rs"
one "unknown flag" "$d/good.h" --frobnicate -o "$d/outdir/x.rs"
one "unknown flag after the header" "$d/good.h" -o "$d/outdir/x.rs" --no-such-thing
one "bad regex in --blocklist-function" "$d/good.h" --blocklist-function '[a-' -o "$d/outdir/x.rs"
one "bad regex in --opaque-type" "$d/good.h" --opaque-type '*x' -o "$d/outdir/x.rs"
one "bad --default-enum-style" "$d/good.h" --default-enum-style sideways -o "$d/outdir/x.rs"
one "--depfile into a missing directory" "$d/good.h" --depfile /nonexistent-dir/x.d -o "$d/outdir/x.rs"
one "-o missing its value" "$d/good.h" -o
cp "$d/precious.bin" "$d/outdir/x.rs"
"$H2RS" "$d/good.h" -o "$d/good.h/x.rs" 2>"$d/stderr"
rc=$?
test_expect "errors: -o under a regular file: '$(cut -c1-90 "$d/stderr")'" '
	[ $rc != 0 ] && test_count 1 "" "$d/stderr" &&
	test_grep "^h2rs: error: cannot write output '\''$d/good.h/x.rs'\'': Not a directory" "$d/stderr"'
"$H2RS" "$d/good.h" -o "$d/outdir" 2>"$d/stderr"
rc=$?
test_expect "errors: -o naming a directory fails, directory intact: '$(cut -c1-90 "$d/stderr")'" '
	[ $rc != 0 ] && [ -d "$d/outdir" ] && test_count 1 "" "$d/stderr" && test_grep "^h2rs: error: " "$d/stderr"'
# broken headers: clang's diagnostics in gcc style, then one h2rs line
for h in syntax badinc; do
	cp -p "$d/precious.bin" "$d/outdir/x.rs"
	"$H2RS" "$d/$h.h" -o "$d/outdir/x.rs" 2>"$d/stderr"
	rc=$?
	if [ $rc != 0 ] && grep -qE "^$d/$h.h:[0-9]+:[0-9]+: (fatal )?error: " "$d/stderr" &&
		[ "$(grep -c '^h2rs: error: ' "$d/stderr")" = 1 ] && tail -n1 "$d/stderr" | grep -q '^h2rs: error: ' &&
		cmp -s "$d/precious.bin" "$d/outdir/x.rs" && [ "$(ls -A "$d/outdir")" = x.rs ]; then
		ok "errors: $h.h: '$(grep -m1 -E "error: " "$d/stderr" | sed "s|$d/||" | cut -c1-70)', then one h2rs line; output untouched"
	else
		not_ok "errors: $h.h (exit $rc)"; indent <"$d/stderr"
	fi
done
# a header with only warnings is not an error
printf '#warning "careful"\nstruct w { int a; };\n' >"$d/warn.h"
test_expect "errors: a #warning is shown and bindings are still written" '
	"$H2RS" "$d/warn.h" -o "$d/w.rs" 2>"$d/stderr" && test_grep "pub struct w" "$d/w.rs" && test_grep "warning: " "$d/stderr"'
