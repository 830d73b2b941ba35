// A test as declared in a test file, read by the service itself (never by the test process),
// so that a secret run can name its tests without trusting anything the run reports.

export interface DeclaredTest {
  /** Workspace path of the test file. */
  file: string;
  /** Full name as the runners report it ("suite > test"); "…" stands for a part computed at run time. */
  name: string;
  /** Which reported names (of this file) are this test: parametrised variants, template names. */
  matches(reportedName: string): boolean;
}

/** A name segment: literal text, or literal parts around values only known at run time. */
export type NameSegment = { exact: string } | { parts: string[] };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Builds a declared test from its name segments (outermost suite first). */
export function declaredTest(file: string, segments: readonly NameSegment[], options: { parametrised?: boolean } = {}): DeclaredTest {
  const name = segments.map((s) => ("exact" in s ? s.exact : s.parts.join("…"))).join(" > ");
  const source = segments.map((s) => ("exact" in s ? escapeRegExp(s.exact) : s.parts.map(escapeRegExp).join("[\\s\\S]*"))).join(" > ");
  // pytest reports each parametrised case as name[id].
  const pattern = new RegExp(`^${source}${options.parametrised ? "(\\[[\\s\\S]*\\])?" : ""}$`);
  return { file, name, matches: (reported) => pattern.test(reported) };
}

/** One entry per name: a test declared twice (or a loop of template names) is one result. */
export function uniqueByName(tests: DeclaredTest[]): DeclaredTest[] {
  const seen = new Set<string>();
  return tests.filter((test) => !seen.has(test.name) && seen.add(test.name));
}
