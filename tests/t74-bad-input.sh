#!/usr/bin/env bash
# Bad input, table-driven: each case gives the exit status and the
# `h2rs: error:` line (an ERE) it must print, and its -o file, made
# beforehand with known content, must be left exactly as it was, with no
# temporary file beside it (no half-written or replaced output).
. "$(dirname "$0")/lib.sh"
d="$OUT/bad"
rm -rf "$d"; mkdir -p "$d/w"
head -c 4096 /dev/urandom >"$d/garbage.h"
echo '#include "self.h"' >"$d/self.h"
printf 'struct s { int a; };\n' >"$d/ok.h"
printf 'struct \377\376name { int a; };\n' >"$d/nonutf8.h"
{ echo '#define M0 1'; for i in $(seq 1 10000); do echo "#define M$i (M$((i - 1)) + 1)"; done; echo 'int v[M10000 > 0 ? 1 : -1];'; } >"$d/deep.h"
printf 'int f(' >"$d/proto.txt"
echo 'not a prototype' >"$d/wrap.txt"

# bad NAME STATUS PATTERN ARGS...: h2rs ARGS -o $d/w/out.rs
bad() {
	local name=$1 want=$2 pat=$3
	shift 3
	rm -rf "$d/w"; mkdir -p "$d/w"
	echo "previous content" >"$d/w/out.rs"
	timeout 120 "$H2RS" "$@" -o "$d/w/out.rs" >"$d/stdout" 2>"$d/err"
	local rc=$? why=""
	[ "$rc" = "$want" ] || why="exit status $rc, want $want"
	grep -Eq "^h2rs: error: $pat" "$d/err" || why="$why; no 'h2rs: error: $pat' line"
	[ "$(cat "$d/w/out.rs")" = "previous content" ] || why="$why; the output was replaced"
	[ "$(ls -A "$d/w")" = out.rs ] || why="$why; left behind: $(ls -A "$d/w" | tr '\n' ' ')"
	if [ -z "$why" ]; then ok "bad input: $name: exit $want, '$pat', output untouched"
	else not_ok "bad input: $name: ${why#; }"; indent <"$d/err"; fi
}
bad "binary garbage as a header" 1 "$d/garbage.h: [0-9]+ errors? while parsing; no bindings written" "$d/garbage.h"
bad "a header that includes itself" 1 "$d/self.h: 1 error while parsing" "$d/self.h"
bad "a missing header" 1 "$d/none.h: cannot read input header" "$d/none.h"
bad "an unreadable --wrap-macros-file" 1 "--wrap-macros-file: cannot read '$d/none.txt'" "$d/ok.h" --wrap-macros-file "$d/none.txt"
bad "a malformed --wrap-macro prototype" 1 ".*(error|while parsing)" "$d/ok.h" --wrap-macro "$(cat "$d/proto.txt")"
bad "an invalid regex" 1 "--allowlist-type: invalid regular expression '\\('" "$d/ok.h" --allowlist-type '('
# found by tests/fuzz's option target: glibc's regcomp expands stacked
# repetitions, 2^24 copies here (12 GiB, 50 s before h2rs bounded it)
bad "a regex whose repetitions expand exponentially (24 stacked '+')" 1 "--allowlist-type: invalid regular expression .*: too large" "$d/ok.h" --allowlist-type "S.%++++++++++++++++++++++++"
bad "an exploding regex in --with-derive-custom" 1 "--with-derive-custom: invalid regular expression in .*: too large" "$d/ok.h" --with-derive-custom "S.%++++++++++++++++++++++++++++++++++=Hash"
bad "an exploding regex in --override-abi" 1 "--override-abi: invalid regular expression in .*: too large" "$d/ok.h" --override-abi "f++++++++++++++++++++++++++=C-unwind"
bad "a loop stacked over a group of empty alternatives (glibc's epsilon closures: minutes)" 1 "--with-derive-custom: invalid regular expression in .*: too large" "$d/ok.h" --with-derive-custom "(a|||||%|||b||||;%+)+++=Hash"
bad "a regex with nested counted repetitions" 1 "--blocklist-type: invalid regular expression .*: too large" "$d/ok.h" --blocklist-type "((a{100}){100}){100}"
bad "10,000 nested macro expansions (clang's nesting limit)" 1 "$d/deep.h: 1 error while parsing" "$d/deep.h"
bad "a non-UTF-8 name" 1 "$d/nonutf8.h: [0-9]+ errors? while parsing" "$d/nonutf8.h"
bad "an unknown option" 1 "" "$d/ok.h" --no-such-option-at-all

