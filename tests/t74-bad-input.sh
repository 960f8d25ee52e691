#!/usr/bin/env bash
# Bad input, table-driven: each case gives the exit status and the
# `h2rs: error:` line (an ERE) it must print, and its -o file, made
# beforehand with known content, must be left exactly as it was, with no
# temporary file beside it (no half-written or replaced output).
. "$(dirname "$0")/lib.sh"
d="$OUT/bad"
rm -rf "$d"; mkdir -p "$d/w"
head -c 4096 /dev/urandom >"$d/garbage.h"
echo '#include "self.h"' >"$d/self.h"
printf 'struct s { int a; };\n' >"$d/ok.h"
printf 'struct \377\376name { int a; };\n' >"$d/nonutf8.h"
{ echo '#define M0 1'; for i in $(seq 1 10000); do echo "#define M$i (M$((i - 1)) + 1)"; done; echo 'int v[M10000 > 0 ? 1 : -1];'; } >"$d/deep.h"
printf 'int f(' >"$d/proto.txt"
echo 'not a prototype' >"$d/wrap.txt"

# bad NAME STATUS PATTERN ARGS...: h2rs ARGS -o $d/w/out.rs
bad() {
	local name=$1 want=$2 pat=$3
	shift 3
	rm -rf "$d/w"; mkdir -p "$d/w"
	echo "previous content" >"$d/w/out.rs"
	timeout 120 "$H2RS" "$@" -o "$d/w/out.rs" >"$d/stdout" 2>"$d/err"
	local rc=$? why=""
	[ "$rc" = "$want" ] || why="exit status $rc, want $want"
	grep -Eq "^h2rs: error: $pat" "$d/err" || why="$why; no 'h2rs: error: $pat' line"
	[ "$(cat "$d/w/out.rs")" = "previous content" ] || why="$why; the output was replaced"
	[ "$(ls -A "$d/w")" = out.rs ] || why="$why; left behind: $(ls -A "$d/w" | tr '\n' ' ')"
	if [ -z "$why" ]; then ok "bad input: $name: exit $want, '$pat', output untouched"
	else not_ok "bad input: $name: ${why#; }"; indent <"$d/err"; fi
}
bad "binary garbage as a header" 1 "$d/garbage.h: [0-9]+ errors? while parsing; no bindings written" "$d/garbage.h"
bad "a header that includes itself" 1 "$d/self.h: 1 error while parsing" "$d/self.h"
bad "a missing header" 1 "$d/none.h: cannot read input header" "$d/none.h"
bad "an unreadable --wrap-macros-file" 1 "--wrap-macros-file: cannot read '$d/none.txt'" "$d/ok.h" --wrap-macros-file "$d/none.txt"
bad "a malformed --wrap-macro prototype" 1 ".*(error|while parsing)" "$d/ok.h" --wrap-macro "$(cat "$d/proto.txt")"
bad "an invalid regex" 1 "--allowlist-type: invalid regular expression '\\('" "$d/ok.h" --allowlist-type '('
bad "10,000 nested macro expansions (clang's nesting limit)" 1 "$d/deep.h: 1 error while parsing" "$d/deep.h"
bad "a non-UTF-8 name" 1 "$d/nonutf8.h: [0-9]+ errors? while parsing" "$d/nonutf8.h"
bad "an unknown option" 1 "" "$d/ok.h" --no-such-option-at-all

# -o into a missing directory, and onto a full disk
for o in "$d/missing/out.rs" /dev/full; do
	"$H2RS" "$d/ok.h" -o "$o" 2>"$d/err"
	rc=$?
	test_expect "bad input: -o $o: exit 1, 'cannot write output', nothing created" '
		[ "$rc" = 1 ] || echo "exit $rc"
		[ "$rc" = 1 ] && test_grep -E "^h2rs: error: cannot write output '\''$o'\'': (No such file or directory|No space left on device)" "$d/err"'
done
[ ! -e "$d/missing" ] || not_ok "bad input: -o into a missing directory created it"
# stdout closed
"$H2RS" "$d/ok.h" >&- 2>"$d/err"
rc=$?
test_expect "bad input: stdout closed: exit 1, 'cannot write to standard output'" '
	[ "$rc" = 1 ] || echo "exit $rc"
	[ "$rc" = 1 ] && test_grep "^h2rs: error: cannot write to standard output" "$d/err"'
# an empty header: bindings with nothing but the banner
: >"$d/empty.h"
if "$H2RS" "$d/empty.h" -o "$d/empty.rs" 2>"$d/err" && [ -z "$(grep -v '^/\*' "$d/empty.rs" | tr -d '[:space:]')" ]; then
	ok "bad input: an empty header gives empty bindings, exit 0"
else
	not_ok "bad input: empty header"; indent <"$d/err"
fi
