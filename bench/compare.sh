#!/usr/bin/env bash
# Compares the in-process benchmarks of a git revision with the working
# tree. The two are run in turns, round after round, so that the machine's
# drift in speed (up to 2x on a shared VM) hits both alike; benchstat then
# compares the two samples.
#
#   bench/compare.sh [REV] [ROUNDS] [BENCH-REGEXP]
#
# REV defaults to HEAD, ROUNDS to 6, BENCH-REGEXP to the floor and the
# pipeline ('StdlibDecode|Pipeline$').
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:-HEAD}
rounds=${2:-6}
pattern=${3:-'StdlibDecode|Pipeline$'}
work=$(mktemp -d)
cleanup() {
  git worktree remove --force "$work/old" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
git worktree add -q --detach "$work/old" "$rev"
(cd "$work/old" && go test -c -o "$work/old.test" ./bench)
go test -c -o "$work/new.test" ./bench
for _ in $(seq "$rounds"); do
  for v in old new; do
    (cd bench && "$work/$v.test" -test.run '^$' -test.bench "$pattern" -test.benchmem) >>"$work/$v.txt"
  done
done
echo "old: $rev   new: working tree   ($rounds rounds, in turns)"
go run golang.org/x/perf/cmd/benchstat@latest "$work/old.txt" "$work/new.txt"