# -o into a missing directory, and onto a full disk
for o in "$d/missing/out.rs" /dev/full; do
	"$H2RS" "$d/ok.h" -o "$o" 2>"$d/err"
	rc=$?
	test_expect "bad input: -o $o: exit 1, 'cannot write output', nothing created" '
		[ "$rc" = 1 ] || echo "exit $rc"
		[ "$rc" = 1 ] && test_grep -E "^h2rs: error: cannot write output '\''$o'\'': (No such file or directory|No space left on device)" "$d/err"'
done
[ ! -e "$d/missing" ] || not_ok "bad input: -o into a missing directory created it"
# stdout closed
"$H2RS" "$d/ok.h" >&- 2>"$d/err"
rc=$?
test_expect "bad input: stdout closed: exit 1, 'cannot write to standard output'" '
	[ "$rc" = 1 ] || echo "exit $rc"
	[ "$rc" = 1 ] && test_grep "^h2rs: error: cannot write to standard output" "$d/err"'
# an empty header: bindings with nothing but the banner
: >"$d/empty.h"
if "$H2RS" "$d/empty.h" -o "$d/empty.rs" 2>"$d/err" && [ -z "$(grep -v '^/\*' "$d/empty.rs" | tr -d '[:space:]')" ]; then
	ok "bad input: an empty header gives empty bindings, exit 0"
else
	not_ok "bad input: empty header"; indent <"$d/err"
fi

# Conflicting and invalid options, where bindgen's command line (clap)
# rejects them: a value given twice, --formatter with --no-rustfmt-bindings,
# a --rust-target that is no Rust version, an edition the target lacks.
bad "an invalid --rust-target" 1 "invalid value '0.5' for '--rust-target <RUST_TARGET>'" "$d/ok.h" --rust-target 0.5
bad "--rust-target given twice" 1 "the argument '--rust-target' cannot be used multiple times" "$d/ok.h" --rust-target 1.70 --rust-target=1.80
bad "two enum styles (--default-enum-style twice)" 1 "the argument '--default-enum-style' cannot be used multiple times" "$d/ok.h" --default-enum-style rust --default-enum-style consts
bad "two outputs (-o and --output)" 1 "the argument '--output' cannot be used multiple times" "$d/ok.h" --output "$d/w/other.rs"
bad "--formatter with --no-rustfmt-bindings" 1 "the argument '--formatter <FORMATTER>' cannot be used with '--no-rustfmt-bindings'" "$d/ok.h" --formatter none --no-rustfmt-bindings
bad "--rust-edition 2024 with --rust-target 1.70" 1 ".*edition 2024 is not available on Rust 1.70" "$d/ok.h" --rust-edition 2024 --rust-target 1.70

