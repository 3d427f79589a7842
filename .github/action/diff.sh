#!/usr/bin/env bash
# The diff step of the composite action in action.yml: what a pull request
# changes in its charters, as `charterlint diff --format markdown` says it,
# for the step summary and a pull-request comment. The action's test,
# cmd/charterlint/action_test.go, runs it as it is.
#
# Inputs, from the environment only (never interpolated into this script):
#   INPUT_DIFF_BASE  the git revision to compare with, usually the pull
#                    request's base commit. Only the characters
#                    A-Z a-z 0-9 . _ / ~ ^ @ { } - are accepted, not a
#                    leading "-" nor "..". Empty: nothing is compared.
#   INPUT_PATHS      the linted paths, one per line, as the lint step
#                    (run.sh) reads them. Empty: ".".
#   INPUT_FAIL_ON    error, warning, info or never, passed to charterlint
#                    diff as --fail-on; empty: the configuration file's
#                    fail-on, else error. Only findings an amendment
#                    introduces count.
#
# The charters compared are the files named *.charter.json under those
# paths that changed between the merge base of INPUT_DIFF_BASE and HEAD
#   git diff --name-status --find-renames --diff-filter=AMR BASE...HEAD -- PATHS
# so the checkout needs the base's history (actions/checkout with
# fetch-depth: 0). A modified charter is compared with BASE:PATH, a
# renamed one with BASE:OLD-PATH. An added charter has no earlier version:
# it is not compared, and the Markdown says so in a note (its findings are
# in the lint step's summary).
#
# The Markdown (a heading, then one `charterlint diff` section per charter)
# is appended to $GITHUB_STEP_SUMMARY and written to a file for a later
# step to post as a comment. The file stays within GitHub's 65,536
# characters for a comment: charters past that are left out of it, with a
# note (the step summary has them all).
#
# Exit status: 0; 1 when an amendment introduces a finding at or above
# fail-on; 2 when the revision is refused or unknown, git fails, or
# charterlint diff cannot compare a charter (the others are still
# compared).
#
# Outputs (appended to $GITHUB_OUTPUT when it is set):
#   diff-markdown  the Markdown file, when some charter changed; absent
#                  when none did
set -uo pipefail

fail() {
  echo "charterlint action: $*" >&2
  exit 2
}

if [ -n "${GITHUB_WORKSPACE:-}" ]; then
  cd "$GITHUB_WORKSPACE" || fail "cannot enter GITHUB_WORKSPACE $GITHUB_WORKSPACE"
fi

base=${INPUT_DIFF_BASE:-}
if [ -z "$base" ]; then
  echo "charterlint action: diff-base is empty: no charter compared"
  exit 0
fi
revision='^[A-Za-z0-9._/~^@{}-]+$'
if ! [[ $base =~ $revision ]] || [[ $base == -* ]] || [[ $base == *..* ]]; then
  fail "diff-base is not a git revision this action accepts (letters, digits and . _ / ~ ^ @ { } -, no leading - and no ..): $(printf '%q' "$base")"
fi

# paths and fail_on, from INPUT_PATHS and INPUT_FAIL_ON.
. "$(dirname "${BASH_SOURCE[0]}")/inputs.sh"

git rev-parse --is-inside-work-tree >/dev/null 2>&1 || fail "the workspace $(pwd) is not a git work tree: check the repository out first (actions/checkout)"
if ! git rev-parse --verify --quiet "$base^{commit}" >/dev/null; then
  fail "diff-base $base is not a commit of this clone: check out with fetch-depth: 0 (actions/checkout) so that the base's history is there"
fi
# git show BASE:PATH takes PATH from the repository's root; git diff
# --relative gives paths from the workspace, which may be below it.
prefix=$(git rev-parse --show-prefix) || fail "git rev-parse --show-prefix failed"

tmp=$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/charterlint-diff.XXXXXX") || fail "cannot create a temporary directory"
list=$tmp/changed
if ! git -c core.quotepath=off diff --relative --name-status -z --find-renames --diff-filter=AMR "$base...HEAD" -- "${paths[@]}" >"$list"; then
  fail "git diff $base...HEAD failed: is the base's history checked out (fetch-depth: 0)?"
fi

# The changed charters: modified and renamed ones (NEW and OLD path), and
# added ones.
news=() olds=() added=()
while IFS= read -r -d '' status; do
  old=
  if [[ $status == R* ]]; then
    IFS= read -r -d '' old || break
  fi
  IFS= read -r -d '' new || break
  case $new in
    *.charter.json) ;;
    *) continue ;;
  esac
  if [[ $status == A* ]]; then
    added+=("$new")
  else
    news+=("$new")
    olds+=("${old:-$new}")
  fi
done <"$list"

if [ ${#news[@]} -eq 0 ] && [ ${#added[@]} -eq 0 ]; then
  echo "charterlint action: no charter changed since $base"
  if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
    printf '\n**charterlint diff**: no charter changed since `%s`.\n' "$base" >>"$GITHUB_STEP_SUMMARY"
  fi
  rm -rf -- "$tmp"
  exit 0
fi

# The comment: a marker a later step can find to update it, a heading,
# then each charter's section.
body=$tmp/charterlint-diff.md
summary=$tmp/summary.md
{
  echo '<!-- charterlint diff -->'
  printf '# Charter amendments\n\n'
  printf 'What this change does to %d charter(s), compared with `%s`: who holds power, and which findings it introduces or resolves.\n' "$(( ${#news[@]} + ${#added[@]} ))" "$base"
} >"$body"
cp -- "$body" "$summary"
limit=65536
reserve=600 # room for the notes below
left_out=()
status=0
for i in "${!news[@]}"; do
  new=${news[$i]} old=${olds[$i]}
  section=$tmp/section.md
  printf '\n' >"$section"
  charterlint diff --format markdown "${fail_on[@]}" -- "$base:$prefix$old" "$new" >>"$section"
  code=$?
  case $code in
    0) ;;
    1) [ "$status" -eq 0 ] && status=1 ;;
    *)
      status=2
      printf '\n> **Not compared:** `%s`: charterlint diff failed (exit status %d); the step log says why.\n' "${new//\`/\'}" "$code" >"$section"
      ;;
  esac
  cat -- "$section" >>"$summary"
  if [ $(( $(wc -c <"$body") + $(wc -c <"$section") )) -le $(( limit - reserve )) ]; then
    cat -- "$section" >>"$body"
  else
    left_out+=("$new")
  fi
done
if [ ${#added[@]} -gt 0 ]; then
  note=$(printf '\n> **New charters, not compared** (no earlier version in `%s`; their findings are in the lint summary):' "$base")
  for new in "${added[@]}"; do
    note+=$(printf ' `%s`' "${new//\`/\'}")
  done
  printf '%s\n' "$note" >>"$summary"
  if [ $(( $(wc -c <"$body") + ${#note} )) -le $(( limit - reserve )) ]; then
    printf '%s\n' "$note" >>"$body"
  else
    printf '\n> **New charters, not compared:** %d (listed in the step summary).\n' "${#added[@]}" >>"$body"
  fi
fi
if [ ${#left_out[@]} -gt 0 ]; then
  printf '\n> **Comment truncated:** %d charter(s) left out to stay within %d characters; the step summary has them all.\n' "${#left_out[@]}" "$limit" >>"$body"
fi

if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  {
    echo
    cat -- "$summary"
  } >>"$GITHUB_STEP_SUMMARY"
fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "diff-markdown=$body" >>"$GITHUB_OUTPUT"
fi
rm -f -- "$list" "$summary" "$tmp/section.md"
exit "$status"
