import { generateOpaqueToken, hashOpaqueToken, RATE_LIMITS } from "@interviewlm/auth";
import type { Tx } from "@interviewlm/db";
import { queueEmail } from "@interviewlm/emails";
import { recordAudit } from "../audit/audit-log.ts";
import { nowOf, type CoreDeps } from "../shared/deps.ts";
import { DomainError } from "../shared/errors.ts";
import { enforceRateLimit } from "../shared/rate-limits.ts";

export const EMAIL_VERIFICATION_TTL_MS = 24 * 60 * 60 * 1000;

export function verificationUrl(appUrl: string, token: string): string {
  return `${appUrl}/verify-email/${encodeURIComponent(token)}`;
}

/** Issues a new single-use verification link (older ones stop working) and queues the email. */
export async function sendVerificationEmail(
  tx: Tx,
  deps: CoreDeps,
  user: { id: string; email: string; name: string },
): Promise<void> {
  const now = nowOf(deps);
  const token = generateOpaqueToken();
  await tx.emailVerificationToken.updateMany({
    where: { userId: user.id, usedAt: null },
    data: { usedAt: now },
  });
  await tx.emailVerificationToken.create({
    data: {
      userId: user.id,
      email: user.email,
      tokenHash: hashOpaqueToken(token),
      expiresAt: new Date(now.getTime() + EMAIL_VERIFICATION_TTL_MS),
    },
  });
  await queueEmail(tx, {
    template: "verify-email",
    to: user.email,
    props: { name: user.name, verifyUrl: verificationUrl(deps.appUrl, token) },
  }, { from: deps.emailFrom });
}

export async function resendVerificationEmail(deps: CoreDeps, userId: string): Promise<void> {
  const user = await deps.db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, emailVerifiedAt: true },
  });
  if (!user) throw new DomainError("NOT_FOUND", `User ${userId} was not found.`);
  if (user.emailVerifiedAt) throw new DomainError("PRECONDITION_FAILED", "Your email address is already verified.");
  await enforceRateLimit(deps.db, RATE_LIMITS.verificationResend.perUser, user.id, nowOf(deps), "verification emails");
  await deps.db.$transaction((tx) => sendVerificationEmail(tx, deps, user));
}

/** Marks the address verified. Each link works once, until it expires. */
export async function verifyEmail(deps: CoreDeps, token: string): Promise<{ userId: string; email: string }> {
  const now = nowOf(deps);
  return deps.db.$transaction(async (tx) => {
    const row = await tx.emailVerificationToken.findUnique({
      where: { tokenHash: hashOpaqueToken(token) },
      select: { id: true, userId: true, email: true, expiresAt: true, usedAt: true, user: { select: { email: true } } },
    });
    if (!row) throw new DomainError("NOT_FOUND", "This verification link is not valid. Request a new one.");
    if (row.usedAt) throw new DomainError("PRECONDITION_FAILED", "This verification link was already used.");
    if (row.expiresAt <= now) throw new DomainError("PRECONDITION_FAILED", "This verification link has expired. Request a new one.");
    if (row.email !== row.user.email) {
      throw new DomainError("PRECONDITION_FAILED", "This link was for a previous email address. Request a new one.");
    }
    const claimed = await tx.emailVerificationToken.updateMany({
      where: { id: row.id, usedAt: null },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) throw new DomainError("PRECONDITION_FAILED", "This verification link was already used.");
    await tx.user.update({ where: { id: row.userId }, data: { emailVerifiedAt: now } });
    await recordAudit(tx, { actorUserId: row.userId, action: "user.email_verified", targetType: "user", targetId: row.userId });
    return { userId: row.userId, email: row.email };
  });
}
