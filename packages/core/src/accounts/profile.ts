import {
  invalidateSession,
  invalidateUserSessions,
  listUserSessions,
} from "@interviewlm/auth";
import type { Db } from "@interviewlm/db";
import { recordAudit } from "../audit/audit-log.ts";
import type { CoreDeps } from "../shared/deps.ts";
import { notFound } from "../shared/errors.ts";

export interface Profile {
  id: string;
  email: string;
  name: string;
  emailVerified: boolean;
  hasPassword: boolean;
  isPlatformAdmin: boolean;
  linkedProviders: string[];
  createdAt: Date;
}

export async function getProfile(db: Db, userId: string): Promise<Profile> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true, email: true, name: true, emailVerifiedAt: true, passwordHash: true, isPlatformAdmin: true, createdAt: true,
      oauthAccounts: { select: { provider: true } },
    },
  });
  if (!user) throw notFound("User", userId);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    emailVerified: user.emailVerifiedAt !== null,
    hasPassword: user.passwordHash !== null,
    isPlatformAdmin: user.isPlatformAdmin,
    linkedProviders: user.oauthAccounts.map((a) => a.provider),
    createdAt: user.createdAt,
  };
}

export async function updateProfile(deps: CoreDeps, userId: string, input: { name: string }): Promise<Profile> {
  await deps.db.user.update({ where: { id: userId }, data: { name: input.name } });
  return getProfile(deps.db, userId);
}

export interface SessionSummary {
  id: string;
  current: boolean;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
  userAgent: string | null;
  ipAddress: string | null;
}

export async function listSessions(db: Db, user: { userId: string; sessionId: string }): Promise<SessionSummary[]> {
  const sessions = await listUserSessions(db, user.userId);
  return sessions
    .map((s) => ({
      id: s.id,
      current: s.id === user.sessionId,
      createdAt: s.createdAt,
      lastUsedAt: s.lastUsedAt,
      expiresAt: s.expiresAt,
      userAgent: s.userAgent,
      ipAddress: s.ipAddress,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current) || b.lastUsedAt.getTime() - a.lastUsedAt.getTime());
}

/** Ends one of the caller's own sessions; another user's session id is reported as not found. */
export async function revokeSession(
  deps: CoreDeps,
  user: { userId: string; ipAddress?: string | null },
  sessionId: string,
): Promise<void> {
  const owned = await deps.db.session.findFirst({ where: { id: sessionId, userId: user.userId }, select: { id: true } });
  if (!owned) throw notFound("Session", sessionId);
  await invalidateSession(deps.db, sessionId);
  await recordAudit(deps.db, { actorUserId: user.userId, action: "session.revoked", targetType: "session", targetId: sessionId, ipAddress: user.ipAddress });
}

/** "Log out everywhere": ends every session of the user, including this one. */
export async function revokeAllSessions(deps: CoreDeps, user: { userId: string; ipAddress?: string | null }): Promise<number> {
  const count = await invalidateUserSessions(deps.db, user.userId);
  await recordAudit(deps.db, { actorUserId: user.userId, action: "session.revoked_all", targetType: "user", targetId: user.userId, metadata: { count }, ipAddress: user.ipAddress });
  return count;
}
