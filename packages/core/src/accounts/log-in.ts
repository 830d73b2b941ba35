import { createSession, hashPassword, invalidateSession, RATE_LIMITS, rateLimitRule, resetRateLimit, verifyPassword } from "@interviewlm/auth";
import type { z } from "zod";
import { recordAudit } from "../audit/audit-log.ts";
import { nowOf, type CoreDeps } from "../shared/deps.ts";
import { DomainError } from "../shared/errors.ts";
import { enforceRateLimit } from "../shared/rate-limits.ts";
import type { IssuedSession, LogInInput, RequestMeta } from "./schemas.ts";


const wrongCredentials = () =>
  new DomainError("UNAUTHORIZED", "Email or password is incorrect.", {
    fieldErrors: { password: ["Email or password is incorrect."] },
  });

// Verifying against a real hash when the account does not exist keeps the
// response time the same, so timing does not reveal which emails have accounts.
let decoyHash: Promise<string> | undefined;

export async function logIn(
  deps: CoreDeps,
  input: z.infer<typeof LogInInput>,
  meta: RequestMeta = {},
): Promise<IssuedSession> {
  const now = nowOf(deps);
  await enforceRateLimit(deps.db, RATE_LIMITS.login.perEmail, input.email, now, "login attempts");
  if (meta.ipAddress) await enforceRateLimit(deps.db, RATE_LIMITS.login.perIp, meta.ipAddress, now, "login attempts");

  const user = await deps.db.user.findUnique({
    where: { email: input.email },
    select: { id: true, passwordHash: true },
  });
  if (!user?.passwordHash) {
    decoyHash ??= hashPassword("decoy password for timing only");
    await verifyPassword(await decoyHash, input.password);
    if (user) {
      throw new DomainError("UNAUTHORIZED", "This account signs in with GitHub or Google. Use that button, or reset your password to set one.");
    }
    throw wrongCredentials();
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await recordAudit(deps.db, { actorUserId: user.id, action: "user.login_failed", targetType: "user", targetId: user.id, ipAddress: meta.ipAddress });
    throw wrongCredentials();
  }
  await resetRateLimit(deps.db, rateLimitRule(RATE_LIMITS.login.perEmail, input.email).key);

  const membership = await deps.db.membership.findFirst({
    where: { userId: user.id },
    orderBy: { createdAt: "asc" },
    select: { organizationId: true },
  });
  const { token, session } = await createSession(
    deps.db,
    user.id,
    { activeOrganizationId: membership?.organizationId ?? null, userAgent: meta.userAgent, ipAddress: meta.ipAddress },
    now,
  );
  // Scoped to the organisation the session opens in, so that organisation's audit log shows it.
  await recordAudit(deps.db, { organizationId: membership?.organizationId ?? null, actorUserId: user.id, action: "user.logged_in", targetType: "user", targetId: user.id, ipAddress: meta.ipAddress });
  return { token, expiresAt: session.expiresAt, userId: user.id, organizationId: membership?.organizationId ?? null };
}

/** Ends one session; recorded in the audit log of the organisation it was active in. */
export async function logOut(
  deps: CoreDeps,
  session: { id: string; userId: string; activeOrganizationId: string | null },
  meta: RequestMeta = {},
): Promise<void> {
  await invalidateSession(deps.db, session.id);
  await recordAudit(deps.db, { organizationId: session.activeOrganizationId, actorUserId: session.userId, action: "user.logged_out", targetType: "session", targetId: session.id, ipAddress: meta.ipAddress });
}
