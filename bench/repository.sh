#!/usr/bin/env bash
# Lints a generated repository of N typical charters (default 10,000) with
# one worker and with one per CPU; prints wall time, charters per second
# and peak memory (maximum resident set size) of each run, and checks that
# both runs print the same bytes.
#
#   bench/repository.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/charterlint" ./cmd/charterlint
go run ./bench/gencorpus -n "$n" "$work/corpus"
echo "corpus: $n charters, $(du -sh "$work/corpus" | cut -f1)"
for jobs in 1 "$(nproc)"; do
  /usr/bin/time -f "%e %M" -o "$work/time" "$work/charterlint" lint -j "$jobs" "$work/corpus" >"$work/out-$jobs" || true
  read -r secs kb < <(tail -n 1 "$work/time")
  awk -v j="$jobs" -v s="$secs" -v kb="$kb" -v n="$n" 'BEGIN {
    printf "-j %-2s  %6.2f s  %6.0f charters/s  peak %5.1f MB\n", j, s, n / s, kb / 1024 }'
done
cmp -s "$work/out-1" "$work/out-$(nproc)" && echo "output identical for -j 1 and -j $(nproc)"
