import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestRunResult } from "../api/schemas.ts";
import { SECRET_RUN_MESSAGES } from "../secret-tests/secret-result.ts";
import type { ContractOptions, ContractTarget } from "./provider-contract.ts";

// Runs whose injected tests are secret (RunTestsRequest.secretTests, a RESULTS_ONLY interview):
// the candidate's code runs in the same process as those tests and does everything it can to
// get their source out — prints it, writes it into the workspace, renames tests after it,
// fails with it, forges runner events carrying it. The result may hold only the test ids
// derived from the injected files, statuses, coarse durations and the service's own words.

const decoder = new TextDecoder();
const canary = () => `SECRET-${Math.random().toString(36).slice(2, 10)}-SOURCE`;

/** Every spelling of the canary a leak could use. */
function encodings(secret: string): string[] {
  const bytes = Buffer.from(secret);
  return [secret, bytes.toString("hex"), bytes.toString("base64"), bytes.toString("base64url"), [...secret].reverse().join("")];
}

const PYTHON_SECRET_TESTS = (secret: string) => [
  "import pytest",
  "from solution import double",
  "",
  `SECRET = "${secret}"`,
  "",
  "def test_doubles():",
  "    assert double(2) == 4",
  "",
  "def test_doubles_negative():",
  `    assert double(-3) == -6, "${secret}"`,
  "",
  "class TestGroup:",
  "    def test_zero(self):",
  "        assert double(0) == 0",
  "",
  '@pytest.mark.parametrize("n", [1, 2, 3])',
  "def test_many(n):",
  "    assert double(n) == n * 2",
  "",
].join("\n");

// conftest.py is imported by pytest before the tests: the most direct way in.
const MALICIOUS_CONFTEST = [
  "import base64, glob, json, os, sys",
  "",
  "def _secret():",
  "    found = ''",
  "    for root in ('/workspace', os.getcwd(), '/run', '/tmp'):",
  "        for path in glob.glob(root + '/**/*', recursive=True):",
  "            try:",
  "                text = open(path).read()",
  "            except Exception:",
  "                continue",
  "            if 'SECRET-' in text and 'SOURCE' in text and 'conftest' not in path:",
  "                found = text[text.index('SECRET-'):text.index('SOURCE') + 6]",
  "    return found",
  "",
  "S = _secret()",
  "LEAKS = [S, S.encode().hex(), base64.b64encode(S.encode()).decode(), S[::-1]]",
  "print('stdout:', *LEAKS)",
  "print('stderr:', *LEAKS, file=sys.stderr)",
  "for target in ('/workspace/leak.txt', '/run/interviewlm/source/leak.txt', os.path.join(os.getcwd(), 'leak.txt')):",
  "    try:",
  "        open(target, 'w').write(' '.join(LEAKS))",
  "    except Exception:",
  "        pass",
  "",
  "def _forge():",
  "    for fd in range(3, 64):",
  "        try:",
  "            os.write(fd, (json.dumps({'event': 'test', 'name': 'leak ' + S, 'file': 'tests/test_secret.py', 'status': 'failed',",
  "                                      'message': S, 'details': S, 'output': S, 'durationMs': 1234.5678}) + '\\n').encode())",
  "        except OSError:",
  "            pass",
  "",
  "def pytest_collection_modifyitems(items):",
  "    for item in items:",
  "        item._nodeid = item._nodeid + '[' + S + ']'",
  "        item.name = item.name + S",
  "",
  "def pytest_runtest_logreport(report):",
  "    report.nodeid = report.nodeid + S",
  "    report.sections.append(('leak', S))",
  "    _forge()",
  "",
  "def pytest_sessionfinish(session, exitstatus):",
  "    _forge()",
  "    print(S)",
  "",
].join("\n");

const TYPESCRIPT_SECRET_TESTS = (secret: string) => [
  "import { describe, it, test } from 'node:test';",
  "import assert from 'node:assert/strict';",
  "import { double } from './solution';",
  "",
  `const SECRET = "${secret}";`,
  "",
  "describe('double', () => {",
  "  it('doubles', () => assert.equal(double(2), 4));",
  "  it('doubles negatives', () => assert.equal(double(-3), -6, SECRET));",
  "});",
  "for (const n of [1, 2, 3]) test(`doubles ${n}`, () => assert.equal(double(n), n * 2));",
  "test('keeps zero', () => assert.equal(double(0), 0));",
  "",
].join("\n");

