import { canAssignRole, generateOpaqueToken, hashOpaqueToken, RATE_LIMITS } from "@interviewlm/auth";
import type { Tx } from "@interviewlm/db";
import { queueEmail } from "@interviewlm/emails";
import { recordAudit } from "../audit/audit-log.ts";
import { nowOf, type CoreDeps, type OrgActor } from "../shared/deps.ts";
import { conflict, DomainError, forbidden, notFound } from "../shared/errors.ts";
import { enforceRateLimit } from "../shared/rate-limits.ts";
import { requirePermission } from "../shared/permissions.ts";

type Role = OrgActor["role"];

export const TEAM_INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export type InvitationState = "pending" | "expired" | "revoked" | "accepted";

export interface InvitationSummary {
  id: string;
  email: string;
  role: Role;
  state: InvitationState;
  invitedBy: string | null;
  createdAt: Date;
  expiresAt: Date;
}

function stateOf(row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): InvitationState {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  return row.expiresAt <= now ? "expired" : "pending";
}

export function invitationUrl(appUrl: string, token: string): string {
  return `${appUrl}/invitations/${encodeURIComponent(token)}`;
}

export async function inviteTeammate(
  deps: CoreDeps,
  actor: OrgActor,
  input: { email: string; role: Role },
): Promise<InvitationSummary> {
  requirePermission(actor, "members:invite");
  if (!canAssignRole(actor.role, input.role)) throw forbidden("Only an owner can invite another owner.");
  await enforceRateLimit(deps.db, RATE_LIMITS.invitation.perOrganization, actor.organizationId, nowOf(deps), "invitations");

  const now = nowOf(deps);
  const token = generateOpaqueToken();
  const invitation = await deps.db.$transaction(async (tx) => {
    const existingMember = await tx.membership.findFirst({
      where: { organizationId: actor.organizationId, user: { email: input.email } },
      select: { id: true },
    });
    if (existingMember) {
      throw conflict(`${input.email} is already a member of this organization.`, {
        email: ["This person is already a member."],
      });
    }
    // Inviting again replaces any pending invitation: the newest link is the only valid one.
    await tx.teamInvitation.updateMany({
      where: { organizationId: actor.organizationId, email: input.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    const created = await tx.teamInvitation.create({
      data: {
        organizationId: actor.organizationId,
        email: input.email,
        role: input.role,
        tokenHash: hashOpaqueToken(token),
        invitedById: actor.userId,
        expiresAt: new Date(now.getTime() + TEAM_INVITATION_TTL_MS),
      },
      select: {
        id: true, email: true, role: true, createdAt: true, expiresAt: true, acceptedAt: true, revokedAt: true,
        organization: { select: { name: true } },
        invitedBy: { select: { name: true } },
      },
    });
    await queueEmail(tx, {
      template: "team-invitation",
      to: input.email,
      organizationId: actor.organizationId,
      props: {
        inviterName: created.invitedBy?.name ?? "A teammate",
        organizationName: created.organization.name,
        role: input.role.toLowerCase(),
        acceptUrl: invitationUrl(deps.appUrl, token),
        expiresAt: created.expiresAt,
      },
    }, { from: deps.emailFrom });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "member.invited",
      targetType: "invitation",
      targetId: created.id,
      metadata: { email: input.email, role: input.role },
      ipAddress: actor.ipAddress,
    });
    return created;
  });
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    state: stateOf(invitation, now),
    invitedBy: invitation.invitedBy?.name ?? null,
    createdAt: invitation.createdAt,
    expiresAt: invitation.expiresAt,
  };
}

/** Pending and expired invitations (accepted and revoked ones drop off the list). */
export async function listInvitations(deps: CoreDeps, actor: OrgActor): Promise<InvitationSummary[]> {
  requirePermission(actor, "members:read");
  const now = nowOf(deps);
  const rows = await deps.db.teamInvitation.findMany({
    where: { organizationId: actor.organizationId, acceptedAt: null, revokedAt: null },
    select: {
      id: true, email: true, role: true, createdAt: true, expiresAt: true, acceptedAt: true, revokedAt: true,
      invitedBy: { select: { name: true } },
    },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    role: r.role,
    state: stateOf(r, now),
    invitedBy: r.invitedBy?.name ?? null,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
  }));
}

