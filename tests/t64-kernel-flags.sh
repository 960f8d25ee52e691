#!/usr/bin/env bash
# The kernel's bindgen flags (rust/Makefile of Linux 6.12) on the big sets:
# --rust-target 1.68 --use-core --with-derive-default --ctypes-prefix ffi
# --no-layout-tests --no-debug '.*' --enable-function-attribute-detection,
# compiled in a #![no_std] crate whose root has a module ffi (as the kernel's
# ffi crate provides), -D warnings.
. "$(dirname "$0")/lib.sh"
d="$OUT/kernel-flags"
rm -rf "$d"; mkdir -p "$d"
kflags=(--rust-target 1.68 --use-core --with-derive-default --ctypes-prefix ffi --no-layout-tests
	--no-debug '.*' --enable-function-attribute-detection)
kcheck() { # NAME HEADER [-- CFLAGS]
	local name=$1 hdr=$2 f
	shift 2
	f=$d/$(echo "$name" | tr -c 'a-zA-Z0-9\n' _)
	if ! "$H2RS" "$hdr" "${kflags[@]}" -o "$f.rs" "$@" 2>"$f.err"; then
		not_ok "kernel flags: $name: h2rs failed"; indent <"$f.err"; return
	fi
	{
		echo '#![no_std]'
		echo "$ALLOWS"
		echo 'mod ffi { pub use core::ffi::*; }'
		echo "include!(\"$f.rs\");"
	} >"${f}_lib.rs"
	local dbg
	dbg=$(grep -A1 'derive(.*Debug' "$f.rs" | grep -E '^pub (struct|union) ' | grep -vc ' __Bindgen')
	if "$RUSTC" --edition 2021 --crate-type lib --emit=metadata -D warnings "${f}_lib.rs" -o "$f.rmeta" >"$f.rustc" 2>&1; then
		if [ "$dbg" = 0 ]; then
			ok "kernel flags: $name compiles in #![no_std] with ffi:: types ($(grep -c '^pub struct' "$f.rs") structs, none derives Debug)"
		else
			not_ok "kernel flags: $name: $dbg records derive Debug despite --no-debug '.*'"
		fi
	else
		not_ok "kernel flags: $name does not compile"; indent 30 <"$f.rustc"
	fi
}
uapi_header >/dev/null && [ -s "$OUT/real/uapi.h" ] && kcheck "uapi set" "$OUT/real/uapi.h"
for h in stdio.h stdlib.h string.h unistd.h fcntl.h sys/stat.h sys/socket.h netinet/in.h signal.h time.h pthread.h dirent.h; do
	echo "#include <$h>"
done >"$d/posix.h"
kcheck "POSIX core set" "$d/posix.h" -- -D_GNU_SOURCE
for h in structs bitfields anon arrays packed_more opaque_more functions; do kcheck "fixture $h.h" "$FIX/$h.h"; done
