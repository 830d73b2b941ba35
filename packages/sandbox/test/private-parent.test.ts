import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalProvider } from "../src/index.ts";
import { PYTHON_SUITE } from "../src/testing/fixtures.ts";
import { collect } from "../src/testing/provider-contract.ts";
import { startLocalProvider } from "./helpers.ts";

// A repository cloned into a private directory (root's home, `mktemp -d`: mode 700) keeps its
// data dir there. The sandbox user cannot traverse such a parent, yet everything must run.
describe("a data directory under a private (700) parent", () => {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), "interviewlm-private-"));
  let provider: LocalProvider;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    fs.chmodSync(parent, 0o700);
    ({ provider, cleanup } = await startLocalProvider({ dataDir: path.join(parent, "clone", ".data", "sandbox") }));
  });
  afterAll(async () => {
    await provider?.close(); // the restarted one, when the second test got that far
    await cleanup?.();
    fs.rmSync(parent, { recursive: true, force: true });
  });

  it("keeps full isolation and runs commands, tests, secret tests and terminals", async () => {
    expect(fs.statSync(parent).mode & 0o777).toBe(0o700);
    expect(provider.isolation()).toMatchObject({ level: "full", problems: [] });
    const { id } = await provider.createWorkspace({ language: "python", files: PYTHON_SUITE.files });

    const exec = await provider.exec(id, { command: "id -u; cat calc.py | head -1" });
    expect(exec).toMatchObject({ exitCode: 0, termination: "exited" });
    expect(exec.stdout).toMatch(/^[1-9]\d{5}\ndef add\(a, b\):\n$/);

    const run = await provider.runTests(id, { hiddenTests: PYTHON_SUITE.hidden });
    expect(run.totals).toMatchObject({ total: 6, passed: 4, failed: 2 });
    const secret = await provider.runTests(id, { hiddenTests: PYTHON_SUITE.hidden, secretTests: true });
    expect(secret).toMatchObject({ status: "passed", totals: { total: 1, passed: 1 } });

    const pty = await provider.openPty(id, { cols: 80, rows: 24 });
    const out = collect(pty);
    pty.write("echo $((20 + 22)) && ls tests\r");
    await out.waitFor(/42\r?\ntest_calc\.py/);
    const exit = new Promise((resolve) => pty.onExit(resolve));
    pty.kill();
    await exit;
  });

  it("finds its workspaces again after a restart, and leaves no mount behind", async () => {
    const dataDir = path.join(parent, "clone", ".data", "sandbox");
    const { id } = await provider.createWorkspace({ language: "python", files: [{ path: "keep.py", content: "print('kept')\n" }] });
    await provider.close();
    expect(fs.readFileSync("/proc/self/mountinfo", "utf8")).not.toContain(path.basename(parent));
    provider = await LocalProvider.start({ dataDir, uidBase: 300_000 + (process.pid % 4000) * 10, logger: { info: () => undefined, warn: () => undefined } });
    expect((await provider.exec(id, { command: "python3 keep.py" })).stdout).toBe("kept\n");
  });
});
