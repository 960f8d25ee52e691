#!/usr/bin/env bash
# Issue 3's kernel check: from a Linux 6.12 tree built with h2rs as BINDGEN
# (GCC), generate C wrappers for what rust/helpers/ wraps by hand — the 17
# static inline functions, get_current, and the macro helpers through a
# prototypes file — compile them with gcc and the kernel's own flags
# (plus -Wmissing-prototypes -Werror), and count the exported symbols.
# usage: wrappers.sh KBUILD_DIR H2RS
set -u
B=${1:?usage: wrappers.sh KBUILD_DIR H2RS}
H2RS=${2:?usage: wrappers.sh KBUILD_DIR H2RS}
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cmd=$(sed -n 's/^savedcmd_rust\/bindings\/bindings_generated.rs := //p' \
	"$B/rust/bindings/.bindings_generated.rs.cmd")
# the C flags: what follows " -- " up to the sed that renames constants
cflags=${cmd#* -- }
cflags=${cflags%%;*}
cflags=$(printf '%s' "$cflags" | sed 's/-Wp,-MMD,[^ ]*//')
fns='blk_mq_rq_to_pdu|blk_mq_rq_from_pdu|ERR_PTR|IS_ERR|PTR_ERR|kunit_get_current_test'
fns="$fns|kmap_local_page|rb_link_node|refcount_inc|refcount_dec_and_test|signal_pending"
fns="$fns|get_task_struct|put_task_struct|spin_lock|spin_unlock|copy_from_user|copy_to_user"
fns="$fns|get_current"
cd "$B" || exit 1
eval "\"$H2RS\" \"$here/helpers.h\" --allowlist-function '$fns' --wrap-static-fns \
	--wrap-static-fns-path \"$out/wrappers.c\" --wrap-macros-file \"$here/macros.txt\" \
	--wrap-export EXPORT_SYMBOL_GPL --macro-constants=bindgen -o \"$out/h.rs\" -- $cflags" \
	2>"$out/h2rs.err"
rc=$?
n=0
if [ $rc = 0 ]; then
	gccflags=$(printf '%s' "$cflags" | sed 's/--target=[^ ]*//; s/ -w / /')
	if eval "gcc $gccflags -include linux/export.h -Wmissing-prototypes -Werror \
		-c \"$out/wrappers.c\" -o \"$out/wrappers.o\"" 2>"$out/gcc.err"; then
		n=$(nm "$out/wrappers.o" | grep -c ' T .*__extern$')
	else
		sed 's/^/    /' "$out/gcc.err" | head -20
	fi
else
	sed 's/^/    /' "$out/h2rs.err" | head -20
fi
# 17 static inline + get_current + 8 macros (BUG, alloc_pages, krealloc,
# kvrealloc, vrealloc, kunmap_local, REFCOUNT_INIT, init_wait) = 26, and
# lockdep_assert_held at two types under 7.2's helper names
# (mutex_assert_is_held, spin_assert_is_held: 'PROTOTYPE = EXPR;') = 28
if [ "$n" = 28 ]; then
	echo "ok - h2rs wraps 26 of the 31 hand-written rust/helpers, and lockdep_assert_held at two types as 7.2's mutex_/spin_assert_is_held (gcc -Wmissing-prototypes -Werror, 28 exported symbols)"
	exit 0
fi
echo "not ok - h2rs wrappers for rust/helpers: $n of 28 symbols"
exit 1
