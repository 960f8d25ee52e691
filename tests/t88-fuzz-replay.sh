#!/usr/bin/env bash
# The libFuzzer targets' corpora replayed (tests/fuzz): every input kept in
# tests/fuzz/corpus/TARGET, among them each one that once crashed or
# exhausted memory, runs once through the target built by make fuzz-build
# (clang-19, ASan + UBSan + libFuzzer) without a crash, a sanitizer report
# or passing libFuzzer's memory limit, so what was found stays fixed.
. "$(dirname "$0")/lib.sh"
root=$(cd "$(dirname "$0")/.." && pwd)
FUZZ_BUILD=${FUZZ_BUILD:-$root/build/fuzz}
mkdir -p "$OUT/fuzz-replay"
for dir in "$root"/tests/fuzz/corpus/*/; do
	t=$(basename "$dir")
	bin="$FUZZ_BUILD/fuzz_$t"
	if [ ! -x "$bin" ]; then
		not_ok "fuzz corpus $t: no target $bin (make fuzz-build)"; continue
	fi
	n=$(ls "$dir" | wc -l)
	log="$OUT/fuzz-replay/$t.log"
	if ASAN_OPTIONS=detect_leaks=0 "$bin" -rss_limit_mb=1024 -malloc_limit_mb=512 -timeout=10 \
		"$dir"* >"$log" 2>&1 && [ "$(grep -c '^Executed ' "$log")" = "$n" ]; then
		ok "fuzz corpus $t: $n inputs replayed, no crash, sanitizer report or runaway memory"
	else
		not_ok "fuzz corpus $t: replay failed ($(grep -c '^Executed ' "$log") of $n ran)"
		grep -m5 -E 'ERROR|SUMMARY|runtime error|out-of-memory' "$log" | indent
	fi
done
