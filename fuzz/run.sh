#!/usr/bin/env bash
# Runs every libFuzzer target of a fuzz build for a bounded time, each starting from its seeds in
# fuzz/corpus/<target>/, and fails when any target finds a crash, a leak, a timeout or a
# sanitizer report. Inputs that failed are kept in BUILD_DIR/fuzz-artifacts/<target>/; replay one
# with `BUILD_DIR/fuzz/<target>_fuzzer FILE`.
#
# usage: fuzz/run.sh BUILD_DIR SECONDS
set -euo pipefail

build=${1:?usage: fuzz/run.sh BUILD_DIR SECONDS}
seconds=${2:?usage: fuzz/run.sh BUILD_DIR SECONDS}
here=$(cd "$(dirname "$0")" && pwd)

shopt -s nullglob
targets=("$build"/fuzz/*_fuzzer)
if [ ${#targets[@]} -eq 0 ]; then
  echo "fuzz: no *_fuzzer binaries in $build/fuzz (configure with -DAISEC_FUZZ=ON)" >&2
  exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export ASAN_OPTIONS=detect_leaks=1

passed=0
failed=0
for bin in "${targets[@]}"; do
  name=$(basename "$bin" _fuzzer)
  seeds="$here/corpus/$name"
  if [ ! -d "$seeds" ]; then
    echo "fuzz: $name has no seed corpus in fuzz/corpus/$name" >&2
    failed=$((failed + 1))
    continue
  fi
  artifacts="$build/fuzz-artifacts/$name"
  mkdir -p "$work/$name" "$artifacts"
  # New inputs go to a scratch corpus; the checked-in seeds are only read.
  if "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -print_final_stats=1 -artifact_prefix="$artifacts/" "$work/$name" "$seeds" \
      >"$work/$name.log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$name.log")
    echo "fuzz: $name ok (${runs:-?} runs in ${seconds}s)"
    passed=$((passed + 1))
  else
    echo "fuzz: $name FAILED; last lines of its log:" >&2
    tail -n 60 "$work/$name.log" >&2
    failed=$((failed + 1))
  fi
done

echo "fuzz: ${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
