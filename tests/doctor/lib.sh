# tests/doctor/lib.sh — shared by run.sh and quick.sh: TAP-ish counters
# and small helpers. Sourced, not run.

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
H2RS=${H2RS:-$ROOT/h2rs}
# The doctor allocates for one short run and does not free (like the rest
# of h2rs); under ASan, leaks are not errors here.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
OUT=${DOCTOR_OUT:-$ROOT/tests/out/doctor}
KVER=6.12
KSRC=${DOCTOR_KERNEL:-$OUT/linux-source-$KVER}
CONFIGS=/usr/src/linux-config-$KVER
RUSTC_GOOD=/usr/bin/rustc
RUSTUP_RUSTC=$HOME/.cargo/bin/rustc
pass=0
fail=0
n=0

ok() { n=$((n + 1)); pass=$((pass + 1)); echo "ok $n - $*"; }
not_ok() { n=$((n + 1)); fail=$((fail + 1)); echo "not ok $n - $*"; }
skip() { n=$((n + 1)); echo "ok $n - # SKIP $*"; }
check() { # check "description" command...
	local what=$1
	shift
	if "$@"; then ok "$what"; else not_ok "$what"; fi
}
finish() {
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}

# JSON field or query: json FILE 'python expression over d'
json() {
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); r=eval(sys.argv[2]); print(r if r is not None else "")' "$1" "$2"
}

# Does h2rs answer as bindgen (symlink named bindgen)? Sets BG.
h2rs_bindgen() {
	mkdir -p "$OUT/bin"
	ln -sf "$H2RS" "$OUT/bin/bindgen"
	BG=$OUT/bin/bindgen
	"$BG" --version 2>/dev/null | grep -q '^bindgen 0\.' &&
		"$BG" "$KSRC/scripts/rust_is_available_bindgen_libclang.h" 2>&1 >/dev/null |
		grep -q 'clang version [0-9]'
}

# CONFIG_RUST of a .config
rust_of() { sed -n 's/^CONFIG_RUST=//p' "$1"; }

# Is FILE valid doctor JSON?
json_ok() { json "$1" 'd["findings"][0]["section"]' >/dev/null 2>&1; }
