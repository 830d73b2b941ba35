import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { InviteLinkError, inviteLinkProblemOf, inviteUrl, newInviteNonce, readInviteToken, signInviteToken } from "./invite-token.ts";

const secret = "unit-test-secret-0123456789abcdefghijklmnop";
const claims = { candidateId: "cand_123", nonce: newInviteNonce(), expiresAt: new Date("2030-01-02T03:04:05Z") };

async function problemOf(run: () => Promise<unknown>): Promise<string | null> {
  try {
    await run();
    return null;
  } catch (error) {
    return inviteLinkProblemOf(error);
  }
}

/** A link as emailed before the shared token format: "<payload>.<mac>". */
function legacyToken(key: string, payload: object): string {
  const encoded = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${encoded}.${createHmac("sha256", key).update(`interviewlm.candidate-invite.v1.${encoded}`).digest("base64url")}`;
}

describe("invite tokens", () => {
  it("round-trips the candidate, nonce and expiry (to the second) and is URL-safe", async () => {
    const token = await signInviteToken(secret, claims);
    expect(token).toMatch(/^t1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(await readInviteToken(secret, token)).toEqual(claims);
    expect(inviteUrl("https://app.test", token)).toBe(`https://app.test/i/${token}`);
  });

  it("is deterministic, so a reminder can repeat the invitation's link", async () => {
    expect(await signInviteToken(secret, claims)).toBe(await signInviteToken(secret, claims));
  });

  it("still reads an expired link (the portal says 'expired', not 'invalid')", async () => {
    const old = { ...claims, expiresAt: new Date("2001-01-01T00:00:00Z") };
    expect(await readInviteToken(secret, await signInviteToken(secret, old))).toEqual(old);
  });

  it("refuses a token signed with another secret, and accepts the previous secret during a rotation", async () => {
    const previous = "another-secret-0123456789abcdefghijklmnopq";
    const token = await signInviteToken(previous, claims);
    expect(await problemOf(() => readInviteToken(secret, token))).toBe("invalid");
    expect(await readInviteToken({ current: secret, previous: [previous] }, token)).toEqual(claims);
  });

  it("refuses an edited payload (another candidate, a later expiry) with the original signature", async () => {
    const [version, payload, signature] = (await signInviteToken(secret, claims)).split(".");
    const envelope = JSON.parse(Buffer.from(payload!, "base64url").toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...envelope, c: { c: "cand_999", n: claims.nonce }, exp: 4_000_000_000 })).toString("base64url");
    expect(await problemOf(() => readInviteToken(secret, `${version}.${forged}.${signature}`))).toBe("invalid");
  });

  it("does not accept a token of another purpose signed with the same secret", async () => {
    const { signToken } = await import("@interviewlm/tokens");
    const other = await signToken(secret, "interviewlm.room", { c: claims.candidateId, n: claims.nonce }, { ttlSeconds: 600 });
    expect(await problemOf(() => readInviteToken(secret, other))).toBe("invalid");
  });

  it.each([
    ["empty", ""],
    ["no signature", "abc"],
    ["three parts", "a.b.c"],
    ["garbage", "%%%.***"],
    ["far too long", "a".repeat(1100) + ".b"],
  ])("refuses a malformed token (%s) as invalid", async (_label, token) => {
    expect(await problemOf(() => readInviteToken(secret, token))).toBe("invalid");
  });

  it("refuses a truncated signature", async () => {
    expect(await problemOf(async () => readInviteToken(secret, (await signInviteToken(secret, claims)).slice(0, -4)))).toBe("invalid");
  });

  describe("links emailed before the shared format", () => {
    it("keep working, with the current or the previous secret", async () => {
      const token = legacyToken(secret, { c: claims.candidateId, n: claims.nonce, e: Math.floor(claims.expiresAt.getTime() / 1000) });
      expect(await readInviteToken(secret, token)).toEqual(claims);
      expect(await readInviteToken({ current: "a-rotated-secret-0123456789abcdefghijklmnop", previous: [secret] }, token)).toEqual(claims);
    });

    it("are refused when edited, signed with another secret, or of the wrong shape", async () => {
      const good = legacyToken(secret, { c: claims.candidateId, n: claims.nonce, e: 1_900_000_000 });
      const [, mac] = good.split(".");
      const edited = Buffer.from(JSON.stringify({ c: "cand_999", n: claims.nonce, e: 4_000_000_000 })).toString("base64url");
      expect(await problemOf(() => readInviteToken(secret, `${edited}.${mac}`))).toBe("invalid");
      expect(await problemOf(() => readInviteToken(secret, legacyToken("another-secret-0123456789abcdefghijklmnopq", { c: "x", n: "y", e: 1 })))).toBe("invalid");
      expect(await problemOf(() => readInviteToken(secret, legacyToken(secret, { c: 42, n: "x", e: "soon" })))).toBe("invalid");
    });
  });

  it("says what went wrong in words a candidate understands, also through a wrapping error's cause", () => {
    const error = new InviteLinkError("superseded");
    expect(error.message).toBe("A newer invitation was sent; use the latest email.");
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(new InviteLinkError("invalid").code).toBe("NOT_FOUND");
    expect(inviteLinkProblemOf(new Error("wrapped", { cause: error }))).toBe("superseded");
    expect(inviteLinkProblemOf(new Error("other"))).toBeNull();
  });

  it("makes a fresh 128-bit nonce every time", () => {
    const a = newInviteNonce();
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(newInviteNonce()).not.toBe(a);
  });
});
