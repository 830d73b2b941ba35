import { createSession, type OAuthProfile } from "@interviewlm/auth";
import type { Tx } from "@interviewlm/db";
import { recordAudit } from "../audit/audit-log.ts";
import { createOrganizationWithOwner } from "../organizations/organizations.ts";
import { nowOf, type CoreDeps } from "../shared/deps.ts";
import { DomainError } from "../shared/errors.ts";
import type { IssuedSession, RequestMeta } from "./schemas.ts";

const providerNames: Record<string, string> = { github: "GitHub", google: "Google" };

/**
 * Signs in with a provider profile: a known provider account logs in; otherwise an
 * existing account with the same email is linked — the provider must have verified the
 * email (else anyone could claim an address), and an account that had not verified it
 * loses its password and sessions; otherwise a new account and organisation are created.
 */
export async function signInWithOAuth(deps: CoreDeps, profile: OAuthProfile, meta: RequestMeta = {}): Promise<IssuedSession & { created: boolean }> {
  const now = nowOf(deps);
  const provider = providerNames[profile.provider] ?? profile.provider;

  const result = await deps.db.$transaction(async (tx) => {
    const linked = await tx.oAuthAccount.findUnique({
      where: { provider_providerAccountId: { provider: profile.provider, providerAccountId: profile.providerAccountId } },
      select: { userId: true },
    });
    if (linked) return { userId: linked.userId, created: false };

    if (!profile.email || !profile.emailVerified) {
      throw new DomainError(
        "PRECONDITION_FAILED",
        `Your ${provider} account has no verified email address. Verify one with ${provider}, or sign up with email and password.`,
      );
    }
    const email = profile.email.trim().toLowerCase();
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true, emailVerifiedAt: true } });
    if (existing) {
      await tx.oAuthAccount.create({
        data: { provider: profile.provider, providerAccountId: profile.providerAccountId, userId: existing.id, email },
      });
      // The provider vouches for the address, which is as good as our own link. An account
      // that never proved it may have been made by someone else, waiting for the owner to
      // arrive (pre-account takeover): whatever its maker could get back in with goes.
      const claimedAccountReset = !existing.emailVerifiedAt;
      if (claimedAccountReset) await resetClaimedAccount(tx, existing.id, now);
      await recordAudit(tx, { actorUserId: existing.id, action: "user.oauth_linked", targetType: "user", targetId: existing.id, metadata: { provider: profile.provider, claimedAccountReset }, ipAddress: meta.ipAddress });
      return { userId: existing.id, created: false };
    }

    const name = profile.name?.trim() || email.split("@")[0] || "New user";
    const user = await tx.user.create({
      data: {
        email,
        name: name.slice(0, 100),
        emailVerifiedAt: now,
        oauthAccounts: { create: { provider: profile.provider, providerAccountId: profile.providerAccountId, email } },
      },
      select: { id: true },
    });
    await recordAudit(tx, { actorUserId: user.id, action: "user.signed_up", targetType: "user", targetId: user.id, metadata: { provider: profile.provider }, ipAddress: meta.ipAddress });
    await createOrganizationWithOwner(tx, { userId: user.id, name: `${name}'s team`.slice(0, 80), ipAddress: meta.ipAddress });
    return { userId: user.id, created: true };
  });

  const membership = await deps.db.membership.findFirst({
    where: { userId: result.userId },
    orderBy: { createdAt: "asc" },
    select: { organizationId: true },
  });
  const { token, session } = await createSession(
    deps.db,
    result.userId,
    { activeOrganizationId: membership?.organizationId ?? null, userAgent: meta.userAgent, ipAddress: meta.ipAddress },
    now,
  );
  await recordAudit(deps.db, { organizationId: membership?.organizationId ?? null, actorUserId: result.userId, action: "user.logged_in", targetType: "user", targetId: result.userId, metadata: { provider: profile.provider }, ipAddress: meta.ipAddress });
  return { token, expiresAt: session.expiresAt, userId: result.userId, organizationId: membership?.organizationId ?? null, created: result.created };
}

/** Verified now; no password, sessions, reset or verification links left from before. */
async function resetClaimedAccount(tx: Tx, userId: string, now: Date): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { emailVerifiedAt: now, passwordHash: null } });
  await tx.session.deleteMany({ where: { userId } });
  await tx.passwordResetToken.deleteMany({ where: { userId } });
  await tx.emailVerificationToken.deleteMany({ where: { userId } });
}
