#!/usr/bin/env bash
# scripts/same-output.sh BASE_REV — the identity check for changes that must
# not change behaviour (issue 12's restructure): builds h2rs at BASE_REV in a
# temporary git worktree and h2rs from the current tree, runs both over the
# same inputs and compares every output byte for byte.
#
#   scripts/same-output.sh [BASE_REV]      (default: $SAME_BASE or main)
#   make check-identical BASE=REV
#
# Inputs: every tests/fixtures/*.h, the POSIX header set of tests/lib.sh
# (-D_GNU_SOURCE) and the uapi set (lib.sh's uapi_header), each under a list
# of option sets: both macro modes (full, bindgen, bindgen with
# --clang-macro-fallback), wrappers (--wrap-static-fns), layout probes
# (--layout-probe), depfiles (--depfile), derives, every enum style,
# dynamic loading, the bindgen name (argv[0] = bindgen); plus --help,
# --version, option errors and `h2rs doctor` without a kernel tree.
# Compared per run: the exit status, stderr, the .rs, the wrappers .c, the
# probe's .c and .rs, the depfile. Both binaries run from the same path and
# write to the same directory, so paths inside outputs agree.
#
# Prints one line per differing run and ends with "N runs, N differ"; exits
# 0 when nothing differs, 1 when something does, 2 when it cannot run. The
# base build is cached under build/same-output/COMMIT.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
base=${1:-${SAME_BASE:-main}}
cd "$root" || exit 2
rev=$(git rev-parse --verify -q "$base^{commit}") ||
	{ echo "same-output: error: no commit '$base' in this repository" >&2; exit 2; }
MAKE=${MAKE:-make}
cache="$root/build/same-output/$rev"
work=$(mktemp -d "${TMPDIR:-/tmp}/h2rs-same.XXXXXX")
trap 'rm -rf "$work"; git -C "$root" worktree remove --force "$work/src" >/dev/null 2>&1; git -C "$root" worktree prune' EXIT

# The two binaries.
if [ ! -x "$cache/h2rs" ]; then
	echo "same-output: building h2rs at ${rev:0:12}"
	git worktree add --detach -q "$work/src" "$rev" || exit 2
	nice $MAKE -s -C "$work/src" -j2 h2rs >"$work/base-build.log" 2>&1 ||
		{ cat "$work/base-build.log" >&2; exit 2; }
	mkdir -p "$cache"
	cp "$work/src/h2rs" "$cache/h2rs"
	git worktree remove --force "$work/src"
fi
nice $MAKE -s -C "$root" -j2 h2rs >"$work/cur-build.log" 2>&1 ||
	{ cat "$work/cur-build.log" >&2; exit 2; }
cp "$root/h2rs" "$work/cur-h2rs" # a snapshot: the tree may be rebuilt meanwhile

# The inputs.
FIX="$root/tests/fixtures"
mkdir -p "$work/in"
. <(sed -n '/^POSIX_HEADERS=/,/"$/p' "$root/tests/lib.sh")
for h in $POSIX_HEADERS; do echo "#include <$h>"; done >"$work/in/posix.h"
# (made once, kept next to the base builds)
OUT="$root/build/same-output" H2RS=/bin/true bash -c '. "$1"; uapi_header >/dev/null' _ "$root/tests/lib.sh"
uapi="$root/build/same-output/real/uapi.h"
[ -s "$uapi" ] || echo "same-output: note: no uapi set (no /usr/include/linux?)"

