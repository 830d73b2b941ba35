import {
  createSession,
  generateOpaqueToken,
  hashOpaqueToken,
  hashPassword,
  invalidateUserSessions,
  RATE_LIMITS,
  verifyPassword,
} from "@interviewlm/auth";
import { queueEmail } from "@interviewlm/emails";
import { recordAudit } from "../audit/audit-log.ts";
import { nowOf, type CoreDeps } from "../shared/deps.ts";
import { DomainError } from "../shared/errors.ts";
import { withinRateLimit } from "../shared/rate-limits.ts";
import type { IssuedSession, RequestMeta } from "./schemas.ts";

export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;

export function passwordResetUrl(appUrl: string, token: string): string {
  return `${appUrl}/reset-password/${encodeURIComponent(token)}`;
}

/**
 * Always answers the same way, whether or not the address has an account, so the
 * form cannot be used to discover who has one. Rate limited per address silently.
 */
export async function requestPasswordReset(deps: CoreDeps, input: { email: string }, meta: RequestMeta = {}): Promise<void> {
  const now = nowOf(deps);
  if (!(await withinRateLimit(deps.db, RATE_LIMITS.passwordReset.perEmail, input.email, now))) return;
  if (meta.ipAddress && !(await withinRateLimit(deps.db, RATE_LIMITS.passwordReset.perIp, meta.ipAddress, now))) return;
  const user = await deps.db.user.findUnique({ where: { email: input.email }, select: { id: true, name: true, email: true } });
  if (!user) return;
  const token = generateOpaqueToken();
  await deps.db.$transaction(async (tx) => {
    await tx.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
    await tx.passwordResetToken.create({
      data: { userId: user.id, tokenHash: hashOpaqueToken(token), expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MS) },
    });
    await queueEmail(tx, {
      template: "reset-password",
      to: user.email,
      props: { name: user.name, resetUrl: passwordResetUrl(deps.appUrl, token), expiresInMinutes: PASSWORD_RESET_TTL_MS / 60_000 },
    }, { from: deps.emailFrom });
    await recordAudit(tx, { actorUserId: user.id, action: "user.password_reset_requested", targetType: "user", targetId: user.id, ipAddress: meta.ipAddress });
  });
}

/**
 * Sets a new password from a single-use link, logs out every other session (a reset
 * usually means the old password is not trusted) and logs this browser in.
 */
export async function resetPassword(
  deps: CoreDeps,
  input: { token: string; password: string },
  meta: RequestMeta = {},
): Promise<IssuedSession> {
  const now = nowOf(deps);
  const passwordHash = await hashPassword(input.password);
  const userId = await deps.db.$transaction(async (tx) => {
    const row = await tx.passwordResetToken.findUnique({
      where: { tokenHash: hashOpaqueToken(input.token) },
      select: { id: true, userId: true, expiresAt: true, usedAt: true },
    });
    if (!row) throw new DomainError("NOT_FOUND", "This reset link is not valid. Request a new one.");
    if (row.usedAt) throw new DomainError("PRECONDITION_FAILED", "This reset link was already used. Request a new one.");
    if (row.expiresAt <= now) throw new DomainError("PRECONDITION_FAILED", "This reset link has expired. Request a new one.");
    const claimed = await tx.passwordResetToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
    if (claimed.count !== 1) throw new DomainError("PRECONDITION_FAILED", "This reset link was already used. Request a new one.");
    // Receiving the link proves the mailbox, so the address counts as verified too.
    const user = await tx.user.update({
      where: { id: row.userId },
      data: { passwordHash },
      select: { id: true, emailVerifiedAt: true },
    });
    if (!user.emailVerifiedAt) await tx.user.update({ where: { id: user.id }, data: { emailVerifiedAt: now } });
    await recordAudit(tx, { actorUserId: row.userId, action: "user.password_reset", targetType: "user", targetId: row.userId, ipAddress: meta.ipAddress });
    return row.userId;
  });
  await invalidateUserSessions(deps.db, userId);
  const membership = await deps.db.membership.findFirst({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { organizationId: true },
  });
  const { token, session } = await createSession(
    deps.db,
    userId,
    { activeOrganizationId: membership?.organizationId ?? null, userAgent: meta.userAgent, ipAddress: meta.ipAddress },
    now,
  );
  return { token, expiresAt: session.expiresAt, userId, organizationId: membership?.organizationId ?? null };
}

/** Changes the password and logs out every other session. */
export async function changePassword(
  deps: CoreDeps,
  user: { userId: string; sessionId: string; ipAddress?: string | null },
  input: { currentPassword: string; newPassword: string },
): Promise<{ otherSessionsEnded: number }> {
  const row = await deps.db.user.findUnique({ where: { id: user.userId }, select: { passwordHash: true } });
  if (!row) throw new DomainError("NOT_FOUND", `User ${user.userId} was not found.`);
  if (row.passwordHash && !(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw new DomainError("BAD_REQUEST", "Your current password is not correct.", {
      fieldErrors: { currentPassword: ["This is not your current password."] },
    });
  }
  await deps.db.user.update({ where: { id: user.userId }, data: { passwordHash: await hashPassword(input.newPassword) } });
  const ended = await invalidateUserSessions(deps.db, user.userId, { exceptSessionId: user.sessionId });
  await recordAudit(deps.db, { actorUserId: user.userId, action: "user.password_changed", targetType: "user", targetId: user.userId, ipAddress: user.ipAddress });
  return { otherSessionsEnded: ended };
}
