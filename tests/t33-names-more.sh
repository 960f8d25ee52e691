#!/usr/bin/env bash
# bindgen 0.72.1's names and shapes, linked against gcc: a bitfield named
# like a keyword has accessors type_, set_type, type__raw, set_type_raw
# (deanonymize_fields in ir/comp.rs: the raw getter is the mangled getter
# plus _raw); a function returning a typedef of void has no return type
# (fnsig_return_ty_internal looks through aliases), and so has its
# --wrap-static-fns wrapper; a rustified enum derives PartialOrd and Ord
# with --with-derive-ord (derives_of_item).
. "$(dirname "$0")/lib.sh"
d="$OUT/t33"
rm -rf "$d"
mkdir -p "$d"
H="$FIX/names_more.h"

layout_check "names_more.h" "$H" --rustified-enum level --with-derive-ord
"$H2RS" "$H" --rustified-enum level --with-derive-ord --with-derive-hash --wrap-static-fns \
	--wrap-static-fns-path "$d/wrappers" -o "$d/n.rs" 2>"$d/n.err" || { not_ok "h2rs failed"; indent <"$d/n.err"; }
cat >"$d/raw.rs" <<'R'
fn main() {
    let get: unsafe fn(*const b::kw_bits) -> ::std::os::raw::c_uint = b::kw_bits::type__raw;
    let set: unsafe fn(*mut b::kw_bits, ::std::os::raw::c_uint) = b::kw_bits::set_type_raw;
    let _ = (get, set);
}
R
rust_prog "raw accessors of keyword bitfields are type__raw and set_type_raw" "$d/n.rs" "$d/raw.rs"
# (rustc cannot tell `fn f()` from `fn f() -> ()`: the text does)
test_expect "functions returning VOID or VOID2 have no return type" '
	test_grep -E "^    pub fn void_bump\(by: ::std::os::raw::c_int\);\$" "$d/n.rs"'
cat >"$d/derives.rs" <<'R'
fn traits<T: std::fmt::Debug + Copy + std::hash::Hash + Ord + Eq>() {}
fn main() {
    traits::<b::level>();
}
R
rust_prog "the rustified enum derives Hash, PartialOrd, Ord, PartialEq, Eq" "$d/n.rs" "$d/derives.rs"
check "the wrapper of a static inline VOID function compiles with gcc -Wall -Wextra -Werror -pedantic" \
	gcc -Wall -Wextra -Werror -pedantic -I"$FIX" -c "$d/wrappers.c" -o "$d/wrappers.o"

cat >"$d/n.c" <<'C'
#include "names_more.h"
int void_calls;
VOID void_bump(int by) { void_calls += by; }
VOID2 void_bump2(VOID *p) { void_calls += *(int *)p; }
enum level level_next(enum level l) { return l == LOW ? MID : HIGH; }
C
gcc -c -I"$FIX" "$d/n.c" -o "$d/n.o" && ar rcs "$d/libn.a" "$d/n.o" "$d/wrappers.o"
cat >"$d/use.rs" <<'R'
use b::*;
unsafe extern "C" fn cb(by: i32) { unsafe { void_bump(by * 2) } }
fn main() {
    let mut k = kw_bits { _bitfield_align_1: [], _bitfield_1: kw_bits::new_bitfield_1(5, 17, 9), n: 3 };
    assert_eq!((k.type_(), k.match_(), k.plain()), (5, 17, 9));
    k.set_type(2);
    unsafe {
        assert_eq!(kw_bits::type__raw(&k), 2);
        kw_bits::set_type_raw(&mut k, 7);
        kw_bits::set_match_raw(&mut k, 30);
        assert_eq!(kw_bits::match__raw(&k), 30);
        assert_eq!(kw_bits::plain_raw(&k), 9);
    }
    assert_eq!(k.type_(), 7);
    unsafe {
        let () = void_bump(4);
        let mut v: i32 = 10;
        let () = void_bump2(&mut v as *mut i32 as *mut VOID);
        let () = void_inline(1);
        let w = with_cb { cb: Some(cb) };
        (w.cb.unwrap())(3);
        let calls = void_calls;
        assert_eq!(calls, 4 + 10 + 100 + 6);
        assert_eq!(level_next(level::LOW), level::MID);
    }
    assert!(level::LOW < level::HIGH);
    assert_eq!(std::cmp::max(level::MID, level::LOW), level::MID);
    let h = holds_level { l: level::HIGH, n: 1 };
    assert!(h > holds_level { l: level::LOW, n: 5 });
}
R
rust_prog "keyword bitfields' raw accessors, VOID functions and the wrapper, Ord on the rustified enum, against gcc" \
	"$d/n.rs" "$d/use.rs" -L "$d" -ln