# Option sets, one per line; OUTS stands for every output file option.
OUTS='--wrap-static-fns --wrap-static-fns-path @/w --layout-probe @/probe --depfile @/dep.d'
SETS="
--macro-constants bindgen
$OUTS
$OUTS --macro-constants bindgen --clang-macro-fallback
$OUTS --with-derive-default --with-derive-hash --with-derive-partialeq --with-derive-eq --with-derive-ord --impl-debug --impl-partialeq --default-enum-style newtype --use-core --ctypes-prefix core::ffi
--default-enum-style rust --dynamic-loading Lib --no-layout-tests --explicit-padding --no-doc-comments --stats --verbose
--default-enum-style moduleconsts --rust-target 1.68 --generate-cstr --merge-extern-blocks --sort-semantically
--default-enum-style bitfield --rust-target 1.85 --rust-edition 2024 --wrap-unsafe-ops --flexarray-dst --generate-inline-functions
--default-enum-style rust_non_exhaustive --opaque-type .* --no-prepend-enum-name --fit-macro-constant-types --macro-constants bindgen
--default-enum-style newtype_global --with-derive-partialord --no-copy .* --default-non-copy-union-style manually_drop --translate-enum-integer-types
"

# run_all BIN DEST: every run with BIN (copied to one path), results in DEST.
run_all() {
	local bin=$1 dest=$2 h name line opts i
	mkdir -p "$work/bin" "$dest"
	cp "$bin" "$work/bin/h2rs"
	ln -sf h2rs "$work/bin/bindgen"
	one() { # NAME ARGV0 ARGS... (@ in an argument: this run's directory)
		local name=$1 exe=$2 r="$work/run" a args=()
		shift 2
		rm -rf "$r"; mkdir -p "$r"
		for a in "$@"; do args+=("${a//@/$r}"); done
		(cd "$r" && nice "$work/bin/$exe" "${args[@]}" >stdout 2>stderr; echo $? >status)
		rm -rf "$dest/$name"; mv "$r" "$dest/$name"
	}
	for h in "$FIX"/*.h; do
		name=$(basename "$h" .h)
		i=0
		while IFS= read -r line; do
			# shellcheck disable=SC2086 # one set is a list of words
			set -f; opts=($line); set +f
			one "fix-$name-$i" h2rs "$h" "${opts[@]}" -o @/b.rs -- -I"$FIX"
			i=$((i + 1))
		done <<<"$SETS"
		one "fix-$name-bindgen" bindgen "$h" -o @/b.rs -- -I"$FIX"
	done
	i=0
	while IFS= read -r line; do
		set -f; opts=($line); set +f
		one "posix-$i" h2rs "$work/in/posix.h" "${opts[@]}" -o @/b.rs -- -D_GNU_SOURCE
		if [ -s "$uapi" ]; then
			one "uapi-$i" h2rs "$uapi" "${opts[@]}" -o @/b.rs
		fi
		i=$((i + 1))
	done <<<"$(echo "$SETS" | sed -n '1,5p')"
	one posix-bindgen bindgen "$work/in/posix.h" -o @/b.rs -- -D_GNU_SOURCE
	one help h2rs --help
	one version h2rs --version
	one bad-option h2rs --no-such-flag "$FIX/structs.h"
	one bad-style h2rs --default-enum-style nope "$FIX/structs.h"
	one no-header h2rs
	one missing-header h2rs /nonexistent.h -o @/b.rs
	one doctor-help h2rs doctor --help
	one doctor-bogus h2rs doctor --bogus
	one doctor-notree-json h2rs doctor --json RUSTC=/usr/bin/rustc
	one doctor-notree h2rs doctor RUSTC=/usr/bin/rustc
}

run_all "$cache/h2rs" "$work/base"
run_all "$work/cur-h2rs" "$work/cur"
runs=$(ls "$work/base" | wc -l)
bad=0
for r in "$work/base"/*; do
	name=$(basename "$r")
	if ! diff -r -q "$r" "$work/cur/$name" >"$work/diff" 2>&1; then
		bad=$((bad + 1))
		echo "differs: $name"
		sed 's/^/    /' "$work/diff" | head -n 5
		[ -n "${SAME_KEEP:-}" ] && { mkdir -p "$SAME_KEEP"; cp -r "$r" "$SAME_KEEP/$name.base"; cp -r "$work/cur/$name" "$SAME_KEEP/$name.cur"; }
	fi
done
files=$(find "$work/base" -type f | wc -l)
echo "same-output: base ${rev:0:12} vs the current tree: $runs runs ($files files), $bad differ"
[ "$bad" = 0 ]
