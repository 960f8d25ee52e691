#!/usr/bin/env bash
# One macro at several types (issue 13): a --wrap-list / --wrap-macro line
# 'PROTOTYPE = EXPR;' names a helper of its own, whose body evaluates EXPR
# in the prototype's parameter names, as the kernel's hand-written helpers
# do (rust_helper_mutex_assert_is_held and rust_helper_spin_assert_is_held
# both wrap lockdep_assert_held). gcc compiles the helpers with the
# kernel's warnings, Rust links them and checks what they return and do.
. "$(dirname "$0")/lib.sh"
d="$OUT/wrapexpr"
rm -rf "$d"; mkdir -p "$d"
cat >"$d/locks.h" <<'H'
struct mutex { int held; int owner; };
typedef struct { int held; unsigned char raw; } spinlock_t;
/* statement macro, generic over any lock with a 'held' field */
#define mark_held(l) do { (l)->held = 1; } while (0)
/* expression macro, generic too */
#define is_held(l) ((l)->held != 0)
/* an initializer: not an expression a function can return directly */
#define MUTEX_INIT(o) { .held = 0, .owner = (o) }
/* an object-like macro */
#define LOCK_MAGIC (0x5a + 1)
/* out of line here (inline in other configurations, as the kernel's
 * __mutex_init): listed by name, it still gets its helper */
int lock_count(const struct mutex *m);
/* a macro in other configurations, a static inline function here: a
 * prototype line wraps the function (the kernel's to_acpi_device_node) */
static inline int lock_owner(const struct mutex *m) { return m->owner; }
/* declared with one spelling, wrapped with another (the kernel's memchr:
 * __kernel_size_t in the header, size_t in its helper) */
typedef unsigned long my_size_t;
unsigned long lock_len(const struct mutex *m, unsigned long n);
/* an inline function whose helper the kernel types otherwise (its
 * set_bit takes a long, rust_helper_set_bit an unsigned long and no result) */
static inline long lock_get(struct mutex *m, long k) { return m->owner + k; }
/* a macro that names a function of the same name, at other qualifiers than
 * the line's (arm64's readb_relaxed, '#define readb_relaxed readb_relaxed') */
static inline int lock_peek(const volatile struct mutex *m) { return m->held + 100; }
#define lock_peek lock_peek
/* an object-like macro that stands for a value */
extern int lock_global;
#define lock_current (lock_global + 1)
/* an attribute macro before the name, as the kernel's __realloc_size(2) */
#define __sized(i) __attribute__((__unused__))
H
printf '#include "locks.h"\nint lock_count(const struct mutex *m) { return m->held * 10 + m->owner; }\nunsigned long lock_len(const struct mutex *m, unsigned long n) { return n + (unsigned long)m->owner; }\nint lock_global = 41;\n' >"$d/impl.c"
cat >"$d/list.txt" <<'L'
# one macro, two types, two helper names
void mutex_mark_held(struct mutex *m) = mark_held(m);
void spin_mark_held(spinlock_t *lock) = mark_held(lock);
int mutex_is_held(const struct mutex *m) = is_held(m);
int spin_is_held(const spinlock_t *s) = is_held(s);
struct mutex mutex_init_owned(int owner) = MUTEX_INIT(owner);
int lock_magic_plus(int k) = LOCK_MAGIC + k;
# the name is the identifier before the last '(' that opens no attribute
int __sized(1) lock_twice(unsigned long n) = (int)n * 2;
# a prototype whose name is a function in this configuration
int lock_owner(const struct mutex *m);
# a declared function, spelled as the line spells it
my_size_t lock_len(const struct mutex *m, my_size_t n) = lock_len(m, n);
# an inline function at other types than the header's
void lock_get(struct mutex *m, unsigned long k) = m->owner += (int)lock_get(m, (long)k);
# a macro and a function of one name; an object-like macro's value
int lock_peek(const struct mutex *m);
int lock_current(void);
# a function out of line in this configuration, by name
lock_count
# the same line twice is one helper
int spin_is_held(const spinlock_t *s) = is_held(s);
L
"$H2RS" "$d/locks.h" -o "$d/b.rs" --wrap-list "$d/list.txt" --wrap-static-fns-prefix rust_helper_ \
	--wrap-attribute __rust_helper --wrap-static-fns-path "$d/h.c" 2>"$d/err"
check "PROTOTYPE = EXPR: h2rs writes bindings and helpers" test -s "$d/h.c" -a -s "$d/b.rs"
check "PROTOTYPE = EXPR: the helpers compile with gcc -Wall -Wextra -Werror -Wmissing-prototypes" \
	gcc -Wall -Wextra -Werror -Wmissing-prototypes -D__rust_helper= -c "$d/h.c" -o "$d/h.o"
