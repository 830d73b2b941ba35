// Database sessions the Lucia way (lucia-auth.com/sessions/basic): the cookie carries
// `<id>.<secret>`; the row keeps only SHA-256(secret), compared in constant time, so a
// leaked sessions table cannot be replayed as cookies.
import type { Db } from "@interviewlm/db";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { sha256 } from "@oslojs/crypto/sha2";
import { SessionNotFoundError } from "./errors.ts";
import { randomBase32 } from "./random.ts";
import { SESSION_POLICY, sessionEndReason, sessionRefresh, slidingExpiry } from "./session-policy.ts";

export { SESSION_POLICY } from "./session-policy.ts";
export const SESSION_COOKIE_NAME = "ilm_session";

/** A session as callers see it: never the secret hash. */
export interface SessionRecord {
  id: string;
  userId: string;
  activeOrganizationId: string | null;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date;
  userAgent: string | null;
  ipAddress: string | null;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  emailVerifiedAt: Date | null;
  isPlatformAdmin: boolean;
}

export interface SessionMeta {
  activeOrganizationId?: string | null;
  userAgent?: string | null;
  ipAddress?: string | null;
}

export interface SessionValidation {
  session: SessionRecord;
  user: SessionUser;
  /** expiresAt moved: send a fresh Set-Cookie (serializeSessionCookie) with this response. */
  fresh: boolean;
}

// 20 random bytes each → 32 base32 chars; the secret carries 160 bits (the guide asks ≥ 120).
const TOKEN_PART_BYTES = 20;
const TOKEN_PATTERN = /^([a-z2-7]{32})\.([a-z2-7]{32})$/;

const sessionSelect = {
  id: true,
  userId: true,
  activeOrganizationId: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  userAgent: true,
  ipAddress: true,
} as const;

const userSelect = { id: true, email: true, name: true, emailVerifiedAt: true, isPlatformAdmin: true } as const;

function hashSecret(secret: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(sha256(new TextEncoder().encode(secret)));
}

// Request headers are attacker-controlled; keep what we store bounded.
function clip(value: string | null | undefined, max: number): string | null {
  return value ? value.slice(0, max) : null;
}

export async function createSession(
  db: Db,
  userId: string,
  meta: SessionMeta = {},
  now: Date = new Date(),
): Promise<{ token: string; session: SessionRecord }> {
  const id = randomBase32(TOKEN_PART_BYTES);
  const secret = randomBase32(TOKEN_PART_BYTES);
  const session = await db.session.create({
    data: {
      id,
      secretHash: hashSecret(secret),
      userId,
      activeOrganizationId: meta.activeOrganizationId ?? null,
      createdAt: now,
      lastUsedAt: now,
      expiresAt: slidingExpiry(now, now),
      userAgent: clip(meta.userAgent, 512),
      ipAddress: clip(meta.ipAddress, 64),
    },
    select: sessionSelect,
  });
  return { token: `${id}.${secret}`, session };
}

/**
 * The session and user behind a cookie token, or null. Malformed tokens are refused
 * before touching the database; ended sessions (expired, idle, past the absolute
 * lifetime) are deleted; live ones slide their expiry (see session-policy.ts).
 */
export async function validateSessionToken(
  db: Db,
  token: string,
  now: Date = new Date(),
): Promise<SessionValidation | null> {
  const match = TOKEN_PATTERN.exec(token);
  if (!match) return null;
  const [, id, secret] = match as unknown as [string, string, string];

  const row = await db.session.findUnique({
    where: { id },
    select: { ...sessionSelect, secretHash: true, user: { select: userSelect } },
  });
  if (!row) return null;
  // A wrong secret only returns null: deleting would let anyone who learnt a session id
  // (it is not secret) sign its owner out.
  if (!constantTimeEqual(hashSecret(secret), row.secretHash)) return null;

  if (sessionEndReason(row, now) !== null) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }

  const { secretHash: _hash, user, ...session } = row;
  const refresh = sessionRefresh(session, now);
  if (!refresh) return { session, user, fresh: false };

  // updateMany: a concurrent sign-out may have removed the row; that request then wins.
  const { count } = await db.session.updateMany({ where: { id }, data: refresh });
  if (count === 0) return null;
  return { session: { ...session, ...refresh }, user, fresh: refresh.expiresAt !== undefined };
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}

/** "Log out everywhere" (optionally keeping the caller's own session). Returns how many ended. */
export async function invalidateUserSessions(
  db: Db,
  userId: string,
  options: { exceptSessionId?: string } = {},
): Promise<number> {
  const { count } = await db.session.deleteMany({
    where: { userId, ...(options.exceptSessionId ? { id: { not: options.exceptSessionId } } : {}) },
  });
  return count;
}

/** The user's live sessions, most recently used first (for the "sessions" settings page). */
export async function listUserSessions(
  db: Db,
  userId: string,
  now: Date = new Date(),
): Promise<SessionRecord[]> {
  // expiresAt ≤ lastUsedAt + idle timeout and ≤ the absolute deadline, so this one
  // condition hides every ended session that has not been pruned yet.
  return db.session.findMany({
    where: { userId, expiresAt: { gt: now } },
    orderBy: { lastUsedAt: "desc" },
    select: sessionSelect,
  });
}

/**
 * Records the organisation the session works in. Does NOT check membership: the caller
 * (organisation switcher) must have verified it. Throws SessionNotFoundError if the
 * session is gone.
 */
export async function setActiveOrganization(
  db: Db,
  sessionId: string,
  organizationId: string | null,
): Promise<void> {
  const { count } = await db.session.updateMany({
    where: { id: sessionId },
    data: { activeOrganizationId: organizationId },
  });
  if (count === 0) throw new SessionNotFoundError(sessionId);
}

/** Deletes sessions that can no longer validate; for a periodic job. Returns how many. */
export async function pruneExpiredSessions(db: Db, now: Date = new Date()): Promise<number> {
  const { count } = await db.session.deleteMany({
    where: {
      OR: [
        { expiresAt: { lte: now } },
        { lastUsedAt: { lte: new Date(now.getTime() - SESSION_POLICY.idleTimeoutMs) } },
        { createdAt: { lte: new Date(now.getTime() - SESSION_POLICY.absoluteLifetimeMs) } },
      ],
    },
  });
  return count;
}
