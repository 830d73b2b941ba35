import { describe, expect, it } from "vitest";
import { checkBrowser, checkServer, checksPassed, checkWebSocket, type BrowserLike } from "./system-checks";

class Fake {}
const modern: BrowserLike = {
  fetch: () => {},
  WebSocket: Fake,
  ResizeObserver: Fake,
  TextEncoder: Fake,
  crypto: { getRandomValues: () => {} },
  innerWidth: 1440,
};

describe("browser check", () => {
  it("passes a modern browser and warns about a narrow window", () => {
    expect(checkBrowser(modern).state).toBe("passed");
    expect(checkBrowser({ ...modern, innerWidth: 800 }).state).toBe("warning");
  });

  it("fails and names what is missing", () => {
    const result = checkBrowser({ ...modern, WebSocket: undefined, ResizeObserver: undefined });
    expect(result.state).toBe("failed");
    expect(result.detail).toContain("WebSocket, ResizeObserver");
  });

  it("checks that WebSockets exist", () => {
    expect(checkWebSocket(modern).state).toBe("passed");
    expect(checkWebSocket({ ...modern, WebSocket: undefined }).state).toBe("failed");
  });
});

describe("server check", () => {
  const answer = (ok: boolean, body: unknown) => async () => ({ ok, json: async () => body });

  it("passes with the round-trip time, warns when slow", async () => {
    let t = 0;
    const clock = () => (t += 120);
    expect(await checkServer(answer(true, { ok: true }), "/x", 1000, clock)).toMatchObject({ state: "passed", detail: "Reached InterviewLM in 120 ms." });
    let slow = 0;
    expect((await checkServer(answer(true, { ok: true }), "/x", 1000, () => (slow += 2000))).state).toBe("warning");
  });

  it("fails on an error status, an unexpected body, a network error or a timeout", async () => {
    expect((await checkServer(answer(false, { ok: true }), "/x")).state).toBe("failed");
    expect((await checkServer(answer(true, "<html>"), "/x")).state).toBe("failed");
    expect((await checkServer(async () => Promise.reject(new TypeError("offline")), "/x")).state).toBe("failed");
    const never = (_url: string, init: { signal: AbortSignal }) =>
      new Promise<never>((_, reject) => init.signal.addEventListener("abort", () => reject(new Error("aborted"))));
    expect((await checkServer(never, "/x", 20)).state).toBe("failed");
  });
});

describe("checksPassed", () => {
  it("needs every check finished and none failed", () => {
    const ok = { id: "browser" as const, label: "", detail: "", state: "passed" as const };
    expect(checksPassed([ok, { ...ok, state: "warning" }])).toBe(true);
    expect(checksPassed([ok, { ...ok, state: "pending" }])).toBe(false);
    expect(checksPassed([ok, { ...ok, state: "failed" }])).toBe(false);
    expect(checksPassed([])).toBe(false);
  });
});
