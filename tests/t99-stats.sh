#!/usr/bin/env bash
# --stats: the table's figures equal what the test header was built to
# hold (counted by construction, not read from h2rs), and the counts of
# the items in the output text; deterministic; nothing on stdout but the
# bindings.
. "$(dirname "$0")/lib.sh"
d="$OUT/t99"
rm -rf "$d"; mkdir -p "$d"
H="$d/stats.h"
{
	for i in 1 2 3; do echo "struct s$i { int a; long b; };"; done
	for i in 1 2; do echo "union u$i { int a; float b; };"; done
	echo "struct blob { char c[12]; };"             # opaque by --opaque-type
	for i in 1 2; do echo "enum e$i { E${i}_A, E${i}_B };"; done
	for i in 1 2; do echo "typedef int t$i;"; done
	for i in 1 2 3 4; do echo "int f$i(int);"; done
	for i in 1 2; do echo "static inline int g$i(int x) { return x + $i; }"; done
	echo "extern int v1;"
	for i in 1 2 3 4 5; do echo "#define M$i ($i << 2)"; done
	echo "#define NC_OPEN ("   # unbalanced
	echo "#define NC_TYPE int" # not an expression
	echo "#define NC_TWO 1 2"  # not an expression
	echo "#define FM(x) ((x) + 1)" # function-like
} >"$H"
"$H2RS" --stats --opaque-type blob "$H" -o "$d/out.rs" 2>"$d/err" >"$d/stdout"
want=$(
	cat <<'W'
items emitted 20
structs 4
unions 2
enums 2
type aliases 2
functions 4
of them through generated C wrappers 0
variables 1
macro constants 5
opaque records (emitted as blobs of the right size) 1
--opaque-type or an opaque annotation 1
skipped declarations and macros, by reason 6
static function, has no symbol to link to (use --wrap-static-fns) 2
not a constant expression 2
macro's brackets are unbalanced: not an expression on its own 1
function-like macro, not wrapped: its expansion is not one function call (a statement, an expression or a constant) (--wrap-macro PROTOTYPE wraps it at the types you give) 1
macros (full rules)
object-like macros with a body 8
emitted as constants 5
not constant expressions under these rules 3
constant, but not emitted 0
W
)
# (reasons: most frequent first, ties in the order found: declarations
# before macros)
got=$(sed -n '/^h2rs: statistics for /,$p' "$d/err" | tail -n +2 | sed -E 's/^ +//; s/ +/ /g; s/ $//')
test_expect "stats: every figure equals the header's construction" 'test_cmp <(echo "$want") <(echo "$got")'
# the same figures, read off the output text (bindgen's consts-style enum
# is a type alias plus constants: 2 aliases for the typedefs + 2 for enums)
n_struct=$(grep -c '^pub struct ' "$d/out.rs")
n_union=$(grep -c '^pub union ' "$d/out.rs")
n_fn=$(grep -c '^    pub fn ' "$d/out.rs")
n_static=$(grep -c '^    pub static ' "$d/out.rs")
n_macro=$(grep -c '^pub const M[0-9]: ' "$d/out.rs")
check "stats: the output has 4 structs, 2 unions, 4 functions, 1 variable, 5 macro constants" \
	test "$n_struct $n_union $n_fn $n_static $n_macro" = "4 2 4 1 5"
check "stats: the bindings compile" rust_lib "$d/out.rs"
check "stats: nothing but the bindings on stdout with -o" test ! -s "$d/stdout"
"$H2RS" --stats --opaque-type blob "$H" -o "$d/out2.rs" 2>"$d/err2"
check "stats: the table is the same on a second run" cmp -s "$d/err" "$d/err2"
# with --wrap-static-fns the static functions become wrapped functions
"$H2RS" --stats --wrap-static-fns --wrap-static-fns-path "$d/wrap" "$H" -o "$d/w.rs" 2>"$d/werr"
check "stats: --wrap-static-fns: 6 functions, 2 of them through wrappers" \
	test "$(sed -nE 's/^ +functions +([0-9]+)$/\1/p; s/^ +of them through generated C wrappers +([0-9]+)$/\1/p' "$d/werr" | tr '\n' ' ')" = "6 2 "
# bindgen's rules: the figures say so
"$H2RS" --stats --macro-constants bindgen "$H" -o "$d/b.rs" 2>"$d/berr"
check "stats: under bindgen's rules the macro figures are labelled so" test_grep -q '^  macros (bindgen rules)$' "$d/berr"
# --explain on a function-like macro says what it is (it once said "not
# found in the input")
"$H2RS" --explain FM "$H" -o /dev/null 2>"$d/explain"
check "stats: --explain on a function-like macro names it as one and says how to wrap it" \
	test_grep -q '^FM: skipped: function-like macro, not wrapped: its expansion is not one function call.*--wrap-macro PROTOTYPE' "$d/explain"