# Every output of a run, all or none: with wrappers, a depfile and a layout
# probe besides the bindings, a run that fails at any step (parsing, or
# writing one of the files) leaves each file as it was, with no temporary
# file beside any of them.
printf 'static inline int twice(int x) { return 2 * x; }\nstruct s { int a; };\n' >"$d/fn.h"
# outputs_kept NAME PATTERN ARGS...: h2rs ARGS with all four outputs in $d/w
outputs_kept() {
	local name=$1 pat=$2
	shift 2
	rm -rf "$d/w"; mkdir -p "$d/w"
	local f
	for f in out.rs wrap.c dep.d probe.c probe.rs; do echo "previous content" >"$d/w/$f"; done
	"$H2RS" "$@" --wrap-static-fns --wrap-static-fns-path "$d/w/wrap.c" --depfile "$d/w/dep.d" \
		--layout-probe "$d/w/probe" >"$d/stdout" 2>"$d/err"
	local rc=$? why=""
	[ "$rc" = 1 ] || why="exit status $rc, want 1"
	grep -Eq "^h2rs: error: $pat" "$d/err" || why="$why; no 'h2rs: error: $pat' line"
	for f in out.rs wrap.c dep.d probe.c probe.rs; do
		[ "$(cat "$d/w/$f")" = "previous content" ] || why="$why; $f was replaced"
	done
	[ "$(ls -A "$d/w" | tr '\n' ' ')" = "dep.d out.rs probe.c probe.rs wrap.c " ] ||
		why="$why; left behind: $(ls -A "$d/w" | tr '\n' ' ')"
	if [ -z "$why" ]; then ok "outputs kept: $name: exit 1, bindings, wrappers, depfile and probe untouched"
	else not_ok "outputs kept: $name: ${why#; }"; indent <"$d/err"; fi
}
outputs_kept "a header that does not parse" "$d/garbage.h: " "$d/garbage.h" -o "$d/w/out.rs"
outputs_kept "-o into a missing directory" "cannot write output '$d/missing/out.rs'" "$d/fn.h" -o "$d/missing/out.rs"
outputs_kept "-o /dev/full" "cannot write output '/dev/full': No space left" "$d/fn.h" -o /dev/full
# the probe's prefix names a directory that does not exist: its files fail last
outputs_kept_probe() {
	rm -rf "$d/w"; mkdir -p "$d/w"
	for f in out.rs wrap.c dep.d; do echo "previous content" >"$d/w/$f"; done
	"$H2RS" "$d/fn.h" -o "$d/w/out.rs" --wrap-static-fns --wrap-static-fns-path "$d/w/wrap.c" \
		--depfile "$d/w/dep.d" --layout-probe "$d/missing/probe" >"$d/stdout" 2>"$d/err"
	local rc=$? why=""
	[ "$rc" = 1 ] || why="exit status $rc, want 1"
	grep -q "^h2rs: error: cannot write layout probe '$d/missing/probe\.c'" "$d/err" || why="$why; no 'cannot write layout probe' line"
	for f in out.rs wrap.c dep.d; do
		[ "$(cat "$d/w/$f")" = "previous content" ] || why="$why; $f was replaced"
	done
	[ "$(ls -A "$d/w" | tr '\n' ' ')" = "dep.d out.rs wrap.c " ] || why="$why; left behind: $(ls -A "$d/w" | tr '\n' ' ')"
	if [ -z "$why" ]; then ok "outputs kept: the layout probe (staged first) fails: bindings, wrappers, depfile untouched"
	else not_ok "outputs kept: a failing layout probe: ${why#; }"; indent <"$d/err"; fi
}
outputs_kept_probe
# and when the run succeeds, every file is new
rm -rf "$d/w"; mkdir -p "$d/w"
test_expect "outputs: a run that succeeds replaces bindings, wrappers, depfile and probe" '
	for f in out.rs wrap.c dep.d probe.c probe.rs; do echo "previous content" >"$d/w/$f"; done
	"$H2RS" "$d/fn.h" -o "$d/w/out.rs" --wrap-static-fns --wrap-static-fns-path "$d/w/wrap.c" \
		--depfile "$d/w/dep.d" --layout-probe "$d/w/probe" 2>/dev/null &&
	grep -q "pub fn twice" "$d/w/out.rs" && grep -q "twice" "$d/w/wrap.c" &&
	grep -q "fn.h" "$d/w/dep.d" && grep -q "size_of::<s>" "$d/w/probe.rs" &&
	grep -q "sizeof(struct s)" "$d/w/probe.c" &&
	[ "$(ls -A "$d/w" | tr "\n" " ")" = "dep.d out.rs probe.c probe.rs wrap.c " ]'

