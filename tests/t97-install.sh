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

if mk install PREFIX=/opt/h2rs DESTDIR="$dest" >"$d/install.log" 2>&1; then
	ok "make install PREFIX=/opt/h2rs DESTDIR=… succeeds"
else
	not_ok "make install PREFIX=/opt/h2rs DESTDIR=… succeeds"
	indent <"$d/install.log"
fi
p="$dest/opt/h2rs"
(cd "$dest" && find . \( -type f -o -type l \) | sort) >"$d/files"
printf '%s\n' ./opt/h2rs/bin/h2rs ./opt/h2rs/libexec/h2rs/bindgen \
	./opt/h2rs/share/man/man1/h2rs-doctor.1 ./opt/h2rs/share/man/man1/h2rs.1 >"$d/want"
if diff -u "$d/want" "$d/files" >"$d/diff"; then ok "exactly the program, the bindgen link and the man pages are installed"; else not_ok "exactly the program, the bindgen link and the man pages are installed"; indent <"$d/diff"; fi

link=$(readlink "$p/libexec/h2rs/bindgen")
if [ -x "$p/bin/h2rs" ] && [ "$link" = ../../bin/h2rs ] && cmp -s "$p/bin/h2rs" "$root/h2rs" &&
	[ "$(stat -c %a "$p/share/man/man1/h2rs.1")" = 644 ]; then
	ok "bin/h2rs is the built program (mode 755), libexec/h2rs/bindgen links to it relatively, pages are 644"
else
	not_ok "bin/h2rs is the built program (mode 755), libexec/h2rs/bindgen links to it relatively, pages are 644 (link: $link)"
fi

v=$("$p/libexec/h2rs/bindgen" --version 2>&1)
h=$("$p/bin/h2rs" --version 2>&1)
if [ "$v" = "bindgen 0.72.1" ] && [[ $h == "h2rs "* ]]; then
	ok "the installed link answers as bindgen ($v), the program as h2rs"
else
	not_ok "the installed link answers as bindgen, the program as h2rs"
	printf '%s\n%s\n' "$v" "$h" | indent
fi
gen_compile() { "$p/libexec/h2rs/bindgen" "$root/examples/demo/shapes.h" -o "$d/shapes.rs" && rust_lib "$d/shapes.rs"; }
check "bindings written by the installed bindgen link compile with rustc (-D warnings)" gen_compile

where=$(MANPATH="$p/share/man" man -w h2rs 2>&1)
where2=$(MANPATH="$p/share/man" man -w h2rs-doctor 2>&1)
if [ "$where" = "$p/share/man/man1/h2rs.1" ] && [ "$where2" = "$p/share/man/man1/h2rs-doctor.1" ]; then
	ok "man finds both installed pages through MANPATH"
else
	not_ok "man finds both installed pages through MANPATH"
	printf '%s\n%s\n' "$where" "$where2" | indent
fi

mk uninstall PREFIX=/opt/h2rs DESTDIR="$dest" >"$d/uninstall.log" 2>&1
left=$(find "$dest" \( -type f -o -type l \))
if [ -z "$left" ] && [ ! -d "$p/libexec/h2rs" ]; then ok "make uninstall removes every installed file and libexec/h2rs"; else not_ok "make uninstall removes every installed file and libexec/h2rs"; indent <<<"$left"; cat "$d/uninstall.log" | indent; fi

dest2="$d/dest2"
mk install DESTDIR="$dest2" BINDIR=/usr/local/sbin MANDIR=/usr/local/man >/dev/null 2>&1
if [ -x "$dest2/usr/local/sbin/h2rs" ] && [ -f "$dest2/usr/local/man/man1/h2rs.1" ] &&
	[ "$("$dest2/usr/local/libexec/h2rs/bindgen" --version 2>&1)" = "bindgen 0.72.1" ]; then
	ok "default PREFIX /usr/local, BINDIR and MANDIR honoured, the link follows BINDIR"
else
	not_ok "default PREFIX /usr/local, BINDIR and MANDIR honoured, the link follows BINDIR"
	(cd "$dest2" && find . | indent)
fi
