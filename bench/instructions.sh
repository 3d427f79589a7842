#!/usr/bin/env bash
# Counts the instructions `charterlint lint -j 1` executes per typical
# charter, for a git revision and for the working tree, under valgrind's
# cachegrind. Unlike time, an instruction count hardly drifts with the
# machine's hour (this VM's speed varies by up to 40 % from one hour to
# the next). The collector is off and one thread runs, so the count is
# the program's own work; what is left of noise (Go seeds its map hashes
# at random) is about 1 %, so a difference of under 2 % means nothing.
# It does not see cache misses, stalls or the collector: confirm a win in
# time with bench/compare.sh or bench/repository.sh.
#
#   bench/instructions.sh [REV] [N]
#
# REV defaults to HEAD, N (generated charters) to 500. Start-up is taken
# out by also counting a run over a single charter. Needs valgrind
# (Debian: apt-get install valgrind).
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:-HEAD}
n=${2:-500}
command -v valgrind >/dev/null || {
  echo "instructions.sh: valgrind is not installed (apt-get install valgrind)" >&2
  exit 2
}
work=$(mktemp -d)
cleanup() {
  git worktree remove --force "$work/tree" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
git worktree add -q --detach "$work/tree" "$rev"
(cd "$work/tree" && go build -o "$work/old" ./cmd/charterlint)
go build -o "$work/new" ./cmd/charterlint
go run ./bench/gencorpus -n "$n" "$work/corpus" >/dev/null
one=$(find "$work/corpus" -name '*.json' | sort | head -n 1)

# count BINARY ARGS...: instructions of one run (cachegrind's "I refs").
count() {
  # Go's asynchronous preemption signals confuse valgrind's tools. lint
  # exits 1 when it finds something, which it does here.
  { GOGC=off GOMEMLIMIT=off GOMAXPROCS=1 GODEBUG=asyncpreemptoff=1 valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null "$@" 2>&1 >/dev/null || true; } |
    awk '/I +refs:/ { gsub(",", "", $NF); print $NF }'
}

for v in old new; do
  all=$(count "$work/$v" lint -j 1 "$work/corpus")
  start=$(count "$work/$v" lint -j 1 "$one")
  awk -v v="$v" -v all="$all" -v start="$start" -v n="$n" 'BEGIN {
    printf "%-4s start-up %6.1f M instructions   per charter %6.3f M\n", v, start / 1e6, (all - start) / (n - 1) / 1e6 }'
done
echo "old: $rev   new: working tree   ($n generated charters, -j 1)"
