#!/usr/bin/env bash
# The audit step of the GitHub Action (action.yml). Its inputs arrive as environment
# variables (INPUT_*), never pasted into the script, so a path or argument cannot run as
# code; each is quoted where it is used. One run writes the annotations, the job summary
# and, when asked, the SARIF file for the upload step.
set -uo pipefail

paths=()
while IFS= read -r line; do  # one path a line; spaces in a path are kept
  line="${line%$'\r'}"
  [ -n "${line//[[:space:]]/}" ] && paths+=("$line")
done <<< "${INPUT_PATHS:-.}"
[ ${#paths[@]} -gt 0 ] || paths=(.)

cmd=(article-audit check "${paths[@]}" --format github)
[ -n "${INPUT_CONFIG:-}" ] && cmd+=(--config "$INPUT_CONFIG")
[ -n "${INPUT_PROFILE:-}" ] && cmd+=(--profile "$INPUT_PROFILE")
[ -n "${INPUT_FAIL_ON:-}" ] && cmd+=(--fail-on "$INPUT_FAIL_ON")
[ -n "${INPUT_BASELINE:-}" ] && cmd+=(--baseline "$INPUT_BASELINE")
[ -n "${INPUT_SARIF:-}" ] && cmd+=(--output-format "sarif=$INPUT_SARIF")
[ -n "${INPUT_REPORT_DIR:-}" ] && cmd+=(--report-dir "$INPUT_REPORT_DIR")
while IFS= read -r line; do
  line="${line%$'\r'}"
  [ -n "${line//[[:space:]]/}" ] && cmd+=(--exclude "$line")
done <<< "${INPUT_EXCLUDE:-}"
if [ -n "${INPUT_ARGS:-}" ]; then
  read -r -a extra <<< "$INPUT_ARGS"  # split on white space only: no quotes, globs or expansions
  cmd+=("${extra[@]}")
fi

"${cmd[@]}"
code=$?
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  {
    echo "exit-code=$code"
    [ -n "${INPUT_SARIF:-}" ] && [ -f "$INPUT_SARIF" ] && echo "sarif=$INPUT_SARIF"
  } >> "$GITHUB_OUTPUT"
fi
exit "$code"
