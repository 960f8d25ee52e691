#!/usr/bin/env bash
# #if sections in --wrap-list (issue 13): the kernel's helpers exist only
# in some configurations (#ifndef CONFIG_HAVE_CLK, #ifdef CONFIG_64BIT).
# A list's '#if EXPR', '#ifdef', '#ifndef', '#elif', '#else' and '#endif'
# lines make sections whose lines get helpers only where the condition
# holds in the parsed unit (config flags and the header's own macros).
# The expected helper set is independent of h2rs: gcc's preprocessor runs
# over the same list, with the same flags, and keeps what it keeps.
. "$(dirname "$0")/lib.sh"
d="$OUT/wrapcond"
rm -rf "$d"; mkdir -p "$d"
cat >"$d/cfg.h" <<'H'
#ifdef CONFIG_FAST
#define HAVE_TURBO 1
#endif
static inline int base(int x) { return x + 1; }
static inline int fast_only(int x) { return x * 2; }
static inline int slow_only(int x) { return x - 1; }
#ifdef CONFIG_FAST
int turbo(int x);            /* out of line with CONFIG_FAST ... */
#else
static inline int turbo(int x) { return x; } /* ... inline without */
#endif
#define SCALE(x) ((x) * 10)
#define LEVEL 3
H
cat >"$d/list.txt" <<'L'
# always
base
#ifdef CONFIG_FAST
fast_only
#if HAVE_TURBO && LEVEL > 2
int scale_hi(int x) = SCALE(x) + 1;
#elif LEVEL > 2
int scale_mid(int x) = SCALE(x) + 2;
#else
int scale_lo(int x) = SCALE(x) + 3;
#endif
#else /* !CONFIG_FAST */
slow_only
#endif // CONFIG_FAST
#ifndef CONFIG_FAST
turbo
#endif
#if LEVEL == 3 && !defined(CONFIG_FAST)
int scale_three(int x) = SCALE(x) * 3;
#endif
#ifdef NO_SUCH_CONFIG
no_such_function
int no_such_macro(int x);
#endif
L
# gcc's preprocessor over the list: each line that is not a directive or
# comment becomes one token naming its helper
expected() {
	{
		echo '#include "cfg.h"'
		sed -E -e '/^# /d' -e '/^#/!{s/^([A-Za-z_]+)$/H_\1/; s/^int ([a-z_]+)\(.*$/H_\1/}' \
			"$d/list.txt"
	} >"$d/exp.c"
	gcc -E -P -I"$d" "$@" "$d/exp.c" | grep -o 'H_[a-z_]*' | sed 's/^H_/rust_helper_/' | sort | tr '\n' ' '
}
for cfg in fast slow; do
	flags=""; [ $cfg = fast ] && flags=-DCONFIG_FAST
	"$H2RS" "$d/cfg.h" -o "$d/$cfg.rs" --wrap-list "$d/list.txt" --wrap-static-fns-prefix \
		rust_helper_ --wrap-static-fns-path "$d/$cfg.c" --verbose -- $flags 2>"$d/$cfg.err"
	check "#if sections ($cfg): the helpers compile with gcc -Wall -Wextra -Werror -Wmissing-prototypes" \
		gcc -Wall -Wextra -Werror -Wmissing-prototypes $flags -c "$d/$cfg.c" -o "$d/$cfg.o"
	syms=$(nm "$d/$cfg.o" 2>/dev/null | awk '$2 == "T" {print $3}' | sort | tr '\n' ' ')
	want=$(expected $flags)
	test_expect "#if sections ($cfg): the helpers are the lines gcc's preprocessor keeps ($want)" \
		'[ -n "$syms" ] && [ "$syms" = "$want" ] || { echo "h2rs wrote: $syms"; cat "$d/$cfg.err"; false; }'
	test_expect "#if sections ($cfg): no warning, and every line of a false section is listed with its condition under --verbose" '
		! grep -q "warning" "$d/$cfg.err" &&
		grep -q "skipped no_such_function: its --wrap-list line is under .#if (defined(NO_SUCH_CONFIG))., which does not hold here" "$d/$cfg.err" &&
		grep -q "skipped no_such_macro: its --wrap-macro line is under" "$d/$cfg.err" || { cat "$d/$cfg.err"; false; }'
done
printf 'int turbo(int x) { return x + 100; }\n' >"$d/turbo.c"
gcc -c -DCONFIG_FAST -I"$d" "$d/turbo.c" -o "$d/turbo.o"
ar rcs "$d/libfast.a" "$d/fast.o" "$d/turbo.o"
ar rcs "$d/libslow.a" "$d/slow.o"
cat >"$d/fast_main.rs" <<'R'
fn main() { unsafe {
    assert_eq!(b::base(1), 2);
    assert_eq!(b::fast_only(4), 8);
    assert_eq!(b::scale_hi(2), 21);
    assert_eq!(b::turbo(1), 101); // out of line: no helper, the function itself
} }
R
cat >"$d/slow_main.rs" <<'R'
fn main() { unsafe {
    assert_eq!(b::base(1), 2);
    assert_eq!(b::slow_only(4), 3);
    assert_eq!(b::turbo(5), 5);
    assert_eq!(b::scale_three(2), 60);
} }
R
rust_prog "#if sections (fast): Rust calls the helpers of its configuration and the out-of-line turbo" \
	"$d/fast.rs" "$d/fast_main.rs" -L "$d" -l static=fast
rust_prog "#if sections (slow): Rust calls the helpers of its configuration" \
	"$d/slow.rs" "$d/slow_main.rs" -L "$d" -l static=slow

# malformed sections: one error with the list's file and line, exit 1,
# the old output kept
bad() {
	local what=$1 text=$2 want=$3
	printf '%b' "$text" >"$d/bad.txt"
	echo previous >"$d/keep.rs"
	"$H2RS" "$d/cfg.h" -o "$d/keep.rs" --wrap-list "$d/bad.txt" 2>"$d/bad.err"
	local rc=$?
	test_expect "#if sections: $what is one error at the list's line" '
		[ $rc = 1 ] && [ "$(grep -c "" "$d/bad.err")" = 1 ] &&
		grep -q "^h2rs: error: --wrap-list: $d/bad.txt$want" "$d/bad.err" &&
		[ "$(cat "$d/keep.rs")" = previous ] || { cat "$d/bad.err"; false; }'
}
bad "#endif without #if" 'base\n#endif\n' ":2: '#endif' without #if"
bad "#else without #if" '#else\n' ":1: '#else' without #if"
bad "#elif after #else" '#if 1\n#else\n#elif 2\n#endif\n' ":3: '#elif' after #else"
bad "#ifdef without a name" '#ifdef\n#endif\n' ":1: '#ifdef' needs one macro name"
bad "#ifdef with two names" '#ifdef A B\n#endif\n' ":1: '#ifdef' needs one macro name"
bad "#if without a condition" '#if\n#endif\n' ":1: '#if' needs a condition"
bad "an unknown directive" '#include <x.h>\n' ":1: unknown directive '#include'"
bad "a section never closed" '#ifdef A\nbase\n' ": #if without #endif at the end of the file"
