#!/usr/bin/env bash
# The test driver: runs every tests/t[0-9]*.sh (each prints "ok - sentence"
# / "not ok - sentence" with indented diagnostics), then the doctor's quick
# checks, numbers the results TAP-style across the run ("ok N - …"), and ends
# with one line "N passed, N failed"; exits non-zero on any failure or
# crashed script.
#
#   tests/run.sh [SCRIPT...]     (default: all; names with or without tests/)
#
# TEST_JOBS scripts run at the same time (default: the number of CPUs); each
# writes its own log, and the logs are printed in the scripts' order as soon
# as they and every script before them are done, so the output does not
# depend on the scheduling.  Scripts that share a product make it through a
# locked helper in lib.sh (uapi_header).
set -u
here=$(cd "$(dirname "$0")" && pwd)
export H2RS=${H2RS:-$here/../h2rs}
export H2RS_FAST=${H2RS_FAST:-$H2RS}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export OUT=${OUT:-$here/out}
mkdir -p "$OUT"
[ -d "$HOME/.cargo/bin" ] && export PATH="$HOME/.cargo/bin:$PATH"
jobs=${TEST_JOBS:-$(nproc 2>/dev/null || echo 1)}
[ "$jobs" -ge 1 ] 2>/dev/null || jobs=1

scripts=()
if [ $# -gt 0 ]; then
	for a in "$@"; do
		case $a in /*) scripts+=("$a") ;; *) scripts+=("$here/${a#tests/}") ;; esac
	done
else
	scripts=("$here"/t[0-9]*.sh)
	[ -x "$here/doctor/quick.sh" ] && scripts+=("$here/doctor/quick.sh")
fi

log_of() { echo "$OUT/$(basename "$1").log"; }

# run_one SCRIPT: run it into its log; its exit status goes to LOG.rc
run_one() {
	local log
	log=$(log_of "$1")
	rm -f "$log.rc"
	bash "$1" >"$log" 2>&1
	echo $? >"$log.rc"
}

passed=0
failed=0
printed=0
# print_done: print, in order, every finished log not yet printed
print_done() {
	local t name log rc p f
	while [ "$printed" -lt "${#scripts[@]}" ]; do
		t=${scripts[$printed]}
		log=$(log_of "$t")
		[ -s "$log.rc" ] || return 0
		name=$(basename "$t")
		rc=$(cat "$log.rc")
		echo "# $name"
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
		printed=$((printed + 1))
	done
}

running=0
for t in "${scripts[@]}"; do
	if [ ! -f "$t" ]; then
		echo "# no such test script: $t" >&2
		: >"$(log_of "$t")"
		echo 127 >"$(log_of "$t").rc"
		continue
	fi
	while [ "$running" -ge "$jobs" ]; do
		wait -n
		running=$((running - 1))
		print_done
	done
	run_one "$t" &
	running=$((running + 1))
done
wait
print_done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
