#!/usr/bin/env bash
# Determinism on the big sets: the full POSIX set (-D_GNU_SOURCE) and the
# uapi set, twice under ASan (with helper threads: macro unit, emit halves)
# and once without ASan on one thread (H2RS_THREADS=1), byte-identical;
# also with the options that add code paths (derives, newtype enums,
# bindgen's macro rules).
. "$(dirname "$0")/lib.sh"
d="$OUT/determinism-sets"
rm -rf "$d"; mkdir -p "$d"
posix="stdio.h stdlib.h string.h unistd.h fcntl.h sys/stat.h sys/socket.h netinet/in.h signal.h
time.h pthread.h dirent.h sys/types.h sys/wait.h sys/mman.h sys/ioctl.h sys/time.h sys/uio.h
sys/un.h arpa/inet.h netdb.h poll.h sched.h semaphore.h termios.h errno.h stdint.h inttypes.h
locale.h wchar.h setjmp.h dlfcn.h regex.h glob.h"
for h in $posix; do echo "#include <$h>"; done >"$d/posix.h"
same3() { # NAME HEADER [OPTS...] [-- CFLAGS]
	local name=$1 hdr=$2
	shift 2
	local opts=() cf=() seen=0
	for a in "$@"; do if [ $seen = 1 ]; then cf+=("$a"); elif [ "$a" = -- ]; then seen=1; else opts+=("$a"); fi; done
	local i
	for i in 1 2; do "$H2RS" "$hdr" "${opts[@]}" -o "$d/$name.$i.rs" -- "${cf[@]}" 2>"$d/$name.$i.err"; done
	H2RS_THREADS=1 "$H2RS_FAST" "$hdr" "${opts[@]}" -o "$d/$name.3.rs" -- "${cf[@]}" 2>"$d/$name.3.err"
	if [ -s "$d/$name.1.rs" ] && cmp -s "$d/$name.1.rs" "$d/$name.2.rs" && cmp -s "$d/$name.1.rs" "$d/$name.3.rs" &&
		cmp -s "$d/$name.1.err" "$d/$name.2.err"; then
		ok "determinism: $name: three runs byte-identical, threaded and not ($(wc -l <"$d/$name.1.rs") lines), same diagnostics"
	else
		not_ok "determinism: $name: runs differ"
		{ cmp "$d/$name.1.rs" "$d/$name.2.rs"; cmp "$d/$name.1.rs" "$d/$name.3.rs"; diff "$d/$name.1.rs" "$d/$name.2.rs" | head; } 2>&1 | indent
	fi
}
same3 "POSIX set" "$d/posix.h" -- -D_GNU_SOURCE
same3 "POSIX set, derives and newtype enums" "$d/posix.h" --with-derive-default --with-derive-hash \
	--with-derive-partialeq --with-derive-eq --default-enum-style newtype --no-doc-comments -- -D_GNU_SOURCE
if uapi_header >/dev/null && [ -s "$OUT/real/uapi.h" ]; then
	same3 "uapi set" "$OUT/real/uapi.h"
	same3 "uapi set, bindgen's macro rules" "$OUT/real/uapi.h" --macro-constants bindgen
else
	ls /usr/include/linux/types.h /usr/include/linux/if.h /usr/include/linux/input.h 2>/dev/null |
		sed 's|^/usr/include/\(.*\)|#include <\1>|' >"$d/uapi.h"
	same3 "uapi sample" "$d/uapi.h"
fi
