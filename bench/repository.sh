#!/usr/bin/env bash
# Lints a generated repository of N typical charters (default 10,000) with
# one worker and with one per CPU; prints wall time, charters per second,
# peak memory (maximum resident set size) and CPU time per charter of each
# run, and checks that both runs print the same bytes.
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
  /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$work/charterlint" lint -j "$jobs" "$work/corpus" >"$work/out-$jobs" || true
  read -r secs kb user sys < <(tail -n 1 "$work/time")
  # CPU per charter drifts with the machine as wall time does, but not
  # with how much of the two cores the run got.
  awk -v j="$jobs" -v s="$secs" -v kb="$kb" -v u="$user" -v k="$sys" -v n="$n" 'BEGIN {
    printf "-j %-2s  %6.2f s  %6.0f charters/s  peak %5.1f MB  CPU %.2f ms a charter\n", j, s, n / s, kb / 1024, (u + k) * 1000 / n }'
done
cmp -s "$work/out-1" "$work/out-$(nproc)" && echo "output identical for -j 1 and -j $(nproc)"
