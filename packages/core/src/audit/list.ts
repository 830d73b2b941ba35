import type { Db, Prisma } from "@interviewlm/db";
import type { OrgActor } from "../shared/deps.ts";
import { requirePermission } from "../shared/permissions.ts";
import { describeAuditAction, ListAuditInput } from "./schemas.ts";

export interface AuditRow {
  id: string;
  createdAt: Date;
  action: string;
  /** Plain words for known actions; the raw dotted action otherwise. */
  label: string;
  actor: { userId: string; name: string | null; email: string } | null;
  /** Set when the row has an actor who is not a member of this organisation now. */
  actorOutside: boolean;
  target: string | null;
  ipAddress: string | null;
}

export interface AuditPage {
  items: AuditRow[];
  nextCursor: string | null;
}

/** The organisation's audit trail, newest first, filtered and paged by cursor. */
export async function listAuditLog(db: Db, actor: OrgActor, rawInput: ListAuditInput): Promise<AuditPage> {
  requirePermission(actor, "audit:read");
  const input = ListAuditInput.parse(rawInput);
  const where: Prisma.AuditLogWhereInput = { organizationId: actor.organizationId };
  if (input.category) where.action = { startsWith: `${input.category}.` };
  if (input.actorUserId) where.actorUserId = input.actorUserId;
  if (input.from || input.to) {
    where.createdAt = {
      ...(input.from ? { gte: new Date(`${input.from}T00:00:00Z`) } : {}),
      ...(input.to ? { lt: new Date(Date.parse(`${input.to}T00:00:00Z`) + 86_400_000) } : {}),
    };
  }
  // A cursor from another organisation (or a stale one) starts from the top instead of erroring.
  const cursorRow = input.cursor ? await db.auditLog.findFirst({ where: { id: input.cursor, organizationId: actor.organizationId }, select: { id: true } }) : null;
  const rows = await db.auditLog.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(cursorRow ? { cursor: { id: cursorRow.id }, skip: 1 } : {}),
    select: { id: true, createdAt: true, action: true, actorUserId: true, targetType: true, targetId: true, ipAddress: true },
  });
  const page = rows.slice(0, input.limit);
  const people = await membersAmong(db, actor.organizationId, page.flatMap((r) => [r.actorUserId, r.targetType === "user" ? r.targetId : null]));
  return {
    items: page.map((row) => {
      const person = row.actorUserId ? people.get(row.actorUserId) : undefined;
      return {
        id: row.id,
        createdAt: row.createdAt,
        action: row.action,
        label: describeAuditAction(row.action),
        actor: person ? { userId: row.actorUserId!, name: person.name, email: person.email } : null,
        actorOutside: row.actorUserId !== null && !person,
        target: describeTarget(row, people),
        ipAddress: row.ipAddress,
      };
    }),
    nextCursor: rows.length > input.limit ? page[page.length - 1]!.id : null,
  };
}

// Names and emails only of people who are members now: the log must not reveal who
// someone outside the organisation (a former member, InterviewLM staff) is.
async function membersAmong(db: Db, organizationId: string, ids: (string | null)[]) {
  const userIds = [...new Set(ids.filter((id): id is string => id !== null))];
  if (userIds.length === 0) return new Map<string, { name: string | null; email: string }>();
  const memberships = await db.membership.findMany({
    where: { organizationId, userId: { in: userIds } },
    select: { userId: true, user: { select: { name: true, email: true } } },
  });
  return new Map(memberships.map((m) => [m.userId, { name: m.user.name, email: m.user.email }]));
}

function describeTarget(row: { targetType: string | null; targetId: string | null }, people: Map<string, { name: string | null; email: string }>): string | null {
  if (!row.targetType) return null;
  if (row.targetType === "user" && row.targetId) {
    const person = people.get(row.targetId);
    return person ? `${person.name ?? person.email} <${person.email}>` : "A person outside the organization";
  }
  return row.targetId ? `${row.targetType.replaceAll("_", " ")} ${row.targetId}` : row.targetType.replaceAll("_", " ");
}
