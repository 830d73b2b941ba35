import { describe, expect, it } from "vitest";
import { PtyListeners } from "./pty-listeners.ts";

describe("terminal listeners", () => {
  it("delivers output to current listeners only", () => {
    const listeners = new PtyListeners();
    const seen: string[] = [];
    const stop = listeners.onData((data) => seen.push(data));
    listeners.emitData("a");
    stop();
    listeners.emitData("b");
    expect(seen).toEqual(["a"]);
  });

  it("tells a listener that subscribes after the end how the terminal ended, once", async () => {
    const listeners = new PtyListeners();
    const early: unknown[] = [];
    listeners.onExit((exit) => early.push(exit));
    listeners.emitExit({ exitCode: 3, signal: null });
    listeners.emitExit({ exitCode: 9, signal: "SIGKILL" });
    expect(listeners.exited).toBe(true);
    const late = await new Promise((resolve) => listeners.onExit(resolve));
    expect(early).toEqual([{ exitCode: 3, signal: null }]);
    expect(late).toEqual({ exitCode: 3, signal: null });
  });
});
