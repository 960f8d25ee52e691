#!/usr/bin/env bash
# Real header sets: bindings compile with rustc -D warnings and every record
# has gcc's layout. POSIX, every uapi header that parses in one unit, zlib,
# sqlite3.
. "$(dirname "$0")/lib.sh"
d="$OUT/real"
mkdir -p "$d"
posix=$POSIX_HEADERS
for h in $posix; do echo "#include <$h>"; done >"$d/posix.h"
layout_check "real: POSIX set ($(echo $posix | wc -w) headers, -D_GNU_SOURCE)" "$d/posix.h" -- -D_GNU_SOURCE
LAYOUT_H2RS=$H2RS_FAST layout_check "real: POSIX set, full macro mode off (bindgen rules)" "$d/posix.h" \
	--macro-constants=bindgen -- -D_GNU_SOURCE

# uapi: the /usr/include/linux headers that parse together in one unit
uapi_header >/dev/null
n=$(wc -l <"$d/uapi.h")
LAYOUT_H2RS=$H2RS_FAST layout_check "real: $n uapi headers in one unit" "$d/uapi.h"
echo '#include <zlib.h>' >"$d/zlib.h"
layout_check "real: zlib" "$d/zlib.h"
echo '#include <sqlite3.h>' >"$d/sqlite3.h"
layout_check "real: sqlite3" "$d/sqlite3.h"
