#!/usr/bin/env bash
# The lint step of the composite action in action.yml; the action's test,
# cmd/charterlint/action_test.go, runs it as it is.
#
# Inputs, from the environment only (never interpolated into this script):
#   INPUT_PATHS    what to lint, ONE PATH PER LINE, relative to
#                  $GITHUB_WORKSPACE. A path may contain spaces; it is never
#                  split on them nor expanded as a glob. Blank lines are
#                  skipped, and white space around each line is trimmed.
#                  Empty: "." (every *.charter.json in the workspace).
#   INPUT_FAIL_ON  error, warning, info or never (empty: the configuration
#                  file's fail-on, else error).
#   INPUT_SARIF    the SARIF file to write; empty: no SARIF.
#
# It runs charterlint twice over the same paths:
#   1. with --format sarif --fail-on never, so the SARIF file is written
#      whatever the findings (skipped when INPUT_SARIF is empty);
#   2. with --format github --fail-on "$INPUT_FAIL_ON": annotations on
#      standard output and a Markdown summary appended to
#      $GITHUB_STEP_SUMMARY.
# Exit status: that of the second run (0 clean, 1 findings at or above
# fail-on, 2 the invocation failed), or 2 when the first run failed and the
# second did not.
#
# Outputs (appended to $GITHUB_OUTPUT when it is set):
#   exit-code   the exit status above
#   sarif-file  INPUT_SARIF, when that file was written; absent otherwise
set -uo pipefail

fail() {
  echo "charterlint action: $*" >&2
  if [ -n "${GITHUB_OUTPUT:-}" ]; then
    echo "exit-code=2" >>"$GITHUB_OUTPUT"
  fi
  exit 2
}

if [ -n "${GITHUB_WORKSPACE:-}" ]; then
  cd "$GITHUB_WORKSPACE" || fail "cannot enter GITHUB_WORKSPACE $GITHUB_WORKSPACE"
fi

# paths and fail_on, from INPUT_PATHS and INPUT_FAIL_ON.
. "$(dirname "${BASH_SOURCE[0]}")/inputs.sh"
sarif=${INPUT_SARIF:-}
case $sarif in
  *$'\n'* | *$'\r'*) fail "sarif must be a single path, not several lines" ;;
esac

sarif_status=0
if [ -n "$sarif" ]; then
  mkdir -p -- "$(dirname -- "$sarif")" || fail "cannot create the directory of $sarif"
  # A report left from an earlier run must not be uploaded as this one's.
  rm -f -- "$sarif"
  # Its error messages would repeat those of the second run: they are
  # shown only when this run alone failed.
  errors=$(mktemp)
  charterlint lint --format sarif --output "$sarif" --fail-on never -- "${paths[@]}" 2>"$errors"
  sarif_status=$?
fi

charterlint lint --format github "${fail_on[@]}" -- "${paths[@]}"
status=$?
if [ "$sarif_status" -ne 0 ]; then
  echo "charterlint action: the SARIF run exited with status $sarif_status" >&2
  if [ "$status" -lt 2 ]; then
    cat -- "$errors" >&2
    status=2
  fi
fi
if [ -n "$sarif" ]; then
  rm -f -- "$errors"
fi

if [ -n "${GITHUB_OUTPUT:-}" ]; then
  {
    echo "exit-code=$status"
    if [ -n "$sarif" ] && [ -f "$sarif" ]; then
      echo "sarif-file=$sarif"
    fi
  } >>"$GITHUB_OUTPUT"
fi
exit "$status"
