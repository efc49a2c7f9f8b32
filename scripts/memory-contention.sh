#!/usr/bin/env bash
# Shared-cache contention on this machine, apart from the extractor: a C program that reads random 8-byte words of an
# N MB array (independent reads, so the core can overlap misses), run alone on core 0 and then on cores 0 and 1 at once.
# A slowdown of the pair against the single run is what two workers lose to each other on memory alone.
# Needs gcc (not needed for building or testing the project). Usage: scripts/memory-contention.sh [sizes in MB...]
set -euo pipefail
command -v gcc >/dev/null || { echo "error: gcc not found; this measurement needs a C compiler" >&2; exit 2; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cat > "$dir/reads.c" <<'C'
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <time.h>
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }
int main(int argc, char **argv) {
  size_t n = (size_t)atol(argv[1]) * 1024 * 1024 / 8; long reads = atol(argv[2]);
  uint64_t *a = malloc(n * 8), x = 1, sum = 0;
  for (size_t i = 0; i < n; i++) a[i] = i;
  double t0 = now();
  for (long k = 0; k < reads; k++) { x ^= x << 13; x ^= x >> 7; x ^= x << 17; sum += a[x & (n - 1)]; }
  printf("%s MB: %.2f ns per read (%d)\n", argv[1], (now() - t0) * 1e9 / reads, (int)(sum & 1));
  return 0;
}
C
gcc -O2 -o "$dir/reads" "$dir/reads.c"
for mb in "${@:-1 4 8 16 32}"; do
  echo "== $mb MB (sizes must be powers of two)"
  echo -n "alone:     "; taskset -c 0 "$dir/reads" "$mb" 40000000
  echo "side by side:"; taskset -c 0 "$dir/reads" "$mb" 40000000 & taskset -c 1 "$dir/reads" "$mb" 40000000; wait
done
