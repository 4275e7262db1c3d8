#!/bin/sh
# Runs one libFuzzer harness for a bounded time from its seeds; fails on
# any crash, leak, sanitizer report or timeout.
# Usage: run-fuzz.sh FUZZER SEED_DIR SECONDS
# New inputs go to BUILDDIR/fuzz-out/NAME/corpus (kept between runs, so a
# later run starts where this one stopped); a crashing input is written to
# BUILDDIR/fuzz-out/NAME/ as crash-*, leak-*, timeout-* or oom-*: rerun it
# with `FUZZER FILE`.
set -u
fuzzer=$1 seeds=$2 seconds=$3
name=$(basename "$fuzzer")
out=$(cd "$(dirname "$fuzzer")" && pwd)/fuzz-out/$name
mkdir -p "$out/corpus"
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=0}
TMPDIR=${TMPDIR:-/tmp} "$fuzzer" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2560 \
    -max_len=8192 -print_final_stats=1 -artifact_prefix="$out/" \
    "$out/corpus" "$seeds" > "$out/log" 2>&1
status=$?
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/log")
echo "$name: ${runs:-?} executions in $seconds s, exit status $status"
if [ "$status" -ne 0 ]; then
    tail -60 "$out/log"
    exit 1
fi
