import { describe, expect, it } from "vitest";
import { roomReadiness } from "./health.ts";

const secret = "h".repeat(40);

describe("the rooms' readiness", () => {
  it("is not ready with an invalid environment, naming the problem", async () => {
    const readiness = await roomReadiness({ ROOM_TOKEN_SECRET: "short" });
    expect(readiness.ready).toBe(false);
    expect(readiness.checks.environment?.detail).toMatch(/ROOM_TOKEN_SECRET/);
  });

  it("is not ready while the web app or the sandbox service does not answer", async () => {
    // Port 9 (discard) has no listener here: the connection is refused at once.
    const readiness = await roomReadiness({ ROOM_TOKEN_SECRET: secret, SANDBOX_SERVICE_SECRET: secret, SANDBOX_URL: "http://127.0.0.1:9", WEB_INTERNAL_URL: "http://127.0.0.1:9" });
    expect(readiness.ready).toBe(false);
    expect(readiness.checks.environment).toEqual({ ok: true });
    expect(readiness.checks.web?.ok).toBe(false);
    expect(readiness.checks.sandbox?.ok).toBe(false);
  });
});
