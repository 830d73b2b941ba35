import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./redirects.ts";

const APP = "https://app.interviewlm.test";

describe("safeRedirectPath", () => {
  it("keeps same-origin paths with their query and fragment", () => {
    expect(safeRedirectPath("/app/assessments?status=archived#top", APP)).toBe("/app/assessments?status=archived#top");
    expect(safeRedirectPath("/invitations/abc.def", APP)).toBe("/invitations/abc.def");
    expect(safeRedirectPath("/app/../app/live", APP)).toBe("/app/live");
  });

  it("refuses a tab or newline that a browser would strip into a protocol-relative URL", () => {
    // The reported attack: /login?redirectTo=%2F%09%2Fevil.example%2Fphish
    expect(safeRedirectPath(decodeURIComponent("%2F%09%2Fevil.example%2Fphish"), APP)).toBe("/app");
    expect(safeRedirectPath("/\n/evil.example", APP)).toBe("/app");
    expect(safeRedirectPath("/\r\n/evil.example", APP)).toBe("/app");
  });

  it("refuses protocol-relative, backslash and absolute destinations", () => {
    for (const to of ["//evil.example", "/\\evil.example", "\\/evil.example", "https://evil.example/", "javascript:alert(1)", `${APP}/app`, "app", ""]) {
      expect(safeRedirectPath(to, APP), JSON.stringify(to)).toBe("/app");
    }
  });

  it("refuses a path that normalises to a protocol-relative one", () => {
    expect(safeRedirectPath("/.//evil.example", APP)).toBe("/app");
    expect(safeRedirectPath("/app/..//evil.example", APP)).toBe("/app");
  });

  it("falls back for anything that is not a string, and uses the given fallback", () => {
    expect(safeRedirectPath(null, APP)).toBe("/app");
    expect(safeRedirectPath(undefined, APP, "/app/settings")).toBe("/app/settings");
    expect(safeRedirectPath(["/app"], APP)).toBe("/app");
  });
});