# A broken pipe (h2rs x.h | head -1, output larger than the pipe's buffer):
# as cat and grep, h2rs dies of SIGPIPE at once (the shell's status 141),
# silently; where SIGPIPE is ignored (a parent set SIG_IGN), the write fails
# with EPIPE and h2rs says so once and exits 1. Either way it does not hang,
# and the depfile and wrappers staged beside it are not replaced.
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "struct p%d { int a; long b; };\n", i }' >"$d/pipe.h"
cat "$d/fn.h" >>"$d/pipe.h"
pipe_case() {
	local name=$1 ign=$2 want=$3
	rm -rf "$d/w"; mkdir -p "$d/w"
	echo "previous content" >"$d/w/dep.d"; echo "previous content" >"$d/w/wrap.c"
	local rc first
	first=$( (
		[ "$ign" = 1 ] && trap '' PIPE
		timeout 60 "$H2RS" "$d/pipe.h" --depfile "$d/w/dep.d" --wrap-static-fns \
			--wrap-static-fns-path "$d/w/wrap.c" 2>"$d/err"
		echo $? >"$d/rc"
	) | head -1)
	rc=$(cat "$d/rc")
	local why=""
	[ "$rc" = "$want" ] || why="exit status $rc, want $want"
	case $first in "/* automatically generated by h2rs"*) ;; *) why="$why; first line '$first'" ;; esac
	if [ "$ign" = 1 ]; then
		[ "$(grep -v '^h2rs: note:' "$d/err")" = "h2rs: error: cannot write to standard output: Broken pipe" ] ||
			why="$why; stderr is not the one error line"
	else
		[ -z "$(grep -v '^h2rs: note:' "$d/err")" ] || why="$why; stderr not empty"
	fi
	[ "$(cat "$d/w/dep.d")" = "previous content" ] && [ "$(cat "$d/w/wrap.c")" = "previous content" ] ||
		why="$why; depfile or wrappers replaced"
	[ "$(ls -A "$d/w" | tr '\n' ' ')" = "dep.d wrap.c " ] || why="$why; left behind: $(ls -A "$d/w" | tr '\n' ' ')"
	if [ -z "$why" ]; then ok "broken pipe: $name"
	else not_ok "broken pipe: $name: ${why#; }"; indent <"$d/err"; fi
}
pipe_case "h2rs x.h | head -1 dies of SIGPIPE (status 141), silent, depfile and wrappers kept" 0 141
pipe_case "with SIGPIPE ignored: exit 1, one 'cannot write to standard output: Broken pipe' line, files kept" 1 1

# A libclang that fails to load: h2rs links libclang directly (the
# binary's RUNPATH names LLVM's lib directory; LD_LIBRARY_PATH comes
# first), so the dynamic loader refuses to start it, with its message naming
# the library and status 127, before h2rs runs at all: nothing is written.
lib=$(ldd "$H2RS" | sed -nE 's/^\s*(libclang[^ ]*) => .*/\1/p' | head -1)
mkdir -p "$d/badlib"
echo "not a shared object" >"$d/badlib/$lib"
rm -rf "$d/w"; mkdir -p "$d/w"; echo "previous content" >"$d/w/out.rs"
LD_LIBRARY_PATH="$d/badlib" "$H2RS" "$d/ok.h" -o "$d/w/out.rs" 2>"$d/err"
rc=$?
if [ -n "$lib" ] && [ "$rc" = 127 ] && grep -q "error while loading shared libraries: .*$lib" "$d/err" &&
	[ "$(cat "$d/w/out.rs")" = "previous content" ] && [ "$(ls -A "$d/w")" = out.rs ]; then
	ok "a libclang that fails to load ($lib not an ELF file): the loader's error, status 127, output untouched"
else
	not_ok "a libclang that fails to load: status $rc (library '$lib')"; indent <"$d/err"
fi

