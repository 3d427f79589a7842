#!/usr/bin/env bash
# Times what a pre-commit hook runs: one `charterlint lint FILE` process,
# start-up, schema and rule compilation included. Prints the median and the
# fastest of N runs of the process, and of `charterlint version` (process
# start-up alone) for comparison.
#
#   bench/single-file.sh [FILE] [N]
set -euo pipefail
cd "$(dirname "$0")/.."
file=${1:-fixtures/icann.charter.json}
runs=${2:-50}
bin=$(mktemp -d)/charterlint
go build -o "$bin" ./cmd/charterlint

# time_runs CMD...: wall time of each run in microseconds, one per line.
time_runs() {
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    echo $(( (end - start) / 1000 ))
  done
}

report() {
  sort -n | awk -v what="$1" '{ t[NR] = $1 } END {
    printf "%-28s median %6.1f ms   fastest %6.1f ms   (%d runs)\n", what, t[int((NR + 1) / 2)] / 1000, t[1] / 1000, NR }'
}

time_runs "$bin" version | report "charterlint version"
time_runs "$bin" lint "$file" | report "charterlint lint $(basename "$file")"
