import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isSandboxError } from "../errors.ts";
import { signServiceToken, verifyServiceToken } from "./service-token.ts";

const secret = "a-test-secret-of-reasonable-length";

async function rejectionCode(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    return isSandboxError(error) ? error.code : String(error);
  }
}

describe("service tokens", () => {
  it("verify with the previous secret during a rotation", async () => {
    const previous = "the-previous-secret-of-reasonable-length";
    const token = await signServiceToken({ secret: previous, subject: "room:abc" });
    expect(await verifyServiceToken(token, { current: secret, previous: [previous] })).toMatchObject({ sub: "room:abc" });
    expect(await rejectionCode(verifyServiceToken(token, secret))).toBe("UNAUTHORIZED");
  });

  it("still verify a v1 token signed before the shared format", async () => {
    const iat = Math.floor(Date.now() / 1000);
    const payload = Buffer.from(JSON.stringify({ sub: "room:old", iat, exp: iat + 300 })).toString("base64url");
    const legacy = `v1.${payload}.${createHmac("sha256", secret).update(`v1.${payload}`).digest("base64url")}`;
    expect(await verifyServiceToken(legacy, secret)).toMatchObject({ sub: "room:old" });
    expect(await rejectionCode(verifyServiceToken(legacy, "another-secret-of-reasonable-length"))).toBe("UNAUTHORIZED");
  });

  it("verify when signed with the same secret and carry subject and workspace scope", async () => {
    const token = await signServiceToken({ secret, subject: "room:abc", workspaceId: "ws_x", ttlSeconds: 60 });
    expect(token).toMatch(/^t1\.[\w-]+\.[\w-]+$/);
    expect(await verifyServiceToken(token, secret)).toMatchObject({ sub: "room:abc", ws: "ws_x" });
  });

  it("are rejected with another secret, when tampered with or malformed", async () => {
    const token = await signServiceToken({ secret, subject: "web" });
    expect(await rejectionCode(verifyServiceToken(token, "another-secret"))).toBe("UNAUTHORIZED");
    const [version, payload, signature] = token.split(".") as [string, string, string];
    const envelope = JSON.parse(Buffer.from(payload, "base64url").toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...envelope, iat: 0, exp: 9_999_999_999 })).toString("base64url");
    expect(await rejectionCode(verifyServiceToken(`${version}.${forged}.${signature}`, secret))).toBe("UNAUTHORIZED");
    expect(await rejectionCode(verifyServiceToken(`${version}.${payload}`, secret))).toBe("UNAUTHORIZED");
    expect(await rejectionCode(verifyServiceToken("Bearer nonsense", secret))).toBe("UNAUTHORIZED");
  });

  it("expire, and may not live longer than a day", async () => {
    const old = await signServiceToken({ secret, subject: "web", ttlSeconds: 60, now: Date.now() - 10 * 60_000 });
    expect(await rejectionCode(verifyServiceToken(old, secret))).toBe("TOKEN_EXPIRED");
    const long = await signServiceToken({ secret, subject: "web", ttlSeconds: 7 * 24 * 3600 });
    const claims = await verifyServiceToken(long, secret);
    expect(claims.exp - claims.iat).toBe(24 * 3600);
  });
});
