#!/usr/bin/env bash
# The output is already formatted: rustfmt (the toolchain's own, default
# configuration) leaves it byte for byte as h2rs wrote it. Every fixture,
# the POSIX set with the options the kernel uses (--use-core, --ctypes-prefix,
# no layout tests) and the uapi set (t60 makes it) in both macro modes, so
# the long lines rustfmt breaks (layout assertions with long names, fields,
# statics and functions near the 100th column) are exercised.
. "$(dirname "$0")/lib.sh"
d="$OUT/rustfmt"
rm -rf "$d"
mkdir -p "$d"
if ! command -v rustfmt >/dev/null 2>&1; then
	echo "ok - # SKIP no rustfmt on PATH (rustup component add rustfmt)"
	exit 0
fi

same_as_rustfmt() { # NAME HEADER [H2RS OPTIONS...] [-- CFLAGS...]
	local name=$1 hdr=$2
	shift 2
	local f="$d/$(echo "$name" | tr -c 'A-Za-z0-9\n' _).rs"
	if ! "$H2RS_FAST" "$hdr" -o "$f" "$@" 2>"$f.err"; then
		not_ok "rustfmt: $name: h2rs failed"
		indent <"$f.err"
		return
	fi
	cp "$f" "$f.fmt.rs"
	if ! rustfmt --edition 2021 "$f.fmt.rs" 2>"$f.fmt.err"; then
		not_ok "rustfmt: $name: rustfmt rejects the output"
		indent <"$f.fmt.err"
		return
	fi
	local n
	n=$(diff "$f" "$f.fmt.rs" | grep -c '^[<>]')
	if [ "$n" = 0 ]; then
		ok "rustfmt: $name: rustfmt changes nothing ($(wc -l <"$f") lines)"
	else
		not_ok "rustfmt: $name: rustfmt changes $n lines"
		diff "$f" "$f.fmt.rs" | indent 30
	fi
}

bad=0
for h in "$FIX"/*.h; do
	f="$d/fixture.rs"
	"$H2RS_FAST" "$h" -o "$f" 2>/dev/null || continue
	cp "$f" "$f.fmt.rs"
	if ! rustfmt --edition 2021 "$f.fmt.rs" 2>/dev/null || ! cmp -s "$f" "$f.fmt.rs"; then
		not_ok "rustfmt: fixture $(basename "$h") is not as rustfmt formats it"
		diff "$f" "$f.fmt.rs" | indent 20
		bad=1
	fi
done
[ $bad = 0 ] && ok "rustfmt: every fixture's bindings are as rustfmt formats them"

posix="stdio.h stdlib.h string.h unistd.h fcntl.h sys/stat.h sys/socket.h netinet/in.h signal.h
time.h pthread.h dirent.h sys/types.h sys/wait.h sys/mman.h sys/ioctl.h sys/time.h sys/uio.h
sys/un.h arpa/inet.h netdb.h poll.h sched.h semaphore.h termios.h errno.h stdint.h inttypes.h
locale.h wchar.h setjmp.h dlfcn.h regex.h glob.h"
for h in $posix; do echo "#include <$h>"; done >"$d/posix.h"
same_as_rustfmt "POSIX set" "$d/posix.h" -- -D_GNU_SOURCE
same_as_rustfmt "POSIX set, kernel-style options" "$d/posix.h" --use-core --ctypes-prefix ffi \
	--no-layout-tests --macro-constants bindgen -- -D_GNU_SOURCE
if uapi_header >/dev/null && [ -s "$OUT/real/uapi.h" ]; then
	same_as_rustfmt "uapi set" "$OUT/real/uapi.h"
	same_as_rustfmt "uapi set, bindgen's macro rules" "$OUT/real/uapi.h" --macro-constants bindgen
else
	echo "ok - # SKIP no uapi set (t60-real-headers.sh makes $OUT/real/uapi.h)"
fi
