#!/usr/bin/env bash
# Same input, byte-identical output (and the same under ASan as without).
. "$(dirname "$0")/lib.sh"
d="$OUT/determinism"
mkdir -p "$d"
for h in stdio.h stdlib.h unistd.h signal.h pthread.h sys/socket.h netinet/in.h; do echo "#include <$h>"; done >"$d/p.h"
"$H2RS" "$d/p.h" -o "$d/1.rs" --wrap-static-fns --wrap-static-fns-path "$d/w1" -- -D_GNU_SOURCE 2>/dev/null
"$H2RS" "$d/p.h" -o "$d/2.rs" --wrap-static-fns --wrap-static-fns-path "$d/w2" -- -D_GNU_SOURCE 2>/dev/null
"$H2RS_FAST" "$d/p.h" -o "$d/3.rs" --wrap-static-fns --wrap-static-fns-path "$d/w3" -- -D_GNU_SOURCE 2>/dev/null
test_expect "determinism: three runs give byte-identical bindings ($(wc -l <"$d/1.rs") lines)" '
	[ -s "$d/1.rs" ] && test_cmp "$d/1.rs" "$d/2.rs" && test_cmp "$d/1.rs" "$d/3.rs"'
test_expect "determinism: wrapper files identical" 'cmp "$d/w1.c" "$d/w2.c"'
for f in "$FIX"/*.h; do
	"$H2RS_FAST" "$f" -o "$d/a.rs" 2>/dev/null
	"$H2RS_FAST" "$f" -o "$d/b.rs" 2>/dev/null
	cmp -s "$d/a.rs" "$d/b.rs" || { not_ok "determinism: $(basename "$f") differs"; exit 0; }
done
ok "determinism: every fixture twice, byte-identical"
