#!/usr/bin/env bash
# Wrappers for code without a symbol: static inline functions and macros.
# The C file compiles under gcc -Wall -Wextra -Werror -Wmissing-prototypes,
# links with a Rust program that calls every wrapper, values come back right.
. "$(dirname "$0")/lib.sh"
d="$OUT/wrap"
rm -rf "$d"; mkdir -p "$d"
"$H2RS" "$FIX/wrap.h" -o "$d/w.rs" --wrap-static-fns --wrap-static-fns-path "$d/wrappers" \
	--wrap-macro 'int twice(int v, gfp_t g);' --wrap-macro 'long MAXOF(long a, long b)' \
	--wrap-macro 'refcount_t REFCOUNT_INIT(int n);' --wrap-macro 'int current_counter(void);' \
	--wrap-export MY_EXPORT 2>"$d/err"
test_expect "wrappers: --wrap-static-fns-path gets .c added" 'cat "$d/err"; [ -f "$d/wrappers.c" ]'
check "wrappers: the C file compiles with gcc -Wall -Wextra -Werror -Wmissing-prototypes" \
	gcc -Wall -Wextra -Werror -Wmissing-prototypes -I"$FIX" '-DMY_EXPORT(x)=extern int x##_exported' \
	-c "$d/wrappers.c" -o "$d/wrappers.o"
test_expect "wrappers: --wrap-export adds MY_EXPORT(wrapper) after each of the 11 wrappers" '
	test_count 11 "^MY_EXPORT(" "$d/wrappers.c"'
test_expect "wrappers: a variadic static inline function is skipped, with the reason" '
	test_grep ! vsum "$d/w.rs" &&
	"$H2RS" "$FIX/wrap.h" -o /dev/null --wrap-static-fns --wrap-static-fns-path "$d/x" --explain vsum 2>&1 |
		test_grep "vsum: skipped: variadic" -'
gcc -c "$FIX/wrap_impl.c" -I"$FIX" -o "$d/impl.o" && ar rcs "$d/libw.a" "$d/wrappers.o" "$d/impl.o"
cat >"$d/main.rs" <<'R'
extern "C" fn inc(x: i32) -> i32 { x + 1 }
#[allow(unreachable_code)]
fn never() -> ! { unsafe { b::die(0) } }
fn main() { unsafe {
    let mut p = b::mkpt(3, 4);
    assert_eq!((p.x, p.y), (3, 4));
    assert_eq!(b::getx(&p), 3);
    b::setx(&mut p, 9);
    assert_eq!(p.x, 9);
    assert_eq!(b::add(2, 3), 5);
    assert_eq!(b::always(5), 15);
    assert_eq!(b::apply(Some(inc), 41), 42);
    assert_eq!(b::twice(5, 1), 11);
    assert_eq!(b::MAXOF(-3, 7), 7);
    assert_eq!(b::REFCOUNT_INIT(6).refs, 6);
    assert_eq!(b::current_counter(), 42);
    if false { never(); }
} }
R
rust_prog "wrappers: Rust calls every wrapper (struct by pointer and by value, fn pointer, always_inline, noreturn -> !, macros with several parameters, an initializer macro, an expression macro)" \
	"$d/w.rs" "$d/main.rs" -L "$d" -l static=w

# The kernel's conventions (rust/helpers): a list file naming what to wrap
# (static inline functions by name, macros by prototype), wrappers named
# rust_helper_NAME and marked __rust_helper, Rust declarations under the
# original names linking to rust_helper_NAME. Only the listed functions
# are wrapped; the others are skipped with a reason.
cat >"$d/list.txt" <<'L'
# static inline functions
add
getx
setx
# a macro, by prototype
long MAXOF(long a, long b);
L
"$H2RS" "$FIX/wrap.h" -o "$d/k.rs" --wrap-list "$d/list.txt" --wrap-static-fns-prefix rust_helper_ \
	--wrap-attribute __rust_helper --wrap-static-fns-path "$d/kwrap.c" --verbose 2>"$d/k.err"
for def in '-D__rust_helper=' '-D__rust_helper=__attribute__((__used__))'; do
	check "kernel conventions: the helpers compile with gcc -Wall -Wextra -Werror -Wmissing-prototypes ($def)" \
		gcc -Wall -Wextra -Werror -Wmissing-prototypes "$def" -I"$FIX" -c "$d/kwrap.c" -o "$d/kwrap.o"
done
syms=$(nm "$d/kwrap.o" | awk '$2 == "T" {print $3}' | sort | tr '\n' ' ')
check "kernel conventions: exactly the listed helpers, named rust_helper_NAME ($syms)" \
	test "$syms" = "rust_helper_MAXOF rust_helper_add rust_helper_getx rust_helper_setx "
check "kernel conventions: each helper is marked __rust_helper, prototype and definition" \
	test "$(grep -c '^__rust_helper ' "$d/kwrap.c")" = 8
test_expect "kernel conventions: unlisted static functions are skipped, with the reason" '
	test_grep ! "pub fn mkpt\|pub fn always" "$d/k.rs" &&
	test_grep "skipped mkpt: static function not named in --wrap-list" "$d/k.err"'
gcc -Wall -D__rust_helper= -I"$FIX" -c "$d/kwrap.c" -o "$d/kwrap.o" && ar rcs "$d/libk.a" "$d/kwrap.o"
cat >"$d/kmain.rs" <<'R'
fn main() { unsafe {
    assert_eq!(b::add(2, 3), 5);
    let mut p = b::pt { x: 3, y: 4 };
    b::setx(&mut p, 8);
    assert_eq!(b::getx(&p), 8);
    assert_eq!(b::MAXOF(-3, 7), 7);
} }
R
rust_prog "kernel conventions: Rust calls the helpers under the C names (#[link_name = \"rust_helper_NAME\"])" \
	"$d/k.rs" "$d/kmain.rs" -L "$d" -l static=k
"$H2RS" "$FIX/wrap.h" -o /dev/null --wrap-list "$d/nolist.txt" 2>"$d/nolist.err"
check "kernel conventions: an unreadable --wrap-list is one error" test_grep -q "^h2rs: error: --wrap-list: cannot read" "$d/nolist.err"
printf 'add more\n' >"$d/bad.txt"
"$H2RS" "$FIX/wrap.h" -o /dev/null --wrap-list "$d/bad.txt" 2>"$d/bad.err"
check "kernel conventions: a --wrap-list line that is no name and no prototype is one error" test_grep -q "neither a function name nor a prototype" "$d/bad.err"
printf 'add\nnosuch\nvsum\n' >"$d/miss.txt"
"$H2RS" "$FIX/wrap.h" -o /dev/null --wrap-list "$d/miss.txt" --wrap-static-fns-path "$d/miss.c" 2>"$d/miss.err"
test_expect "kernel conventions: listed names that get no wrapper (absent, variadic) are warned about" '
	test_grep "^h2rs: warning: --wrap-list: '\''nosuch'\'' is not a static function" "$d/miss.err" &&
	test_grep "^h2rs: warning: --wrap-list: '\''vsum'\'' is not a static function" "$d/miss.err" &&
	test_grep ! "'\''add'\''" "$d/miss.err"'
