import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FileChangeEvent } from "../api/schemas.ts";
import { isSandboxError, type SandboxErrorCode } from "../errors.ts";
import type { PtySession, SandboxProvider } from "../provider.ts";
import { PYTHON_SUITE, TYPESCRIPT_SUITE, VITEST_STYLE_SUITE } from "./fixtures.ts";

// The behaviour every SandboxProvider must have, as a vitest suite. Call it from a test file
// with a function that starts the provider under test:
//   describeProviderContract("local", async () => ({ provider, cleanup }));

export interface ContractTarget {
  provider: SandboxProvider;
  cleanup(): Promise<void>;
}

export interface ContractOptions {
  /** A reason to skip the whole suite (e.g. "MODAL_TOKEN_ID is not set"). */
  skip?: string;
  /** Per-test timeout; remote providers need more. */
  timeoutMs?: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export async function expectSandboxError(promise: Promise<unknown>, code: SandboxErrorCode): Promise<void> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(isSandboxError(error), `expected a SandboxError ${code}, got ${String(error)}`).toBe(true);
  expect((error as { code: string }).code).toBe(code);
}

export function describeProviderContract(name: string, start: () => Promise<ContractTarget>, options: ContractOptions = {}): void {
  const suite = options.skip ? describe.skip : describe;
  suite(`${name} provider contract${options.skip ? ` (skipped: ${options.skip})` : ""}`, { timeout: options.timeoutMs ?? 30_000 }, () => {
    let target: ContractTarget;
    const created: string[] = [];
    const provider = () => target.provider;
    const createWorkspace = async (language: "python" | "typescript" | "javascript", files: { path: string; content: string }[]) => {
      const info = await provider().createWorkspace({ language, files });
      created.push(info.id);
      return info.id;
    };

    beforeAll(async () => {
      target = await start();
    }, 120_000);
    afterAll(async () => {
      if (!target) return;
      for (const id of created) await provider().destroyWorkspace(id).catch(() => undefined);
      await target.cleanup();
    }, 120_000);

    it("creates a workspace from files and lists them with sizes and modification times", async () => {
      const id = await createWorkspace("python", [
        { path: "main.py", content: "print('hi')\n" },
        { path: "pkg/util.py", content: "X = 1\n" },
      ]);
      const info = await provider().getWorkspace(id);
      expect(info).toMatchObject({ id, language: "python", status: "active" });
      const files = await provider().listFiles(id);
      expect(files.map((f) => f.path).sort()).toEqual(["main.py", "pkg", "pkg/util.py"]);
      expect(files.find((f) => f.path === "main.py")).toMatchObject({ type: "file", size: 12 });
      expect(files.find((f) => f.path === "pkg")?.type).toBe("directory");
      expect(files.every((f) => f.mtimeMs > 0)).toBe(true);
    });

    it("reads back text and binary content byte for byte", async () => {
      const id = await createWorkspace("python", []);
      const binary = new Uint8Array([0, 255, 1, 128, 10, 13]);
      await provider().writeFile(id, "data/blob.bin", binary);
      await provider().writeFile(id, "notes.txt", encoder.encode("héllo ✓\n"));
      expect((await provider().readFile(id, "data/blob.bin")).content).toEqual(binary);
      expect(decoder.decode((await provider().readFile(id, "notes.txt")).content)).toBe("héllo ✓\n");
    });

    it("writes, renames and deletes files and directories", async () => {
      const id = await createWorkspace("python", [{ path: "a.py", content: "A = 1\n" }]);
      await provider().writeFile(id, "deep/er/b.py", encoder.encode("B = 2\n"));
      await provider().renameFile(id, "a.py", "moved/a.py");
      await expectSandboxError(provider().readFile(id, "a.py"), "FILE_NOT_FOUND");
      expect(decoder.decode((await provider().readFile(id, "moved/a.py")).content)).toBe("A = 1\n");
      await expectSandboxError(provider().renameFile(id, "moved/a.py", "deep/er/b.py"), "ALREADY_EXISTS");
      await provider().deleteFile(id, "deep");
      expect((await provider().listFiles(id)).map((f) => f.path).sort()).toEqual(["moved", "moved/a.py"]);
    });

    it("rejects paths outside the workspace and changes nothing", async () => {
      const id = await createWorkspace("python", [{ path: "a.py", content: "A = 1\n" }]);
      const before = await provider().listFiles(id);
      for (const bad of ["../escape.py", "/etc/passwd", "a/../../b", "", "x//y"]) {
        await expectSandboxError(provider().writeFile(id, bad, encoder.encode("x")), "INVALID_PATH");
        await expectSandboxError(provider().readFile(id, bad), "INVALID_PATH");
      }
      await expectSandboxError(provider().deleteFile(id, "../a.py"), "INVALID_PATH");
      await expectSandboxError(provider().renameFile(id, "a.py", "../a.py"), "INVALID_PATH");
      expect(await provider().listFiles(id)).toEqual(before);
    });

    it("reports unknown workspaces and snapshots as not found", async () => {
      await expectSandboxError(provider().getWorkspace("ws_aaaaaaaaaaaaaaaaaaaaaaaa"), "WORKSPACE_NOT_FOUND");
      await expectSandboxError(provider().listFiles("../../etc"), "WORKSPACE_NOT_FOUND");
      const id = await createWorkspace("python", []);
      await expectSandboxError(provider().restoreWorkspace(id, "snap_aaaaaaaaaaaaaaaaaaaaaaaa"), "SNAPSHOT_NOT_FOUND");
    });

    it("runs a command with stdin and reports stdout, stderr and the exit code", async () => {
      const id = await createWorkspace("python", [{ path: "echo.py", content: "import sys\nd = sys.stdin.read()\nprint(d.upper())\nprint('err', file=sys.stderr)\nsys.exit(3)\n" }]);
      const result = await provider().exec(id, { command: ["python3", "echo.py"], stdin: "quiet" });
      expect(result).toMatchObject({ exitCode: 3, termination: "exited", stdout: "QUIET\n", stderr: "err\n", stdoutTruncated: false });
      const shell = await provider().exec(id, { command: "pwd && echo made > made.txt" });
      expect(shell.stdout.trim()).toBe("/workspace");
      expect(decoder.decode((await provider().readFile(id, "made.txt")).content)).toBe("made\n");
    });

    it("starts commands with the caller's variables but without the service's environment", async () => {
      const canary = `canary-${Math.random().toString(36).slice(2)}`;
      process.env.INTERVIEWLM_CONTRACT_CANARY = canary;
      try {
        const id = await createWorkspace("python", []);
        const result = await provider().exec(id, { command: "env; cat /proc/1/environ 2>/dev/null", env: { GREETING: "hello" } });
        expect(result.stdout).toContain("GREETING=hello");
        expect(result.stdout).not.toContain(canary);
        expect(result.stdout).not.toContain("INTERVIEWLM_CONTRACT_CANARY");
      } finally {
        delete process.env.INTERVIEWLM_CONTRACT_CANARY;
      }
    });

    it("stops a command at its timeout and reports the timeout", async () => {
      const id = await createWorkspace("python", []);
      const result = await provider().exec(id, { command: "echo started; sleep 30", timeoutMs: 1000 });
      expect(result.termination).toBe("timeout");
      expect(result.stdout).toBe("started\n");
    });

    it("caps output and reports the output limit", async () => {
      const id = await createWorkspace("python", []);
      const result = await provider().exec(id, { command: "yes interviewlm", timeoutMs: 10_000 });
      expect(result.termination).toBe("output_limit");
      expect(result.stdoutTruncated).toBe(true);
    });

    it("runs Python tests with a result per test", async () => {
      const id = await createWorkspace("python", PYTHON_SUITE.files);
      const run = await provider().runTests(id, {});
      expect(run.status).toBe("failed");
      expect(run.totals).toEqual({ total: 5, passed: 3, failed: 2, errored: 0, skipped: 0 });
      const byName = new Map(run.tests.map((t) => [t.name, t]));
      expect(byName.get("test_add_small")).toMatchObject({ status: "passed", file: "tests/test_calc.py", output: "adding\n", hidden: false });
      expect(byName.get("test_add_wrong")?.message).toContain("expected 5");
      expect(byName.get("test_raises")?.message).toContain("ValueError");
      expect(run.tests.every((t) => t.durationMs >= 0)).toBe(true);
    });

    it("runs hidden tests without ever writing them into the workspace", async () => {
      const id = await createWorkspace("python", PYTHON_SUITE.files);
      const run = await provider().runTests(id, { hiddenTests: PYTHON_SUITE.hidden });
      const hidden = run.tests.filter((t) => t.hidden);
      expect(hidden.map((t) => t.name)).toEqual(["test_hidden_negative"]);
      expect(hidden[0]?.status).toBe("passed");
      const paths = (await provider().listFiles(id)).map((f) => f.path);
      expect(paths).not.toContain("tests/test_hidden.py");
      const look = await provider().exec(id, { command: "grep -rl hidden_negative /workspace /tmp 2>/dev/null; ls /run/interviewlm 2>/dev/null; true" });
      expect(look.stdout).toBe("");
    });

    it("runs TypeScript tests and reports a syntax error as compile_error", async () => {
      const id = await createWorkspace("typescript", TYPESCRIPT_SUITE.files);
      const run = await provider().runTests(id, {});
      expect(run.status).toBe("failed");
      expect(run.totals).toMatchObject({ total: 5, passed: 4, failed: 1 });
      expect(run.tests.find((t) => t.name === "math > adds")).toMatchObject({ status: "passed", file: "src/math.test.ts", output: "adding\n" });
      expect(run.tests.find((t) => t.status === "failed")?.message).toContain("3 !== 4");
      await provider().writeFile(id, "src/math.ts", encoder.encode("export const add = (a: number, b: number) => a + ;\n"));
      const broken = await provider().runTests(id, {});
      expect(broken.status).toBe("compile_error");
      expect(broken.compileOutput).toContain("src/math.ts");
    });

    it("runs Vitest- and Jest-style TypeScript tests with a result per test, hidden ones too", async () => {
      const id = await createWorkspace("typescript", VITEST_STYLE_SUITE.files);
      const run = await provider().runTests(id, { hiddenTests: VITEST_STYLE_SUITE.hidden });
      expect(run.status).toBe("failed");
      const byName = Object.fromEntries(run.tests.map((t) => [t.name, t]));
      expect(byName["Stack > pops what was pushed last"]).toMatchObject({ status: "passed", file: "src/stack.test.ts", output: "popping\n" });
      for (const name of ["Stack > counts 1 pushes", "Stack > counts 3 pushes", "Stack > calls back", "Jest globals > resolves", "Jest globals > calls done", "Jest globals > spies"]) {
        expect(byName[name]?.status, name).toBe("passed");
      }
      expect(byName["Stack > is wrong on purpose"]).toMatchObject({ status: "failed", file: "src/stack.test.ts" });
      expect(byName["Stack > is wrong on purpose"]?.message).toMatch(/toEqual[\s\S]*- Expected[\s\S]*"top": 2,[\s\S]*\+ {3}"top": 1,/);
      expect(byName["Stack > is skipped"]?.status).toBe("skipped");
      expect(byName["hidden: an empty stack pops undefined"]).toMatchObject({ status: "passed", hidden: true });
      expect(run.totals).toMatchObject({ total: 10, passed: 8, failed: 1, skipped: 1 });
    });

    it("runs JavaScript tests", async () => {
      const id = await createWorkspace("javascript", [
        { path: "sum.js", content: "export const sum = (xs) => xs.reduce((a, b) => a + b, 0);\n" },
        { path: "sum.test.js", content: "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { sum } from './sum.js';\ntest('sums', () => assert.equal(sum([1, 2, 3]), 6));\n" },
      ]);
      const run = await provider().runTests(id, {});
      expect(run).toMatchObject({ status: "passed", totals: { total: 1, passed: 1 } });
    });

    it("reports a Python syntax error as compile_error and a hanging test as timeout", async () => {
      const id = await createWorkspace("python", [
        { path: "solution.py", content: "def broken(:\n    pass\n" },
        { path: "test_solution.py", content: "from solution import broken\n\ndef test_it():\n    assert broken\n" },
      ]);
      const broken = await provider().runTests(id, {});
      expect(broken.status).toBe("compile_error");
      expect(broken.compileOutput).toContain("SyntaxError");
      await provider().writeFile(id, "solution.py", encoder.encode("def broken():\n    while True:\n        pass\n"));
      await provider().writeFile(id, "test_solution.py", encoder.encode("from solution import broken\n\ndef test_it():\n    broken()\n"));
      const hanging = await provider().runTests(id, { timeoutMs: 1500 });
      expect(hanging.status).toBe("timeout");
    });

    it("snapshots a workspace and restores it", async () => {
      const id = await createWorkspace("python", [{ path: "a.py", content: "A = 1\n" }]);
      const snapshot = await provider().snapshotWorkspace(id);
      expect(snapshot.workspaceId).toBe(id);
      await provider().writeFile(id, "a.py", encoder.encode("A = 2\n"));
      await provider().writeFile(id, "b.py", encoder.encode("B = 1\n"));
      await provider().restoreWorkspace(id, snapshot.id);
      expect(decoder.decode((await provider().readFile(id, "a.py")).content)).toBe("A = 1\n");
      expect((await provider().listFiles(id)).map((f) => f.path)).toEqual(["a.py"]);
    });

    it("opens a terminal that runs commands, resizes and reports its exit", async () => {
      const id = await createWorkspace("python", [{ path: "hello.txt", content: "from the workspace\n" }]);
      const pty = await provider().openPty(id, { cols: 80, rows: 24 });
      const output = collect(pty);
      pty.write("cat hello.txt\r");
      await output.waitFor(/from the workspace/);
      pty.resize(100, 40);
      // A remote provider applies the resize asynchronously: ask the terminal for its size until
      // it answers with the new one, waiting for each answer rather than for a fixed time.
      let size = "";
      for (let ask = 1; size !== "40 100"; ask++) {
        if (ask > 50) throw new Error(`the terminal still says it is ${size} (rows cols) after resizing to 40 100`);
        pty.write(`echo size-${ask}=$(stty size)\r`);
        size = (await output.waitFor(new RegExp(`size-${ask}=\\d+ \\d+`))).split("=")[1]!;
      }
      const exit = new Promise((resolve) => pty.onExit(resolve));
      pty.write("exit 7\r");
      expect(await exit).toMatchObject({ exitCode: 7 });
    });

    it("streams changes made inside the sandbox as file events", async () => {
      const id = await createWorkspace("python", [{ path: "old.txt", content: "x\n" }]);
      const controller = new AbortController();
      const seen: FileChangeEvent[] = [];
      const changes = await provider().watch(id, { signal: controller.signal });
      const done = (async () => {
        for await (const batch of changes) {
          seen.push(...batch);
          if (seen.some((e) => e.path === "old.txt" && e.kind === "deleted") && seen.some((e) => e.path === "new.txt" && e.kind === "created")) break;
        }
      })();
      await provider().exec(id, { command: "echo y > new.txt && rm old.txt" });
      await Promise.race([done, new Promise((_, reject) => setTimeout(() => reject(new Error(`no events, saw ${JSON.stringify(seen)}`)), 10_000))]);
      controller.abort();
      expect(seen).toEqual(expect.arrayContaining([expect.objectContaining({ path: "new.txt", kind: "created" }), expect.objectContaining({ path: "old.txt", kind: "deleted" })]));
    });

    it("keeps files across suspend and resume", async () => {
      const id = await createWorkspace("python", [{ path: "keep.py", content: "K = 1\n" }]);
      await provider().exec(id, { command: "echo made-in-sandbox > made.txt" });
      await provider().suspendWorkspace(id);
      expect((await provider().getWorkspace(id)).status).toBe("suspended");
      expect((await provider().resumeWorkspace(id)).status).toBe("active");
      expect(decoder.decode((await provider().readFile(id, "made.txt")).content)).toBe("made-in-sandbox\n");
      expect(decoder.decode((await provider().readFile(id, "keep.py")).content)).toBe("K = 1\n");
    });

    it("recreates a lost workspace under the id its users know, and only a lost one", async () => {
      const id = await createWorkspace("python", [{ path: "a.py", content: "A = 1\n" }]);
      await expectSandboxError(provider().createWorkspace({ language: "python", files: [] }, { id }), "ALREADY_EXISTS");
      await expectSandboxError(provider().createWorkspace({ language: "python", files: [] }, { id: "../../etc" }), "INVALID_REQUEST");
      await provider().destroyWorkspace(id);
      const again = await provider().createWorkspace({ language: "python", files: [{ path: "a.py", content: "A = 2\n" }] }, { id });
      expect(again).toMatchObject({ id, status: "active" });
      expect((await provider().exec(id, { command: "python3 -c 'import a; print(a.A)'" })).stdout).toBe("2\n");
    });

    it("destroys a workspace", async () => {
      const id = await createWorkspace("python", [{ path: "a.py", content: "A = 1\n" }]);
      await provider().destroyWorkspace(id);
      await expectSandboxError(provider().getWorkspace(id), "WORKSPACE_NOT_FOUND");
      await expectSandboxError(provider().exec(id, { command: "true" }), "WORKSPACE_NOT_FOUND");
    });
  });
}

/** Accumulates terminal output and waits for a pattern to appear. */
export function collect(pty: PtySession): { text(): string; waitFor(pattern: RegExp, timeoutMs?: number): Promise<string> } {
  let text = "";
  const waiters = new Set<() => void>();
  pty.onData((data) => {
    text += data;
    for (const waiter of waiters) waiter();
  });
  return {
    text: () => text,
    waitFor: (pattern, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(text);
          if (!match) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(match[0]);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`terminal never printed ${pattern}; got ${JSON.stringify(text.slice(-500))}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
  };
}
