#!/usr/bin/env bash
# Times what a pre-commit hook runs: one `charterlint lint FILE` process,
# start-up, schema and rule compilation included. Beside it, in turns so
# that the machine's drift hits all alike, it times `charterlint version`
# (process start-up alone) and bench/naive, the minimal embedded-OPA
# program issue 5 takes as its reference (about 12 ms there). Prints the
# median and the fastest of N runs of each.
#
#   bench/single-file.sh [FILE] [N]
set -euo pipefail
cd "$(dirname "$0")/.."
file=${1:-fixtures/icann.charter.json}
runs=${2:-50}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/times"
go build -o "$work/charterlint" ./cmd/charterlint
go build -o "$work/naive" ./bench/naive

# time_once NAME CMD...: appends the wall time of one run, in microseconds.
time_once() {
  local name=$1
  shift
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  echo $(((end - start) / 1000)) >>"$work/times/$name"
}

for _ in $(seq "$runs"); do
  time_once version "$work/charterlint" version
  time_once lint "$work/charterlint" lint "$file"
  time_once naive "$work/naive" "$file"
done

report() {
  sort -n "$work/times/$1" | awk -v what="$2" '{ t[NR] = $1 } END {
    printf "%-36s median %6.1f ms   fastest %6.1f ms   (%d runs)\n", what, t[int((NR + 1) / 2)] / 1000, t[1] / 1000, NR }'
}
report version "charterlint version"
report lint "charterlint lint $(basename "$file")"
report naive "bench/naive $(basename "$file") (reference)"
