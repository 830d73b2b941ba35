import { type DeclaredTest, declaredTest, uniqueByName } from "./declared-tests.ts";

// The tests pytest collects from a file with its default rules: module-level functions named
// test*, and test* methods of module-level classes named Test*. Read from the text, so lines
// inside strings (docstrings that show example code) are skipped; each test also stands for
// its parametrised cases ("test_x[1-2]").

const DEF = /^(?:async\s+)?def\s+(test\w*)\s*\(/;
const CLASS = /^class\s+(Test\w*)\s*[(:]/;

export function pythonDeclaredTests(file: string, source: string): DeclaredTest[] {
  const tests: DeclaredTest[] = [];
  let testClass: { name: string; bodyIndent: number | null } | null = null;
  for (const { text, indent } of codeLines(source)) {
    if (indent === 0) {
      const cls = CLASS.exec(text);
      testClass = cls ? { name: cls[1]!, bodyIndent: null } : null;
      const fn = DEF.exec(text);
      if (fn) tests.push(declaredTest(file, [{ exact: fn[1]! }], { parametrised: true }));
      continue;
    }
    if (!testClass) continue;
    testClass.bodyIndent ??= indent;
    const method = indent === testClass.bodyIndent ? DEF.exec(text) : null;
    if (method) tests.push(declaredTest(file, [{ exact: testClass.name }, { exact: method[1]! }], { parametrised: true }));
  }
  return uniqueByName(tests);
}

/** Lines that start in code (not inside a string or a bracket), without their indentation; blank and comment lines left out. */
function* codeLines(source: string): Generator<{ text: string; indent: number }> {
  let quote: string | null = null; // the open string's delimiter: ', ", ''' or """
  let depth = 0; // open brackets: a line inside them continues the previous statement
  for (const line of source.split(/\r?\n/)) {
    const startsInCode = quote === null && depth === 0;
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (quote) {
        if (c === "\\") i++;
        else if (line.startsWith(quote, i)) {
          i += quote.length - 1;
          quote = null;
        }
      } else if (c === "#") break;
      else if (c === "'" || c === '"') {
        quote = line.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
        i += quote.length - 1;
      } else if ("([{".includes(c)) depth++;
      else if (")]}".includes(c)) depth = Math.max(0, depth - 1);
    }
    if (quote?.length === 1) quote = null; // an unterminated one-line string ends with its line
    const text = line.trimStart();
    if (startsInCode && text !== "" && !text.startsWith("#")) yield { text, indent: line.length - text.length };
  }
}
