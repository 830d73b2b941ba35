import { uniqueByName, type DeclaredTest } from "./declared-tests.ts";

// Minitest runs the methods named test_* of every Minitest::Test subclass, reported as
// "Class#test_name" (runners/ruby/interviewlm_minitest.rb). Read from the text: a `def test_…`
// belongs to the nearest `class` above it, and a class inside modules is reported with them
// ("Shop::CartTest"), so the declared name also matches under any enclosing module. Heredocs and strings are not parsed; a def at the
// start of a line is what Ruby itself would define.
const CLASS = /^\s*class\s+([A-Z][\w:]*)/;
const TEST_DEF = /^\s*def\s+(test_\w+[?!]?)/;

export function rubyDeclaredTests(file: string, source: string): DeclaredTest[] {
  const tests: DeclaredTest[] = [];
  let className: string | null = null;
  for (const line of source.split(/\r?\n/)) {
    const cls = CLASS.exec(line);
    if (cls) className = cls[1]!;
    const def = TEST_DEF.exec(line);
    if (def && className) {
      const name = `${className}#${def[1]}`;
      tests.push({ file, name, matches: (reported) => reported === name || reported.endsWith(`::${name}`) });
    }
  }
  return uniqueByName(tests);
}
