// Linking a provider to an existing account by email, against a real database: the
// pre-account-takeover case (someone else signed up with the address and never verified it).
import { validateSessionToken } from "@interviewlm/auth";
import { createTestDatabase, testDatabaseFlavour, type TestDatabase } from "@interviewlm/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CoreDeps } from "../shared/deps.ts";
import { logIn } from "./log-in.ts";
import { requestPasswordReset } from "./password.ts";
import { signInWithOAuth } from "./oauth-sign-in.ts";
import { signUp } from "./sign-up.ts";

let db: TestDatabase;
let deps: CoreDeps;

beforeAll(async () => {
  db = await createTestDatabase();
  deps = { db: db.prisma, appUrl: "http://localhost:3000", appSecret: "test-app-secret-0123456789abcdefghijklmnopqrstuvwxyz" };
}, 60_000);
afterAll(() => db?.close());

const google = (sub: string, email: string) => ({ provider: "google" as const, providerAccountId: sub, email, emailVerified: true, name: "Real Owner" });

describe(`signInWithOAuth linking by email (${testDatabaseFlavour()})`, () => {
  it("takes back an unverified account from whoever claimed the address: no password, no sessions, no pending links", async () => {
    const claimed = await signUp(deps, { name: "Attacker", email: "victim@example.com", password: "attacker's long password" });
    await requestPasswordReset(deps, { email: "victim@example.com" });

    const owner = await signInWithOAuth(deps, google("g-victim", "victim@example.com"));

    expect(owner.userId).toBe(claimed.userId);
    expect(await validateSessionToken(db.prisma, claimed.token)).toBeNull();
    expect(await validateSessionToken(db.prisma, owner.token)).not.toBeNull();
    await expect(logIn(deps, { email: "victim@example.com", password: "attacker's long password" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const user = await db.prisma.user.findUniqueOrThrow({ where: { id: owner.userId }, select: { passwordHash: true, emailVerifiedAt: true } });
    expect(user.passwordHash).toBeNull();
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(await db.prisma.passwordResetToken.count({ where: { userId: owner.userId, usedAt: null } })).toBe(0);
    expect(await db.prisma.emailVerificationToken.count({ where: { userId: owner.userId, usedAt: null } })).toBe(0);
    const audit = await db.prisma.auditLog.findFirst({ where: { targetId: owner.userId, action: "user.oauth_linked" }, select: { metadata: true } });
    expect(audit?.metadata).toMatchObject({ provider: "google", claimedAccountReset: true });
  });

  it("keeps the password and sessions of an account whose owner had verified the address", async () => {
    const own = await signUp(deps, { name: "Verified", email: "verified@example.com", password: "my own long password" });
    await db.prisma.user.update({ where: { id: own.userId }, data: { emailVerifiedAt: new Date() } });

    const linked = await signInWithOAuth(deps, google("g-verified", "verified@example.com"));

    expect(linked.userId).toBe(own.userId);
    expect(await validateSessionToken(db.prisma, own.token)).not.toBeNull();
    await expect(logIn(deps, { email: "verified@example.com", password: "my own long password" })).resolves.toMatchObject({ userId: own.userId });
  });
});
