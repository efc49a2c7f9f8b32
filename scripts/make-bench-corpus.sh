#!/usr/bin/env bash
# Builds the benchmark corpus for `extract run` throughput and scaling measurements (issue 9):
# mixed Russian and English plain-text documents from the seeds and the dev corpora in ../shared/data,
# copied REPEAT times under distinct names, plus one large file made by concatenating them.
#
#   scripts/make-bench-corpus.sh [OUT_DIR=/tmp/extraction-bench] [REPEAT=20] [LARGE_MB=50]
#
# Nothing here is committed: the corpus is rebuilt from ../shared/data on each machine.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
data="${EXTRACTION_SHARED_DATA:-$repo/../shared/data}"
out="${1:-/tmp/extraction-bench}"
repeat="${2:-20}"
large_mb="${3:-50}"
[ -d "$data" ] || { echo "error: $data not found (set EXTRACTION_SHARED_DATA)" >&2; exit 2; }

rm -rf "$out"; mkdir -p "$out/base" "$out/many" "$out/large"
cp "$repo"/seeds/*.txt "$out/base/"
cp "$data"/factrueval2016/devset/*.txt "$out/base/" 2>/dev/null || true
for f in "$data"/nerel/dev/*.txt; do cp "$f" "$out/base/nerel_$(basename "$f")"; done
for f in "$data"/bsnlp_ru/*/raw/*; do [ -f "$f" ] && cp "$f" "$out/base/bsnlp_$(basename "$(dirname "$(dirname "$f")")")_$(basename "$f" .txt).txt"; done
# English: CoNLL eng.testa documents rebuilt from tokens (one file per -DOCSTART-).
zcat "$data"/conll2003_en/eng.testa*.gz 2>/dev/null | awk -v dir="$out/base" '
  /^-DOCSTART-/ { n++; file = sprintf("%s/conll_testa_%04d.txt", dir, n); next }
  NF == 0 { if (file) printf "\n", "" >> file; next }
  { if (file) printf "%s ", $1 >> file }' || true

for i in $(seq 1 "$repeat"); do
  mkdir -p "$out/many/r$i"
  cp "$out"/base/*.txt "$out/many/r$i/"
done
# One large file of about LARGE_MB megabytes.
target=$((large_mb * 1024 * 1024))
: > "$out/large/large.txt"
while [ "$(stat -c %s "$out/large/large.txt")" -lt "$target" ]; do cat "$out"/base/*.txt >> "$out/large/large.txt"; done

echo "base: $(ls "$out/base" | wc -l) documents, $(du -sh "$out/base" | cut -f1)"
echo "many: $(find "$out/many" -type f | wc -l) documents, $(du -sh "$out/many" | cut -f1)"
echo "large: $(du -sh "$out/large/large.txt" | cut -f1)"
