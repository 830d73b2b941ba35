// The platform administrator's view across every organisation (support and operations).
// Callers are checked by the API layer (platformAdminProcedure); nothing here is tenant-scoped.
import type { Db, PrismaClient } from "@interviewlm/db";
import { z } from "zod";
import { recordAudit } from "../audit/audit-log.ts";
import { DomainError, notFound } from "../shared/errors.ts";

export const PlatformSearchInput = z.object({
  search: z.string().trim().max(100, "Use at most 100 characters.").optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const SetPlatformAdminInput = z.object({
  userId: z.string().trim().min(1, "Missing user id.").max(64),
  isPlatformAdmin: z.boolean(),
});

export interface PlatformOrganization {
  id: string;
  name: string;
  slug: string;
  createdAt: Date;
  members: number;
  assessments: number;
  candidates: number;
}

export async function listPlatformOrganizations(db: Db, input: z.infer<typeof PlatformSearchInput>): Promise<PlatformOrganization[]> {
  const rows = await db.organization.findMany({
    where: input.search ? { OR: [{ name: { contains: input.search, mode: "insensitive" } }, { slug: { contains: input.search, mode: "insensitive" } }] } : {},
    select: { id: true, name: true, slug: true, createdAt: true, _count: { select: { memberships: true, assessments: true, candidates: true } } },
    orderBy: { createdAt: "desc" },
    take: input.limit,
  });
  return rows.map(({ _count, ...org }) => ({ ...org, members: _count.memberships, assessments: _count.assessments, candidates: _count.candidates }));
}

export interface PlatformUser {
  id: string;
  email: string;
  name: string;
  emailVerified: boolean;
  isPlatformAdmin: boolean;
  organizations: number;
  createdAt: Date;
}

const platformUserSelect = {
  id: true, email: true, name: true, emailVerifiedAt: true, isPlatformAdmin: true, createdAt: true,
  _count: { select: { memberships: true } },
} as const;

function toPlatformUser(u: { id: string; email: string; name: string; emailVerifiedAt: Date | null; isPlatformAdmin: boolean; createdAt: Date; _count: { memberships: number } }): PlatformUser {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    emailVerified: u.emailVerifiedAt !== null,
    isPlatformAdmin: u.isPlatformAdmin,
    organizations: u._count.memberships,
    createdAt: u.createdAt,
  };
}

export async function listPlatformUsers(db: Db, input: z.infer<typeof PlatformSearchInput>): Promise<PlatformUser[]> {
  const rows = await db.user.findMany({
    where: input.search ? { OR: [{ email: { contains: input.search, mode: "insensitive" } }, { name: { contains: input.search, mode: "insensitive" } }] } : {},
    select: platformUserSelect,
    orderBy: { createdAt: "desc" },
    take: input.limit,
  });
  return rows.map(toPlatformUser);
}

/** Grants or withdraws the platform admin role; an admin cannot withdraw their own (no lock-out). */
export async function setPlatformAdmin(
  db: PrismaClient,
  actor: { userId: string; ipAddress?: string | null },
  input: z.infer<typeof SetPlatformAdminInput>,
): Promise<PlatformUser> {
  if (input.userId === actor.userId && !input.isPlatformAdmin) {
    throw new DomainError("PRECONDITION_FAILED", "You cannot withdraw your own platform admin role. Ask another platform admin.");
  }
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { id: true } });
  if (!user) throw notFound("User", input.userId);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: input.userId }, data: { isPlatformAdmin: input.isPlatformAdmin } });
    await recordAudit(tx, {
      actorUserId: actor.userId,
      action: input.isPlatformAdmin ? "platform.admin_granted" : "platform.admin_revoked",
      targetType: "user",
      targetId: input.userId,
      ipAddress: actor.ipAddress,
    });
  });
  return toPlatformUser(await db.user.findUniqueOrThrow({ where: { id: input.userId }, select: platformUserSelect }));
}

/** Bootstrap from the command line (scripts/platform-admin.ts): the first admin has no one to ask. */
export async function grantPlatformAdminByEmail(db: PrismaClient, email: string, isPlatformAdmin: boolean): Promise<{ id: string; email: string }> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, email: true } });
  if (!user) throw notFound("User with email", email);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { isPlatformAdmin } });
    await recordAudit(tx, { action: isPlatformAdmin ? "platform.admin_granted" : "platform.admin_revoked", targetType: "user", targetId: user.id, metadata: { via: "command line" } });
  });
  return user;
}
