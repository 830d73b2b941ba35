import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { InviteLinkError, inviteLinkProblemOf, inviteUrl, newInviteNonce, readInviteToken, signInviteToken } from "./invite-token.ts";

const secret = "unit-test-secret-0123456789abcdefghijklmnop";
const claims = { candidateId: "cand_123", nonce: newInviteNonce(), expiresAt: new Date("2030-01-02T03:04:05Z") };

function problemOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return inviteLinkProblemOf(error);
  }
}

describe("invite tokens", () => {
  it("round-trips the candidate, nonce and expiry (to the second) and is URL-safe", () => {
    const token = signInviteToken(secret, claims);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(readInviteToken(secret, token)).toEqual(claims);
    expect(inviteUrl("https://app.test", token)).toBe(`https://app.test/i/${token}`);
  });

  it("is deterministic, so a reminder can repeat the invitation's link", () => {
    expect(signInviteToken(secret, claims)).toBe(signInviteToken(secret, claims));
  });

  it("refuses a token signed with another secret", () => {
    const token = signInviteToken("another-secret-0123456789abcdefghijklmnopq", claims);
    expect(problemOf(() => readInviteToken(secret, token))).toBe("invalid");
  });

  it("refuses an edited payload (another candidate, a later expiry) with the original signature", () => {
    const [, signature] = signInviteToken(secret, claims).split(".");
    const forged = Buffer.from(JSON.stringify({ c: "cand_999", n: claims.nonce, e: 4_000_000_000 })).toString("base64url");
    expect(problemOf(() => readInviteToken(secret, `${forged}.${signature}`))).toBe("invalid");
  });

  it.each([
    ["empty", ""],
    ["no signature", "abc"],
    ["three parts", "a.b.c"],
    ["truncated signature", signInviteToken(secret, claims).slice(0, -4)],
    ["garbage", "%%%.***"],
    ["far too long", "a".repeat(600) + ".b"],
  ])("refuses a malformed token (%s) as invalid", (_label, token) => {
    expect(problemOf(() => readInviteToken(secret, token))).toBe("invalid");
  });

  it("refuses a correctly signed payload whose claims are not the expected shape", () => {
    const payload = Buffer.from(JSON.stringify({ c: 42, n: "x", e: "soon" })).toString("base64url");
    const mac = createHmac("sha256", secret).update(`interviewlm.candidate-invite.v1.${payload}`).digest("base64url");
    expect(problemOf(() => readInviteToken(secret, `${payload}.${mac}`))).toBe("invalid");
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
