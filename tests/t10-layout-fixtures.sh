#!/usr/bin/env bash
# Every fixture: bindings compile with rustc -D warnings, and every record's
# size, alignment and field offsets equal what gcc gives for the same header.
. "$(dirname "$0")/lib.sh"
for h in structs packed bitfields types functions enums macros misc; do
	layout_check "fixture $h.h" "$FIX/$h.h"
	layout_check "fixture $h.h with --with-derive-default --use-core" "$FIX/$h.h" \
		--with-derive-default --use-core --ctypes-prefix ::core::ffi
done
layout_check "fixture opaque.h" "$FIX/opaque.h"
layout_check "fixture width.h (long names and lines at rustfmt's width)" "$FIX/width.h"
layout_check "fixture structs.h with -D and -I after --" "$FIX/structs.h" -- -DUNUSED=1 -I"$FIX"
if [ "$(libclang_major)" -ge 15 ]; then
	layout_check "fixture float16.h (_Float16 as __BindgenFloat16)" "$FIX/float16.h"
else
	echo "# float16.h skipped: libclang $(libclang_major) has no _Float16 on x86 (clang 15+ has)"
fi
