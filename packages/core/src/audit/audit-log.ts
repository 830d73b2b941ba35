import type { Prisma, Db } from "@interviewlm/db";

export interface AuditEntry {
  organizationId?: string | null;
  actorUserId?: string | null;
  /** Dotted verb: `member.invited`, `member.role_changed`, `session.revoked_all`… */
  action: string;
  targetType?: string;
  targetId?: string;
  metadata?: Prisma.InputJsonObject;
  ipAddress?: string | null;
}

/** Appends to the audit trail; callers pass their transaction so the entry commits with the change. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      organizationId: entry.organizationId ?? null,
      actorUserId: entry.actorUserId ?? null,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      metadata: entry.metadata ?? {},
      ipAddress: entry.ipAddress ?? null,
    },
  });
}
