#!/bin/sh
# Runs pytest on a scratch copy of the workspace plus the hidden tests, so a test run never
# changes the candidate's files and hidden tests never land in them.
# In: SOURCE_DIR, WORK_DIR (empty, writable), HIDDEN_DIR (optional), RUNNERS_DIR,
#     ONLY_HIDDEN (1: run the hidden test files only — a secret run),
#     RESULTS_PATH (JSON lines, default /dev/fd/3), PYTHON (default /usr/bin/python3).
# Exit: pytest's status, or 102 when the workspace could not be copied.
set -u
cp -a "$SOURCE_DIR/." "$WORK_DIR/" || exit 102
if [ -n "${HIDDEN_DIR:-}" ]; then cp -a "$HIDDEN_DIR/." "$WORK_DIR/" || exit 102; fi
cd "$WORK_DIR" || exit 102
set --
if [ "${ONLY_HIDDEN:-}" = 1 ]; then
  # The hidden test files by name (pytest's default pattern), so the candidate's own do not run.
  files=$(cd "${HIDDEN_DIR:-/nonexistent}" 2>/dev/null && find . -type f \( -name 'test_*.py' -o -name '*_test.py' \) | LC_ALL=C sort)
  [ -n "$files" ] || exit 5
  while IFS= read -r file; do set -- "$@" "$file"; done <<FILES
$files
FILES
fi
# The workspace root is importable, as with "pythonpath = ." (a pytest option that 7.2 rejects without an ini file).
export PYTHONPATH="$RUNNERS_DIR/python:$WORK_DIR" PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
export INTERVIEWLM_RESULTS="${RESULTS_PATH:-/dev/fd/3}"
exec "${PYTHON:-/usr/bin/python3}" -m pytest -p interviewlm_pytest -p no:cacheprovider \
  -q --no-header -rN --color=no -o console_output_style=classic --rootdir="$WORK_DIR" "$@"
