#!/usr/bin/env bash
# Forwarding macros (issue 16): --wrap-fn-macros wraps a function-like macro
# whose expansion is one call of a declared function, each parameter passed
# once as a whole argument (parenthesised or cast), at the callee's types,
# with no prototype from the user. Every other function-like macro is
# skipped with its reason, and --explain says which. The wrappers compile
# with gcc's strictest warnings and are called from Rust; the values Rust
# gets are the ones gcc's program gets calling the macros directly.
. "$(dirname "$0")/lib.sh"
d="$OUT/fwdmacros"
rm -rf "$d"; mkdir -p "$d"
cat >"$d/f.h" <<'H'
typedef struct stream { int level; long total; } stream;
typedef stream *streamp;
#define LIB_VERSION "1.2"
int open_(streamp s, int level, const char *version, int size);
#define open_stream(s, level) open_((s), (level), LIB_VERSION, (int)sizeof(stream))
unsigned int dev_major(unsigned long long dev);
#define major(dev) dev_major (dev)
#define swapped(a, b) open_((b), (int)(a), LIB_VERSION, 0)
long total_of(const stream *s);
#define TOTAL(s) (total_of(s))
/* not forwarding, each for its own reason */
#define twice(x) dev_major((x) + (x))
#define str(x) #x
#define stmt(x) do { dev_major(x); } while (0)
#define chain(s) open_stream(s, 1)
#define va(...) dev_major(__VA_ARGS__)
#define unknown(x) not_declared(x)
H
cat >"$d/impl.c" <<'C'
#include <string.h>
#include "f.h"
int open_(streamp s, int level, const char *version, int size) {
	s->level = level; s->total = (long)strlen(version) * 100 + size; return level * 10;
}
unsigned int dev_major(unsigned long long dev) { return (unsigned int)(dev >> 8); }
long total_of(const stream *s) { return s->total + 1; }
C
"$H2RS" "$d/f.h" --wrap-fn-macros --wrap-static-fns-path "$d/w.c" -o "$d/b.rs" --verbose 2>"$d/err"
check "--wrap-fn-macros: h2rs writes bindings and wrappers" test -s "$d/b.rs" -a -s "$d/w.c"
check "--wrap-fn-macros: the wrappers compile with gcc -Wall -Wextra -Werror -Wmissing-prototypes" \
	gcc -Wall -Wextra -Werror -Wmissing-prototypes -I"$d" -c "$d/w.c" -o "$d/w.o"
syms=$(nm "$d/w.o" 2>/dev/null | awk '$2 == "T" {print $3}' | sort | tr '\n' ' ')
check "--wrap-fn-macros: one wrapper per forwarding macro ($syms)" \
	test "$syms" = "TOTAL__extern major__extern open_stream__extern swapped__extern "
gcc -c -I"$d" "$d/impl.c" -o "$d/impl.o"
ar rcs "$d/libf.a" "$d/w.o" "$d/impl.o"
# gcc calls the macros themselves: its output is the Rust program's asserts
cat >"$d/vals.c" <<'C'
#include <stdio.h>
#include "f.h"
int main(void) {
	stream s = {0, 0}, t = {0, 0};
	int r = open_stream(&s, 7);
	printf("    let mut s = b::stream { level: 0, total: 0 };\n");
	printf("    assert_eq!(b::open_stream(&mut s, 7), %d);\n", r);
	printf("    assert_eq!((s.level, s.total), (%d, %ld));\n", s.level, s.total);
	printf("    assert_eq!(b::major(0x1234), %u);\n", major(0x1234));
	printf("    let mut t = b::stream { level: 0, total: 0 };\n");
	printf("    assert_eq!(b::swapped(3, &mut t), %d);\n", swapped(3, &t));
	printf("    assert_eq!(b::TOTAL(&t), %ld);\n", TOTAL(&t));
	return 0;
}
C
gcc -I"$d" "$d/vals.c" "$d/impl.c" -o "$d/vals" && { echo 'fn main() { unsafe {'; "$d/vals"; echo '} }'; } >"$d/main.rs"
rust_prog "--wrap-fn-macros: Rust calls open_stream (a cast and a constant among the arguments), major, swapped (parameters in another order) and TOTAL, with gcc's results" \
	"$d/b.rs" "$d/main.rs" -L "$d" -l static=f
