import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateOpaqueToken, hashOpaqueToken } from "./tokens.ts";

describe("opaque tokens", () => {
  it("are URL-safe, 200-bit, and never repeat", () => {
    const tokens = new Set(Array.from({ length: 1000 }, generateOpaqueToken));
    expect(tokens.size).toBe(1000);
    for (const token of tokens) {
      expect(token).toMatch(/^[a-z2-7]{40}$/); // 40 × 5 bits = 200 bits
      expect(encodeURIComponent(token)).toBe(token);
    }
  });

  it("are stored as their SHA-256 hex", () => {
    const token = generateOpaqueToken();
    expect(hashOpaqueToken(token)).toBe(createHash("sha256").update(token).digest("hex"));
    expect(hashOpaqueToken(token)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("hash the same when a mail client changed the case or added whitespace", () => {
    const token = generateOpaqueToken();
    expect(hashOpaqueToken(` ${token.toUpperCase()}\n`)).toBe(hashOpaqueToken(token));
  });
});
