# Sourced by run.sh and diff.sh: the inputs both steps read the same way.
#   INPUT_PATHS    one path per line (see run.sh) -> the array paths,
#                  "." when there is none.
#   INPUT_FAIL_ON  -> the array fail_on: --fail-on and the level, or empty
#                  so that the configuration file's fail-on applies.
paths=()
while IFS= read -r line || [ -n "$line" ]; do
  line=${line%$'\r'}
  line=${line#"${line%%[![:space:]]*}"} # leading white space
  line=${line%"${line##*[![:space:]]}"} # trailing white space
  if [ -n "$line" ]; then
    paths+=("$line")
  fi
done <<<"${INPUT_PATHS:-}"
if [ ${#paths[@]} -eq 0 ]; then
  paths=(.)
fi

fail_on=()
if [ -n "${INPUT_FAIL_ON:-}" ]; then
  fail_on=(--fail-on "$INPUT_FAIL_ON")
fi