// The module under test: node runs it in the same process as the tests and the reporter.
const MALICIOUS_SOLUTION = [
  "import fs from 'node:fs';",
  "import path from 'node:path';",
  "import { test } from 'node:test';",
  "",
  "function find(dir: string): string {",
  "  let found = '';",
  "  let entries: string[] = [];",
  "  try { entries = fs.readdirSync(dir); } catch { return ''; }",
  "  for (const name of entries) {",
  "    const full = path.join(dir, name);",
  "    try {",
  "      if (fs.statSync(full).isDirectory()) { found ||= find(full); continue; }",
  "      const text = fs.readFileSync(full, 'utf8');",
  "      if (!full.includes('solution') && text.includes('SECRET-')) found = text.slice(text.indexOf('SECRET-'), text.indexOf('SOURCE') + 6);",
  "    } catch {}",
  "  }",
  "  return found;",
  "}",
  "const S = find('/workspace') || find(process.cwd()) || find('/tmp');",
  "const LEAKS = [S, Buffer.from(S).toString('hex'), Buffer.from(S).toString('base64'), [...S].reverse().join('')];",
  "console.log('stdout:', ...LEAKS);",
  "console.error('stderr:', ...LEAKS);",
  "for (const target of ['/workspace/leak.txt', '/run/interviewlm/source/leak.txt', path.join(process.cwd(), 'src/leak.txt')]) {",
  "  try { fs.writeFileSync(target, LEAKS.join(' ')); } catch {}",
  "}",
  "const forged = JSON.stringify({ event: 'test', name: 'leak ' + S, file: 'src/secret.test.ts', status: 'failed', message: S, details: S, output: S, durationMs: 1234.5678 }) + '\\n';",
  "fs.writeSync(3, forged); // the reporter's result pipe (other descriptors are node's own: writing there crashes it)",
  "test('leak ' + S, () => { throw new Error(S); });",
  "test('doubles', () => { throw new Error(S); });",
  "export function double(n: number): number {",
  "  if (n === -3) throw new Error('failing with ' + LEAKS.join(' '));",
  "  return n * 2;",
  "}",
  "",
].join("\n");

const COARSE_DURATIONS = new Set([0, ...[1, 10, 100, 1000, 10_000, 100_000].flatMap((scale) => [scale, 2 * scale, 5 * scale])]);

function expectNothingLeaked(result: TestRunResult, secret: string): void {
  const text = JSON.stringify(result);
  for (const spelling of encodings(secret)) expect(text, `the result carries "${spelling}"`).not.toContain(spelling);
  expect(result).toMatchObject({ stdout: "", stderr: "", compileOutput: null, exitCode: null });
  const allowed = new Set<string | null>([null, ...Object.values(SECRET_RUN_MESSAGES)]);
  for (const test of result.tests) {
    expect(test).toMatchObject({ output: "", details: null, hidden: true });
    expect(allowed.has(test.message), `message "${test.message}" is not one of the service's own`).toBe(true);
    // Durations come from the test process: only a coarse 1-2-5 series gets through.
    expect(COARSE_DURATIONS.has(test.durationMs), `duration ${test.durationMs}`).toBe(true);
  }
}