# A 100 MB header: 100,000 struct declarations, each followed by a 900-byte
# comment (a documented header's proportions). Bindings for all of them,
# in bounded memory: peak RSS under 2 GiB (measured: about 0.4 GiB; a
# header of 100 MB of declarations alone takes libclang's AST to 5 GiB, see
# README). The normal build (H2RS_FAST): ASan doubles the memory.
big="$d/big.h"
awk 'BEGIN {
	c = "/*"
	for (j = 0; j < 11; j++) c = c " padding padding padding padding padding padding padding padding padding padding\n"
	c = c " padding padding padding padding padding padding padding padding */"
	for (i = 0; i < 100000; i++) printf "struct big%d { int a; unsigned char b[3]; long c; };\n%s\n", i, c
}' >"$big"
size=$(stat -c %s "$big")
/usr/bin/time -f '%M %e' -o "$d/big.time" "${H2RS_FAST:-$H2RS}" "$big" -o "$d/big.rs" 2>"$d/err"
rc=$?
read -r kb secs <"$d/big.time"
n=$(grep -c '^pub struct big[0-9]* {' "$d/big.rs" 2>/dev/null)
if [ "$rc" = 0 ] && [ "$size" -ge 100000000 ] && [ "$n" = 100000 ] && [ "$kb" -lt $((2 * 1024 * 1024)) ]; then
	ok "a 100 MB header ($size bytes, 100,000 records): all bound, peak RSS $((kb / 1024)) MiB (bound 2048), ${secs}s"
else
	not_ok "a 100 MB header: exit $rc, $size bytes, $n of 100000 records, peak RSS $kb KiB"; indent <"$d/err"
fi
rm -f "$big" "$d/big.rs" "$d/pipe.h"

# '::' in a macro body: libclang 19 never returns from '(::' in an
# expression, and every evaluation unit wraps a body in brackets (found by
# the header fuzz target): such macros are kept out of every unit, in each
# macro mode, and are listed as skipped
printf '#define A (:: x)\n#define F(y) (:: y)\n#define B 1\n' >"$d/colons.h"
for mode in "" "--macro-constants bindgen --clang-macro-fallback" "--wrap-fn-macros --wrap-static-fns-path $d/colons.c"; do
	# shellcheck disable=SC2086
	timeout 60 "$H2RS" "$d/colons.h" $mode -o "$d/colons.rs" --verbose 2>"$d/colons.err"
	rc=$?
	test_expect "a macro body with '::' (${mode:-full mode}): done, not hung, B bound, A and F skipped" '
		[ $rc = 0 ] && grep -q "pub const B:" "$d/colons.rs" && grep -q "skipped A:" "$d/colons.err" &&
		grep -q "skipped F:" "$d/colons.err" || { echo "exit $rc"; cat "$d/colons.err"; false; }'
done
# ... and so are the macros that expand to '::' through others, or whose
# name has a definition with it (found by the fuzz target too). Under
# bindgen's rules E and R take the first definition's value, as in
# bindgen, and libclang 14 lexes '::' as two ':' (and does not hang): there
# only P and H must be skipped.
printf '#define E 1\n#define E ::\n#define R (E)\n#define G() ::\n#define P G()\n#define H(x) (G() + x)\n#define B 1\n' >"$d/colons2.h"
for mode in "" "--macro-constants bindgen --clang-macro-fallback" "--wrap-fn-macros --wrap-static-fns-path $d/colons.c"; do
	# shellcheck disable=SC2086
	timeout 60 "$H2RS" "$d/colons2.h" $mode -o "$d/colons.rs" --verbose 2>"$d/colons.err"
	rc=$?
	test_expect "macros expanding to '::' through others (${mode:-full mode}): done, not hung, B bound, E, R, P and H skipped" '
		[ $rc = 0 ] && grep -q "pub const B:" "$d/colons.rs" && ! grep -q "pub const P:" "$d/colons.rs" &&
		{ [ "$mode" != "${mode#--macro-constants bindgen}" ] ||
		  { grep -q "skipped E:" "$d/colons.err" && grep -q "skipped R:" "$d/colons.err"; }; } &&
		grep -q "skipped P:" "$d/colons.err" && grep -q "skipped H:" "$d/colons.err" ||
		{ echo "exit $rc"; cat "$d/colons.err"; false; }'
done
