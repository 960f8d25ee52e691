#!/usr/bin/env bash
# bindgen's regexes are the regex crate's; h2rs compiles them with POSIX
# regcomp, matched against whole names (issue 14). Where the syntaxes part,
# h2rs follows the regex crate: a lazy quantifier matches what the greedy
# one does on a whole name (POSIX would read 'ab+?c' as 'a(b+)?c', which
# takes "ac" too), \d and \D are digit classes, (?:...) a group. The
# expected sets follow from the regex crate's documented syntax.
. "$(dirname "$0")/lib.sh"
d="$OUT/regexsyn"
rm -rf "$d"; mkdir -p "$d"
printf 'void ac(void);\nvoid abc(void);\nvoid abbc(void);\nvoid f1(void);\nvoid fx(void);\nvoid g12(void);\nvoid a_b(void);\n' >"$d/r.h"
while IFS='|' read -r re want; do
	got=$("$H2RS" "$d/r.h" --allowlist-function "$re" 2>/dev/null | sed -n 's/^ *pub fn \([a-z0-9_]*\).*/\1/p' | tr '\n' ' ')
	check "--allowlist-function '$re' takes $want" test "$got" = "$want "
done <<'T'
ab+?c|abc abbc
ab*?c|ac abc abbc
ab??c|ac abc
ab{1,2}?c|abc abbc
f\d|f1
f\D|fx
(?:ab)+?c|abc
g\d{2}?|g12
a\w*|ac abc abbc a_b
T