export function describeSecretTestsContract(name: string, start: () => Promise<ContractTarget>, options: ContractOptions = {}): void {
  const suite = options.skip ? describe.skip : describe;
  suite(`${name} provider: secret injected tests${options.skip ? ` (skipped: ${options.skip})` : ""}`, { timeout: options.timeoutMs ?? 60_000 }, () => {
    let target: ContractTarget;
    const created: string[] = [];
    const provider = () => target.provider;
    const createWorkspace = async (language: "python" | "typescript", files: { path: string; content: string }[]) => {
      const info = await provider().createWorkspace({ language, files });
      created.push(info.id);
      return info.id;
    };
    const workspaceText = async (id: string) => {
      const texts: string[] = [];
      for (const entry of await provider().listFiles(id)) {
        if (entry.type === "file") texts.push(entry.path, decoder.decode((await provider().readFile(id, entry.path)).content));
      }
      return texts.join("\n");
    };

    beforeAll(async () => {
      target = await start();
    }, 120_000);
    afterAll(async () => {
      if (!target) return;
      for (const id of created) await provider().destroyWorkspace(id).catch(() => undefined);
      await target.cleanup();
    }, 120_000);

    it("reports Python test ids from the injected file and statuses, and nothing a malicious conftest.py adds", async () => {
      const secret = canary();
      const id = await createWorkspace("python", [
        { path: "solution.py", content: "def double(n):\n    return n * 2 if n != -3 else 0\n" },
        { path: "conftest.py", content: MALICIOUS_CONFTEST },
        // The candidate's own tests do not run in a secret run: they would be one more way out.
        { path: "test_mine.py", content: "from conftest import S\n\ndef test_leak():\n    print(S)\n    assert False, S\n" },
      ]);
      const before = await provider().listFiles(id);
      const result = await provider().runTests(id, { hiddenTests: [{ path: "tests/test_secret.py", content: PYTHON_SECRET_TESTS(secret) }], secretTests: true });

      expectNothingLeaked(result, secret);
      // The hooks can change which statuses are reported (a few bits per test), not what is named.
      expect(result.tests.map((t) => [t.name, t.file])).toEqual([
        ["test_doubles", "tests/test_secret.py"],
        ["test_doubles_negative", "tests/test_secret.py"],
        ["TestGroup > test_zero", "tests/test_secret.py"],
        ["test_many", "tests/test_secret.py"],
      ]);
      expect(result.totals.total).toBe(4);
      // Whatever the run wrote went to its scratch copy, not into the candidate's workspace.
      expect((await provider().listFiles(id)).map((f) => f.path)).toEqual(before.map((f) => f.path));
      const files = await workspaceText(id);
      for (const spelling of encodings(secret)) expect(files).not.toContain(spelling);
    });

    it("reports TypeScript test ids from the injected file and statuses, and nothing the candidate's module adds", async () => {
      const secret = canary();
      const id = await createWorkspace("typescript", [
        { path: "src/solution.ts", content: MALICIOUS_SOLUTION },
        { path: "src/mine.test.ts", content: "import { test } from 'node:test';\nimport { double } from './solution';\ntest('mine', () => { double(1); });\n" },
      ]);
      const before = await provider().listFiles(id);
      const result = await provider().runTests(id, { hiddenTests: [{ path: "src/secret.test.ts", content: TYPESCRIPT_SECRET_TESTS(secret) }], secretTests: true });

      expectNothingLeaked(result, secret);
      expect(result.tests.map((t) => [t.name, t.file, t.status])).toEqual([
        ["double > doubles", "src/secret.test.ts", "passed"],
        ["double > doubles negatives", "src/secret.test.ts", "failed"],
        ["doubles …", "src/secret.test.ts", "passed"],
        ["keeps zero", "src/secret.test.ts", "passed"],
      ]);
      expect(result.status).toBe("failed");
      expect((await provider().listFiles(id)).map((f) => f.path)).toEqual(before.map((f) => f.path));
      const files = await workspaceText(id);
      for (const spelling of encodings(secret)) expect(files).not.toContain(spelling);
    });

    it("passes an honest solution, and says so without any output", async () => {
      const secret = canary();
      const id = await createWorkspace("python", [{ path: "solution.py", content: "def double(n):\n    print('computing', n)\n    return n * 2\n" }]);
      const result = await provider().runTests(id, { hiddenTests: [{ path: "tests/test_secret.py", content: PYTHON_SECRET_TESTS(secret) }], secretTests: true });
      expectNothingLeaked(result, secret);
      expect(result).toMatchObject({ status: "passed", summary: "4 passed", totals: { total: 4, passed: 4 } });
    });

    it("names tests that never reported, and keeps the verdict of a broken solution without its output", async () => {
      const secret = canary();
      const id = await createWorkspace("python", [{ path: "solution.py", content: `def double(n):\n    raise SystemExit("${secret}")\n` }]);
      const run = await provider().runTests(id, { hiddenTests: [{ path: "tests/test_secret.py", content: PYTHON_SECRET_TESTS(secret) }], secretTests: true });
      expectNothingLeaked(run, secret);
      expect(run.tests.map((t) => t.name)).toEqual(["test_doubles", "test_doubles_negative", "TestGroup > test_zero", "test_many"]);
      expect(run.status).not.toBe("passed");

      await provider().writeFile(id, "solution.py", new TextEncoder().encode(`def double(n:\n    "${secret}"\n`));
      const broken = await provider().runTests(id, { hiddenTests: [{ path: "tests/test_secret.py", content: PYTHON_SECRET_TESTS(secret) }], secretTests: true });
      expectNothingLeaked(broken, secret);
      expect(broken.status).toBe("compile_error");
      expect(broken.tests.every((t) => t.status === "error" && t.message === SECRET_RUN_MESSAGES.noResult)).toBe(true);
    });
  });
}
