#!/bin/sh
# Compiles a scratch copy of the workspace plus the hidden tests with javac and runs every JUnit 5
# test in it with the JUnit Platform console launcher. The host turns the launcher's JUnit XML
# reports into per-test results (src/results/junit-xml.ts); this script adds which file declares
# each top-level class, so hidden tests can be told apart.
# In: SOURCE_DIR, WORK_DIR (empty, writable), HIDDEN_DIR (optional), RUNNERS_DIR,
#     ONLY_HIDDEN (1: run the hidden test files only — a secret run),
#     RESULTS_PATH (default /dev/fd/3), JAVA, JAVAC (default /usr/bin/java, /usr/bin/javac),
#     JUNIT_JAR (default Debian junit5's /usr/share/java/junit-platform-console-standalone.jar).
# Exit: the launcher's status (0 passed, 1 some test failed); 100 = did not compile (javac's
#       output on stderr), 101 = no tests, 102 = the workspace could not be copied.
set -u
cp -a "$SOURCE_DIR/." "$WORK_DIR/" || exit 102
cd "$WORK_DIR" || exit 102
# A secret run drops the candidate's own test classes: they would be compiled and run with the
# hidden ones (and a candidate's test that does not compile would hide every hidden result).
if [ "${ONLY_HIDDEN:-}" = 1 ]; then find . -type f \( -name '*Test.java' -o -name '*Tests.java' \) -exec rm -f {} + || exit 102; fi
if [ -n "${HIDDEN_DIR:-}" ]; then cp -a "$HIDDEN_DIR/." "$WORK_DIR/" || exit 102; fi
# fd 3 may be a socket, which cannot be reopened through /dev/fd: write to the descriptor itself.
if [ -n "${RESULTS_PATH:-}" ]; then exec 3>>"$RESULTS_PATH" || exit 102; fi
JUNIT_JAR="${JUNIT_JAR:-/usr/share/java/junit-platform-console-standalone.jar}"
scratch="${TMPDIR:-/tmp}/interviewlm-java-$$"
mkdir -p "$scratch/classes" "$scratch/reports" || exit 102
find . -name '*.java' -type f | sed 's|^\./||' | LC_ALL=C sort > "$scratch/sources.txt" || exit 102
[ -s "$scratch/sources.txt" ] || exit 101
# "#javaclass <package.Class> <file>" for every source file: a public top-level class is named
# after its file, and the reports name test classes (nested ones as Outer$Inner).
while IFS= read -r file; do
  package=$(sed -n 's/^[[:space:]]*package[[:space:]]\{1,\}\([A-Za-z0-9_.]\{1,\}\)[[:space:]]*;.*/\1/p' "$file" | head -n 1)
  printf '#javaclass %s%s %s\n' "${package:+$package.}" "$(basename "$file" .java)" "$file"
done < "$scratch/sources.txt" > "$scratch/classes.txt" || exit 102
cat "$scratch/classes.txt" >&3
# javac's argument file: one quoted path per line (paths may hold spaces).
sed 's/["\\]/\\&/g; s/.*/"&"/' "$scratch/sources.txt" > "$scratch/sources.args" || exit 102
# Small, quick JVMs for short runs inside the sandbox's memory and pids limits: the serial
# collector (one GC thread), the C1 compiler only (fast start, one compiler thread), no perf
# data file. The heap starts small and may grow past the sandbox's memory limit on purpose: a
# program that keeps allocating is stopped by the sandbox and reported as out of memory, as in
# every other language, rather than failing one test with an OutOfMemoryError. (ADR 0131.)
JVM_OPTIONS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -Xshare:auto -Xms16m -Xmx1g -Djava.awt.headless=true"
javac_options=""
for option in $JVM_OPTIONS; do javac_options="$javac_options -J$option"; done
# No annotation processors (nothing on the class path should run at compile time); the results
# descriptor is closed for the compiler and for the tests, which run the candidate's code.
# shellcheck disable=SC2086
"${JAVAC:-/usr/bin/javac}" $javac_options -encoding UTF-8 -proc:none -Xmaxerrs 50 -d "$scratch/classes" -cp "$JUNIT_JAR" "@$scratch/sources.args" 3>&- || exit 100
# Every JUnit Jupiter test class runs, whatever its name (--include-classname); test output is
# captured into the report (per test) as well as shown on stdout. Jupiter only: its report is
# written when its last test has finished, so a report means the run was complete.
# shellcheck disable=SC2086
"${JAVA:-/usr/bin/java}" $JVM_OPTIONS -jar "$JUNIT_JAR" --class-path "$scratch/classes" --scan-class-path --include-classname '.*' --include-engine junit-jupiter \
  --reports-dir "$scratch/reports" --disable-banner --disable-ansi-colors --details=none --fail-if-no-tests \
  --config=junit.platform.output.capture.stdout=true --config=junit.platform.output.capture.stderr=true 3>&-
status=$?
# No report means the JVM ended part-way (System.exit in the code under test, a crash): the host
# then reports the run as unfinished.
reports=0
for report in "$scratch"/reports/TEST-*.xml; do
  [ -f "$report" ] || continue
  reports=1
  printf '#javareport %s\n' "$(basename "$report")" >&3
  cat "$report" >&3
  printf '\n' >&3
done
# --fail-if-no-tests: 2 when the run finished without finding a test.
if [ "$status" -eq 2 ] && [ "$reports" -eq 1 ]; then exit 101; fi
if [ "$reports" -eq 1 ]; then printf '#javaend\n' >&3; fi
exit "$status"
