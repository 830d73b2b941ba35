// Small question fixtures shared by the contract suite, the service tests and the benchmark:
// five tests each, a mix of passing and failing, with output.

export const PYTHON_SUITE = {
  files: [
    { path: "calc.py", content: "def add(a, b):\n    return a + b\n\n\ndef parse(text):\n    return int(text)\n" },
    {
      path: "tests/test_calc.py",
      content: [
        "import pytest",
        "from calc import add, parse",
        "",
        "def test_add_small():",
        "    print('adding')",
        "    assert add(1, 2) == 3",
        "",
        "def test_add_negative():",
        "    assert add(-1, -2) == -3",
        "",
        "def test_add_wrong():",
        "    assert add(2, 2) == 5, 'expected 5 (deliberately wrong)'",
        "",
        "def test_parse():",
        "    assert parse('42') == 42",
        "",
        "def test_raises():",
        "    parse('not a number')",
        "",
      ].join("\n"),
    },
  ],
  hidden: [{ path: "tests/test_hidden.py", content: "from calc import add\n\ndef test_hidden_negative():\n    assert add(-5, 5) == 0\n" }],
};

export const TYPESCRIPT_SUITE = {
  files: [
    { path: "src/math.ts", content: "export const add = (a: number, b: number): number => a + b;\nexport function clamp(x: number, lo: number, hi: number): number {\n  return Math.min(hi, Math.max(lo, x));\n}\n" },
    {
      path: "src/math.test.ts",
      content: [
        "import { describe, it, test } from 'node:test';",
        "import assert from 'node:assert/strict';",
        "import { add, clamp } from './math';",
        "",
        "describe('math', () => {",
        "  it('adds', () => { console.log('adding'); assert.equal(add(1, 2), 3); });",
        "  it('adds negatives', () => assert.equal(add(-1, -2), -3));",
        "});",
        "test('clamps low', () => assert.equal(clamp(-5, 0, 10), 0));",
        "test('clamps high', () => assert.equal(clamp(50, 0, 10), 10));",
        "test('is wrong on purpose', () => assert.equal(add(1, 2), 4));",
        "",
      ].join("\n"),
    },
  ],
  hidden: [{ path: "src/hidden.test.ts", content: "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { add } from './math';\ntest('hidden adds zero', () => assert.equal(add(0, 0), 0));\n" }],
};
