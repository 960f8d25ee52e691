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
if [ -f "$d/wrappers.c" ]; then ok "wrappers: --wrap-static-fns-path gets .c added"; else not_ok "wrappers: no wrappers.c"; indent <"$d/err"; fi
check "wrappers: the C file compiles with gcc -Wall -Wextra -Werror -Wmissing-prototypes" \
	gcc -Wall -Wextra -Werror -Wmissing-prototypes -I"$FIX" '-DMY_EXPORT(x)=extern int x##_exported' \
	-c "$d/wrappers.c" -o "$d/wrappers.o"
if [ "$(grep -c '^MY_EXPORT(' "$d/wrappers.c")" = 11 ]; then
	ok "wrappers: --wrap-export adds MY_EXPORT(wrapper) after each of the 11 wrappers"
else
	not_ok "wrappers: --wrap-export count"; grep -c '^MY_EXPORT(' "$d/wrappers.c" | indent
fi
if grep -q "vsum" "$d/w.rs"; then not_ok "wrappers: variadic inline function wrapped"; else
	if "$H2RS" "$FIX/wrap.h" -o /dev/null --wrap-static-fns --wrap-static-fns-path "$d/x" --explain vsum 2>&1 | grep -q "vsum: skipped: variadic"; then
		ok "wrappers: a variadic static inline function is skipped, with the reason"
	else not_ok "wrappers: variadic skip reason"; fi
fi
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
