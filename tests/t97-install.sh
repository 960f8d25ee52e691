#!/usr/bin/env bash
# make install / make uninstall into a temporary DESTDIR: bin/h2rs,
# libexec/h2rs/bindgen (a relative link that answers as bindgen, and whose
# bindings rustc compiles), the two man pages (found by man through
# MANPATH); PREFIX, BINDIR and MANDIR honoured; uninstall leaves no file.
# `make -o h2rs`: the binary the other tests run is not relinked.
. "$(dirname "$0")/lib.sh"
d="$OUT/t97"
rm -rf "$d"
mkdir -p "$d"
root=$(cd "$(dirname "$0")/.." && pwd)
dest="$d/dest"
mk() { make -s -C "$root" -o h2rs "$@"; }

check "make install PREFIX=/opt/h2rs DESTDIR=… succeeds" mk install PREFIX=/opt/h2rs DESTDIR="$dest"
p="$dest/opt/h2rs"
(cd "$dest" && find . \( -type f -o -type l \) | sort) >"$d/files"
printf '%s\n' ./opt/h2rs/bin/h2rs ./opt/h2rs/libexec/h2rs/bindgen \
	./opt/h2rs/share/man/man1/h2rs-doctor.1 ./opt/h2rs/share/man/man1/h2rs.1 >"$d/want"
check "exactly the program, the bindgen link and the man pages are installed" test_cmp "$d/want" "$d/files"

test_expect "bin/h2rs is the built program (mode 755), libexec/h2rs/bindgen links to it relatively, pages are 644" '
	ls -l "$p/bin/h2rs" "$p/libexec/h2rs/bindgen" "$p/share/man/man1/h2rs.1"
	[ -x "$p/bin/h2rs" ] && [ "$(readlink "$p/libexec/h2rs/bindgen")" = ../../bin/h2rs ] &&
	cmp "$p/bin/h2rs" "$root/h2rs" && [ "$(stat -c %a "$p/share/man/man1/h2rs.1")" = 644 ]'

test_expect "the installed link answers as bindgen (bindgen 0.72.1), the program as h2rs" '
	"$p/libexec/h2rs/bindgen" --version 2>&1 | test_grep -qx "bindgen 0.72.1" - &&
	"$p/bin/h2rs" --version 2>&1 | test_grep -q "^h2rs " -'
gen_compile() { "$p/libexec/h2rs/bindgen" "$root/examples/demo/shapes.h" -o "$d/shapes.rs" && rust_lib "$d/shapes.rs"; }
check "bindings written by the installed bindgen link compile with rustc (-D warnings)" gen_compile

where=$(MANPATH="$p/share/man" man -w h2rs 2>&1)
where2=$(MANPATH="$p/share/man" man -w h2rs-doctor 2>&1)
test_expect "man finds both installed pages through MANPATH" '
	test_cmp <(printf "%s\n" "$p/share/man/man1/h2rs.1" "$p/share/man/man1/h2rs-doctor.1") <(printf "%s\n" "$where" "$where2")'

mk uninstall PREFIX=/opt/h2rs DESTDIR="$dest" >"$d/uninstall.log" 2>&1
test_expect "make uninstall removes every installed file and libexec/h2rs" '
	cat "$d/uninstall.log"; ! find "$dest" \( -type f -o -type l \) | grep . && [ ! -d "$p/libexec/h2rs" ]'

dest2="$d/dest2"
mk install DESTDIR="$dest2" BINDIR=/usr/local/sbin MANDIR=/usr/local/man >/dev/null 2>&1
test_expect "default PREFIX /usr/local, BINDIR and MANDIR honoured, the link follows BINDIR" '
	[ -x "$dest2/usr/local/sbin/h2rs" ] && [ -f "$dest2/usr/local/man/man1/h2rs.1" ] &&
	[ "$("$dest2/usr/local/libexec/h2rs/bindgen" --version 2>&1)" = "bindgen 0.72.1" ] || { cd "$dest2" && find .; false; }'
