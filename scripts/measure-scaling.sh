#!/usr/bin/env bash
# Two-core scaling of `extract run` measured in interleaved pairs (issue 8: two cores >= 1.8x one core).
#
#   scripts/measure-scaling.sh [CORPUS=/tmp/extraction-bench/many] [PAIRS=8]
#
# Each pair runs the batch once on one core (`taskset -c 0 ... -j 1`) and right after with two jobs on both cores, and
# takes the ratio of the two batch times (the summary line's seconds: documents, corpus linking and tables; start-up
# excluded). This VM's speed drifts by 20 % and more within minutes, and BenchmarkDotNet measures its two rows minutes
# apart, so their ratio moves with the drift (1.4x to 2.0x for the same build); within a pair the drift mostly cancels.
# The pair order alternates, and the median of the ratios is the figure. Build first: dotnet build -c Release.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${1:-/tmp/extraction-bench/many}"
pairs="${2:-8}"
bin="$repo/src/Extraction.Cli/bin/Release/net10.0/extract"
[ -x "$bin" ] || { echo "error: $bin not found; run: dotnet build -c Release" >&2; exit 2; }
[ -d "$corpus" ] || { echo "error: $corpus not found; run: scripts/make-bench-corpus.sh" >&2; exit 2; }
command -v taskset >/dev/null || { echo "error: taskset (util-linux) is needed to pin the one-core run" >&2; exit 2; }
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

seconds() { grep -oE ', [0-9.]+ s \(\+ start-up' | grep -oE '[0-9.]+' | head -1; }
one() { taskset -c 0 "$bin" run "$corpus" -o "$out/one" -j 1 2>&1 | seconds; }
two() { "$bin" run "$corpus" -o "$out/two" -j 2 2>&1 | seconds; }

ratios=()
for p in $(seq 1 "$pairs"); do
  if (( p % 2 )); then a=$(one); b=$(two); else b=$(two); a=$(one); fi
  r=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.3f", a / b }')
  ratios+=("$r")
  echo "pair $p: one core ${a} s, two jobs ${b} s, ratio ${r}"
done
cmp -s "$out/one/mentions.csv" "$out/two/mentions.csv" || { echo "error: the tables differ between -j 1 and -j 2" >&2; exit 1; }
printf '%s\n' "${ratios[@]}" | sort -n | awk '{ v[NR] = $1 } END {
  m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
  printf "median ratio %.2f (min %.2f, max %.2f, %d pairs)\n", m, v[1], v[NR], NR }'
