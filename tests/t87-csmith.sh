#!/usr/bin/env bash
# csmith's records against gcc, a sample: the struct and union declarations
# of `csmith --bitfields --packed-struct` programs, seeds 1..50 (CSMITH_SEEDS),
# one header each; bindings compile with rustc -D warnings, sizes,
# alignments, field offsets and the bits of every bitfield equal gcc's
# (tests/csmith/run.sh; `make test-csmith` runs 1,000 seeds).
here=$(cd "$(dirname "$0")" && pwd)
SEEDS=${CSMITH_SEEDS:-50} JOBS=1 "$here/csmith/run.sh"