export async function revokeInvitation(deps: CoreDeps, actor: OrgActor, input: { invitationId: string }): Promise<void> {
  requirePermission(actor, "members:invite");
  const now = nowOf(deps);
  await deps.db.$transaction(async (tx) => {
    const invitation = await tx.teamInvitation.findFirst({
      where: { id: input.invitationId, organizationId: actor.organizationId },
      select: { id: true, email: true, acceptedAt: true, revokedAt: true },
    });
    if (!invitation) throw notFound("Invitation", input.invitationId);
    if (invitation.acceptedAt) throw new DomainError("PRECONDITION_FAILED", "This invitation was already accepted.");
    if (invitation.revokedAt) return;
    await tx.teamInvitation.update({ where: { id: invitation.id }, data: { revokedAt: now } });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "member.invitation_revoked",
      targetType: "invitation",
      targetId: invitation.id,
      metadata: { email: invitation.email },
      ipAddress: actor.ipAddress,
    });
  });
}

export interface InvitationPreview {
  organizationId: string;
  organizationName: string;
  inviterName: string | null;
  email: string;
  role: Role;
  state: InvitationState;
  expiresAt: Date;
}

/** What the invitation page shows before anyone signs in. */
export async function previewInvitation(
  deps: Pick<CoreDeps, "db" | "now">,
  token: string,
): Promise<InvitationPreview> {
  const invitation = await deps.db.teamInvitation.findUnique({
    where: { tokenHash: hashOpaqueToken(token) },
    select: {
      organizationId: true, email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true,
      organization: { select: { name: true } },
      invitedBy: { select: { name: true } },
    },
  });
  if (!invitation) throw new DomainError("NOT_FOUND", "This invitation link is not valid. Ask for a new one.");
  return {
    organizationId: invitation.organizationId,
    organizationName: invitation.organization.name,
    inviterName: invitation.invitedBy?.name ?? null,
    email: invitation.email,
    role: invitation.role,
    state: stateOf(invitation, nowOf(deps)),
    expiresAt: invitation.expiresAt,
  };
}

const stateMessages: Record<Exclude<InvitationState, "pending">, string> = {
  expired: "This invitation has expired. Ask for a new one.",
  revoked: "This invitation was withdrawn. Ask for a new one.",
  accepted: "This invitation was already used.",
};

/**
 * Joins the invited organisation. The signed-in user's email must be the invited
 * address: the link alone must not let someone else join.
 */
export async function acceptInvitation(
  deps: CoreDeps,
  user: { userId: string; email: string; ipAddress?: string | null },
  token: string,
): Promise<{ organizationId: string; role: Role }> {
  return deps.db.$transaction((tx) => acceptInvitationInTransaction(tx, nowOf(deps), user, token));
}

/** The acceptance itself, for callers that join as part of a larger write (sign-up). */
export async function acceptInvitationInTransaction(
  tx: Tx,
  now: Date,
  user: { userId: string; email: string; ipAddress?: string | null },
  token: string,
): Promise<{ organizationId: string; role: Role }> {
  const invitation = await tx.teamInvitation.findUnique({
    where: { tokenHash: hashOpaqueToken(token) },
    select: { id: true, organizationId: true, email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true },
  });
  if (!invitation) throw new DomainError("NOT_FOUND", "This invitation link is not valid. Ask for a new one.");
  const state = stateOf(invitation, now);
  if (state !== "pending") throw new DomainError("PRECONDITION_FAILED", stateMessages[state]);
  if (invitation.email !== user.email) {
    throw forbidden(`This invitation is for ${invitation.email}. Sign in with that address to accept it.`);
  }
  // Conditional update: of two concurrent acceptances only one wins.
  const claimed = await tx.teamInvitation.updateMany({
    where: { id: invitation.id, acceptedAt: null, revokedAt: null },
    data: { acceptedAt: now, acceptedById: user.userId },
  });
  if (claimed.count !== 1) throw new DomainError("PRECONDITION_FAILED", stateMessages.accepted);
  const membership = await tx.membership.upsert({
    where: { organizationId_userId: { organizationId: invitation.organizationId, userId: user.userId } },
    create: { organizationId: invitation.organizationId, userId: user.userId, role: invitation.role },
    update: {},
    select: { role: true },
  });
  await recordAudit(tx, {
    organizationId: invitation.organizationId,
    actorUserId: user.userId,
    action: "member.joined",
    targetType: "invitation",
    targetId: invitation.id,
    metadata: { role: membership.role },
    ipAddress: user.ipAddress,
  });
  return { organizationId: invitation.organizationId, role: membership.role };
}
