import { Status } from "nice-grpc";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ModalProvider } from "../src/modal/index.ts";
import { collect, expectSandboxError } from "../src/testing/provider-contract.ts";
import type { ModalTestServer } from "../test-support/modal-server/index.ts";
import { closeLocalModalServer, startModalThroughLocalServer, waitUntil } from "./modal-local-server.ts";

// What goes wrong with Modal in production, made to happen on the local Modal protocol server:
// transient and permanent gRPC errors, a sandbox killed under a running command, an idle
// timeout, slow output streams, bad credentials.

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const WORKSPACE_TAG = "interviewlm-workspace";

describe("the Modal provider when Modal misbehaves (local protocol server)", { timeout: 60_000 }, () => {
  let provider: ModalProvider;
  let server: ModalTestServer;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ provider, server, cleanup } = await startModalThroughLocalServer());
  }, 120_000);
  afterEach(() => server.faults.reset());
  afterAll(async () => {
    await cleanup?.();
    await closeLocalModalServer();
  }, 60_000);

  it("rides out transient gRPC errors on the control plane and the command router", async () => {
    server.faults.failNext("SandboxCreateV2", Status.UNAVAILABLE, { times: 2 });
    const before = server.faults.calls.length;
    const info = await provider.createWorkspace({ language: "python", files: [{ path: "a.py", content: "print('ok')\n" }] });
    expect(server.faults.calls.slice(before).filter((call) => call === "SandboxCreateV2")).toHaveLength(3);
    server.faults.failNext("TaskExecStart", Status.UNAVAILABLE);
    expect(await provider.exec(info.id, { command: ["python3", "a.py"] })).toMatchObject({ exitCode: 0, stdout: "ok\n" });
    // A broken output stream is resumed at its offset; a wait that hits its deadline is retried.
    server.faults.failNext("TaskExecStdioRead", Status.UNAVAILABLE);
    server.faults.failNext("TaskExecWait", Status.DEADLINE_EXCEEDED);
    expect(await provider.exec(info.id, { command: "seq 1 2000; exit 4" })).toMatchObject({ exitCode: 4, stdout: `${Array.from({ length: 2000 }, (_, i) => i + 1).join("\n")}\n` });
  });

  it("reports a permanent gRPC error clearly and keeps no half-created workspace", async () => {
    server.faults.failNext("SandboxCreateV2", Status.PERMISSION_DENIED, { message: "workspace quota policy" });
    const running = server.runningSandboxIds().length;
    const error = await provider.createWorkspace({ language: "python", files: [] }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "PROVIDER_FAILURE" });
    expect(String((error as Error).message)).toContain("workspace quota policy");
    expect(server.runningSandboxIds()).toHaveLength(running);
    server.faults.failNext("SandboxCreateV2", Status.RESOURCE_EXHAUSTED, { message: "too many sandboxes" });
    await expectSandboxError(provider.createWorkspace({ language: "python", files: [] }), "LIMIT_REACHED");
  });

  it("reports a command whose sandbox is killed under it, and the next request finds the files again", async () => {
    const { id } = await provider.createWorkspace({ language: "python", files: [{ path: "keep.txt", content: "kept\n" }] });
    await provider.exec(id, { command: "echo made-before > made.txt" });
    const [sandboxId] = server.runningSandboxesTagged(WORKSPACE_TAG, id);
    const running = provider.exec(id, { command: "echo started > started.txt; sleep 30", timeoutMs: 40_000 });
    await waitUntil(async () => (await provider.exec(id, { command: "cat started.txt 2>/dev/null" })).stdout === "started\n", "the command runs");
    await server.killSandbox(sandboxId as string);
    expect(await running).toMatchObject({ exitCode: null, termination: "killed" });
    // The exit snapshot of the killed sandbox brings back everything written before the kill.
    expect(decoder.decode((await provider.readFile(id, "keep.txt")).content)).toBe("kept\n");
    expect(decoder.decode((await provider.readFile(id, "made.txt")).content)).toBe("made-before\n");
    expect(server.runningSandboxesTagged(WORKSPACE_TAG, id)).not.toContain(sandboxId);
  });

  it("delivers output byte for byte through slow, fragmented streams, in commands and terminals", async () => {
    const { id } = await provider.createWorkspace({ language: "python", files: [] });
    server.faults.slowStreams({ chunkBytes: 7, pauseMs: 1 });
    const result = await provider.exec(id, { command: "python3 -c \"import sys; sys.stdout.write(''.join(chr(48 + i % 40) for i in range(3000))); sys.stderr.write('é✓' * 50)\"" });
    expect(result.stdout).toBe(Array.from({ length: 3000 }, (_, i) => String.fromCharCode(48 + (i % 40))).join(""));
    expect(result.stderr).toBe("é✓".repeat(50));
    const pty = await provider.openPty(id, { cols: 80, rows: 24 });
    const output = collect(pty);
    pty.write("echo slow-$((6 * 7))\r");
    await output.waitFor(/slow-42/);
    pty.kill();
  });

  it("restarts a workspace whose sandbox idled out, from its exit snapshot", async () => {
    const idle = await startModalThroughLocalServer({ idleTimeoutMs: 2000 });
    try {
      const { id } = await idle.provider.createWorkspace({ language: "python", files: [] });
      await idle.provider.writeFile(id, "notes.txt", encoder.encode("still here\n"));
      await waitUntil(() => server.runningSandboxesTagged(WORKSPACE_TAG, id).length === 0, "the sandbox idles out");
      expect(decoder.decode((await idle.provider.readFile(id, "notes.txt")).content)).toBe("still here\n");
      expect((await idle.provider.exec(id, { command: "cat notes.txt" })).stdout).toBe("still here\n");
    } finally {
      await idle.cleanup();
    }
  });

  it("enforces the memory and CPU-time limits it asks Modal for", async () => {
    const limited = await startModalThroughLocalServer({ limits: { memoryBytes: 128 * 1024 * 1024, cpuTimeSeconds: 1 } });
    try {
      const { id } = await limited.provider.createWorkspace({ language: "python", files: [] });
      const hog = await limited.provider.exec(id, { command: ["python3", "-c", "x = bytearray(512 * 1024 * 1024); print('allocated')"] });
      expect(hog).toMatchObject({ termination: "oom", stdout: "" });
      const spin = await limited.provider.exec(id, { command: ["python3", "-c", "while True: pass"], timeoutMs: 20_000 });
      expect(spin.termination).toBe("cpu_time_limit");
    } finally {
      await limited.cleanup();
    }
  });

  it("refuses to start with credentials Modal does not accept", async () => {
    await expect(startModalThroughLocalServer({ tokenSecret: "as-wrong" })).rejects.toThrow(/Token ID or secret is invalid/);
  });
});
