import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorShapeData } from "./errors.ts";
import { createHarness, sessionCookieFrom, type Harness } from "./testing/index.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function rejection(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

describe("sign-up", () => {
  it("creates the account and its organisation, logs in, and queues a verification email", async () => {
    const api = await h.caller();
    const result = await api.auth.signUp({ name: "Grace Hopper", email: "Grace@Example.com ", password: "a long enough password" });
    const cookie = sessionCookieFrom(api.responseHeaders);
    expect(cookie).toMatch(/^ilm_session=[a-z0-9]+\.[a-z0-9]+$/);
    expect(api.responseHeaders.get("set-cookie")).toMatch(/HttpOnly/i);
    expect(api.responseHeaders.get("set-cookie")).toMatch(/SameSite=Lax/i);

    const me = await (await h.caller({ cookie })).auth.me();
    expect(me?.user).toMatchObject({ email: "grace@example.com", name: "Grace Hopper", emailVerified: false });
    expect(me?.organizations).toEqual([expect.objectContaining({ id: result.organizationId, role: "OWNER", name: "Grace Hopper's team" })]);

    const mail = await h.db.prisma.emailMessage.findFirst({ where: { toAddress: "grace@example.com", template: "verify-email" } });
    expect(mail?.status).toBe("QUEUED");
    expect(mail?.text).toContain("/verify-email/");
  });

  it("refuses a second account for the same address, whatever its case", async () => {
    await (await h.caller()).auth.signUp({ name: "One", email: "same@example.com", password: "a long enough password" });
    const error = await rejection((await h.caller()).auth.signUp({ name: "Two", email: "SAME@example.com", password: "a long enough password" }));
    expect(error.code).toBe("CONFLICT");
    expect(errorShapeData(error.cause).fieldErrors).toEqual({ email: ["An account with this email already exists."] });
    expect(await h.db.prisma.user.count({ where: { email: "same@example.com" } })).toBe(1);
  });

  it("rejects bad input field by field and writes nothing", async () => {
    const before = await h.db.prisma.user.count();
    const error = await rejection(
      (await h.caller()).auth.signUp({ name: "x".repeat(300), email: "not-an-email", password: "short" }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    const fields = errorShapeData(error.cause).fieldErrors ?? {};
    expect(Object.keys(fields).sort()).toEqual(["email", "name", "password"]);
    expect(fields.password?.[0]).toMatch(/at least 10/);
    expect(await h.db.prisma.user.count()).toBe(before);
    expect(await h.db.prisma.emailMessage.count({ where: { toAddress: "not-an-email" } })).toBe(0);
  });
});

describe("email verification", () => {
  it("verifies once; the same link then says it was used", async () => {
    await (await h.caller()).auth.signUp({ name: "Ver", email: "ver@example.com", password: "a long enough password" });
    const link = await h.linkFromLatestEmail("ver@example.com", "/verify-email/");
    const token = decodeURIComponent(link.split("/verify-email/")[1]!);
    await (await h.caller()).auth.verifyEmail({ token });
    const user = await h.db.prisma.user.findUniqueOrThrow({ where: { email: "ver@example.com" } });
    expect(user.emailVerifiedAt).not.toBeNull();
    const again = await rejection((await h.caller()).auth.verifyEmail({ token }));
    expect(again.message).toMatch(/already used/);
    const bogus = await rejection((await h.caller()).auth.verifyEmail({ token: "x".repeat(40) }));
    expect(bogus.code).toBe("NOT_FOUND");
  });

  it("keeps unverified users out of organisation procedures", async () => {
    const api = await h.caller();
    await api.auth.signUp({ name: "Unv", email: "unverified@example.com", password: "a long enough password" });
    const cookie = sessionCookieFrom(api.responseHeaders);
    const error = await rejection((await h.caller({ cookie })).members.list());
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toMatch(/Verify your email/);
  });
});

describe("log in and sessions", () => {
  it("logs in with the right password and refuses a wrong one with one message", async () => {
    const user = await h.signUpVerified({ name: "Lin", email: "lin@example.com" });
    const api = await h.caller();
    await api.auth.logIn({ email: "LIN@example.com", password: user.password });
    expect(sessionCookieFrom(api.responseHeaders)).toBeTruthy();
    const wrong = await rejection((await h.caller()).auth.logIn({ email: "lin@example.com", password: "nope nope nope" }));
    expect(wrong.code).toBe("UNAUTHORIZED");
    expect(wrong.message).toBe("Email or password is incorrect.");
    const unknown = await rejection((await h.caller()).auth.logIn({ email: "nobody@example.com", password: "whatever it is" }));
    expect(unknown.message).toBe("Email or password is incorrect.");
  });

  it("rate limits login attempts per address and says when to try again", async () => {
    await h.signUpVerified({ name: "Rate", email: "rate@example.com" });
    for (let i = 0; i < 5; i++) {
      const e = await rejection((await h.caller()).auth.logIn({ email: "rate@example.com", password: `wrong password ${i}` }));
      expect(e.code).toBe("UNAUTHORIZED");
    }
    const limited = await rejection((await h.caller()).auth.logIn({ email: "rate@example.com", password: "correct horse battery staple" }));
    expect(limited.code).toBe("TOO_MANY_REQUESTS");
    expect(limited.message).toMatch(/Try again in \d+ s/);
    expect(errorShapeData(limited.cause).retryAfterSeconds).toBeGreaterThan(0);
  });

  it("rejects a revoked session and a logged-out one", async () => {
    const user = await h.signUpVerified({ name: "Rev", email: "rev@example.com" });
    const second = await h.caller();
    await second.auth.logIn({ email: user.email, password: user.password });
    const secondCookie = sessionCookieFrom(second.responseHeaders)!;
    const sessions = await (await h.caller({ cookie: user.cookie })).auth.sessions();
    expect(sessions).toHaveLength(2);
    const other = sessions.find((s) => !s.current)!;
    await (await h.caller({ cookie: user.cookie })).auth.revokeSession({ sessionId: other.id });
    expect(await (await h.caller({ cookie: secondCookie })).auth.me()).toBeNull();

    const api = await h.caller({ cookie: user.cookie });
    await api.auth.logOut();
    expect(api.responseHeaders.get("set-cookie")).toMatch(/ilm_session=;|Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    expect(await (await h.caller({ cookie: user.cookie })).auth.me()).toBeNull();
  });

  it("cannot revoke another user's session (reported as not found)", async () => {
    const a = await h.signUpVerified({ name: "A", email: "sess-a@example.com" });
    const b = await h.signUpVerified({ name: "B", email: "sess-b@example.com" });
    const bSession = (await (await h.caller({ cookie: b.cookie })).auth.sessions())[0]!;
    const error = await rejection((await h.caller({ cookie: a.cookie })).auth.revokeSession({ sessionId: bSession.id }));
    expect(error.code).toBe("NOT_FOUND");
    expect(await (await h.caller({ cookie: b.cookie })).auth.me()).not.toBeNull();
  });

  it("logs out everywhere", async () => {
    const user = await h.signUpVerified({ name: "Every", email: "every@example.com" });
    const other = await h.caller();
    await other.auth.logIn({ email: user.email, password: user.password });
    const otherCookie = sessionCookieFrom(other.responseHeaders)!;
    const result = await (await h.caller({ cookie: user.cookie })).auth.logOutEverywhere();
    expect(result.ended).toBe(2);
    expect(await (await h.caller({ cookie: otherCookie })).auth.me()).toBeNull();
    expect(await (await h.caller({ cookie: user.cookie })).auth.me()).toBeNull();
  });

  it("rejects an expired session", async () => {
    const user = await h.signUpVerified({ name: "Exp", email: "exp@example.com" });
    h.setNow(new Date(Date.now() + 400 * 24 * 3600 * 1000));
    try {
      expect(await (await h.caller({ cookie: user.cookie })).auth.me()).toBeNull();
    } finally {
      h.setNow(null);
    }
    expect(await h.db.prisma.session.count({ where: { userId: user.userId } })).toBe(0);
  });

  it("refuses a cross-origin mutation and one with no origin at all", async () => {
    const user = await h.signUpVerified({ name: "Csrf", email: "csrf@example.com" });
    const evil = await rejection((await h.caller({ cookie: user.cookie, origin: "https://evil.example" })).auth.logOutEverywhere());
    expect(evil.code).toBe("FORBIDDEN");
    expect(evil.message).toMatch(/Cross-origin/);
    const none = await rejection((await h.caller({ cookie: user.cookie, origin: null })).auth.logOutEverywhere());
    expect(none.code).toBe("FORBIDDEN");
    expect(await (await h.caller({ cookie: user.cookie })).auth.me()).not.toBeNull();
  });
});

describe("password reset", () => {
  it("answers the same for unknown addresses and sends nothing", async () => {
    await (await h.caller()).auth.requestPasswordReset({ email: "ghost@example.com" });
    expect(await h.db.prisma.emailMessage.count({ where: { toAddress: "ghost@example.com" } })).toBe(0);
  });

  it("resets with a single-use link, ends old sessions and logs in", async () => {
    const user = await h.signUpVerified({ name: "Reset", email: "reset@example.com" });
    await (await h.caller()).auth.requestPasswordReset({ email: "reset@example.com" });
    const link = await h.linkFromLatestEmail("reset@example.com", "/reset-password/");
    const token = decodeURIComponent(link.split("/reset-password/")[1]!);
    const api = await h.caller();
    await api.auth.resetPassword({ token, password: "a brand new password" });
    expect(sessionCookieFrom(api.responseHeaders)).toBeTruthy();
    expect(await (await h.caller({ cookie: user.cookie })).auth.me()).toBeNull();
    const reused = await rejection((await h.caller()).auth.resetPassword({ token, password: "another new password" }));
    expect(reused.message).toMatch(/already used/);
    await (await h.caller()).auth.logIn({ email: "reset@example.com", password: "a brand new password" });
  });

  it("refuses an expired reset link", async () => {
    await h.signUpVerified({ name: "Late", email: "late@example.com" });
    await (await h.caller()).auth.requestPasswordReset({ email: "late@example.com" });
    const link = await h.linkFromLatestEmail("late@example.com", "/reset-password/");
    const token = decodeURIComponent(link.split("/reset-password/")[1]!);
    h.setNow(new Date(Date.now() + 2 * 3600 * 1000));
    try {
      const error = await rejection((await h.caller()).auth.resetPassword({ token, password: "a brand new password" }));
      expect(error.message).toMatch(/expired/);
    } finally {
      h.setNow(null);
    }
  });
});
