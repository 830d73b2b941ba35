#!/bin/sh
# Runs Minitest on a scratch copy of the workspace plus the hidden tests, so a test run never
# changes the candidate's files and hidden tests never land in them. interviewlm_minitest.rb
# loads the test files and streams a result per test.
# In: SOURCE_DIR, WORK_DIR (empty, writable), HIDDEN_DIR (optional), RUNNERS_DIR,
#     ONLY_HIDDEN (1: run the hidden test files only — a secret run),
#     RESULTS_PATH (JSON lines, default /dev/fd/3), RUBY (default /usr/bin/ruby).
# Exit: 0 passed, 1 some test failed, 2 a file did not load, 101 no test files, 102 the
#       workspace could not be copied.
set -u
cp -a "$SOURCE_DIR/." "$WORK_DIR/" || exit 102
cd "$WORK_DIR" || exit 102
# A secret run drops the candidate's own test files, which would run in the same process.
if [ "${ONLY_HIDDEN:-}" = 1 ]; then find . -type f \( -name 'test_*.rb' -o -name '*_test.rb' \) -exec rm -f {} + || exit 102; fi
if [ -n "${HIDDEN_DIR:-}" ]; then cp -a "$HIDDEN_DIR/." "$WORK_DIR/" || exit 102; fi
set --
files=$(find . -type f \( -name 'test_*.rb' -o -name '*_test.rb' \) | sed 's|^\./||' | LC_ALL=C sort)
[ -n "$files" ] || exit 101
while IFS= read -r file; do set -- "$@" "$file"; done <<FILES
$files
FILES
export INTERVIEWLM_RESULTS="${RESULTS_PATH:-/dev/fd/3}"
# The workspace root and lib/ are on the load path, as `ruby -Ilib -I.` in a project.
exec "${RUBY:-/usr/bin/ruby}" -I"$WORK_DIR/lib" -I"$WORK_DIR" "$RUNNERS_DIR/ruby/interviewlm_minitest.rb" "$@"