test_expect "--wrap-fn-macros: the parameters take the callee's types, in the macro's order, under the macro's names" '
	grep -q "pub fn open_stream(s: streamp, level: ::std::os::raw::c_int) -> ::std::os::raw::c_int;" "$d/b.rs" &&
	grep -q "pub fn swapped(a: ::std::os::raw::c_int, b: streamp) -> ::std::os::raw::c_int;" "$d/b.rs" &&
	grep -q "pub fn TOTAL(s: \*const stream) -> ::std::os::raw::c_long;" "$d/b.rs" || grep "pub fn" "$d/b.rs"'
while read -r mname mwhy; do
	test_expect "--wrap-fn-macros: $mname is skipped, and --verbose says why ($mwhy)" '
		grep -q "skipped $mname: function-like macro, not wrapped: .*$mwhy" "$d/err" || grep "skipped $mname" "$d/err"'
done <<'W'
twice its parameter x is used more than once
str it stringifies or pastes tokens
stmt its expansion is not one function call
chain it calls the macro open_stream
va a variadic macro
unknown it calls not_declared, which is not a function declared in the input
W
"$H2RS" "$d/f.h" -o "$d/off.rs" --explain open_stream 2>"$d/explain"
test_expect "without --wrap-fn-macros nothing is wrapped, and --explain suggests the prototype" '
	! grep -q "pub fn open_stream" "$d/off.rs" &&
	grep -q "open_stream: skipped: function-like macro forwarding to open_: not emitted; --wrap-fn-macros wraps it as .int open_stream(streamp s, int level)." "$d/explain" || cat "$d/explain"'
"$H2RS" "$d/f.h" --wrap-fn-macros --wrap-static-fns-path "$d/w2.c" -o "$d/on.rs" --explain major 2>"$d/explain2"
test_expect "--explain on a wrapped macro names its callee and its prototype" '
	grep -q "major: a function-like macro forwarding to dev_major, wrapped as .unsigned int major(unsigned long long dev)." "$d/explain2" || cat "$d/explain2"'

# a real library: zlib's deflateInit, called from Rust
if [ -f /usr/include/zlib.h ] && gcc -x c - -lz -o /dev/null <<<'int main(void){return 0;}' 2>/dev/null; then
	"$H2RS" /usr/include/zlib.h --wrap-fn-macros --allowlist-function 'deflate.*|inflate.*' \
		--wrap-static-fns-path "$d/z.c" -o "$d/z.rs" 2>"$d/z.err"
	gcc -Wall -Wextra -Werror -Wmissing-prototypes -c "$d/z.c" -o "$d/z.o" && ar rcs "$d/libzw.a" "$d/z.o"
	cat >"$d/zmain.rs" <<'R'
fn main() { unsafe {
    let mut s: b::z_stream = std::mem::zeroed();
    assert_eq!(b::deflateInit(&mut s, 6), 0);
    assert_eq!(b::deflateEnd(&mut s), 0);
    let mut i: b::z_stream = std::mem::zeroed();
    assert_eq!(b::inflateInit(&mut i), 0);
    assert_eq!(b::inflateEnd(&mut i), 0);
} }
R
	rust_prog "--wrap-fn-macros on zlib.h: Rust calls deflateInit and inflateInit (macros over deflateInit_ and inflateInit_) with no prototype given" \
		"$d/z.rs" "$d/zmain.rs" -L "$d" -l static=zw -l z
else
	ok "# SKIP zlib.h or libz missing"
fi
