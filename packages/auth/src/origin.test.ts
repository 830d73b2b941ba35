import { describe, expect, it } from "vitest";
import { checkRequestOrigin } from "./origin.ts";

const APP = ["https://app.interviewlm.test", "http://localhost:3000/"];
const post = (headers: Record<string, string>) => new Request("https://app.interviewlm.test/api/trpc/auth.login", { method: "POST", headers });

describe("checkRequestOrigin", () => {
  it("accepts a mutation from our own origin", () => {
    expect(checkRequestOrigin(post({ Origin: "https://app.interviewlm.test" }), APP)).toEqual({ ok: true });
    expect(checkRequestOrigin(post({ Origin: "http://localhost:3000" }), APP)).toEqual({ ok: true });
  });

  it("refuses a mutation from another origin", () => {
    const result = checkRequestOrigin(post({ Origin: "https://evil.test" }), APP);
    expect(result).toEqual({ ok: false, reason: "Origin https://evil.test is not allowed" });
  });

  it("compares whole origins: scheme, host and port", () => {
    for (const origin of ["http://app.interviewlm.test", "https://app.interviewlm.test:8443", "https://interviewlm.test", "https://app.interviewlm.test.evil.test"]) {
      expect(checkRequestOrigin(post({ Origin: origin }), APP).ok, origin).toBe(false);
    }
  });

  it("refuses the opaque 'null' origin", () => {
    expect(checkRequestOrigin(post({ Origin: "null" }), APP).ok).toBe(false);
  });

  it("falls back to the Referer's origin when Origin is absent", () => {
    expect(checkRequestOrigin(post({ Referer: "https://app.interviewlm.test/settings?tab=1" }), APP)).toEqual({ ok: true });
    expect(checkRequestOrigin(post({ Referer: "https://evil.test/page" }), APP)).toEqual({
      ok: false,
      reason: "Referer origin https://evil.test is not allowed",
    });
  });

  it("judges by Origin when both are present", () => {
    expect(checkRequestOrigin(post({ Origin: "https://evil.test", Referer: "https://app.interviewlm.test/" }), APP).ok).toBe(false);
  });

  it("refuses a mutation with neither Origin nor Referer", () => {
    expect(checkRequestOrigin(post({}), APP)).toEqual({ ok: false, reason: "Request has neither an Origin nor a Referer header" });
  });

  it("lets GET, HEAD and OPTIONS through whatever their origin", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      const request = new Request("https://app.interviewlm.test/", { method, headers: { Origin: "https://evil.test" } });
      expect(checkRequestOrigin(request, APP), method).toEqual({ ok: true });
    }
  });

  it("checks every other method", () => {
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      const request = new Request("https://app.interviewlm.test/", { method, headers: { Origin: "https://evil.test" } });
      expect(checkRequestOrigin(request, APP).ok, method).toBe(false);
    }
  });
});
