#!/usr/bin/env bash
# More real header sets, beyond the issue's list: every glibc header under
# /usr/include and /usr/include/sys that parses together in one unit
# (-D_GNU_SOURCE), and the library headers installed here (libclang's C API,
# X11, expat, bzip2, ncurses, libelf, libjpeg, libpng, libxml2, freetype,
# gcrypt, gnutls). A set whose headers are not installed is reported as
# skipped (a "# " line), not passed.
. "$(dirname "$0")/lib.sh"
d="$OUT/real-more"
mkdir -p "$d"

parses() { gcc -fsyntax-only -w -D_GNU_SOURCE -x c "$1" 2>/dev/null; }
if [ ! -s "$d/glibc.h" ]; then
	: >"$d/glibc.tmp"
	for h in /usr/include/*.h /usr/include/sys/*.h /usr/include/x86_64-linux-gnu/sys/*.h; do
		[ -f "$h" ] || continue
		n=${h#/usr/include/}; n=${n#x86_64-linux-gnu/}
		echo "#include <$n>" >"$d/one.h"
		parses "$d/one.h" || continue
		{ cat "$d/glibc.tmp"; echo "#include <$n>"; } >"$d/try.h"
		parses "$d/try.h" && cp "$d/try.h" "$d/glibc.tmp"
	done
	sort -u "$d/glibc.tmp" >"$d/glibc.h"
	rm -f "$d/glibc.tmp" "$d/try.h" "$d/one.h"
fi
layout_check "real: $(wc -l <"$d/glibc.h") glibc headers in one unit (-D_GNU_SOURCE)" "$d/glibc.h" -- -D_GNU_SOURCE

# set NAME "HEADERS" [-- CFLAGS]
set_check() {
	local n=$1 hs=$2 f
	shift 2
	f="$d/$(echo "$n" | tr -c 'a-zA-Z0-9\n' _).h"
	: >"$f"
	for h in $hs; do echo "#include <$h>" >>"$f"; done
	local cflags=()
	for a in "$@"; do [ "$a" = -- ] || cflags+=("$a"); done
	if ! gcc -fsyntax-only -w "${cflags[@]}" "$f" 2>/dev/null; then
		echo "# real: $n skipped: headers not installed ($hs)"
		return
	fi
	layout_check "real: $n ($(echo $hs | wc -w) headers)" "$f" "$@"
}
set_check "libclang C API" "clang-c/Index.h clang-c/CXCompilationDatabase.h" -- -I"$(ls -d /usr/lib/llvm-*/include/clang-c 2>/dev/null | sort -V | tail -n1 | sed 's|/clang-c$||')"
set_check "X11" "X11/Xlib.h X11/Xutil.h X11/Xatom.h X11/keysym.h X11/Xresource.h"
set_check "expat" "expat.h"
set_check "bzip2" "stdio.h bzlib.h"
set_check "ncurses" "curses.h form.h menu.h panel.h"
set_check "libelf" "elf.h libelf.h gelf.h"
set_check "libjpeg" "stdio.h jpeglib.h"
set_check "libpng" "png.h"
set_check "libxml2" "libxml/parser.h libxml/tree.h libxml/xpath.h libxml/xmlreader.h" -- -I/usr/include/libxml2
set_check "freetype" "ft2build.h freetype/freetype.h freetype/ftglyph.h" -- -I/usr/include/freetype2
set_check "gcrypt" "gcrypt.h"
set_check "gnutls" "gnutls/gnutls.h gnutls/x509.h"
