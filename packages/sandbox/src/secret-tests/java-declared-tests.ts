import { uniqueByName, type DeclaredTest } from "./declared-tests.ts";

// A JUnit 5 test is a method annotated @Test, @ParameterizedTest, @RepeatedTest, @TestFactory or
// @TestTemplate. The runner reports it as "<Class>.<method>" (src/results/junit-xml.ts), with
// "[n]" per parameterised or repeated case and the nested class's name in between for @Nested
// tests, so a declared test stands for all of those. The class is the file's name, as javac
// requires of a public top-level class. Comments and strings are not parsed: an annotated
// method header is what JUnit itself would run.
const TEST_ANNOTATION = /@(?:org\.junit\.jupiter\.(?:api|params)\.)?(?:Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate)\b/g;
// The next method header after the annotation (other annotations and their arguments in between).
const METHOD_HEADER = /\b([A-Za-z_$][\w$]*)\s*\([^)]*\)\s*(?:throws\s+[\w.$,\s]+)?\{/g;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function javaDeclaredTests(file: string, source: string): DeclaredTest[] {
  const className = file.slice(file.lastIndexOf("/") + 1).replace(/\.java$/, "");
  const tests: DeclaredTest[] = [];
  for (const annotation of source.matchAll(TEST_ANNOTATION)) {
    const method = methodAfter(source, annotation.index + annotation[0].length);
    if (!method) continue;
    const pattern = new RegExp(`^${escapeRegExp(className)}(\\.[\\w$]+)*\\.${escapeRegExp(method)}(\\[\\d+\\])?$`);
    tests.push({ file, name: `${className}.${method}`, matches: (reported) => pattern.test(reported) });
  }
  return uniqueByName(tests);
}

function methodAfter(source: string, from: number): string | null {
  METHOD_HEADER.lastIndex = from;
  return METHOD_HEADER.exec(source)?.[1] ?? null;
}
