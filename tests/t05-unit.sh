#!/usr/bin/env bash
# The C unit tests (tests/unit/unit.c): buf, vec and strmap from util/, and
# the emitter's line breaking at rustfmt's width. make test builds them
# under ASan+UBSan and sets H2RS_UNIT; run alone, this builds build/unit.
# Also: bindgen's helper types (src/gen/rs/*.rs, embedded in h2rs at build
# time) each compile alone with rustc -D warnings.
. "$(dirname "$0")/lib.sh"
root=$(cd "$(dirname "$0")/.." && pwd)
unit=${H2RS_UNIT:-}
if [ -z "$unit" ]; then
	unit=$root/build/unit
	make -s -C "$root" build/unit >"$OUT/unit-build.log" 2>&1 ||
		{ not_ok "unit: cannot build build/unit"; indent <"$OUT/unit-build.log"; }
fi
if [ -x "$unit" ]; then
	"$unit" >"$OUT/unit.out" 2>&1
	rc=$?
	grep -E '^(not )?ok - ' "$OUT/unit.out"
	[ "$rc" = 0 ] || grep -q '^not ok' "$OUT/unit.out" ||
		{ not_ok "unit: the unit test program failed (status $rc)"; indent <"$OUT/unit.out"; }
fi
for rs in "$root"/src/gen/rs/*.rs; do
	check "helper type $(basename "$rs") compiles alone with rustc -D warnings" rust_lib "$rs"
done
