#!/usr/bin/env bash
# The man pages doc/h2rs.1 and doc/h2rs-doctor.1: clean under `mandoc -T
# lint -W warning` and under groff (`man --warnings -l` says nothing), and
# the options they list are exactly those of `h2rs --help` and `h2rs doctor
# --help`, compared both ways (a man page item naming an option the program
# does not offer fails, as does an option the man page lacks). A page with a
# made-up option, and a help text with one removed, must fail the comparison.
. "$(dirname "$0")/lib.sh"
d="$OUT/t96"
rm -rf "$d"
mkdir -p "$d"
doc=$(cd "$(dirname "$0")/../doc" && pwd)

for page in h2rs.1 h2rs-doctor.1; do
	if ! command -v mandoc >/dev/null; then
		not_ok "$page: mandoc -T lint is clean (mandoc is not installed: scripts/deps.sh)"
	else
		check "$page: mandoc -T lint -W warning is clean" mandoc -T lint -W warning "$doc/$page"
	fi
	test_expect "$page: man --warnings -l prints no warning" '
		! LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$doc/$page" 2>&1 >/dev/null | grep .'
done

# Options of a help text: the option column of the lines starting "  -" (up
# to the first run of two spaces), the "Accepted" note, and with "usage" as
# $1 the usage lines (the doctor's options are there); {a,b} suffixes
# expanded.
help_opts() {
	awk -v usage="${1:-}" '/^Accepted, no effect/ { acc = 1 } acc && /^$/ { acc = 0 }
	     usage && (/^usage:/ || /^                   \[/) { print; next }
	     /^  -/ { l = substr($0, 3); sub(/  +.*/, "", l); print l } acc { print }' |
		grep -oE '(^|[][ ,])--?[A-Za-z][A-Za-z0-9_-]*(\{[^}]*\})?' | sed 's/^[][ ,]*//' |
		while read -r o; do
			case $o in
			*\{*\}) base=${o%%\{*}; list=${o#*\{}; list=${list%\}}
				IFS=, read -ra sfx <<<"$list,"
				for s in "${sfx[@]}"; do echo "$base$s"; done ;;
			*) echo "$o" ;;
			esac
		done | sort -u
}
# Options a man page lists: every Fl of its .It items and its SYNOPSIS.
man_opts() {
	awk '/^\.Sh SYNOPSIS/ { syn = 1; next } /^\.Sh/ { syn = 0 } syn || /^\.It/' "$1" |
		grep -oE 'Fl (\\-[A-Za-z0-9_-]+|[A-Za-z])( |$)' | sed 's/^Fl //; s/ $//; s/^\\-/--/; s/^\([A-Za-z]\)$/-\1/' | sort -u
}
# compare NAME HELP_LIST MAN_LIST: ok when equal, else the differences
compare() {
	local extra missing
	missing=$(comm -23 "$2" "$3")
	extra=$(comm -13 "$2" "$3")
	if [ -z "$missing$extra" ] && [ -s "$2" ]; then
		ok "$1 ($(wc -l <"$2") options)"
	else
		not_ok "$1"
		[ -n "$missing" ] && { echo "    in --help, not in the man page:"; indent <<<"$missing"; }
		[ -n "$extra" ] && { echo "    in the man page, not in --help:"; indent <<<"$extra"; }
	fi
}
"$H2RS" --help >"$d/help.txt"
help_opts <"$d/help.txt" >"$d/help.opts"
man_opts "$doc/h2rs.1" >"$d/man.opts"
compare "h2rs.1 lists exactly the options of h2rs --help" "$d/help.opts" "$d/man.opts"
"$H2RS" doctor --help >"$d/doctor-help.txt" 2>&1
help_opts usage <"$d/doctor-help.txt" >"$d/doctor-help.opts"
man_opts "$doc/h2rs-doctor.1" >"$d/doctor-man.opts"
compare "h2rs-doctor.1 lists exactly the options of h2rs doctor --help" "$d/doctor-help.opts" "$d/doctor-man.opts"

# The comparison can fail: a made-up option in the page, one gone from --help.
sed 's/^\.It Fl \\-use-core$/.It Fl \\-use-core , Fl \\-no-such-option/' "$doc/h2rs.1" >"$d/bad.1"
man_opts "$d/bad.1" >"$d/bad.opts"
grep -v -e '--merge-extern-blocks' "$d/help.txt" | help_opts >"$d/bad-help.opts"
test_expect "the comparison sees an option added to the page, one removed from --help, and expands {,-struct,-union,-enum}" '
	comm -13 "$d/help.opts" "$d/bad.opts" | test_grep . - && comm -23 "$d/man.opts" "$d/bad-help.opts" | test_grep . - &&
	test_grep -qx -- --no-such-option "$d/bad.opts" && test_grep -qx -- --with-derive-custom-union "$d/help.opts"'
