import { describe, expect, it } from "vitest";
import { checkReadiness } from "./health.ts";

describe("readiness", () => {
  it("is ready only when every probe passes, reporting each one", async () => {
    const readiness = await checkReadiness([
      { name: "database", check: async () => ({ ok: true }) },
      { name: "sandbox", check: async () => ({ ok: false, detail: "isolation self-test failed (weak)" }) },
    ]);
    expect(readiness).toEqual({ ready: false, checks: { database: { ok: true }, sandbox: { ok: false, detail: "isolation self-test failed (weak)" } } });
  });

  it("counts a probe that throws or never answers as failed, without waiting on it", async () => {
    const readiness = await checkReadiness(
      [
        { name: "database", check: () => Promise.reject(new Error("connection refused")) },
        { name: "outbox", check: () => new Promise(() => {}) },
      ],
      50,
    );
    expect(readiness.ready).toBe(false);
    expect(readiness.checks).toEqual({ database: { ok: false, detail: "connection refused" }, outbox: { ok: false, detail: "no answer within 50 ms" } });
  });
});
