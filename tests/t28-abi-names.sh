#!/usr/bin/env bash
# Names bindgen 0.72.1 changes so that Rust links and passes what C does:
# `typedef struct foo {..} *foo;` (a pointer typedef named as its tag) is
# foo_ptr (ir/ty.rs, from_clang_ty, CXType_Typedef), and a function or
# static renamed from a keyword (type_) links by its symbol through
# #[link_name = "\u{1}type"] (codegen: names_will_be_identical_after_mangling).
# Proved by linking gcc's objects and calling them from Rust.
. "$(dirname "$0")/lib.sh"
d="$OUT/t28"
rm -rf "$d"
mkdir -p "$d"
H="$FIX/abi_names.h"

cat >"$d/a.c" <<'C'
#include "abi_names.h"
static struct foo the_foo = { 'x', 41 };
int foo_take(foo p) { return p->c + p->n; }
foo foo_make(void) { return &the_foo; }
int bar_take(bar p) { return p->a * 2; }
int mad_take(mad p) { return *p == MAD_B ? 70 : 30; }
struct fwd { int v; };
static struct fwd the_fwd = { 12 };
fwd fwd_make(void) { return &the_fwd; }
int fwd_take(fwd p) { return p->v + 1; }
int cfoo_take(cfoo p) { return p->x * 3; }
int type(int match) { return match + 100; }
int ref = 5;
const int move = 6;
int yield(void) { return 7; }
int u8(int fn) { return fn * 8; }
int match = 9;
C
gcc -c -I"$FIX" "$d/a.c" -o "$d/a.o" && ar rcs "$d/liba.a" "$d/a.o"

if ! "$H2RS" "$H" -o "$d/a.rs" 2>"$d/a.err"; then
	not_ok "h2rs failed on abi_names.h"; indent <"$d/a.err"
fi
rust_type_is "the pointer typedefs are foo_ptr, bar_ptr, mad_ptr, fwd_ptr, cfoo_ptr (bindgen's _ptr suffix)" \
	"$d/a.rs" b::foo_ptr '*mut b::foo'
for n in bar mad fwd; do
	rust_type_is "$n: pub type ${n}_ptr = *mut $n" "$d/a.rs" "b::${n}_ptr" "*mut b::$n"
done
rust_type_is "a const pointee keeps its const: cfoo_ptr = *const cfoo" "$d/a.rs" b::cfoo_ptr '*const b::cfoo'
rust_type_is "a pointer typedef to another tag keeps its name" "$d/a.rs" b::not_same '*mut b::other'
test_expect "#[link_name = \"\\u{1}type\"] on the renamed function, as bindgen writes it" '
	test_grep -F "#[link_name = \"\\u{1}type\"]" "$d/a.rs"'

cat >"$d/use.rs" <<'R'
use b::*;
fn main() {
    unsafe {
        let mut f = foo { c: 1, n: 2 };
        assert_eq!(foo_take(&mut f), 3);
        let p: foo_ptr = foo_make();
        assert_eq!((*p).n, 41);
        assert_eq!(foo_take(p), 'x' as i32 + 41);
        let mut u = bar { a: 21 };
        assert_eq!(bar_take(&mut u), 42);
        let mut m: mad = mad_MAD_B;
        assert_eq!(mad_take(&mut m), 70);
        let w: fwd_ptr = fwd_make();
        assert_eq!(fwd_take(w), 13);
        let c = cfoo { x: 5 };
        assert_eq!(cfoo_take(&c), 15);
        assert_eq!(type_(1), 101);
        let r = ref_;
        assert_eq!(r, 5);
        ref_ = 50;
        let r = ref_;
        assert_eq!(r, 50);
        assert_eq!(move_, 6);
        assert_eq!(yield_(), 7);
        assert_eq!(u8_(2), 16);
        let m = match_;
        assert_eq!(m, 9);
    }
}
R
rust_prog "pointer typedefs passed as pointers, keyword-named functions and statics linked by symbol, called against gcc" \
	"$d/a.rs" "$d/use.rs" -L "$d" -la
check "bindings compile with rustc -D warnings" rust_lib "$d/a.rs"
