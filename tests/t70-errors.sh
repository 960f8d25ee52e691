#!/usr/bin/env bash
# Bad input: one clear "h2rs: error: ..." message (gcc-style file:line:col
# where there is a location), a non-zero exit, and an existing output file
# left exactly as it was.
. "$(dirname "$0")/lib.sh"
d="$OUT/errors"
mkdir -p "$d"
printf 'struct ok { int a; };\n' >"$d/good.h"
printf 'struct bad { int a };\nint broken(;\n' >"$d/bad.h"
expect_error() { # NAME PATTERN ARGS...
	local name=$1 pat=$2
	shift 2
	echo "precious" >"$d/out.rs"
	"$H2RS" "$@" >"$d/stdout" 2>"$d/stderr"
	local rc=$?
	if [ $rc = 0 ]; then not_ok "errors: $name: exit status 0"; return; fi
	if ! grep -qE "$pat" "$d/stderr"; then not_ok "errors: $name: message"; indent <"$d/stderr"; return; fi
	if [ "$(cat "$d/out.rs")" != precious ]; then not_ok "errors: $name: output file changed"; return; fi
	ok "errors: $name: exit $rc, '$(grep -m1 -E "$pat" "$d/stderr" | cut -c1-90)', output untouched"
}
expect_error "missing header" '^h2rs: error: .*nope.h: cannot read input header' "$d/nope.h" -o "$d/out.rs"
expect_error "header with errors" 'bad.h:[0-9]+:[0-9]+: error: ' "$d/bad.h" -o "$d/out.rs"
expect_error "header with errors, summary" '^h2rs: error: .*bad.h: 2 errors while parsing; no bindings written' "$d/bad.h" -o "$d/out.rs"
expect_error "bad regex" "^h2rs: error: --allowlist-type: invalid regular expression '\('" "$d/good.h" --allowlist-type '(' -o "$d/out.rs"
expect_error "unknown flag" "^h2rs: error: unknown option '--no-such-flag'" "$d/good.h" --no-such-flag -o "$d/out.rs"
expect_error "missing option value" "^h2rs: error: option '--ctypes-prefix' needs a value" "$d/good.h" -o "$d/out.rs" --ctypes-prefix
expect_error "no header" "^h2rs: error: no input header given" -o "$d/out.rs"
expect_error "two headers" "^h2rs: error: more than one input header" "$d/good.h" "$d/good.h" -o "$d/out.rs"
expect_error "bad enum style" "^h2rs: error: --default-enum-style: unknown style" "$d/good.h" --default-enum-style nope -o "$d/out.rs"
expect_error "unknown compiler include" "file not found" "$d/good.h" -o "$d/out.rs" -- -include "$d/missing.h"
echo precious >"$d/keep.rs"
chmod 0555 "$d" 2>/dev/null
if [ "$(id -u)" != 0 ]; then
	expect_error "unwritable directory" "^h2rs: error: cannot write output" "$d/good.h" -o "$d/keep.rs"
fi
chmod 0755 "$d"
"$H2RS" "$d/good.h" -o /nonexistent-dir/x.rs 2>"$d/stderr"
rc=$?
test_expect "errors: unwritable output: exit $rc with the reason" '
	[ $rc != 0 ] && test_grep "^h2rs: error: cannot write output '\''/nonexistent-dir/x.rs'\'': No such file or directory" "$d/stderr"'
"$H2RS" "$d/good.h" >/dev/full 2>"$d/stderr"
rc=$?
test_expect "errors: writing to a full stdout fails with '$(head -c 70 "$d/stderr")'" '[ $rc != 0 ]'
"$H2RS" "$d/good.h" --allowlist-type '(' >"$d/regex.err" 2>&1
test_expect "errors: one line of message for a bad regex" 'test_count 1 "" "$d/regex.err"'
# -o on something that is not a regular file: written in place, never
# replaced (as root, rename(2) would turn /dev/null into a regular file)
rm -f "$d/fifo" "$d/target" "$d/lnk"
mkfifo "$d/fifo"
echo old >"$d/target"
ln -s target "$d/lnk"
(cat "$d/fifo" >"$d/fifo.out" &)
"$H2RS" "$d/good.h" -o "$d/fifo" 2>/dev/null
"$H2RS" "$d/good.h" -o "$d/lnk" 2>/dev/null
sleep 0.2
test_expect "errors: -o into a FIFO or through a symlink keeps the FIFO and the link" '
	ls -l "$d/fifo" "$d/lnk"
	[ -p "$d/fifo" ] && [ -L "$d/lnk" ] && test_grep "pub struct ok" "$d/target" && test_grep "pub struct ok" "$d/fifo.out"'
