import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalProvider } from "../src/index.ts";
import { collect } from "../src/testing/provider-contract.ts";
import { startLocalProvider } from "./helpers.ts";

describe("local terminal", () => {
  let provider: LocalProvider;
  let cleanup: () => Promise<void>;
  let id: string;

  beforeAll(async () => {
    ({ provider, cleanup } = await startLocalProvider());
    id = (await provider.createWorkspace({ language: "python", files: [{ path: "app.py", content: "print('app output')\n" }] })).id;
  });
  afterAll(async () => cleanup?.());

  it("runs typed commands, follows resizes, stops a process on Ctrl-C and reports the exit", async () => {
    const pty = await provider.openPty(id, { cols: 80, rows: 24 });
    const out = collect(pty);
    await out.waitFor(/~ \$ $/);

    pty.write("python3 app.py\r");
    await out.waitFor(/app output/);

    pty.write("stty size\r");
    await out.waitFor(/24 80/);
    pty.resize(132, 50);
    pty.write("stty size\r");
    await out.waitFor(/50 132/);

    // The output line (not the echoed command) comes from the foreground job itself, a plain sh
    // whose SIGINT is not ignored at any point (bash's own fork-to-exec window would swallow a
    // Ctrl-C that lands in it): Ctrl-C then interrupts, whenever it arrives.
    pty.write("sh -c 'printf \"slee%s\\n\" ping; exec sleep 100'; echo after-sleep\r");
    await out.waitFor(/^sleeping\r?$/m);
    pty.write("\x03");
    pty.write("echo status=$?\r");
    await out.waitFor(/status=130/);
    expect(out.text()).not.toMatch(/\nafter-sleep\r?\n/); // the echo of the typed line aside

    const exit = new Promise((resolve) => pty.onExit(resolve));
    pty.write("exit 3\r");
    expect(await exit).toEqual({ exitCode: 3, signal: null });
  });

  it("kills everything a terminal started when it is closed", async () => {
    const pty = await provider.openPty(id, { cols: 80, rows: 24 });
    const out = collect(pty);
    pty.write("sleep 500 & echo bg=$!\r");
    await out.waitFor(/bg=\d+/);
    const uid = Number((await provider.exec(id, { command: "id -u" })).stdout.trim());
    const exit = new Promise((resolve) => pty.onExit(resolve));
    pty.kill();
    await exit;
    const leftovers = fs.readdirSync("/proc").filter((pid) => {
      try {
        return /^\d+$/.test(pid) && new RegExp(`^Uid:\\s+${uid}\\s`, "m").test(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      } catch {
        return false;
      }
    });
    expect(leftovers.map((pid) => { try { return fs.readFileSync(`/proc/${pid}/status`, "utf8").split("\n").slice(0, 3).join(" ") + fs.readFileSync(`/proc/${pid}/cmdline`, "utf8"); } catch { return pid; } })).toEqual([]);
  });

  it("streams large output without losing the end", async () => {
    const pty = await provider.openPty(id, { cols: 80, rows: 24 });
    const out = collect(pty);
    pty.write("seq 1 200000; echo END-OF-OUTPUT\r");
    await out.waitFor(/\r\nEND-OF-OUTPUT/, 20_000);
    expect(out.text()).toContain("199999\r\n200000");
    pty.kill();
  });
});
