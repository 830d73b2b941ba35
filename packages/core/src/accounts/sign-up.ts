import { createSession, hashPassword, RATE_LIMITS } from "@interviewlm/auth";
import { Prisma } from "@interviewlm/db";
import type { z } from "zod";
import { recordAudit } from "../audit/audit-log.ts";
import { acceptInvitationInTransaction } from "../organizations/invitations.ts";
import { createOrganizationWithOwner } from "../organizations/organizations.ts";
import { nowOf, type CoreDeps } from "../shared/deps.ts";
import { conflict } from "../shared/errors.ts";
import { enforceRateLimit } from "../shared/rate-limits.ts";
import { sendVerificationEmail } from "./email-verification.ts";
import type { IssuedSession, RequestMeta, SignUpInput } from "./schemas.ts";

const emailTaken = () =>
  conflict("An account with this email already exists. Log in instead.", {
    email: ["An account with this email already exists."],
  });

/**
 * Creates the account and logs it in. A plain sign-up also creates the user's
 * organisation and sends a verification email; a sign-up from a teammate
 * invitation joins that organisation instead, and the invitation email proves the
 * address, so it counts as verified.
 */
export async function signUp(
  deps: CoreDeps,
  input: z.infer<typeof SignUpInput>,
  meta: RequestMeta = {},
): Promise<IssuedSession> {
  const now = nowOf(deps);
  if (meta.ipAddress) {
    await enforceRateLimit(deps.db, RATE_LIMITS.signup.perIp, meta.ipAddress, now, "sign-ups from this network");
  }
  const passwordHash = await hashPassword(input.password);

  let created: { userId: string; organizationId: string };
  try {
    created = await deps.db.$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw emailTaken();
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash },
        select: { id: true, email: true, name: true },
      });
      await recordAudit(tx, { actorUserId: user.id, action: "user.signed_up", targetType: "user", targetId: user.id, ipAddress: meta.ipAddress });

      if (input.invitationToken) {
        const joined = await acceptInvitationInTransaction(
          tx,
          now,
          { userId: user.id, email: user.email, ipAddress: meta.ipAddress },
          input.invitationToken,
        );
        await tx.user.update({ where: { id: user.id }, data: { emailVerifiedAt: now } });
        return { userId: user.id, organizationId: joined.organizationId };
      }
      const organization = await createOrganizationWithOwner(tx, {
        userId: user.id,
        name: input.organizationName ?? `${input.name}'s team`,
        ipAddress: meta.ipAddress,
      });
      await sendVerificationEmail(tx, deps, user);
      return { userId: user.id, organizationId: organization.id };
    });
  } catch (error) {
    // Two sign-ups racing for one address: the unique index decides, with the same message.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw emailTaken();
    throw error;
  }

  const { token, session } = await createSession(
    deps.db,
    created.userId,
    { activeOrganizationId: created.organizationId, userAgent: meta.userAgent, ipAddress: meta.ipAddress },
    now,
  );
  return { token, expiresAt: session.expiresAt, userId: created.userId, organizationId: created.organizationId };
}
