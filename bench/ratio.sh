#!/usr/bin/env bash
# The per-charter target of issue 5: the full pipeline as a multiple of the
# plain encoding/json floor. Each round runs the floor and the pipeline
# benchmarks back to back, each with its own allocations and collections,
# and takes their ratio; rounds repeat so that the machine's drift (up to
# 2x on a shared VM) shows as spread instead of bias.
#
#   bench/ratio.sh [ROUNDS]
#
# Prints each round's ratio under Go's collector settings (gc=go) and under
# those of a lint run (gc=cli, as cmd/charterlint sets it), then the median of each.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-8}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go test -c -o "$work/bench.test" ./bench
for r in $(seq "$rounds"); do
  (cd bench && "$work/bench.test" -test.run '^$' -test.bench 'StdlibDecode|Pipeline$' -test.benchtime 2s) |
    awk -v r="$r" '
      /^BenchmarkStdlibDecode\/gc=/ { split($1, p, "[=-]"); floor[p[2]] = $3 }
      /^BenchmarkPipeline\/gc=/     { split($1, p, "[=-]"); pipe[p[2]] = $3 }
      END { for (g in floor) printf "round %d gc=%s floor %.1f us pipeline %.1f us ratio %.2f\n", r, g, floor[g] / 1000, pipe[g] / 1000, pipe[g] / floor[g] }'
done | tee "$work/rounds"
for g in go cli; do
  grep "gc=$g " "$work/rounds" | awk '{print $NF}' | sort -n |
    awk -v g="$g" '{ v[NR] = $1 } END { printf "gc=%s: median %.2fx the floor (range %.2f-%.2f, %d rounds)\n", g, (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), v[1], v[NR], NR }'
done
