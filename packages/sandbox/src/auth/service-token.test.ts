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
  it("verify when signed with the same secret and carry subject and workspace scope", async () => {
    const token = await signServiceToken({ secret, subject: "room:abc", workspaceId: "ws_x", ttlSeconds: 60 });
    expect(token).toMatch(/^v1\.[\w-]+\.[\w-]+$/);
    expect(await verifyServiceToken(token, secret)).toMatchObject({ sub: "room:abc", ws: "ws_x" });
  });

  it("are rejected with another secret, when tampered with or malformed", async () => {
    const token = await signServiceToken({ secret, subject: "web" });
    expect(await rejectionCode(verifyServiceToken(token, "another-secret"))).toBe("UNAUTHORIZED");
    const [version, payload, signature] = token.split(".") as [string, string, string];
    const forged = btoa(JSON.stringify({ sub: "web", iat: 0, exp: 9_999_999_999 })).replace(/=+$/, "");
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
