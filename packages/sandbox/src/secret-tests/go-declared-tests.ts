import type { DeclaredTest } from "./declared-tests.ts";

// Go's top-level tests are the `func TestXxx(t *testing.T)` declarations of a _test.go file.
// The runner reports subtests by their full name ("TestSum/empty"), so a declared test also
// stands for every subtest under it. Comments and strings are not parsed: a func at the start
// of a line is what the go tool itself would run.
const TEST_FUNC = /^func (Test[A-Za-z0-9_]*)\(\s*\w+\s+\*testing\.T\s*\)/gm;

export function goDeclaredTests(file: string, source: string): DeclaredTest[] {
  const names = new Set<string>();
  for (const match of source.matchAll(TEST_FUNC)) names.add(match[1]!);
  return [...names].map((name) => ({ file, name, matches: (reported: string) => reported === name || reported.startsWith(`${name}/`) }));
}
