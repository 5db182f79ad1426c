#!/usr/bin/env bash
# aisec's benchmark (docs/benchmarks.md):
#   1. generates the synthetic monorepo into TREE if it is missing (bench/gen_monorepo.py);
#   2. times, warm cache and in the same run, `aisec scan TREE --format json -o /dev/null` against
#      `rg -c openai TREE`: median wall time of RUNS runs (hyperfine when installed, else
#      /usr/bin/time), aisec's peak RSS, and the ratio against the targets (within 3x of
#      ripgrep, under 300 MB);
#   3. when npm is available, installs cdxgen into bench/node_modules and compares it, offline,
#      with aisec on the bundled example and on CDXGEN_TREE (default: TREE). Target: aisec at
#      least 30x faster.
#
# Usage: bench/run.sh [TREE]
# Environment: FILES (100000), SIZE_MB (files/100), SEED (1), RUNS (5), AISEC (path of the
# binary; default build-bench/aisec, else build/aisec), CDXGEN (0 to skip), CDXGEN_TREE,
# CDXGEN_TIMEOUT (seconds, 3600).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
TREE=${1:-$ROOT/bench/out/monorepo}
FILES=${FILES:-100000}
SIZE_MB=${SIZE_MB:-$((FILES / 100))}
SEED=${SEED:-1}
RUNS=${RUNS:-5}
CDXGEN=${CDXGEN:-1}
CDXGEN_TREE=${CDXGEN_TREE:-$TREE}
CDXGEN_TIMEOUT=${CDXGEN_TIMEOUT:-3600}
OUT=$ROOT/bench/out
mkdir -p "$OUT"

if [[ -z "${AISEC:-}" ]]; then
  for candidate in "$ROOT/build-bench/aisec" "$ROOT/build/aisec"; do
    if [[ -x "$candidate" ]]; then AISEC=$candidate; break; fi
  done
fi
[[ -x "${AISEC:-}" ]] || { echo "no aisec binary: run 'make bench' (or 'make build') first" >&2; exit 2; }
command -v rg >/dev/null || { echo "ripgrep is missing: apt-get install ripgrep" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "/usr/bin/time is missing: apt-get install time" >&2; exit 2; }

# 1. The tree. A stamp next to it records how it was made, so a half-written tree is redone.
STAMP="$TREE.stamp"
WANT="files=$FILES size_mb=$SIZE_MB seed=$SEED"
if [[ ! -d "$TREE" || "$(cat "$STAMP" 2>/dev/null)" != "$WANT" ]]; then
  echo "== generating $TREE ($WANT)"
  rm -rf "$TREE"
  python3 "$ROOT/bench/gen_monorepo.py" "$TREE" --files "$FILES" --size-mb "$SIZE_MB" --seed "$SEED"
  echo "$WANT" > "$STAMP"
fi

median() { sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }

# One run: "wall-seconds peak-RSS-KB cpu-seconds" (cpu = user + system, children included).
# On a shared machine the CPU time is the steadier figure; both are reported.
time_once() {
  /usr/bin/time -f "%e %M %U %S" -o "$OUT/time.txt" "$@" >/dev/null 2>"$OUT/stderr.txt" || true
  awk '{printf "%s %s %.2f\n", $1, $2, $3 + $4}' "$OUT/time.txt"
}

SCAN=("$AISEC" scan "$TREE" --format json -o /dev/null --quiet)
GREP=(rg -c openai "$TREE")

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== tree: $(find "$TREE" -type f | wc -l) files, $(du -sm "$TREE" | cut -f1) MB"
echo "== warming the page cache"
"${GREP[@]}" >/dev/null || true
"${SCAN[@]}" || true

