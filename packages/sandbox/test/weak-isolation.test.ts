import { afterEach, describe, expect, it } from "vitest";
import { expectSandboxError } from "../src/testing/provider-contract.ts";
import { startLocalProvider } from "./helpers.ts";

// A host that lacks a protection (here: no bubblewrap) must say so and refuse to run code
// unless weak isolation is explicitly allowed.
describe("weak isolation", () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
    cleanup = undefined;
  });

  it("reports missing protections and refuses to run code, while files still work", async () => {
    const started = await startLocalProvider({ tools: { bwrap: null } });
    cleanup = started.cleanup;
    const report = started.provider.isolation();
    expect(report.level).toBe("weak");
    expect(report.enforced).toMatchObject({ namespaces: false, noNetwork: false, seccomp: false, cgroupLimits: true });
    expect(report.problems.join(" ")).toMatch(/bwrap is missing/);
    const { id } = await started.provider.createWorkspace({ language: "python", files: [{ path: "a.py", content: "print(1)\n" }] });
    await expectSandboxError(started.provider.exec(id, { command: "true" }), "ISOLATION_UNAVAILABLE");
    await expectSandboxError(started.provider.runTests(id, {}), "ISOLATION_UNAVAILABLE");
    await expectSandboxError(started.provider.openPty(id, { cols: 80, rows: 24 }), "ISOLATION_UNAVAILABLE");
    expect((await started.provider.listFiles(id)).map((f) => f.path)).toEqual(["a.py"]);
  });

  it("runs code with the remaining protections when weak isolation is allowed", async () => {
    const started = await startLocalProvider({ tools: { bwrap: null }, allowWeakIsolation: true });
    cleanup = started.cleanup;
    const { id } = await started.provider.createWorkspace({
      language: "python",
      files: [
        { path: "calc.py", content: "def add(a, b):\n    return a + b\n" },
        { path: "test_calc.py", content: "from calc import add\n\ndef test_add():\n    assert add(1, 2) == 3\n" },
      ],
    });
    const result = await started.provider.exec(id, { command: "id -u; python3 calc.py && echo ran" });
    expect(result.stdout).toMatch(/^[1-9]\d{5}\nran\n$/); // still an unprivileged uid
    const run = await started.provider.runTests(id, {});
    expect(run.status).toBe("passed");
  });
});
