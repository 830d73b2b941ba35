// Runs INSIDE the sandbox, bundled into one file (./bundle.ts) because the sandbox has no
// node_modules: the `vitest` and `@jest/globals` APIs (describe / it / expect / vi / jest …) on
// top of node:test, so Vitest- and Jest-style TypeScript tests run with the same runner and
// reporter — per-test results — as node:test files. `expect` is Jest's own (the `expect`
// package, which Vitest's matchers follow) and mocks are `jest-mock`. Not provided: snapshots,
// module mocking (vi.mock), concurrency (concurrent tests run one at a time), `.only` (every
// test runs). See docs/decisions/0150-vitest-style-tests.md.
import * as nodeTest from "node:test";
import { expect as jestExpect } from "expect";
import { ModuleMocker } from "jest-mock";

/* eslint-disable @typescript-eslint/no-explicit-any -- a test API takes whatever tests pass it */
type AnyFunction = (...args: any[]) => any;
type Options = { timeout?: number; skip?: boolean | string; todo?: boolean | string };
type Style = "vitest" | "jest";

const UNSUPPORTED_SNAPSHOT = "snapshot tests are not supported in this sandbox: compare with toEqual / toStrictEqual instead";

jestExpect.extend({
  toMatchSnapshot: () => {
    throw new Error(UNSUPPORTED_SNAPSHOT);
  },
  toMatchInlineSnapshot: () => {
    throw new Error(UNSUPPORTED_SNAPSHOT);
  },
  toMatchFileSnapshot: () => {
    throw new Error(UNSUPPORTED_SNAPSHOT);
  },
  toThrowErrorMatchingSnapshot: () => {
    throw new Error(UNSUPPORTED_SNAPSHOT);
  },
  // Vitest's own matchers beyond Jest's.
  toHaveBeenCalledOnce(this: any, received: any) {
    const calls = received?.mock?.calls?.length;
    if (typeof calls !== "number") return { pass: false, message: () => "expected a mock function (vi.fn / vi.spyOn)" };
    return { pass: calls === 1, message: () => `expected the mock ${this.isNot ? "not " : ""}to be called once, but it was called ${calls} times` };
  },
  toBeTypeOf(this: any, received: unknown, type: string) {
    const actual = received === null ? "object" : typeof received;
    return { pass: actual === type, message: () => `expected ${this.utils.printReceived(received)} ${this.isNot ? "not " : ""}to be of type ${type}, got ${actual}` };
  },
  toSatisfy(this: any, received: unknown, predicate: (value: unknown) => boolean) {
    return { pass: Boolean(predicate(received)), message: () => `expected ${this.utils.printReceived(received)} ${this.isNot ? "not " : ""}to satisfy the predicate` };
  },
  toBeOneOf(this: any, received: unknown, options: unknown[]) {
    return { pass: options.some((option) => this.equals(received, option)), message: () => `expected ${this.utils.printReceived(received)} ${this.isNot ? "not " : ""}to be one of ${this.utils.printExpected(options)}` };
  },
});

export const expect = jestExpect;

// ───────────────────────────── tests and suites ─────────────────────────────

// node:test names the file of a test after the caller of its test() — here, this module. The
// reporter asks instead for the file that called describe / it, recorded at definition in
// per-name queues: tests report in definition order, so same-named tests stay paired.
const definedIn = new Map<string, (string | null)[]>();
(globalThis as any).__interviewlmTakeTestFile = (name: string): string | null => definedIn.get(name)?.shift() ?? null;

function recordDefinition(name: string): void {
  const queue = definedIn.get(name) ?? [];
  queue.push(callerWorkspaceFile());
  definedIn.set(name, queue);
}

/** The first stack frame in the workspace (the runner's working directory), source-mapped to the test file. */
function callerWorkspaceFile(): string | null {
  const root = `${process.cwd()}/`;
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 40;
  const stack = new Error().stack ?? "";
  Error.stackTraceLimit = limit;
  for (const line of stack.split("\n").slice(1)) {
    const match = /(?:\(|at )(?:file:\/\/)?(\/[^()]+?):\d+:\d+\)?$/.exec(line.trim());
    const file = match ? decodeURIComponent(match[1]!) : null;
    if (file?.startsWith(root)) return file.slice(root.length);
  }
  return null;
}

/** `it(name, fn, timeout)`, `it(name, options, fn)` and `it(name, fn, options)`, as Vitest and Jest accept them. */
function splitArgs(second: unknown, third: unknown): { fn: AnyFunction | undefined; options: Options } {
  if (typeof second === "function") return { fn: second as AnyFunction, options: typeof third === "number" ? { timeout: third } : ((third as Options | undefined) ?? {}) };
  if (typeof third === "function") return { fn: third as AnyFunction, options: typeof second === "number" ? { timeout: second } : ((second as Options | undefined) ?? {}) };
  return { fn: undefined, options: {} };
}