# 2. aisec against ripgrep.
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs "$RUNS" --ignore-failure --style basic \
    --export-json "$OUT/hyperfine.json" -n aisec "${SCAN[*]}" -n ripgrep "${GREP[*]}"
  read -r AISEC_S RG_S AISEC_CPU RG_CPU < <(python3 -c '
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
a, g = r["aisec"], r["ripgrep"]
print(a["median"], g["median"], a["user"] + a["system"], g["user"] + g["system"])' "$OUT/hyperfine.json")
else
  : > "$OUT/aisec.times"; : > "$OUT/rg.times"
  for _ in $(seq "$RUNS"); do
    time_once "${SCAN[@]}" >> "$OUT/aisec.times"
    time_once "${GREP[@]}" >> "$OUT/rg.times"
  done
  AISEC_S=$(cut -d' ' -f1 "$OUT/aisec.times" | median)
  RG_S=$(cut -d' ' -f1 "$OUT/rg.times" | median)
  AISEC_CPU=$(cut -d' ' -f3 "$OUT/aisec.times" | median)
  RG_CPU=$(cut -d' ' -f3 "$OUT/rg.times" | median)
fi
: > "$OUT/aisec.rss"
for _ in $(seq 3); do time_once "${SCAN[@]}" | cut -d' ' -f2 >> "$OUT/aisec.rss"; done
RSS_MB=$(sort -g "$OUT/aisec.rss" | tail -1 | awk '{printf "%.0f", $1/1024}')
RATIO=$(awk -v a="$AISEC_S" -v b="$RG_S" 'BEGIN {printf "%.2f", a/b}')

echo
printf '%-32s %10.2fs   cpu %7.2fs\n' "aisec scan (median wall)" "$AISEC_S" "$AISEC_CPU"
printf '%-32s %10.2fs   cpu %7.2fs\n' "rg -c openai (median wall)" "$RG_S" "$RG_CPU"
printf '%-32s %10s  %s\n' "aisec / ripgrep" "${RATIO}x" \
  "$(awk -v r="$RATIO" 'BEGIN {print (r <= 3) ? "meets the 3x target" : "MISSES the 3x target"}')"
printf '%-32s %10s  %s\n' "aisec peak RSS" "${RSS_MB} MB" \
  "$(awk -v m="$RSS_MB" 'BEGIN {print (m < 300) ? "meets the 300 MB target" : "MISSES the 300 MB target"}')"

# 3. cdxgen, offline: no dependency installs, no licence look-ups.
[[ "$CDXGEN" != 0 ]] || exit 0
if ! command -v npm >/dev/null; then echo "npm is missing: cdxgen comparison skipped"; exit 0; fi
CDX=$ROOT/bench/node_modules/.bin/cdxgen
if [[ ! -x "$CDX" ]]; then
  echo "== installing cdxgen into bench/node_modules"
  (cd "$ROOT/bench" && npm install --no-audit --no-fund --ignore-scripts --loglevel=error)
fi

compare_cdxgen() {
  local target=$1 label=$2 aisec_s aisec_cpu cdx
  for _ in $(seq "$RUNS"); do
    time_once "$AISEC" scan "$target" --format "$BOM_FORMAT" -o /dev/null --quiet
  done > "$OUT/aisec-$label.times"
  aisec_s=$(cut -d' ' -f1 "$OUT/aisec-$label.times" | median)
  aisec_cpu=$(cut -d' ' -f3 "$OUT/aisec-$label.times" | median)
  read -r cdx_s _ cdx_cpu < <(FETCH_LICENSE=false time_once timeout "$CDXGEN_TIMEOUT" \
      "$CDX" --no-install-deps --spec-version 1.6 -o "$OUT/cdxgen-$label.json" "$target")
  printf '%-16s wall: aisec %7.2fs cdxgen %8.2fs = %6sx   cpu: aisec %6.2fs cdxgen %8.2fs = %6sx  %s\n' \
    "$label" "$aisec_s" "$cdx_s" "$(awk -v a="$aisec_s" -v c="$cdx_s" 'BEGIN {printf "%.1f", c/a}')" \
    "$aisec_cpu" "$cdx_cpu" "$(awk -v a="$aisec_cpu" -v c="$cdx_cpu" 'BEGIN {printf "%.1f", c/a}')" \
    "$(awk -v a="$aisec_s" -v c="$cdx_s" 'BEGIN {print (c/a >= 30) ? "meets the 30x target (wall)" : "MISSES the 30x target (wall)"}')"
}
# aisec writes the same kind of document as cdxgen when its CycloneDX reporter is built in.
BOM_FORMAT=cyclonedx
"$AISEC" scan "$ROOT/examples" --format cyclonedx -o /dev/null --quiet 2>/dev/null || [[ $? -eq 1 ]] || BOM_FORMAT=json
echo
echo "== $("$CDX" --version 2>/dev/null | head -1 | sed "s/\x1b\[[0-9;]*m//g") offline (FETCH_LICENSE=false, --no-install-deps); aisec --format $BOM_FORMAT"
compare_cdxgen "$ROOT/examples" example
compare_cdxgen "$CDXGEN_TREE" "$(basename "$CDXGEN_TREE")"
echo "== load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
