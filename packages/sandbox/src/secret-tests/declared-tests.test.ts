import { describe, expect, it } from "vitest";
import { nodeDeclaredTests } from "./node-declared-tests.ts";
import { pythonDeclaredTests } from "./python-declared-tests.ts";

const names = (tests: { name: string }[]) => tests.map((t) => t.name);

describe("tests a Python file declares", () => {
  const source = [
    '"""Docs that show code:',
    "def test_in_docstring():",
    '    pass"""',
    "import pytest",
    "",
    "def helper():",
    "    def test_nested():",
    "        pass",
    "",
    "@pytest.mark.parametrize('n', [1, 2])",
    "def test_param(n):",
    "    assert n",
    "",
    "async def test_async():",
    "    x = '''",
    "def test_in_string(): pass",
    "'''",
    "",
    "class TestThing(Base):",
    "    value = (",
    "def test_in_brackets(): pass",
    "    )",
    "    def test_method(self):",
    "        def test_inner():",
    "            pass",
    "    def helper(self):",
    "        pass",
    "",
    "class Helper:",
    "    def test_not_collected(self):",
    "        pass",
    "",
    "def test_last(): pass  # def test_comment",
  ].join("\n");

  it("finds module-level test functions and test methods of Test classes, in order", () => {
    expect(names(pythonDeclaredTests("tests/test_x.py", source))).toEqual(["test_param", "test_async", "TestThing > test_method", "test_last"]);
  });

  it("matches each test's parametrised cases, and nothing else", () => {
    const [param] = pythonDeclaredTests("tests/test_x.py", source);
    expect(param?.matches("test_param")).toBe(true);
    expect(param?.matches("test_param[1]")).toBe(true);
    expect(param?.matches("test_param[a > b]")).toBe(true);
    expect(param?.matches("test_params")).toBe(false);
    expect(param?.matches("test_param[1]x")).toBe(false);
    expect(param?.matches("leak test_param")).toBe(false);
  });
});

describe("tests a JavaScript or TypeScript file declares", () => {
  const source = [
    "import { describe, it, test } from 'node:test';",
    "import * as nodeTest from 'node:test';",
    "type Case = { n: number };",
    "const cases: Case[] = [{ n: 1 }];",
    "describe('Cache', () => {",
    "  it('stores', () => {});",
    "  describe(\"eviction\", { timeout: 100 }, () => {",
    "    it.skip(`drops the oldest`, () => {});",
    "  });",
    "  for (const { n } of cases) it(`handles ${n} items of ${n}`, () => {});",
    "});",
    "test('with subtests', async (t) => {",
    "  await t.test('first', () => {});",
    "  await t.test('second', () => {});",
    "});",
    "nodeTest.test('namespaced', () => {});",
    "const title = 'computed';",
    "test(title, () => {});",
    "test('stores', () => {}); // the same name again is one result",
    "describe('empty', () => {});",
    "const text = \"it('not a test')\";",
  ].join("\n");

  it("names leaves with their groups, as the reporter does", async () => {
    expect(names(await nodeDeclaredTests("src/cache.test.ts", source))).toEqual([
      "Cache > stores",
      "Cache > eviction > drops the oldest",
      "Cache > handles … items of …",
      "with subtests > first",
      "with subtests > second",
      "namespaced",
      "…",
      "stores",
    ]);
  });

  it("lets a template name stand for every name it can produce, within its group", async () => {
    const tests = await nodeDeclaredTests("src/cache.test.ts", source);
    const template = tests.find((t) => t.name === "Cache > handles … items of …")!;
    expect(template.matches("Cache > handles 3 items of 3")).toBe(true);
    expect(template.matches("Cache > handles  items of ")).toBe(true);
    expect(template.matches("handles 3 items of 3")).toBe(false);
    expect(tests.find((t) => t.name === "Cache > stores")!.matches("Cache > stores!")).toBe(false);
  });

  it("reads Vitest- and Jest-style declarations: x/f prefixes, modifiers, each tables and conditions", async () => {
    const jestStyle = [
      "import { describe, it, test, expect } from 'vitest';",
      "describe('Stack', () => {",
      "  xit('skipped', () => {});",
      "  fit('focused', () => {});",
      "  it.concurrent('concurrent', async () => {});",
      "  it.each([[1, 2]])('adds %i and %i', (a, b) => expect(a + b).toBe(3));",
      "  test.each([{ a: 1 }])('row $a', ({ a }) => expect(a).toBe(1));",
      "  it.skipIf(process.platform === 'win32')('not on windows', () => {});",
      "  it.each([1])('plain name', () => {});",
      "});",
      "xdescribe('later', () => { it('waits', () => {}); });",
      "describe.each([['x']])('group %s', (name) => { it('runs', () => {}); });",
    ].join("\n");
    const tests = await nodeDeclaredTests("src/stack.test.ts", jestStyle);
    expect(names(tests)).toEqual([
      "Stack > skipped",
      "Stack > focused",
      "Stack > concurrent",
      "Stack > adds … and …",
      "Stack > row …",
      "Stack > not on windows",
      "Stack > plain name",
      "later > waits",
      "group … > runs",
    ]);
    expect(tests.find((t) => t.name === "Stack > adds … and …")!.matches("Stack > adds 1 and 2")).toBe(true);
    expect(tests.find((t) => t.name === "group … > runs")!.matches("group x > runs")).toBe(true);
  });

  it("fails on a file that does not parse (the run reports it as not compiling)", async () => {
    await expect(nodeDeclaredTests("src/broken.test.ts", "test('x', () => {")).rejects.toThrow();
  });
});
