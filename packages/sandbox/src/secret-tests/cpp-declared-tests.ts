import { uniqueByName, type DeclaredTest } from "./declared-tests.ts";

// A GoogleTest test is a TEST, TEST_F, TEST_P, TYPED_TEST or TYPED_TEST_P macro at the start of
// a line: `TEST(Suite, Name)`. The runner reports it as "Suite.Name" (src/results/gtest-xml.ts);
// value-parameterised and typed tests are reported per instance — "Prefix/Suite.Name/2",
// "Suite/0.Name", "Prefix/Suite/1.Name" — so a declared test stands for all of those. A macro
// after a line comment or inside a block comment is not read (a line-start match only), but the
// preprocessor is not run: a test behind #if 0 still counts as declared.
const TEST_MACRO = /^[ \t]*(TEST|TEST_F|TEST_P|TYPED_TEST|TYPED_TEST_P)[ \t]*\([ \t]*([A-Za-z_]\w*)[ \t]*,[ \t]*([A-Za-z_]\w*)[ \t]*\)/gm;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function cppDeclaredTests(file: string, source: string): DeclaredTest[] {
  const tests: DeclaredTest[] = [];
  for (const [, macro, suite, name] of source.matchAll(TEST_MACRO)) {
    if (!macro || !suite || !name) continue;
    const pattern = instancePattern(macro, suite, name);
    tests.push({ file, name: `${suite}.${name}`, matches: (reported) => pattern.test(reported) });
  }
  return uniqueByName(tests);
}

function instancePattern(macro: string, suite: string, name: string): RegExp {
  const s = escapeRegExp(suite);
  const n = escapeRegExp(name);
  switch (macro) {
    case "TEST_P":
      // INSTANTIATE_TEST_SUITE_P(Prefix, Suite, …): "Prefix/Suite.Name/<index or generated name>".
      return new RegExp(`^(\\w+/)?${s}\\.${n}/\\w+$`);
    case "TYPED_TEST":
      return new RegExp(`^${s}/\\d+\\.${n}$`);
    case "TYPED_TEST_P":
      return new RegExp(`^(\\w+/)?${s}/\\d+\\.${n}$`);
    default:
      return new RegExp(`^${s}\\.${n}$`);
  }
}