/** Calls a test or hook function the way its framework would: Jest passes `done` to a function that declares it, Vitest passes a context. */
async function callStyled(fn: AnyFunction, style: Style, context: () => unknown): Promise<void> {
  if (style === "jest" && fn.length > 0) {
    await new Promise<void>((resolve, reject) => {
      const done = (error?: unknown) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve());
      done.fail = (message?: string) => reject(new Error(message ?? "failed"));
      try {
        fn(done);
      } catch (error) {
        reject(error);
      }
    });
    return;
  }
  await fn(style === "vitest" ? context() : undefined);
}

function testBody(fn: AnyFunction, style: Style) {
  return async (t: { name: string }) => {
    jestExpect.setState({ assertionCalls: 0, expectedAssertionsNumber: null, isExpectingAssertions: false, suppressedErrors: [], currentTestName: t.name });
    await callStyled(fn, style, () => ({ expect: jestExpect, task: { name: t.name } }));
    // expect.assertions(n) / expect.hasAssertions(): checked when the test ends, as in Jest.
    const [missing] = jestExpect.extractExpectedAssertionsErrors();
    if (missing) throw missing.error;
  };
}

/** printf-style names of `.each` rows: %s %d %i %f %j %o %O %p %#, and $key / $0 for object rows. */
export function eachName(template: string, row: unknown, index: number): string {
  const values = Array.isArray(row) ? [...row] : [row];
  let name = template.replace(/%([sdifjoOp#%])/g, (whole, kind: string) => {
    if (kind === "%") return "%";
    if (kind === "#") return String(index);
    if (values.length === 0) return whole;
    const value = values.shift();
    if (kind === "d" || kind === "i") return String(Math.trunc(Number(value)));
    if (kind === "f") return String(Number(value));
    if (kind === "s") return typeof value === "string" ? value : format(value);
    return format(value);
  });
  if (row !== null && typeof row === "object" && !Array.isArray(row)) {
    name = name.replace(/\$([A-Za-z_][\w.]*)/g, (whole, path: string) => {
      const value = path.split(".").reduce<any>((object, key) => (object == null ? undefined : object[key]), row);
      return value === undefined ? whole : typeof value === "string" ? value : format(value);
    });
  }
  return name.replace(/\$#/g, String(index));
}

function format(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "function") return `[Function ${value.name || "anonymous"}]`;
  if (typeof value === "bigint") return `${value}n`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function makeTest(style: Style, base: Options = {}) {
  const define = (name: string, second?: unknown, third?: unknown) => {
    const { fn, options } = splitArgs(second, third);
    const merged = { ...base, ...options };
    recordDefinition(String(name));
    if (!fn) return nodeTest.it(String(name), { ...merged, todo: merged.todo ?? true });
    return nodeTest.it(String(name), merged, testBody(fn, style));
  };
  return define;
}

interface TestApi {
  (name: string, second?: unknown, third?: unknown): unknown;
  skip: TestApi;
  only: TestApi;
  concurrent: TestApi;
  sequential: TestApi;
  todo: (name: string) => unknown;
  each: (table: readonly unknown[]) => (name: string, fn: AnyFunction, timeout?: number) => void;
  skipIf: (condition: unknown) => TestApi;
  runIf: (condition: unknown) => TestApi;
}

function testApi(style: Style, base: Options = {}): TestApi {
  const api = makeTest(style, base) as unknown as TestApi;
  Object.defineProperties(api, {
    skip: { get: () => testApi(style, { ...base, skip: true }) },
    // Every test runs: `.only` would hide the others from the hidden-test results.
    only: { get: () => testApi(style, base) },
    concurrent: { get: () => testApi(style, base) },
    sequential: { get: () => testApi(style, base) },
  });
  api.todo = (name: string) => {
    recordDefinition(String(name));
    return nodeTest.it(String(name), { todo: true });
  };
  api.each = (table) => (name, fn, timeout) => {
    table.forEach((row, index) => {
      const args = Array.isArray(row) ? row : [row];
      makeTest(style, base)(eachName(name, row, index), (...rest: unknown[]) => fn(...args, ...rest), timeout);
    });
  };
  api.skipIf = (condition) => testApi(style, condition ? { ...base, skip: true } : base);
  api.runIf = (condition) => testApi(style, condition ? base : { ...base, skip: true });
  return api;
}

interface SuiteApi {
  (name: string, second?: unknown, third?: unknown): unknown;
  skip: SuiteApi;
  only: SuiteApi;
  concurrent: SuiteApi;
  sequential: SuiteApi;
  todo: (name: string) => unknown;
  each: (table: readonly unknown[]) => (name: string, fn: AnyFunction) => void;
  skipIf: (condition: unknown) => SuiteApi;
  runIf: (condition: unknown) => SuiteApi;
}

function suiteApi(base: Options = {}): SuiteApi {
  const api = ((name: string, second?: unknown, third?: unknown) => {
    const { fn, options } = splitArgs(second, third);
    recordDefinition(String(name));
    return nodeTest.describe(String(name), { ...base, ...options }, () => fn?.());
  }) as unknown as SuiteApi;
  Object.defineProperties(api, {
    skip: { get: () => suiteApi({ ...base, skip: true }) },
    only: { get: () => suiteApi(base) },
    concurrent: { get: () => suiteApi(base) },
    sequential: { get: () => suiteApi(base) },
  });
  api.todo = (name: string) => {
    recordDefinition(String(name));
    return nodeTest.describe(String(name), { todo: true }, () => undefined);
  };
  api.each = (table) => (name, fn) => {
    table.forEach((row, index) => {
      const args = Array.isArray(row) ? row : [row];
      api(eachName(name, row, index), () => fn(...args));
    });
  };
  api.skipIf = (condition) => suiteApi(condition ? { ...base, skip: true } : base);
  api.runIf = (condition) => suiteApi(condition ? base : { ...base, skip: true });
  return api;
}

function hook(register: (fn: AnyFunction, options?: Options) => void, style: Style) {
  return (fn: AnyFunction, timeout?: number) => register(() => callStyled(fn, style, () => ({})), typeof timeout === "number" ? { timeout } : undefined);
}

// ───────────────────────────── mocks and timers ─────────────────────────────

const mocker = new ModuleMocker(globalThis);

/** node:test's mock timers warn that they are experimental; the warning would land in the test's output. */
function withoutExperimentalWarning(action: () => void): void {
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: any[]) => {
    const type = typeof rest[0] === "string" ? rest[0] : rest[0]?.type;
    if (type !== "ExperimentalWarning") (emitWarning as AnyFunction).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    action();
  } finally {
    process.emitWarning = emitWarning;
  }
}

function mockApi() {
  let fakeTimers = false;
  const api = {
    fn: mocker.fn.bind(mocker),
    spyOn: mocker.spyOn.bind(mocker),
    mocked: <T>(value: T) => value,
    isMockFunction: mocker.isMockFunction.bind(mocker),
    replaceProperty: mocker.replaceProperty.bind(mocker),
    clearAllMocks: () => (mocker.clearAllMocks(), api),
    resetAllMocks: () => (mocker.resetAllMocks(), api),
    restoreAllMocks: () => (mocker.restoreAllMocks(), api),
    // Fake timers are node:test's (setTimeout, setInterval, setImmediate and Date).
    useFakeTimers: () => {
      if (!fakeTimers) withoutExperimentalWarning(() => nodeTest.mock.timers.enable({ apis: ["setTimeout", "setInterval", "setImmediate", "Date"] } as any));
      fakeTimers = true;
      return api;
    },
    useRealTimers: () => {
      if (fakeTimers) nodeTest.mock.timers.reset();
      fakeTimers = false;
      return api;
    },
    advanceTimersByTime: (ms: number) => (nodeTest.mock.timers.tick(ms), api),
    runAllTimers: () => (nodeTest.mock.timers.runAll(), api),
    setSystemTime: (time: number | Date) => ((nodeTest.mock.timers as any).setTime(Number(time)), api),
    isFakeTimers: () => fakeTimers,
    mock: () => {
      throw new Error("module mocking (vi.mock / jest.mock) is not supported in this sandbox: pass the dependency in, or use vi.spyOn on the imported object");
    },
  };
  return api;
}

// ───────────────────────────── the two module faces ─────────────────────────────

/** `import { describe, it, expect, vi } from "vitest"`. */
export const vitest = {
  describe: suiteApi(),
  suite: suiteApi(),
  it: testApi("vitest"),
  test: testApi("vitest"),
  expect: jestExpect,
  beforeAll: hook(nodeTest.before, "vitest"),
  afterAll: hook(nodeTest.after, "vitest"),
  beforeEach: hook(nodeTest.beforeEach, "vitest"),
  afterEach: hook(nodeTest.afterEach, "vitest"),
  vi: mockApi(),
};

/** `import { describe, it, expect, jest } from "@jest/globals"`, and the same as globals. */
export const jest = {
  describe: suiteApi(),
  it: testApi("jest"),
  test: testApi("jest"),
  xdescribe: suiteApi({ skip: true }),
  fdescribe: suiteApi(),
  xit: testApi("jest", { skip: true }),
  xtest: testApi("jest", { skip: true }),
  fit: testApi("jest"),
  expect: jestExpect,
  beforeAll: hook(nodeTest.before, "jest"),
  afterAll: hook(nodeTest.after, "jest"),
  beforeEach: hook(nodeTest.beforeEach, "jest"),
  afterEach: hook(nodeTest.afterEach, "jest"),
  jest: mockApi(),
};
