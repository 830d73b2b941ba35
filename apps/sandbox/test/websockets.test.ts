import type { FileChangeEvent, TerminalConnection } from "@interviewlm/sandbox/client";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningService, startService } from "./helpers.ts";

function output(terminal: TerminalConnection) {
  let text = "";
  terminal.onOutput((data) => (text += data));
  return {
    text: () => text,
    // Bounded against hangs only: a terminal in a fresh sandbox can take seconds to answer on a loaded machine.
    waitFor: (pattern: RegExp, timeoutMs = 60_000) =>
      new Promise<void>((resolve, reject) => {
        const started = Date.now();
        const check = () => {
          if (pattern.test(text)) return resolve();
          if (Date.now() - started > timeoutMs) return reject(new Error(`no ${pattern} in ${JSON.stringify(text.slice(-400))}`));
          setTimeout(check, 10);
        };
        check();
      }),
  };
}

describe("sandbox service WebSockets", () => {
  let running: RunningService;
  let id: string;
  beforeAll(async () => {
    running = await startService({ ptyDetachGraceMs: 5000 });
    id = (await running.client.createWorkspace({ language: "python", files: [{ path: "hello.py", content: "print('hello from python')\n" }] })).id;
  });
  afterAll(async () => running?.stop());

  it("serves a terminal: typed input, output, resize, Ctrl-C and the exit status", async () => {
    const terminal = await running.client.openTerminal(id, { cols: 80, rows: 24 });
    const out = output(terminal);
    terminal.write("python3 hello.py\r");
    await out.waitFor(/hello from python/);
    terminal.resize(120, 33);
    terminal.write("stty size\r");
    await out.waitFor(/33 120/);
    // The output line (not the echoed command) says the shell is running it: Ctrl-C then interrupts.
    terminal.write("printf 'slee%s\\n' ping; sleep 60\r");
    await out.waitFor(/^sleeping\r?$/m);
    terminal.write("\x03echo interrupted=$?\r");
    await out.waitFor(/interrupted=130/);
    const exit = new Promise((resolve) => terminal.onExit(resolve));
    terminal.write("exit 4\r");
    expect(await exit).toEqual({ exitCode: 4, signal: null });
    await terminal.closed;
  });

  it("lets a client reattach to a terminal and replays its recent output", async () => {
    const first = await running.client.openTerminal(id, { cols: 80, rows: 24 });
    const out = output(first);
    first.write("export MARK=kept; echo before-detach\r");
    await out.waitFor(/before-detach\r\n/);
    first.close();
    await first.closed;
    const again = await running.client.openTerminal(id, { cols: 80, rows: 24, ptyId: first.ptyId });
    const replay = output(again);
    await replay.waitFor(/before-detach/);
    again.write("echo mark=$MARK\r");
    await replay.waitFor(/mark=kept/);
    again.write("exit\r");
    await again.closed;
    await expect(running.client.openTerminal(id, { cols: 80, rows: 24, ptyId: first.ptyId })).rejects.toMatchObject({ code: "PTY_NOT_FOUND" });
  });

  it("streams file changes made in the terminal or by commands", async () => {
    const events = await running.client.watchFiles(id);
    const seen: FileChangeEvent[] = [];
    events.onChanges((batch) => seen.push(...batch));
    await running.client.exec(id, { command: "echo data > made-by-exec.txt" });
    const terminal = await running.client.openTerminal(id, { cols: 80, rows: 24 });
    terminal.write("mkdir -p out && echo x > out/from-terminal.txt\r");
    const deadline = Date.now() + 60_000;
    while (!(seen.some((e) => e.path === "made-by-exec.txt") && seen.some((e) => e.path === "out/from-terminal.txt")) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(seen).toEqual(expect.arrayContaining([
      { path: "made-by-exec.txt", kind: "created", type: "file" },
      { path: "out", kind: "created", type: "directory" },
      { path: "out/from-terminal.txt", kind: "created", type: "file" },
    ]));
    terminal.write("exit\r");
    events.close();
    await events.closed;
  });

  it("refuses WebSockets without a valid token", async () => {
    const status = await new Promise<number>((resolve) => {
      const socket = new WebSocket(`${running.url.replace("http", "ws")}/v1/workspaces/${id}/pty?access_token=v1.bogus.bogus`);
      socket.on("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0));
      socket.on("open", () => resolve(101));
      socket.on("error", () => undefined);
    });
    expect(status).toBe(401);
  });

  it("reports a terminal for an unknown workspace as an error message", async () => {
    await expect(running.client.openTerminal("ws_aaaaaaaaaaaaaaaaaaaaaaaa", { cols: 80, rows: 24 })).rejects.toMatchObject({ code: "WORKSPACE_NOT_FOUND" });
  });
});
