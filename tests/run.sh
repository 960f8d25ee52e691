#!/usr/bin/env bash
# The test driver: runs every tests/t[0-9]*.sh (each prints "ok - sentence"
# / "not ok - sentence" with indented diagnostics), then the doctor's quick
# checks, numbers the results TAP-style across the run ("ok N - …"), and ends
# with one line "N passed, N failed"; exits non-zero on any failure or
# crashed script.
set -u
here=$(cd "$(dirname "$0")" && pwd)
export H2RS=${H2RS:-$here/../h2rs}
export H2RS_FAST=${H2RS_FAST:-$H2RS}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export OUT=$here/out
mkdir -p "$OUT"
[ -d "$HOME/.cargo/bin" ] && export PATH="$HOME/.cargo/bin:$PATH"
passed=0
failed=0
scripts=("$here"/t[0-9]*.sh)
[ -x "$here/doctor/quick.sh" ] && scripts+=("$here/doctor/quick.sh")
for t in "${scripts[@]}"; do
	name=$(basename "$t")
	echo "# $name"
	log="$OUT/$name.log"
	bash "$t" >"$log" 2>&1
	rc=$?
	awk -v n="$((passed + failed))" '
		/^ok / { sub(/^ok( [0-9]+)?( -)?/, "ok " ++n " -") }
		/^not ok / { sub(/^not ok( [0-9]+)?( -)?/, "not ok " ++n " -") }
		/^[0-9]+ passed, [0-9]+ failed$/ { $0 = "# " $0 }
		{ print }' "$log"
	p=$(grep -c '^ok ' "$log")
	f=$(grep -c '^not ok ' "$log")
	if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
		echo "not ok $((passed + failed + p + 1)) - $name exited with status $rc"
		f=1
	fi
	passed=$((passed + p))
	failed=$((failed + f))
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
