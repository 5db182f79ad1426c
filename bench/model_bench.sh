#!/usr/bin/env bash
# Model-file scanning throughput: `aisec models` on large generated files against reading the
# same bytes in 16 MiB chunks (dd bs=16M), warm cache. Prints a Markdown table.
#
#   bench/model_bench.sh [AISEC_BINARY] [FILES_DIR]
#
# The files are made by bench/gen_model_files.py when FILES_DIR does not hold them yet (about
# 3.3 GB; needs python3-numpy). Each figure is the best of RUNS runs; wall time and CPU time
# (user + system) are both given, because on a shared machine wall time measures the neighbours.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
aisec=${1:-$here/../build/aisec}
dir=${2:-$here/out/models}
runs=${RUNS:-3}
files=(pytorch_1g.pt pytorch_legacy_1g.pt numpy_500m_p4.pkl numpy_500m_p5.pkl dense_5m.pkl)

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT

if [ ! -f "$dir/dense_5m.pkl" ]; then
  /usr/bin/python3 "$here/gen_model_files.py" "$dir"
fi

# best "wall cpu rss_kb" of $runs runs of a command
best() {
  local best_wall="" best_cpu="" best_rss=0 out wall cpu rss
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$tmp" -f "%e %U %S %M" "$@" >/dev/null 2>&1 || true
    out=$(tail -1 "$tmp")
    read -r wall user sys rss <<<"$out"
    cpu=$(echo "$user + $sys" | bc)
    if [ -z "$best_wall" ] || (( $(echo "$wall < $best_wall" | bc) )); then best_wall=$wall; fi
    if [ -z "$best_cpu" ] || (( $(echo "$cpu < $best_cpu" | bc) )); then best_cpu=$cpu; fi
    (( rss > best_rss )) && best_rss=$rss
  done
  echo "$best_wall $best_cpu $best_rss"
}

rate() {  # MB/s from bytes and seconds (or "-" when too fast to time)
  if (( $(echo "$2 < 0.01" | bc) )); then echo ">$(echo "$1 / 0.01 / 1000000" | bc)"; else echo "$(echo "$1 / $2 / 1000000" | bc)"; fi
}

echo "| file | size | dd bs=16M wall / CPU | aisec models (no digest) wall / CPU | aisec models (SHA-256) wall / CPU | peak RSS |"
echo "|---|---|---|---|---|---|"
for f in "${files[@]}"; do
  path=$dir/$f
  size=$(stat -c %s "$path")
  cat "$path" >/dev/null  # warm the page cache
  read -r dw dc _ < <(best dd if="$path" of=/dev/null bs=16M)
  read -r nw nc nr < <(best "$aisec" models "$path" --format json --output /dev/null --digest-limit 0)
  read -r sw sc sr < <(best "$aisec" models "$path" --format json --output /dev/null)
  echo "| $f | $((size / 1000000)) MB | $(rate "$size" "$dw") / $(rate "$size" "$dc") MB/s | $(rate "$size" "$nw") / $(rate "$size" "$nc") MB/s | $(rate "$size" "$sw") / $(rate "$size" "$sc") MB/s | $(( (nr > sr ? nr : sr) / 1024 )) MB |"
done
echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)."
