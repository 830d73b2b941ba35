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

/** Vitest-style (imports "vitest") and Jest-style (globals) TypeScript tests, run by the node:test runner. */
export const VITEST_STYLE_SUITE = {
  files: [
    { path: "src/stack.ts", content: "export class Stack<T> {\n  private items: T[] = [];\n  push(item: T): void {\n    this.items.push(item);\n  }\n  pop(): T | undefined {\n    return this.items.pop();\n  }\n  get size(): number {\n    return this.items.length;\n  }\n}\n" },
    {
      path: "src/stack.test.ts",
      content: [
        "import { describe, it, expect, vi, beforeEach } from 'vitest';",
        "import { Stack } from './stack';",
        "",
        "describe('Stack', () => {",
        "  let stack: Stack<number>;",
        "  beforeEach(() => { stack = new Stack(); });",
        "  it('pops what was pushed last', () => { stack.push(1); stack.push(2); console.log('popping'); expect(stack.pop()).toBe(2); });",
        "  it.each([[1], [3]])('counts %i pushes', (n) => { for (let i = 0; i < n; i++) stack.push(i); expect(stack.size).toBe(n); });",
        "  it('calls back', () => { const seen = vi.fn(); [1, 2].forEach((x) => seen(x)); expect(seen).toHaveBeenCalledTimes(2); expect(seen).toHaveBeenLastCalledWith(2); });",
        "  it('is wrong on purpose', () => { stack.push(1); expect({ top: stack.pop() }).toEqual({ top: 2 }); });",
        "  it.skip('is skipped', () => { expect(true).toBe(false); });",
        "});",
        "",
      ].join("\n"),
    },
    {
      path: "src/stack.spec.ts",
      content: [
        "import { Stack } from './stack';",
        "",
        "describe('Jest globals', () => {",
        "  test('resolves', async () => { await expect(Promise.resolve(new Stack().size)).resolves.toBe(0); });",
        "  it('calls done', (done) => { setTimeout(() => { expect(new Stack().pop()).toBeUndefined(); done(); }, 1); });",
        "  it('spies', () => { const stack = new Stack<number>(); const spy = jest.spyOn(stack, 'push'); stack.push(5); expect(spy).toHaveBeenCalledWith(5); });",
        "});",
        "",
      ].join("\n"),
    },
  ],
  hidden: [{ path: "src/hidden.test.ts", content: "import { expect, test } from '@jest/globals';\nimport { Stack } from './stack';\ntest('hidden: an empty stack pops undefined', () => expect(new Stack().pop()).toBeUndefined());\n" }],
};
