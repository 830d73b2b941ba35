import { describe, expect, it } from "vitest";
import { checkBrowser, checkLiveConnection, checkSandbox, checkServer, checksPassed, liveCheckUrl, type BrowserLike, type SocketLike } from "./system-checks";

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
    expect(checkBrowser({ ...modern, WebSocket: undefined }).state).toBe("failed");
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

describe("sandbox check", () => {
  const answer = (ok: boolean, body: unknown) => async () => ({ ok, json: async () => body });

  it("passes when the server ran code in the sandbox, with its words", async () => {
    expect(await checkSandbox(answer(true, { ok: true, detail: "Python code ran in your sandbox." }), "/x")).toMatchObject({ id: "sandbox", state: "passed", detail: "Python code ran in your sandbox." });
  });

  it("fails with the server's advice when code cannot run, and on no answer or a timeout", async () => {
    const down = await checkSandbox(answer(true, { ok: false, detail: "Code cannot run in the interview sandbox right now…" }), "/x");
    expect(down).toMatchObject({ state: "failed", detail: "Code cannot run in the interview sandbox right now…" });
    expect((await checkSandbox(answer(false, "<html>"), "/x")).state).toBe("failed");
    expect((await checkSandbox(async () => Promise.reject(new TypeError("offline")), "/x")).state).toBe("failed");
    const never = (_url: string, init: { signal: AbortSignal }) =>
      new Promise<never>((_, reject) => init.signal.addEventListener("abort", () => reject(new Error("aborted"))));
    expect(await checkSandbox(never, "/x", 20)).toMatchObject({ state: "failed", detail: expect.stringContaining("did not answer in time") });
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

/** A socket that does what the test says once opened. */
function socket(behaviour: "answers" | "refused" | "closes" | "silent"): { open: (url: string) => SocketLike; opened: string[] } {
  const opened: string[] = [];
  return {
    opened,
    open(url) {
      opened.push(url);
      const listeners: Record<string, () => void> = {};
      queueMicrotask(() => {
        if (behaviour === "answers") listeners.message?.();
        if (behaviour === "refused") listeners.error?.();
        if (behaviour === "closes") listeners.close?.();
      });
      return { addEventListener: (type, listener) => void (listeners[type] = listener), close: () => undefined };
    },
  };
}

describe("live connection check", () => {
  it("passes when the rooms' connectivity check answers over a WebSocket", async () => {
    const fake = socket("answers");
    const result = await checkLiveConnection(fake.open, liveCheckUrl("https://rooms.example.com/"));
    expect(result.state).toBe("passed");
    expect(fake.opened).toEqual(["wss://rooms.example.com/parties/check/portal"]);
  });

  it("fails, saying why, when refused, closed early, silent, or unavailable", async () => {
    expect((await checkLiveConnection(socket("refused").open, "ws://x")).detail).toMatch(/refused.*firewall/);
    expect((await checkLiveConnection(socket("closes").open, "ws://x")).state).toBe("failed");
    expect((await checkLiveConnection(socket("silent").open, "ws://x", 20)).detail).toMatch(/did not answer in time/);
    expect((await checkLiveConnection(null, "ws://x")).detail).toMatch(/not available/);
  });
});
