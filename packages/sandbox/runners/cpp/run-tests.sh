#!/bin/sh
# Compiles a scratch copy of the workspace plus the hidden tests with g++ into one GoogleTest
# binary and runs it. The host turns GoogleTest's XML report into per-test results
# (src/results/gtest-xml.ts).
# In: SOURCE_DIR, WORK_DIR (empty, writable), HIDDEN_DIR (optional), RUNNERS_DIR,
#     ONLY_HIDDEN (1: run the hidden test files only — a secret run),
#     RESULTS_PATH (default /dev/fd/3), CXX (default /usr/bin/g++).
# Exit: the test binary's status (0 passed, 1 some test failed); 100 = did not compile (g++'s
#       output on stderr), 101 = no tests, 102 = the workspace could not be copied.
set -u
cp -a "$SOURCE_DIR/." "$WORK_DIR/" || exit 102
cd "$WORK_DIR" || exit 102
# A secret run drops the candidate's own test files: they would be linked into the same binary
# as the hidden ones (and one that does not compile would hide every hidden result).
if [ "${ONLY_HIDDEN:-}" = 1 ]; then find . -type f \( -name '*_test.cpp' -o -name '*_test.cc' \) -exec rm -f {} + || exit 102; fi
if [ -n "${HIDDEN_DIR:-}" ]; then cp -a "$HIDDEN_DIR/." "$WORK_DIR/" || exit 102; fi
# fd 3 may be a socket, which cannot be reopened through /dev/fd: write to the descriptor itself.
if [ -n "${RESULTS_PATH:-}" ]; then exec 3>>"$RESULTS_PATH" || exit 102; fi
scratch="${TMPDIR:-/tmp}/interviewlm-cpp-$$"
mkdir -p "$scratch" || exit 102
# Every translation unit of the workspace: the candidate's code and the test files.
find . -type f \( -name '*.cpp' -o -name '*.cc' \) | sed 's|^\./||' | LC_ALL=C sort > "$scratch/sources.txt" || exit 102
grep -q -e '_test\.cpp$' -e '_test\.cc$' "$scratch/sources.txt" || exit 101
# g++'s response file: one quoted path per line (paths may hold spaces). Relative paths, so
# diagnostics and the report name files as the workspace does ("sum.cpp:3:12: error: ...").
sed 's/["\\]/\\&/g; s/.*/"&"/' "$scratch/sources.txt" > "$scratch/sources.args" || exit 102
# C++17 without optimisation (the quickest build; -O1 took half as long again). The address
# space of g++ and each of its programs is capped below the sandbox's memory limit: a normal
# build needs about 250 MB (bits/stdc++.h + gtest.h + <regex>: 300 MB), and a template or
# constexpr bomb then ends as a compile error ("virtual memory exhausted") with g++'s message
# rather than as the whole run killed for memory. The results descriptor is closed for the
# compiler and for the tests, which run the candidate's code. (ADR 0134.)
(
  ulimit -v 458752
  exec "${CXX:-/usr/bin/g++}" -std=c++17 -O0 -fdiagnostics-color=never -fmax-errors=50 -I. \
    -o "$scratch/tests" "@$scratch/sources.args" -lgtest_main -lgtest -pthread
) 3>&- || exit 100
# A candidate's own main() replaces gtest_main's (the linker then leaves it out of the archive).
"$scratch/tests" --gtest_output="xml:$scratch/report.xml" --gtest_color=no < /dev/null 3>&-
status=$?
# The code under test may exit with any status: never one of this script's own.
case "$status" in 100 | 101 | 102) status=1 ;; esac
# GoogleTest writes its report once every test has ended: no report means the process ended
# part-way (a crash, exit() in the code under test) and the host reports the run as unfinished.
if [ -f "$scratch/report.xml" ]; then
  # A binary with no test in it (test files whose TESTs are all left out by the preprocessor).
  if grep -q '<testsuites tests="0"' "$scratch/report.xml"; then exit 101; fi
  printf '#gtestreport\n' >&3
  cat "$scratch/report.xml" >&3
  printf '\n#gtestend\n' >&3
elif [ "$status" -gt 128 ]; then
  # A crash (SIGSEGV, SIGABRT from a failed assert()): say so; the test that was running is the
  # last "[ RUN      ]" line of the output above.
  printf 'The test binary stopped on signal %s (SIG%s) before GoogleTest wrote its report; the last test started above is the one that crashed.\n' "$((status - 128))" "$(kill -l "$((status - 128))" 2>/dev/null)" >&2
fi
exit "$status"
