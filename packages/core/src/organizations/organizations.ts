import { setActiveOrganization } from "@interviewlm/auth";
import type { Db, Tx } from "@interviewlm/db";
import type { z } from "zod";
import { recordAudit } from "../audit/audit-log.ts";
import { grantTrialCredits } from "../billing/trial.ts";
import type { CoreDeps, OrgActor } from "../shared/deps.ts";
import { notFound } from "../shared/errors.ts";
import { requirePermission } from "../shared/permissions.ts";
import type { UpdateOrganizationInput } from "./schemas.ts";
import { uniqueSlug } from "./slug.ts";

export interface OrganizationSummary {
  id: string;
  name: string;
  slug: string;
  role: OrgActor["role"];
}

export interface OrganizationDetails {
  id: string;
  name: string;
  slug: string;
  dataRetentionDays: number | null;
  createdAt: Date;
  memberCount: number;
}

/** Creates an organisation with `userId` as its owner (inside the caller's transaction). */
export async function createOrganizationWithOwner(
  tx: Tx,
  input: { userId: string; name: string; ipAddress?: string | null },
): Promise<{ id: string; name: string }> {
  const organization = await tx.organization.create({
    data: {
      name: input.name,
      slug: uniqueSlug(input.name),
      memberships: { create: { userId: input.userId, role: "OWNER" } },
    },
    select: { id: true, name: true },
  });
  await grantTrialCredits(tx, organization.id);
  await recordAudit(tx, {
    organizationId: organization.id,
    actorUserId: input.userId,
    action: "organization.created",
    targetType: "organization",
    targetId: organization.id,
    ipAddress: input.ipAddress,
  });
  return organization;
}

export async function createOrganization(
  deps: CoreDeps,
  user: { userId: string; ipAddress?: string | null },
  input: { name: string },
): Promise<{ id: string; name: string }> {
  return deps.db.$transaction((tx) => createOrganizationWithOwner(tx, { ...user, name: input.name }));
}

export async function listUserOrganizations(db: Db, userId: string): Promise<OrganizationSummary[]> {
  const memberships = await db.membership.findMany({
    where: { userId },
    select: { role: true, organization: { select: { id: true, name: true, slug: true } } },
    orderBy: { organization: { name: "asc" } },
  });
  return memberships.map((m) => ({ ...m.organization, role: m.role }));
}

/** The caller's role in an organisation, or null when they are not a member. */
export async function findMembershipRole(
  db: Db,
  userId: string,
  organizationId: string,
): Promise<OrgActor["role"] | null> {
  const membership = await db.membership.findUnique({
    where: { organizationId_userId: { organizationId, userId } },
    select: { role: true },
  });
  return membership?.role ?? null;
}

export async function getOrganization(db: Db, actor: OrgActor): Promise<OrganizationDetails> {
  requirePermission(actor, "org:read");
  const organization = await db.organization.findUnique({
    where: { id: actor.organizationId },
    select: {
      id: true,
      name: true,
      slug: true,
      dataRetentionDays: true,
      createdAt: true,
      _count: { select: { memberships: true } },
    },
  });
  if (!organization) throw notFound("Organization", actor.organizationId);
  const { _count, ...rest } = organization;
  return { ...rest, memberCount: _count.memberships };
}

export async function updateOrganization(
  deps: CoreDeps,
  actor: OrgActor,
  input: z.infer<typeof UpdateOrganizationInput>,
): Promise<OrganizationDetails> {
  requirePermission(actor, "org:update");
  await deps.db.$transaction(async (tx) => {
    await tx.organization.update({
      where: { id: actor.organizationId },
      data: {
        name: input.name,
        ...(input.dataRetentionDays !== undefined ? { dataRetentionDays: input.dataRetentionDays } : {}),
      },
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "organization.updated",
      targetType: "organization",
      targetId: actor.organizationId,
      metadata: { name: input.name, dataRetentionDays: input.dataRetentionDays ?? null },
      ipAddress: actor.ipAddress,
    });
  });
  return getOrganization(deps.db, actor);
}

/** The user's role in the organisation; NOT_FOUND when they are not a member. */
export async function requireMembership(
  db: Db,
  userId: string,
  organizationId: string,
): Promise<OrgActor["role"]> {
  const role = await findMembershipRole(db, userId, organizationId);
  // Same answer for "does not exist" and "not yours": ids of other tenants stay opaque.
  if (!role) throw notFound("Organization", organizationId);
  return role;
}

/**
 * The organisation a session works in: the one it chose if the user still belongs
 * to it, otherwise their oldest membership (remembered on the session), or null.
 */
export async function resolveActiveOrganization(
  db: Db,
  session: { id: string; userId: string; activeOrganizationId: string | null },
): Promise<{ organizationId: string; role: OrgActor["role"] } | null> {
  if (session.activeOrganizationId) {
    const role = await findMembershipRole(db, session.userId, session.activeOrganizationId);
    if (role) return { organizationId: session.activeOrganizationId, role };
  }
  const fallback = await db.membership.findFirst({
    where: { userId: session.userId },
    orderBy: { createdAt: "asc" },
    select: { organizationId: true, role: true },
  });
  await setActiveOrganization(db, session.id, fallback?.organizationId ?? null);
  return fallback;
}

/** Switches the session to another organisation the user belongs to. */
export async function switchOrganization(
  db: Db,
  session: { id: string; userId: string },
  organizationId: string,
): Promise<{ organizationId: string; role: OrgActor["role"] }> {
  const role = await requireMembership(db, session.userId, organizationId);
  await setActiveOrganization(db, session.id, organizationId);
  return { organizationId, role };
}
