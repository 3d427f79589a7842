#!/usr/bin/env bash
# charterlint beside conftest, the usual way to run Rego over JSON files.
# conftest evaluates bench/naive/rules.rego (package naive: 24 plain rules
# over the raw charter, the issue's reference) and charterlint its own pack,
# on the same generated charters and on one file. The two run in turns,
# round after round, so that the machine's drift (up to 2x on a shared VM)
# hits both alike, and the script prints ratios as well as times.
#
#   bench/conftest.sh [N] [ROUNDS] [RUNS] [FILE]
#
# N charters (default 10,000) linted ROUNDS times by each tool (default 3),
# charterlint with two workers and conftest as it comes (one file after the
# other); FILE (default the ICANN fixture) linted RUNS times by each
# (default 30). conftest v0.71.1 is installed once into CONFTEST_DIR
# (default ~/.cache/charterlint-bench/conftest) from the Go module proxy.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
rounds=${2:-3}
runs=${3:-30}
file=${4:-fixtures/icann.charter.json}
version=v0.71.1
dir=${CONFTEST_DIR:-$HOME/.cache/charterlint-bench/conftest}
conftest=$dir/conftest
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# `go version -m` reads the module version the binary was built from
# (`conftest --version` says "dev" for a go-installed binary).
if ! go version -m "$conftest" 2>/dev/null | grep -q "mod.*conftest[[:space:]]*$version"; then
  echo "installing conftest $version into $dir"
  mkdir -p "$dir"
  GOBIN=$dir go install "github.com/open-policy-agent/conftest@$version"
fi
go build -o "$work/charterlint" ./cmd/charterlint
go build -o "$work/naive" ./bench/naive
go run ./bench/gencorpus -n "$n" "$work/corpus"
echo "corpus: $n charters, $(du -sh "$work/corpus" | cut -f1)"

# Both tools exit 1 when they find problems, which is success here; exit 2
# is charterlint's failure. conftest also exits 1 on errors, so its run is
# checked by its stderr and its summary line instead.
lint=("$work/charterlint" lint)
conf=("$conftest" test --no-color -p bench/naive/rules.rego -n naive)
echo "conftest command: ${conf[*]} DIR|FILE"

if [[ -x /usr/bin/time ]]; then gnutime=1; else
  gnutime=0
  echo "GNU time not found: no peak memory (apt-get install time); wall time from bash"
fi
# measure NAME CMD...: runs CMD once, output to $work/NAME.out and .err, and
# appends "seconds peak-KB" to $work/NAME.runs (peak 0 without GNU time).
measure() {
  local name=$1 rc=0
  shift
  if ((gnutime)); then
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/$name.out" 2>"$work/$name.err" || rc=$?
  else
    local TIMEFORMAT='%R 0'
    { time "$@" >"$work/$name.out" 2>"$work/$name.err" || rc=$?; } 2>"$work/time"
  fi
  if ((rc > 1)) || { [[ $name == conftest ]] && [[ -s "$work/$name.err" ]]; }; then
    echo "$name failed (exit $rc):" >&2
    head -n 5 "$work/$name.err" >&2
    exit 2
  fi
  tail -n 1 "$work/time" >>"$work/$name.runs"
}

# Repository runs, in turns; which tool goes first alternates by round.
for r in $(seq "$rounds"); do
  order=(charterlint conftest)
  ((r % 2)) || order=(conftest charterlint)
  for tool in "${order[@]}"; do
    if [[ $tool == charterlint ]]; then measure charterlint "${lint[@]}" -j 2 "$work/corpus"; else measure conftest "${conf[@]}" "$work/corpus"; fi
  done
  paste -d ' ' <(tail -n 1 "$work/charterlint.runs") <(tail -n 1 "$work/conftest.runs") |
    awk -v r="$r" -v n="$n" '{ printf "round %d: charterlint %6.2f s %6.0f/s %5.1f MB   conftest %6.2f s %6.0f/s %6.1f MB   ratio %.2f\n",
      r, $1, n / $1, $2 / 1024, $3, n / $3, $4 / 1024, $3 / $1 }' | tee -a "$work/rounds"
done
echo "charterlint: $(tail -n 1 "$work/charterlint.out")"
echo "conftest:    $(tail -n 1 "$work/conftest.out")"
grep -q '^[1-9][0-9]* tests' "$work/conftest.out" || { echo "conftest ran no rules (namespace?)" >&2; exit 2; }
# The reference program, once: conftest should report exactly its findings.
echo "bench/naive: $("$work/naive" "$work/corpus") (conftest: $(grep -c '^FAIL' "$work/conftest.out") FAIL lines)"

# One file, in turns; wall time of each run in microseconds.
for tool in charterlint conftest; do
  rc=0
  if [[ $tool == charterlint ]]; then "${lint[@]}" "$file" >/dev/null || rc=$?; else "${conf[@]}" "$file" >/dev/null || rc=$?; fi
  ((rc <= 1)) || { echo "$tool fails on $file (exit $rc)" >&2; exit 2; }
done
time_once() {
  local name=$1 start end
  shift
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  echo $(((end - start) / 1000)) >>"$work/$name.single"
}
for _ in $(seq "$runs"); do
  time_once charterlint "${lint[@]}" "$file"
  time_once conftest "${conf[@]}" "$file"
done

# median: the median of the numbers read, one a line.
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
cl=$(median <"$work/charterlint.single")
cf=$(median <"$work/conftest.single")
awk -v a="$cl" -v b="$cf" -v f="$(basename "$file")" -v k="$runs" 'BEGIN {
  printf "single file (%s, %d runs each): charterlint median %.1f ms, conftest median %.1f ms, ratio %.2f (target <= 0.75)\n", f, k, a / 1000, b / 1000, a / b }'
# Rates from the median times; the ratio is the median of the rounds' ratios.
awk -v n="$n" -v a="$(cut -d ' ' -f 1 "$work/charterlint.runs" | median)" -v b="$(cut -d ' ' -f 1 "$work/conftest.runs" | median)" \
  -v r="$(awk '{ print $NF }' "$work/rounds" | median)" 'BEGIN {
  printf "%d charters -j 2: charterlint %.0f/s, conftest %.0f/s, throughput ratio %.2f (target >= 1.8)\n", n, n / a, n / b, r }'
if ((gnutime)); then
  awk -v a="$(sort -g -k2 "$work/charterlint.runs" | tail -n 1 | cut -d ' ' -f 2)" -v b="$(sort -g -k2 "$work/conftest.runs" | tail -n 1 | cut -d ' ' -f 2)" 'BEGIN {
    printf "peak memory: charterlint %.1f MB, conftest %.1f MB (target < 64 MB)\n", a / 1024, b / 1024 }'
fi
