import { uniqueByName, type DeclaredTest } from "./declared-tests.ts";

// A Rust test is a function with the #[test] attribute (other attributes such as #[should_panic]
// or #[ignore] may stand between). An integration test file tests/<name>.rs is its own crate,
// <name> with "-" as "_" (the name cargo gives its binary), and the runner reports its tests as
// "<crate>::<module path>::<fn>" (src/results/rust-libtest-json.ts), so a declared test stands for
// its function in any module of the file. Comments and strings are not parsed: an attributed
// function is what libtest itself would run.
const TEST_FN = /#\[test\]\s*(?:#\[[^\]]*\]\s*|\/\/[^\n]*\n\s*)*(?:pub(?:\([^)]*\))?\s+)?(?:async\s+)?(?:unsafe\s+)?fn\s+([A-Za-z_][A-Za-z0-9_]*)/g;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function rustDeclaredTests(file: string, source: string): DeclaredTest[] {
  const crate = file.slice(file.lastIndexOf("/") + 1).replace(/\.rs$/, "").replace(/-/g, "_");
  const tests: DeclaredTest[] = [];
  for (const match of source.matchAll(TEST_FN)) {
    const fn = match[1]!;
    const pattern = new RegExp(`^${escapeRegExp(crate)}(::[A-Za-z_][A-Za-z0-9_]*)*::${escapeRegExp(fn)}$`);
    tests.push({ file, name: `${crate}::${fn}`, matches: (reported) => pattern.test(reported) });
  }
  return uniqueByName(tests);
}
