import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LanguageId } from "../api/schemas.ts";
import type { ContractOptions, ContractTarget } from "./provider-contract.ts";
import { collect } from "./provider-contract.ts";

// The test-run behaviour every language must have, parametrised per language: per-test results
// with failure messages, hidden tests injected without entering the workspace, a compile error
// reported as such with the compiler's file and line, and a runaway test (hang, memory bomb,
// fork bomb) stopped with the right status. Each fixture is tiny so a language costs seconds.

type File = { path: string; content: string };

export interface LanguageRunFixture {
  language: LanguageId;
  /** Three tests: two pass, one (named failingTest) fails with failureMessage in its message. */
  files: File[];
  passingTest: string;
  failingTest: string;
  failureMessage: string;
  /** One hidden test file declaring a passing test named hiddenTest. */
  hidden: File[];
  hiddenTest: string;
  /** Replaces a source file so the code does not compile; compileOutput must match compileMarker (file:line). */
  broken: File;
  compileMarker: RegExp;
  /**
   * Optional, for compiled languages whose compiler can be made to eat memory: a source file that
   * replaces one of `files`, stopped as a compile error whose output matches marker.
   */
  compileBomb?: File & { marker: RegExp };
  /**
   * For languages that build before any test runs: how long the build of these files may take
   * on a busy CI machine. The hang and fork-bomb cases add it to their short limit, so the limit
   * ends in the test code — not in the compiler, which would pass them without reaching the bomb.
   */
  buildAllowanceMs?: number;
  /** Test files that replace `files`' test file: a test that never ends, one that allocates forever, one that forks forever. */
  hanging: File;
  memoryBomb: File;
  forkBomb: File;
  /** A terminal command that prints the toolchain's version, and what it prints. */
  versionCommand: string;
  versionPattern: RegExp;
  /** Optional: the language's own test command typed in the terminal, and what it prints. */
  terminalTest?: { command: string; pattern: RegExp };
}

/** A case a provider is known not to meet yet, and why: it runs as `it.fails`, so it turns red once fixed. */
export interface KnownGap {
  test: "stops a memory bomb in a test";
  why: string;
}

export function describeLanguageRunContract(
  name: string,
  fixture: LanguageRunFixture,
  start: () => Promise<ContractTarget>,
  options: ContractOptions & { knownGaps?: readonly KnownGap[] } = {},
): void {
  const suite = options.skip ? describe.skip : describe;
  const gap = (title: KnownGap["test"]) => (options.knownGaps?.some((g) => g.test === title) ? it.fails : it);
  suite(`${name} provider runs ${fixture.language} tests`, { timeout: options.timeoutMs ?? 60_000 }, () => {
    let target: ContractTarget;
    const created: string[] = [];
    const encoder = new TextEncoder();
    const workspace = async (files: File[]) => {
      const info = await target.provider.createWorkspace({ language: fixture.language, files });
      created.push(info.id);
      return info.id;
    };
    const withTestFile = (file: File) => [...fixture.files.filter((f) => f.path !== file.path), file];

    beforeAll(async () => {
      target = await start();
    }, 120_000);
    afterAll(async () => {
      if (!target) return;
      for (const id of created) await target.provider.destroyWorkspace(id).catch(() => undefined);
      await target.cleanup();
    }, 120_000);

    it("reports a result per test, with the failure's message, and hidden tests apart", async () => {
      const id = await workspace(fixture.files);
      const run = await target.provider.runTests(id, { hiddenTests: fixture.hidden });
      expect(run.status, run.stderr).toBe("failed");
      expect(run.totals).toMatchObject({ total: 4, passed: 3, failed: 1 });
      const byName = new Map(run.tests.map((t) => [t.name, t]));
      expect(byName.get(fixture.passingTest)).toMatchObject({ status: "passed", hidden: false });
      expect(byName.get(fixture.failingTest)?.status).toBe("failed");
      expect(byName.get(fixture.failingTest)?.message).toContain(fixture.failureMessage);
      expect(byName.get(fixture.hiddenTest)).toMatchObject({ status: "passed", hidden: true });
      expect(run.tests.every((t) => t.durationMs >= 0)).toBe(true);
      const paths = (await target.provider.listFiles(id)).map((f) => f.path);
      for (const hidden of fixture.hidden) expect(paths).not.toContain(hidden.path);
    });

    it("reports code that does not compile as compile_error with the file and line", async () => {
      const id = await workspace(fixture.files);
      await target.provider.writeFile(id, fixture.broken.path, encoder.encode(fixture.broken.content));
      const run = await target.provider.runTests(id, {});
      expect(run.status).toBe("compile_error");
      expect(run.compileOutput ?? "").toMatch(fixture.compileMarker);
    });

    it.skipIf(!fixture.compileBomb)("stops a compiler that eats memory as a compile error", async () => {
      const bomb = fixture.compileBomb!;
      const id = await workspace(fixture.files);
      await target.provider.writeFile(id, bomb.path, encoder.encode(bomb.content));
      const run = await target.provider.runTests(id, { timeoutMs: 60_000 });
      expect(run.status, run.summary).toBe("compile_error");
      expect(run.compileOutput ?? "").toMatch(bomb.marker);
    }, 90_000);

    it("stops a test that never ends at the timeout", async () => {
      const id = await workspace(withTestFile(fixture.hanging));
      const run = await target.provider.runTests(id, { timeoutMs: 3000 + (fixture.buildAllowanceMs ?? 0) });
      expect(run.status).toBe("timeout");
    });

    gap("stops a memory bomb in a test")("stops a memory bomb in a test", async () => {
      const id = await workspace(withTestFile(fixture.memoryBomb));
      const run = await target.provider.runTests(id, { timeoutMs: 20_000 });
      expect(run.status).toBe("oom");
    });

    it("stops a fork bomb in a test", async () => {
      const id = await workspace(withTestFile(fixture.forkBomb));
      const run = await target.provider.runTests(id, { timeoutMs: 3000 + (fixture.buildAllowanceMs ?? 0) });
      // The pids limit makes further forks fail: the test either keeps trying until the timeout,
      // or its runtime gives up when it cannot start a thread (Go aborts) — never a pass.
      expect(["timeout", "failed", "error"]).toContain(run.status);
      expect(run.totals.passed).toBe(0);
      // Contained: the workspace still runs commands afterwards.
      expect((await target.provider.exec(id, { command: "echo still-here" })).stdout).toContain("still-here");
    });

    it("opens a terminal with the toolchain on PATH, whose caches stay out of the workspace", async () => {
      const id = await workspace(fixture.files);
      const pty = await target.provider.openPty(id, { cols: 80, rows: 24 });
      const output = collect(pty);
      pty.write(`${fixture.versionCommand}\r`);
      await output.waitFor(fixture.versionPattern);
      if (fixture.terminalTest) {
        pty.write(`${fixture.terminalTest.command}; echo terminal-test-done\r`);
        await output.waitFor(fixture.terminalTest.pattern, 60_000);
        await output.waitFor(/terminal-test-done\r?\n/, 60_000);
        const paths = (await target.provider.listFiles(id)).filter((f) => f.type === "file").map((f) => f.path).sort();
        expect(paths).toEqual(fixture.files.map((f) => f.path).sort());
      }
      const exit = new Promise((resolve) => pty.onExit(resolve));
      pty.write("exit 0\r");
      await exit;
    });
  });
}
