#!/bin/sh
# Runs node:test on a scratch copy of the workspace plus the hidden tests. Test files are
# bundled into one ES module by esbuild (TypeScript, extensionless imports, one fast node
# process), then node runs them in-process with our reporter. Vitest- and Jest-style files run
# too: `vitest` and `@jest/globals` resolve to the compatibility modules beside this script, and
# when a test file imports no test framework at all (Jest's globals) those globals are injected.
# In: SOURCE_DIR, WORK_DIR (empty, writable), HIDDEN_DIR (optional), RUNNERS_DIR, ESBUILD,
#     ONLY_HIDDEN (1: run the hidden test files only — a secret run),
#     RESULTS_PATH (JSON lines, default /dev/fd/3), NODE (default /usr/bin/node).
# Exit: node's status; 100 = did not compile (esbuild errors on stderr), 101 = no test files,
#       102 = the workspace could not be copied.
set -u
cp -a "$SOURCE_DIR/." "$WORK_DIR/" || exit 102
if [ -n "${HIDDEN_DIR:-}" ]; then cp -a "$HIDDEN_DIR/." "$WORK_DIR/" || exit 102; fi
cd "$WORK_DIR" || exit 102
scratch="${TMPDIR:-/tmp}/interviewlm-node-$$"
mkdir -p "$scratch" || exit 102
# A secret run looks for test files among the hidden ones only (by name; each then imports
# from the scratch copy), so the candidate's own test files do not run.
search="$WORK_DIR"
if [ "${ONLY_HIDDEN:-}" = 1 ]; then search="${HIDDEN_DIR:-/nonexistent}"; fi
(cd "$search" 2>/dev/null && find . -name node_modules -prune -o -type f \( -name '*.test.ts' -o -name '*.test.mts' -o -name '*.test.js' \
  -o -name '*.test.mjs' -o -name '*.spec.ts' -o -name '*.spec.mts' -o -name '*.spec.js' -o -name '*.spec.mjs' \) \
  -print) | LC_ALL=C sort | sed -e 's|^\./||' > "$scratch/files"
[ -s "$scratch/files" ] || exit 101
sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e "s|.*|import \"$WORK_DIR/&\";|" "$scratch/files" > "$scratch/entry.mjs"
# Jest's globals are injected only when some test file imports no framework (the compatibility
# module is ~0.3 MB that a node:test run need not parse).
set --
if (cd "$WORK_DIR" && tr '\n' '\0' < "$scratch/files" | xargs -0 grep -L -E "node:test|[\"']vitest[\"']|@jest/globals" -- 2>/dev/null | grep -q .); then
  set -- "--inject:$RUNNERS_DIR/node/jest-globals.mjs"
fi
"$ESBUILD" "$scratch/entry.mjs" --bundle --platform=node --format=esm --target=node20 --sourcemap=inline \
  --outfile="$scratch/tests.mjs" --log-level=error --color=false \
  --alias:vitest="$RUNNERS_DIR/node/vitest.mjs" --alias:@jest/globals="$RUNNERS_DIR/node/jest-globals.mjs" "$@" \
  --banner:js="import { createRequire as __ilmCreateRequire } from 'node:module'; const require = __ilmCreateRequire(import.meta.url);" \
  >&2 || exit 100
export INTERVIEWLM_RESULTS="${RESULTS_PATH:-/dev/fd/3}"
exec "${NODE:-/usr/bin/node}" --enable-source-maps --import "$RUNNERS_DIR/node/capture.mjs" \
  --test-reporter="$RUNNERS_DIR/node/reporter.mjs" --test-reporter-destination=stdout "$scratch/tests.mjs"