syms=$(nm "$d/h.o" 2>/dev/null | awk '$2 == "T" {print $3}' | sort | tr '\n' ' ')
check "PROTOTYPE = EXPR: one helper per line, named rust_helper_NAME ($syms)" test "$syms" = \
	"rust_helper_lock_count rust_helper_lock_current rust_helper_lock_get rust_helper_lock_len rust_helper_lock_magic_plus rust_helper_lock_owner rust_helper_lock_peek rust_helper_lock_twice rust_helper_mutex_init_owned rust_helper_mutex_is_held rust_helper_mutex_mark_held rust_helper_spin_is_held rust_helper_spin_mark_held "
gcc -c "$d/impl.c" -I"$d" -o "$d/impl.o"
ar rcs "$d/libh.a" "$d/h.o" "$d/impl.o"
cat >"$d/main.rs" <<'R'
fn main() { unsafe {
    let mut m = b::mutex_init_owned(7);
    assert_eq!((m.held, m.owner), (0, 7));
    assert_eq!(b::mutex_is_held(&m), 0);
    b::mutex_mark_held(&mut m);
    assert_eq!(b::mutex_is_held(&m), 1);
    let mut s = b::spinlock_t { held: 0, raw: 9 };
    assert_eq!(b::spin_is_held(&s), 0);
    b::spin_mark_held(&mut s);
    assert_eq!((b::spin_is_held(&s), s.raw), (1, 9));
    assert_eq!(b::lock_magic_plus(2), 0x5a + 1 + 2);
    assert_eq!(b::lock_count(&m), 17);
    assert_eq!(b::lock_twice(21), 42);
    assert_eq!(b::lock_owner(&m), 7);
    let n: b::my_size_t = b::lock_len(&m, 35);
    assert_eq!(n, 42);
    let get: unsafe extern "C" fn(*mut b::mutex, ::std::os::raw::c_ulong) = b::lock_get;
    get(&mut m, 3);
    assert_eq!(m.owner, 17);
    assert_eq!(b::lock_peek(&m), m.held + 100);
    assert_eq!(b::lock_current(), 42);
} }
R
check "PROTOTYPE = EXPR: a declared function's helper has the types as the line spells them (my_size_t)" \
	grep -q '^__rust_helper my_size_t rust_helper_lock_len(const struct mutex \*m, my_size_t n)$' "$d/h.c"
test_expect "PROTOTYPE = EXPR: the helper replaces the header's declaration of the name (one Rust lock_len, one lock_get; the Rust program takes lock_get at the line's types, not the header's)" '
	[ "$(grep -c "pub fn lock_len[(]" "$d/b.rs")" = 1 ] && [ "$(grep -c "pub fn lock_get[(]" "$d/b.rs")" = 1 ]'
rust_prog "PROTOTYPE = EXPR: Rust calls mark_held and is_held at both lock types, MUTEX_INIT, LOCK_MAGIC and the out-of-line lock_count, under the helper names" \
	"$d/b.rs" "$d/main.rs" -L "$d" -l static=h

# two different prototypes for one name: one clear error, nothing written
printf 'int is_held(struct mutex *m);\nint is_held(spinlock_t *s);\n' >"$d/two.txt"
echo previous >"$d/keep.rs"
"$H2RS" "$d/locks.h" -o "$d/keep.rs" --wrap-list "$d/two.txt" --wrap-static-fns-path "$d/two.c" 2>"$d/two.err"
rc=$?
test_expect "PROTOTYPE = EXPR: two prototypes of one name are one error that says how to name each helper" '
	[ $rc = 1 ] && [ "$(grep -c "" "$d/two.err")" = 1 ] &&
	grep -q "^h2rs: error: --wrap-macro: two prototypes name '"'"'is_held'"'"'.*helper name for each" "$d/two.err" &&
	[ "$(cat "$d/keep.rs")" = previous ] && [ ! -e "$d/two.c" ] || { cat "$d/two.err"; false; }'
printf 'int nothing(int x) = ;\n' >"$d/empty.txt"
"$H2RS" "$d/locks.h" -o "$d/keep.rs" --wrap-list "$d/empty.txt" 2>"$d/empty.err"
rc=$?
test_expect "PROTOTYPE = EXPR: an empty expression is one error" '
	[ $rc = 1 ] && grep -q "^h2rs: error: --wrap-macro: .*nothing after" "$d/empty.err" || { cat "$d/empty.err"; false; }'
printf 'int no_such_thing(int x);\n' >"$d/none.txt"
"$H2RS" "$d/locks.h" -o "$d/none.rs" --wrap-list "$d/none.txt" --wrap-static-fns-path "$d/none.c" 2>"$d/none.err"
test_expect "a prototype naming neither a macro nor a function is a warning, not a silent gap" '
	grep -q "^h2rs: warning: --wrap-macro: .no_such_thing. is neither a macro nor a function" "$d/none.err" || { cat "$d/none.err"; false; }'
