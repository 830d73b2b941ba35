#!/bin/sh
# Builds a scratch copy of the workspace (a Cargo crate: Cargo.toml, src/, tests/*.rs) plus the
# hidden tests with Debian's cargo, offline, then runs every test target with libtest's JSON
# output. The host turns that stream into per-test results (src/results/rust-libtest-json.ts);
# cargo's "Running <source> (<binary>)" line before each test binary says which file (and which
# target) the tests that follow belong to, so hidden tests can be told apart.
# In: SOURCE_DIR, WORK_DIR (empty, writable), HIDDEN_DIR (optional), RUNNERS_DIR,
#     ONLY_HIDDEN (1: run the hidden test files only — a secret run),
#     RESULTS_PATH (default /dev/fd/3), CARGO, RUSTC (default /usr/bin/cargo, /usr/bin/rustc).
# Exit: 0 passed, 1 some test failed; 100 = did not build (cargo's and rustc's output on
#       stderr), 101 = no tests, 102 = the workspace could not be copied.
set -u
cp -a "$SOURCE_DIR/." "$WORK_DIR/" || exit 102
cd "$WORK_DIR" || exit 102
# A secret run drops the candidate's own integration tests (tests/*.rs) and builds only the
# integration test targets, so neither a failing nor an unbuildable test of theirs (nor their
# #[cfg(test)] unit tests) stands between the hidden tests and their results.
if [ "${ONLY_HIDDEN:-}" = 1 ]; then find ./tests -maxdepth 1 -name '*.rs' -type f -exec rm -f {} + 2>/dev/null; fi
if [ -n "${HIDDEN_DIR:-}" ]; then cp -a "$HIDDEN_DIR/." "$WORK_DIR/" || exit 102; fi
# A workspace without Cargo.toml still builds, as the library crate "workspace" (std only).
[ -f Cargo.toml ] || printf '[package]\nname = "workspace"\nversion = "0.1.0"\nedition = "2021"\n' > Cargo.toml || exit 102
# fd 3 may be a socket, which cannot be reopened through /dev/fd: write to the descriptor itself.
if [ -n "${RESULTS_PATH:-}" ]; then exec 3>>"$RESULTS_PATH" || exit 102; fi
scratch="${TMPDIR:-/tmp}/interviewlm-rust-$$"
mkdir -p "$scratch" || exit 102
# Offline and std only: cargo's home (registry, config) and the build output live in the run's
# private /tmp, so nothing is fetched, nothing from the host's ~/.cargo is read and the workspace
# copy stays as it was. One job (-j 1): one rustc at a time keeps memory and pids inside the
# sandbox's limits. No backtraces and no debug info (a quicker build and
# link): the panic message and its file:line are the result.
export CARGO_HOME="$scratch/cargo-home" CARGO_TARGET_DIR="$scratch/target" CARGO_NET_OFFLINE=true \
  CARGO_INCREMENTAL=0 CARGO_TERM_COLOR=never CARGO_TERM_PROGRESS_WHEN=never RUSTC="${RUSTC:-/usr/bin/rustc}" \
  RUST_BACKTRACE=0 CARGO_PROFILE_TEST_DEBUG=0
cargo="${CARGO:-/usr/bin/cargo}"
# Every test target (the library's and binaries' unit tests, tests/*.rs), no doc tests. A crate
# whose src/ declares no #[test] has no unit tests: its empty unit-test binary is not built (a
# compile and a link fewer: a third of a small crate's build). A secret run builds the
# integration tests only.
if [ "${ONLY_HIDDEN:-}" != 1 ] && grep -rqsF '#[test]' src; then set -- --tests; else set -- --test '*'; fi
# No test target at all (no tests/*.rs and no unit tests): nothing to build or run.
if [ "$1" = --test ] && ! ls tests/*.rs > /dev/null 2>&1; then exit 101; fi
# Build first, apart: a failure here is a compile error, with rustc's "error[E…]: … --> file:line".
"$cargo" test --offline -j 1 --no-run "$@" 3>&- >&2 || exit 100
# Every test binary runs even after one fails; the results descriptor is closed for the tests.
# RUSTC_BOOTSTRAP=1 lets stable libtest write JSON (-Z unstable-options --format json; see
# docs/decisions/0133); it is set for running only, so the candidate's code cannot use unstable
# compiler features (the build above is plain stable, and this step rebuilds nothing).
RUSTC_BOOTSTRAP=1 "$cargo" test --offline -j 1 --no-fail-fast "$@" -- -Z unstable-options --format json --report-time \
  > "$scratch/events.txt" 2>&1 3>&-
status=$?
cat "$scratch/events.txt" >&3
# cargo's own lines (which binary runs, which one failed) stay readable on stderr.
grep -v '^{' "$scratch/events.txt" >&2
# No test at all in a run that went well: nothing to report.
if [ "$status" -eq 0 ] && ! grep -q '^{ *"type": *"test"' "$scratch/events.txt"; then exit 101; fi
printf '#rustend\n' >&3
# A test binary killed outright (the memory cgroup's OOM kill) is only a line of cargo's: the
# script ends the same way, so a provider that sees just this process's status (Modal) reports it.
if grep -q "^  process didn't exit successfully: .*(signal: 9, SIGKILL" "$scratch/events.txt"; then exit 137; fi
# cargo test: 101 when a test failed (or a test binary ended abnormally).
if [ "$status" -ne 0 ]; then exit 1; fi
exit 0
