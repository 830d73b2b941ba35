import { canAssignRole } from "@interviewlm/auth";
import type { Db, Tx } from "@interviewlm/db";
import { recordAudit } from "../audit/audit-log.ts";
import type { CoreDeps, OrgActor } from "../shared/deps.ts";
import { DomainError, forbidden, notFound } from "../shared/errors.ts";
import { requirePermission } from "../shared/permissions.ts";
import { nextMembershipVersion, revokeRoomAccess } from "./room-revocation.ts";

type Role = OrgActor["role"];

export interface MemberSummary {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: Date;
}

export async function listMembers(db: Db, actor: OrgActor): Promise<MemberSummary[]> {
  requirePermission(actor, "members:read");
  const rows = await db.membership.findMany({
    where: { organizationId: actor.organizationId },
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((m) => ({
    membershipId: m.id,
    userId: m.user.id,
    name: m.user.name,
    email: m.user.email,
    role: m.role,
    joinedAt: m.createdAt,
  }));
}

async function findMembership(tx: Tx, actor: OrgActor, membershipId: string) {
  const membership = await tx.membership.findFirst({
    where: { id: membershipId, organizationId: actor.organizationId },
    select: { id: true, role: true, userId: true, updatedAt: true },
  });
  if (!membership) throw notFound("Member", membershipId);
  return membership;
}

/**
 * Serialises owner changes per organisation (row lock on the organisation) so two
 * concurrent demotions can never leave it without an owner.
 */
async function lockOrganization(tx: Tx, organizationId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${organizationId} FOR UPDATE`;
}

async function assertNotLastOwner(tx: Tx, organizationId: string, what: string) {
  const owners = await tx.membership.count({ where: { organizationId, role: "OWNER" } });
  if (owners <= 1) {
    throw new DomainError("PRECONDITION_FAILED", `${what}: an organization needs at least one owner. Make someone else an owner first.`);
  }
}

export async function changeMemberRole(
  deps: CoreDeps,
  actor: OrgActor,
  input: { membershipId: string; role: Role },
): Promise<MemberSummary[]> {
  requirePermission(actor, "members:update_role");
  const changed = await deps.db.$transaction(async (tx) => {
    await lockOrganization(tx, actor.organizationId);
    const target = await findMembership(tx, actor, input.membershipId);
    if (!canAssignRole(actor.role, input.role) || !canAssignRole(actor.role, target.role)) {
      throw forbidden("Only an owner can grant or change the owner role.");
    }
    if (target.role === input.role) return null;
    if (target.role === "OWNER") await assertNotLastOwner(tx, actor.organizationId, "Cannot change the role");
    // The new version of the membership: room tokens minted for the old role fall below it.
    const updated = await tx.membership.update({ where: { id: target.id }, data: { role: input.role, updatedAt: nextMembershipVersion(target.updatedAt) }, select: { updatedAt: true } });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "member.role_changed",
      targetType: "user",
      targetId: target.userId,
      metadata: { from: target.role, to: input.role },
      ipAddress: actor.ipAddress,
    });
    return { userId: target.userId, before: updated.updatedAt.getTime() };
  });
  if (changed) await revokeRoomAccess(deps, actor.organizationId, changed.userId, changed.before);
  return listMembers(deps.db, actor);
}

export async function removeMember(deps: CoreDeps, actor: OrgActor, input: { membershipId: string }): Promise<void> {
  requirePermission(actor, "members:remove");
  const removed = await deps.db.$transaction(async (tx) => {
    await lockOrganization(tx, actor.organizationId);
    const target = await findMembership(tx, actor, input.membershipId);
    if (!canAssignRole(actor.role, target.role)) throw forbidden("Only an owner can remove an owner.");
    if (target.role === "OWNER") await assertNotLastOwner(tx, actor.organizationId, "Cannot remove this member");
    await tx.membership.delete({ where: { id: target.id } });
    // Sessions pointing at this organisation fall back to none; the next request picks another.
    await tx.session.updateMany({
      where: { userId: target.userId, activeOrganizationId: actor.organizationId },
      data: { activeOrganizationId: null },
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "member.removed",
      targetType: "user",
      targetId: target.userId,
      metadata: { role: target.role },
      ipAddress: actor.ipAddress,
    });
    return target;
  });
  // Every token minted for the removed membership carries mv ≤ its updatedAt.
  await revokeRoomAccess(deps, actor.organizationId, removed.userId, removed.updatedAt.getTime() + 1);
}

/** Any member may leave, except the last owner. */
export async function leaveOrganization(deps: CoreDeps, actor: OrgActor): Promise<void> {
  const left = await deps.db.$transaction(async (tx) => {
    await lockOrganization(tx, actor.organizationId);
    const membership = await tx.membership.findUnique({
      where: { organizationId_userId: { organizationId: actor.organizationId, userId: actor.userId } },
      select: { id: true, role: true, updatedAt: true },
    });
    if (!membership) throw notFound("Organization", actor.organizationId);
    if (membership.role === "OWNER") await assertNotLastOwner(tx, actor.organizationId, "You cannot leave");
    await tx.membership.delete({ where: { id: membership.id } });
    await tx.session.updateMany({
      where: { userId: actor.userId, activeOrganizationId: actor.organizationId },
      data: { activeOrganizationId: null },
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "member.left",
      targetType: "user",
      targetId: actor.userId,
      ipAddress: actor.ipAddress,
    });
    return membership;
  });
  await revokeRoomAccess(deps, actor.organizationId, actor.userId, left.updatedAt.getTime() + 1);
}
