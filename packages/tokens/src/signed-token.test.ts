import { createHmac } from "node:crypto";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { verifyLegacyInviteToken, verifyLegacyVersionedToken } from "./legacy.ts";
import { signToken, TokenError, verifyToken } from "./signed-token.ts";

const OLD = "old-secret-0123456789abcdefghijklmnopqrstuvwxyz";
const NEW = "new-secret-0123456789abcdefghijklmnopqrstuvwxyz";
const Claims = z.object({ who: z.string() });
const T0 = 1_800_000_000_000;

async function problemOf(promise: Promise<unknown>): Promise<unknown> {
  const error = await promise.then(() => null, (e: unknown) => e);
  return error instanceof TokenError ? error.problem : error;
}

describe("signed tokens", () => {
  it("round-trip claims for their purpose, with expiry and key id", async () => {
    const token = await signToken(NEW, "room", { who: "ada" }, { ttlSeconds: 600, now: T0 });
    expect(token.startsWith("t1.")).toBe(true);
    const verified = await verifyToken(NEW, "room", token, Claims, { now: T0 });
    expect(verified).toMatchObject({ claims: { who: "ada" }, iat: T0 / 1000, exp: T0 / 1000 + 600 });
    expect(verified.kid).toMatch(/^[0-9a-f]{8}$/);
  });

  it("never verify for another purpose, even with the same secret", async () => {
    const token = await signToken(NEW, "sandbox-service", { who: "room" }, { ttlSeconds: 60, now: T0 });
    expect(await problemOf(verifyToken(NEW, "room", token, Claims, { now: T0 }))).toBe("wrong_purpose");
    // Rewriting the purpose in the payload breaks the signature, which covers the purpose.
    const [v, payload, sig] = token.split(".");
    const json = JSON.parse(Buffer.from(payload!, "base64url").toString());
    const forged = Buffer.from(JSON.stringify({ ...json, pur: "room" })).toString("base64url");
    expect(await problemOf(verifyToken(NEW, "room", `${v}.${forged}.${sig}`, Claims, { now: T0 }))).toBe("bad_signature");
  });

  it("accept a token signed with the previous secret during a rotation, and refuse it once retired", async () => {
    const old = await signToken(OLD, "room", { who: "ada" }, { ttlSeconds: 600, now: T0 });
    expect((await verifyToken({ current: NEW, previous: [OLD] }, "room", old, Claims, { now: T0 })).claims.who).toBe("ada");
    expect(await problemOf(verifyToken(NEW, "room", old, Claims, { now: T0 }))).toBe("unknown_key");
  });

  it("refuse tampering, expiry, tokens from the future, over-long lifetimes and bad claims", async () => {
    const token = await signToken(NEW, "room", { who: "ada" }, { ttlSeconds: 600, now: T0 });
    const [v, payload] = token.split(".");
    expect(await problemOf(verifyToken(NEW, "room", `${v}.${payload}.AAAA`, Claims, { now: T0 }))).toBe("bad_signature");
    expect(await problemOf(verifyToken(NEW, "room", `${v}.${payload}`, Claims, { now: T0 }))).toBe("malformed");
    expect(await problemOf(verifyToken(NEW, "room", "nonsense", Claims, { now: T0 }))).toBe("malformed");
    expect(await problemOf(verifyToken(NEW, "room", token, Claims, { now: T0 + 3_600_000 }))).toBe("expired");
    expect((await verifyToken(NEW, "room", token, Claims, { now: T0 + 3_600_000, checkExpiry: false })).claims.who).toBe("ada");
    expect(await problemOf(verifyToken(NEW, "room", token, Claims, { now: T0 - 3_600_000 }))).toBe("not_yet_valid");
    expect(await problemOf(verifyToken(NEW, "room", token, Claims, { now: T0, maxLifetimeSeconds: 60 }))).toBe("too_long_lived");
    expect(await problemOf(verifyToken(NEW, "room", token, z.object({ who: z.number() }), { now: T0 }))).toBe("malformed");
  });

  it("are a pure function of their inputs when issued without iat (a rebuilt link is the same link)", async () => {
    const a = await signToken(NEW, "invite", { who: "ada" }, { expiresAt: 2_000_000_000, issuedAt: false, now: T0 });
    const b = await signToken(NEW, "invite", { who: "ada" }, { expiresAt: 2_000_000_000, issuedAt: false, now: T0 + 99_000 });
    expect(a).toBe(b);
  });
});

describe("legacy formats", () => {
  it("verify a room (r1) or service (v1) token signed the old way, with the current or previous secret", async () => {
    const payload = Buffer.from(JSON.stringify({ sid: "s1" })).toString("base64url");
    const token = `r1.${payload}.${createHmac("sha256", OLD).update(`r1.${payload}`).digest("base64url")}`;
    expect(await verifyLegacyVersionedToken({ current: NEW, previous: [OLD] }, "r1", token)).toEqual({ sid: "s1" });
    expect(await verifyLegacyVersionedToken(NEW, "r1", token)).toBeNull();
    expect(await verifyLegacyVersionedToken(OLD, "v1", token)).toBeNull();
  });

  it("verify an invite link signed before t1", async () => {
    const payload = Buffer.from(JSON.stringify({ c: "cand_1", n: "nonce", e: 2_000_000_000 })).toString("base64url");
    const token = `${payload}.${createHmac("sha256", OLD).update(`interviewlm.candidate-invite.v1.${payload}`).digest("base64url")}`;
    expect(await verifyLegacyInviteToken(OLD, token)).toEqual({ c: "cand_1", n: "nonce", e: 2_000_000_000 });
    expect(await verifyLegacyInviteToken(NEW, token)).toBeNull();
  });
});
