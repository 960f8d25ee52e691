#!/bin/sh
# scripts/fn-macros.sh HEADER [-- CLANG ARGS]: how h2rs --wrap-fn-macros
# sees a header's function-like macros: how many there are, how many it
# wraps (forwarding macros), and the others by the reason they are skipped.
# H2RS names the binary (default: ./h2rs).
set -eu
h2rs=${H2RS:-./h2rs}
hdr=${1:?usage: fn-macros.sh HEADER [-- CLANG ARGS]}
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$h2rs" "$hdr" --wrap-fn-macros --wrap-static-fns-path "$tmp/w.c" -o "$tmp/b.rs" --verbose "$@" \
	2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
# one line per skipped function-like macro, its reason without the names
sed -n 's/^h2rs: note: skipped [A-Za-z0-9_]*: function-like macro, not wrapped: //p' "$tmp/err" |
	sed -E 's/ \(--wrap-macro PROTOTYPE.*//; s/parameter [A-Za-z0-9_]+/parameter P/;
		s/calls the macro [A-Za-z0-9_]+/calls a macro/; s/calls [A-Za-z0-9_]+, which/calls a name, which/;
		s/(argument|part) of [A-Za-z0-9_]+/\1 of the callee/; s/^[A-Za-z0-9_]+.s types/the callee'"'"'s types/
		s/^not forwarding \(.*\), nor an integer expression of int parameters \((.*)\)$/\1/
		s/it refers to [A-Za-z0-9_]+,/it refers to a name,/' \
	>"$tmp/skipped"
wrapped=$(grep -c 'link_name = "' "$tmp/b.rs" || true)
constfns=$(grep -c '^pub const fn ' "$tmp/b.rs" || true)
skipped=$(grep -c . "$tmp/skipped" || true)
echo "function-like macros: $((wrapped + constfns + skipped))"
echo "wrapped (forwarding to a declared function): $wrapped"
echo "const fn (integer expressions): $constfns"
echo "skipped: $skipped"
sort "$tmp/skipped" | uniq -c | sort -rn | sed 's/^ */  /'
