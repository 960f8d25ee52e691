#!/bin/bash
# tests/doctor/quick.sh — fast `h2rs doctor` checks for `make test` (< 30 s,
# no apt). Needs the kernel tree that tests/doctor/run.sh unpacks (or
# DOCTOR_KERNEL=DIR); skips with a message when it is absent.
set -u
. "$(dirname "$0")/lib.sh"

check "h2rs doctor --help works ($H2RS)" bash -c '"$0" doctor --help >/dev/null' "$H2RS"
check "h2rs doctor rejects an unknown option with status 2" \
	bash -c '"$0" doctor --bogus >/dev/null 2>&1; test $? -eq 2' "$H2RS"

# Toolchain facts only (no tree): still one valid JSON report.
mkdir -p "$OUT"
(cd / && "$H2RS" doctor --json RUSTC=$RUSTC_GOOD >"$OUT/quick-notree.json" 2>/dev/null)
check "without a tree: valid JSON with toolchain findings" json_ok "$OUT/quick-notree.json"
(cd / && "$H2RS" doctor RUSTC=$RUSTC_GOOD >"$OUT/quick-notree.txt" 2>&1)
check "without a tree: says it reports toolchain facts only" \
	grep -q 'toolchain facts only' "$OUT/quick-notree.txt"
rm -rf "$OUT/quick-link"
"$H2RS" doctor --json --link-bindgen "$OUT/quick-link" RUSTC=$RUSTC_GOOD >/dev/null 2>&1
check "--link-bindgen DIR creates DIR/bindgen -> h2rs" \
	test "$(readlink "$OUT/quick-link/bindgen")" = "$(readlink -f "$H2RS")"

if [ ! -f "$KSRC/scripts/min-tool-version.sh" ]; then
	skip "no kernel tree at $KSRC (run make test-doctor once, or set DOCTOR_KERNEL)"
	finish
	exit
fi
if ! h2rs_bindgen; then
	BG=/usr/bin/bindgen
fi

CFG=$CONFIGS/config.amd64_none_amd64.xz
if [ -f "$CFG" ]; then
	dir=$OUT/quick-debian
	rm -rf "$dir"
	mkdir -p "$dir"
	xz -dc "$CFG" >"$dir/.config"
	"$H2RS" doctor --kernel "$KSRC" --config "$dir/.config" RUSTC=$RUSTC_GOOD BINDGEN=$BG \
		>"$dir/report.txt" 2>&1
	check "Debian amd64 config: exit status 1" test $? -eq 1
	check "Debian amd64 config: names MODVERSIONS" \
		grep -q 'RUST depends on !MODVERSIONS; MODVERSIONS=y' "$dir/report.txt"
	check "Debian amd64 config: prints a verified fix with -d MODVERSIONS" \
		grep -q 'Config fix (verified): .*-d MODVERSIONS.*-e RUST' "$dir/report.txt"
else
	skip "no $CFG (apt-get install linux-config-$KVER)"
fi
"$H2RS" doctor --kernel "$KSRC" --arch riscv64 --json CROSS_COMPILE=riscv64-linux-gnu- \
	RUSTC=$RUSTC_GOOD BINDGEN=$BG >"$OUT/quick-riscv.json" 2>/dev/null
check "riscv64 with GCC: HAVE_RUST needs LLVM=1" grep -q 'pass LLVM=1' "$OUT/quick-riscv.json"
finish
