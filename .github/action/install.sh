#!/usr/bin/env bash
# The install step of the composite action in action.yml: puts charterlint
# in a directory of its own and adds that directory to $GITHUB_PATH, so the
# later steps of the job find it first.
#
# Input, from the environment only (never interpolated into this script):
#   INPUT_VERSION  empty: build cmd/charterlint from the action's own
#                  checkout, $GITHUB_ACTION_PATH (the commit named in
#                  `uses:`); otherwise a module version, and charterlint is
#                  `go install`ed at it.
#
# Go comes from the action's earlier actions/setup-go step.
set -euo pipefail

version=${INPUT_VERSION:-}
case $version in
  *[!A-Za-z0-9._+/-]*)
    echo "charterlint action: version \"$version\" is not a module version (a commit id, a pseudo-version, a branch or latest)" >&2
    exit 2
    ;;
esac

bin=$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/charterlint-bin.XXXXXX")
exe=charterlint
if [ "$(go env GOOS)" = windows ]; then
  exe=charterlint.exe
fi

if [ -z "$version" ]; then
  : "${GITHUB_ACTION_PATH:?is not set: run this script from the composite action, or set INPUT_VERSION}"
  (cd "$GITHUB_ACTION_PATH" && go build -o "$bin/$exe" ./cmd/charterlint)
else
  GOBIN=$bin go install "github.com/charterlint/charterlint/cmd/charterlint@$version"
fi

"$bin/$exe" version
if [ -n "${GITHUB_PATH:-}" ]; then
  printf '%s\n' "$bin" >>"$GITHUB_PATH"
fi
