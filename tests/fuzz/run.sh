#!/usr/bin/env bash
# make fuzz: run each libFuzzer target for SECONDS over its corpus.
#   tests/fuzz/run.sh SECONDS TARGET...
# The corpus in the repo (tests/fuzz/corpus/TARGET) seeds a working corpus
# in $OUT/fuzz/TARGET, where libFuzzer adds what it finds; crashes are
# written as $OUT/fuzz/crash-TARGET-*. With MERGE=1 the new inputs that
# add coverage are merged back into the repo's corpus (to commit).
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
OUT=${OUT:-$root/tests/out}
secs=$1
shift
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
for t in "$@"; do
	w="$OUT/fuzz/$t"
	mkdir -p "$w"
	cp -n "$here/corpus/$t"/* "$w/" 2>/dev/null
	dict=()
	[ -f "$here/$t.dict" ] && dict=(-dict="$here/$t.dict")
	echo "# fuzz_$t: ${secs}s"
	# in runs of at most CHUNK seconds (default 60), each starting from the
	# corpus the last one grew: what parse_options allocates before an
	# error is never freed (as in h2rs), so one process grows run by run
	left=$secs runs=0 rc=0
	: >"$OUT/fuzz/$t.log"
	while [ "$left" -gt 0 ] && [ "$rc" = 0 ]; do
		# header leaks a libclang unit per input that ends in error(): shorter runs
		dflt=60; [ "$t" = header ] && dflt=30
		s=${CHUNK:-$dflt}
		[ "$left" -lt "$s" ] && s=$left
		"$root/build/fuzz/fuzz_$t" -max_total_time="$s" -detect_leaks=0 -rss_limit_mb=4096 -timeout=10 \
			-print_final_stats=1 -artifact_prefix="$OUT/fuzz/crash-$t-" "${dict[@]}" "$w" \
			>>"$OUT/fuzz/$t.log" 2>&1
		rc=$?
		left=$((left - s))
	done
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$OUT/fuzz/$t.log" | paste -sd+ | bc)
	echo "#   ${runs:-0} inputs run"
	if [ "$rc" != 0 ]; then
		echo "not ok - fuzz_$t: a crash (exit $rc), see $OUT/fuzz/$t.log and $OUT/fuzz/crash-$t-*"
		grep -m5 -E 'ERROR|SUMMARY|runtime error' "$OUT/fuzz/$t.log" | sed 's/^/    /'
		status=1
	else
		echo "ok - fuzz_$t: no crash in ${secs}s ($(ls "$w" | wc -l) inputs in the corpus)"
	fi
	if [ "${MERGE:-0}" = 1 ]; then
		"$root/build/fuzz/fuzz_$t" -merge=1 -detect_leaks=0 "$here/corpus/$t" "$w" >"$OUT/fuzz/$t.merge.log" 2>&1
	fi
done
exit $status
