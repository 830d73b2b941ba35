import type { PrismaClient } from "@interviewlm/db";
import type * as subtle from "@oslojs/crypto/subtle";
import { createTestDatabase, testDatabaseFlavour, type TestDatabase } from "@interviewlm/db/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SessionNotFoundError } from "./errors.ts";
import {
  SESSION_POLICY,
  createSession,
  invalidateSession,
  invalidateUserSessions,
  listUserSessions,
  pruneExpiredSessions,
  setActiveOrganization,
  validateSessionToken,
} from "./sessions.ts";

// Wrap constantTimeEqual so a test can see the secret comparison goes through it.
vi.mock("@oslojs/crypto/subtle", async (importOriginal) => {
  const original = await importOriginal<typeof subtle>();
  return { ...original, constantTimeEqual: vi.fn(original.constantTimeEqual) };
});
const { constantTimeEqual } = await import("@oslojs/crypto/subtle");

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const t0 = new Date("2030-01-01T09:00:00.000Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

/** A PrismaClient that fails the test if anything touches it. */
const untouchable = new Proxy({} as PrismaClient, {
  get(_target, property) {
    throw new Error(`database touched: ${String(property)}`);
  },
});

describe(`sessions (${testDatabaseFlavour()})`, () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let n = 0;
  const newUser = () =>
    prisma.user.create({ data: { email: `user${++n}@example.com`, name: `User ${n}` } });

  beforeAll(async () => {
    db = await createTestDatabase();
    prisma = db.prisma;
  });
  afterAll(() => db?.close());

  it("issues `<id>.<secret>` tokens of two 160-bit base32 halves and stores only SHA-256(secret)", async () => {
    const user = await newUser();
    const { token, session } = await createSession(prisma, user.id, { userAgent: "Vitest", ipAddress: "203.0.113.9" }, t0);
    expect(token).toMatch(/^[a-z2-7]{32}\.[a-z2-7]{32}$/);
    const [id, secret] = token.split(".") as [string, string];
    expect(session.id).toBe(id);
    expect(session).not.toHaveProperty("secretHash");
    expect(session).toMatchObject({ userId: user.id, userAgent: "Vitest", ipAddress: "203.0.113.9", createdAt: t0, lastUsedAt: t0 });

    const row = await prisma.session.findUniqueOrThrow({ where: { id } });
    const { createHash } = await import("node:crypto");
    expect(Buffer.from(row.secretHash).toString("hex")).toBe(createHash("sha256").update(secret).digest("hex"));
    expect(Buffer.from(row.secretHash).toString("utf8")).not.toContain(secret);
  });

  it("starts with an expiry one idle timeout ahead", async () => {
    const user = await newUser();
    const { session } = await createSession(prisma, user.id, {}, t0);
    expect(session.expiresAt).toEqual(at(SESSION_POLICY.idleTimeoutMs));
  });

  it("validates a fresh token and returns the session and user without the hash", async () => {
    const user = await newUser();
    const { token } = await createSession(prisma, user.id, { activeOrganizationId: "org_1" }, t0);
    const result = await validateSessionToken(prisma, token, at(1000));
    expect(result?.user).toEqual({ id: user.id, email: user.email, name: user.name, emailVerifiedAt: null, isPlatformAdmin: false });
    expect(result?.session.activeOrganizationId).toBe("org_1");
    expect(result?.session).not.toHaveProperty("secretHash");
    expect(result?.fresh).toBe(false);
  });

  it.each(["", "garbage", "a.b", "A".repeat(32) + "." + "a".repeat(32), "a".repeat(32) + "." + "a".repeat(31), "a".repeat(32) + "a".repeat(33)])(
    "refuses malformed token %j without touching the database",
    async (token) => {
      expect(await validateSessionToken(untouchable, token, t0)).toBeNull();
    },
  );

  it("refuses a well-formed token whose session does not exist", async () => {
    expect(await validateSessionToken(prisma, `${"a".repeat(32)}.${"b".repeat(32)}`, t0)).toBeNull();
  });

  it("refuses a wrong secret, compares in constant time, and leaves the session alone", async () => {
    const user = await newUser();
    const { token, session } = await createSession(prisma, user.id, {}, t0);
    const forged = `${session.id}.${"a".repeat(32)}`;
    vi.mocked(constantTimeEqual).mockClear();
    expect(await validateSessionToken(prisma, forged, at(1000))).toBeNull();
    expect(constantTimeEqual).toHaveBeenCalledTimes(1);
    // The owner is not signed out by someone who only knows the id.
    expect(await validateSessionToken(prisma, token, at(2000))).not.toBeNull();
  });

  it("refuses and deletes an expired session", async () => {
    const user = await newUser();
    const { token, session } = await createSession(prisma, user.id, {}, t0);
    // Keep lastUsedAt recent so only expiresAt is past.
    await prisma.session.update({ where: { id: session.id }, data: { expiresAt: at(DAY), lastUsedAt: at(DAY - MINUTE) } });
    expect(await validateSessionToken(prisma, token, at(DAY))).toBeNull();
    expect(await prisma.session.count({ where: { id: session.id } })).toBe(0);
  });

  it("refuses and deletes a session idle for longer than the inactivity timeout", async () => {
    const user = await newUser();
    const { token, session } = await createSession(prisma, user.id, {}, t0);
    // expiresAt pushed far out so only the idle clock can end it.
    await prisma.session.update({ where: { id: session.id }, data: { expiresAt: at(20 * DAY) } });
    expect(await validateSessionToken(prisma, token, at(SESSION_POLICY.idleTimeoutMs - MINUTE))).not.toBeNull();
    const lastUsed = (await prisma.session.findUniqueOrThrow({ where: { id: session.id } })).lastUsedAt;
    expect(await validateSessionToken(prisma, token, new Date(lastUsed.getTime() + SESSION_POLICY.idleTimeoutMs))).toBeNull();
    expect(await prisma.session.count({ where: { id: session.id } })).toBe(0);
  });

  it("ends a session at its absolute lifetime however active it is", async () => {
    const user = await newUser();
    const { token, session } = await createSession(prisma, user.id, {}, t0);
    for (let day = 1; day < 30; day += 3) {
      expect(await validateSessionToken(prisma, token, at(day * DAY)), `day ${day}`).not.toBeNull();
    }
    const last = await validateSessionToken(prisma, token, at(29 * DAY));
    expect(last?.session.expiresAt).toEqual(at(SESSION_POLICY.absoluteLifetimeMs));
    expect(await validateSessionToken(prisma, token, at(SESSION_POLICY.absoluteLifetimeMs))).toBeNull();
    expect(await prisma.session.count({ where: { id: session.id } })).toBe(0);
  });

  it("slides the expiry forward on use (and says the cookie is fresh), at most hourly", async () => {
    const user = await newUser();
    const { token, session } = await createSession(prisma, user.id, {}, t0);

    const soon = await validateSessionToken(prisma, token, at(30 * MINUTE));
    expect(soon?.fresh).toBe(false);
    expect(soon?.session.expiresAt).toEqual(session.expiresAt);

    const later = await validateSessionToken(prisma, token, at(2 * DAY));
    expect(later?.fresh).toBe(true);
    expect(later?.session.expiresAt).toEqual(at(2 * DAY + SESSION_POLICY.idleTimeoutMs));
    const row = await prisma.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(row.expiresAt).toEqual(at(2 * DAY + SESSION_POLICY.idleTimeoutMs));
    expect(row.lastUsedAt).toEqual(at(2 * DAY));
  });

  it("writes lastUsedAt at most once per touch interval", async () => {
    const user = await newUser();
    const { token, session } = await createSession(prisma, user.id, {}, t0);
    await validateSessionToken(prisma, token, at(SESSION_POLICY.touchIntervalMs - 1));
    expect((await prisma.session.findUniqueOrThrow({ where: { id: session.id } })).lastUsedAt).toEqual(t0);
    const touched = await validateSessionToken(prisma, token, at(SESSION_POLICY.touchIntervalMs));
    expect(touched?.session.lastUsedAt).toEqual(at(SESSION_POLICY.touchIntervalMs));
    expect((await prisma.session.findUniqueOrThrow({ where: { id: session.id } })).lastUsedAt).toEqual(at(SESSION_POLICY.touchIntervalMs));
  });

  it("refuses a revoked session", async () => {
    const user = await newUser();
    const { token, session } = await createSession(prisma, user.id, {}, t0);
    await invalidateSession(prisma, session.id);
    expect(await validateSessionToken(prisma, token, at(1000))).toBeNull();
    await expect(invalidateSession(prisma, session.id)).resolves.toBeUndefined();
  });

  it("logs out everywhere, optionally except the current session", async () => {
    const user = await newUser();
    const other = await newUser();
    const current = await createSession(prisma, user.id, {}, t0);
    const a = await createSession(prisma, user.id, {}, t0);
    const b = await createSession(prisma, user.id, {}, t0);
    const theirs = await createSession(prisma, other.id, {}, t0);

    expect(await invalidateUserSessions(prisma, user.id, { exceptSessionId: current.session.id })).toBe(2);
    expect(await validateSessionToken(prisma, a.token, at(1000))).toBeNull();
    expect(await validateSessionToken(prisma, b.token, at(1000))).toBeNull();
    expect(await validateSessionToken(prisma, current.token, at(1000))).not.toBeNull();
    expect(await validateSessionToken(prisma, theirs.token, at(1000))).not.toBeNull();

    expect(await invalidateUserSessions(prisma, user.id)).toBe(1);
    expect(await validateSessionToken(prisma, current.token, at(2000))).toBeNull();
  });

  it("lists a user's live sessions, most recently used first, without hashes", async () => {
    const user = await newUser();
    const older = await createSession(prisma, user.id, { userAgent: "Firefox" }, t0);
    const newer = await createSession(prisma, user.id, { userAgent: "Chrome" }, at(HOUR));
    const ended = await createSession(prisma, user.id, {}, t0);
    await prisma.session.update({ where: { id: ended.session.id }, data: { expiresAt: at(MINUTE) } });

    const sessions = await listUserSessions(prisma, user.id, at(2 * HOUR));
    expect(sessions.map((s) => s.id)).toEqual([newer.session.id, older.session.id]);
    expect(sessions[0]).not.toHaveProperty("secretHash");
  });

  it("sets and clears the active organisation, and reports a missing session", async () => {
    const user = await newUser();
    const { token, session } = await createSession(prisma, user.id, {}, t0);
    await setActiveOrganization(prisma, session.id, "org_2");
    expect((await validateSessionToken(prisma, token, at(1000)))?.session.activeOrganizationId).toBe("org_2");
    await setActiveOrganization(prisma, session.id, null);
    expect((await validateSessionToken(prisma, token, at(2000)))?.session.activeOrganizationId).toBeNull();
    await expect(setActiveOrganization(prisma, "missing", "org_2")).rejects.toBeInstanceOf(SessionNotFoundError);
  });

  it("prunes only sessions that can no longer validate", async () => {
    const user = await newUser();
    const live = await createSession(prisma, user.id, {}, at(100 * DAY));
    const old = await createSession(prisma, user.id, {}, t0);
    const pruned = await pruneExpiredSessions(prisma, at(100 * DAY + HOUR));
    expect(pruned).toBeGreaterThanOrEqual(1);
    expect(await prisma.session.count({ where: { id: old.session.id } })).toBe(0);
    expect(await prisma.session.count({ where: { id: live.session.id } })).toBe(1);
  });

  it("clips attacker-sized user agents", async () => {
    const user = await newUser();
    const { session } = await createSession(prisma, user.id, { userAgent: "x".repeat(10_000) }, t0);
    expect(session.userAgent).toHaveLength(512);
  });
});
