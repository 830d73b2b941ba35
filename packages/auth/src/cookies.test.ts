import { describe, expect, it } from "vitest";
import { readCookie, serializeBlankSessionCookie, serializeCookie, serializeSessionCookie } from "./cookies.ts";
import { InvalidCookieError } from "./errors.ts";

const attributes = (cookie: string) => cookie.split("; ").slice(1);

describe("session cookie", () => {
  const expires = new Date("2030-01-08T09:00:00.000Z");

  it("is HttpOnly, SameSite=Lax, Path=/, Secure, and expires with the session", () => {
    const cookie = serializeSessionCookie("abc.def", expires, { secure: true });
    expect(cookie.startsWith("ilm_session=abc.def; ")).toBe(true);
    expect(attributes(cookie)).toEqual(["HttpOnly", "SameSite=Lax", "Path=/", "Secure", "Expires=Tue, 08 Jan 2030 09:00:00 GMT"]);
  });

  it("leaves out Secure for plain-http development", () => {
    expect(serializeSessionCookie("abc.def", expires, { secure: false })).not.toContain("Secure");
  });

  it("is cleared with an empty value that expires immediately", () => {
    const cookie = serializeBlankSessionCookie({ secure: true });
    expect(cookie.startsWith("ilm_session=; ")).toBe(true);
    expect(attributes(cookie)).toEqual(
      expect.arrayContaining(["HttpOnly", "SameSite=Lax", "Path=/", "Secure", "Max-Age=0", "Expires=Thu, 01 Jan 1970 00:00:00 GMT"]),
    );
  });
});

describe("serializeCookie", () => {
  it("writes a short-lived OAuth state cookie", () => {
    expect(serializeCookie("ilm_oauth_state", "s t/ate", { maxAgeSeconds: 600, secure: true })).toBe(
      "ilm_oauth_state=s%20t%2Fate; HttpOnly; SameSite=Lax; Path=/; Secure; Max-Age=600",
    );
  });

  it("honours httpOnly: false, SameSite and path", () => {
    expect(serializeCookie("theme", "dark", { secure: false, httpOnly: false, sameSite: "Strict", path: "/app" })).toBe(
      "theme=dark; SameSite=Strict; Path=/app",
    );
  });

  it("refuses SameSite=None without Secure and invalid names", () => {
    expect(() => serializeCookie("x", "y", { secure: false, sameSite: "None" })).toThrow(InvalidCookieError);
    expect(() => serializeCookie("bad name", "y", { secure: true })).toThrow(InvalidCookieError);
  });
});

describe("readCookie", () => {
  it("finds a cookie among others and decodes it", () => {
    expect(readCookie("a=1; ilm_session=abc.def; b=2", "ilm_session")).toBe("abc.def");
    expect(readCookie("state=s%20t%2Fate", "state")).toBe("s t/ate");
    expect(readCookie('q="quoted"', "q")).toBe("quoted");
  });

  it("returns null when absent, and does not match name prefixes", () => {
    expect(readCookie(null, "a")).toBeNull();
    expect(readCookie(undefined, "a")).toBeNull();
    expect(readCookie("", "a")).toBeNull();
    expect(readCookie("xilm_session=1; ilm_session_old=2", "ilm_session")).toBeNull();
  });

  it("returns the first of duplicate cookies and survives bad escapes", () => {
    expect(readCookie("a=1; a=2", "a")).toBe("1");
    expect(readCookie("a=%E0%A4%A", "a")).toBeNull();
  });
});
