// Retention (docs/decisions/0170): an organisation keeps candidate data `dataRetentionDays` after
// the candidate's story ended — evaluated, else completed, else the invitation expired or was
// revoked. Past that, the retention job requests their erasure; null keeps data until deleted.
// The dry run lists exactly what the next pass would request, with the same query.
import { Prisma, type Db, type PrismaClient } from "@interviewlm/db";
import { recordAudit } from "../audit/audit-log.ts";
import { nowOf, type OrgActor } from "../shared/deps.ts";
import { notFound } from "../shared/errors.ts";
import { requirePermission } from "../shared/permissions.ts";
import { claimNextErasure, runErasure, type ErasureDeps } from "./erase-candidate.ts";
import { RetentionPreviewInput } from "./erase-schemas.ts";

/** When a candidate's data starts its retention period, in SQL (the same everywhere). */
const ENDED_AT = Prisma.sql`COALESCE(c."evaluatedAt", c."completedAt", c."expiredAt", c."revokedAt")`;
const ENDED_STATUSES = Prisma.sql`('COMPLETED', 'EVALUATED', 'EXPIRED', 'REVOKED')`;

/** Candidates of `organizationId` (or every organisation) whose retention ran out and who are not yet being erased. */
function expiredWhere(now: Date, organizationId: string | null): Prisma.Sql {
  return Prisma.sql`
    c."erasureRequestedAt" IS NULL
    AND c.status::text IN ${ENDED_STATUSES}
    AND o."dataRetentionDays" IS NOT NULL
    AND ${ENDED_AT} < ${now}::timestamp - make_interval(days => o."dataRetentionDays")
    ${organizationId ? Prisma.sql`AND c."organizationId" = ${organizationId}` : Prisma.empty}`;
}

export interface RetentionPreview {
  retentionDays: number | null;
  /** How many the next run would erase. */
  total: number;
  /** The first `limit`, oldest first. */
  candidates: { id: string; name: string; email: string; status: string; assessmentTitle: string; endedAt: Date }[];
}

/** The dry run: who the next run would erase, and nothing changes but the audit entry. */
export async function previewRetention(deps: { db: Db; now?: () => Date }, actor: OrgActor, rawInput?: { limit?: number }): Promise<RetentionPreview> {
  requirePermission(actor, "data:delete");
  const { limit } = RetentionPreviewInput.parse(rawInput ?? {});
  const now = nowOf(deps);
  const org = await deps.db.organization.findUnique({ where: { id: actor.organizationId }, select: { dataRetentionDays: true } });
  if (!org) throw notFound("Organization", actor.organizationId);
  const where = expiredWhere(now, actor.organizationId);
  const [counted, rows] = await Promise.all([
    deps.db.$queryRaw<{ total: bigint | number }[]>`SELECT COUNT(*) AS total FROM "Candidate" c JOIN "Organization" o ON o.id = c."organizationId" WHERE ${where}`,
    deps.db.$queryRaw<RetentionPreview["candidates"]>`
      SELECT c.id, c.name, c.email, c.status::text AS status, a.title AS "assessmentTitle", ${ENDED_AT} AS "endedAt"
        FROM "Candidate" c JOIN "Organization" o ON o.id = c."organizationId" JOIN "Assessment" a ON a.id = c."assessmentId"
       WHERE ${where}
       ORDER BY ${ENDED_AT}, c.id
       LIMIT ${limit}`,
  ]);
  const total = Number(counted[0]?.total ?? 0);
  await recordAudit(deps.db, {
    organizationId: actor.organizationId,
    actorUserId: actor.userId,
    action: "retention.dry_run",
    targetType: "organization",
    targetId: actor.organizationId,
    metadata: { retentionDays: org.dataRetentionDays, wouldErase: total },
    ipAddress: actor.ipAddress,
  });
  return { retentionDays: org.dataRetentionDays, total, candidates: rows.map((row) => ({ ...row, endedAt: new Date(row.endedAt) })) };
}

/**
 * Requests the erasure of up to `max` expired candidates of every organisation. SKIP LOCKED: a
 * second run at the same moment takes other rows (or none), never the same ones twice.
 */
export async function requestExpiredErasures(db: PrismaClient | Db, now: Date, max = 100, organizationId: string | null = null): Promise<{ id: string; organizationId: string }[]> {
  return db.$queryRaw<{ id: string; organizationId: string }[]>`
    UPDATE "Candidate" SET "erasureRequestedAt" = ${now}, "erasureNextAttemptAt" = ${now}
     WHERE id IN (
       SELECT c.id FROM "Candidate" c JOIN "Organization" o ON o.id = c."organizationId"
        WHERE ${expiredWhere(now, organizationId)}
        ORDER BY c.id
        LIMIT ${max}
        FOR UPDATE OF c SKIP LOCKED
     ) AND "erasureRequestedAt" IS NULL
    RETURNING id, "organizationId"`;
}

export interface RetentionRunResult {
  /** Expired candidates whose erasure this run requested. */
  requested: number;
  erased: number;
  /** Erasures left pending (a store unreachable); retried later. */
  pending: number;
}

/** Who started a run: the scheduled job (every organisation), or an owner/admin's "Erase now" (theirs only). */
export interface RetentionRunScope {
  organizationId: string;
  actorUserId: string;
  ipAddress?: string | null;
}

/**
 * One run of the retention job: request the expired, then work through due erasures (these and
 * recruiters' requests still pending). Each organisation it touched gets one audit entry with counts.
 * With `scope` (an "Erase now"), the same run limited to one organisation, audited even when empty
 * (the member pressed a button and the log shows it happened).
 */
export async function runRetention(
  deps: ErasureDeps,
  options: { maxErasures?: number; shouldStop?: () => boolean; scope?: RetentionRunScope } = {},
): Promise<RetentionRunResult> {
  const { maxErasures = 20, shouldStop = () => false, scope } = options;
  const now = nowOf(deps);
  const organizationId = scope?.organizationId ?? null;
  const perOrg = new Map<string, RetentionRunResult>();
  const tally = (organizationId: string) => {
    let entry = perOrg.get(organizationId);
    if (!entry) perOrg.set(organizationId, (entry = { requested: 0, erased: 0, pending: 0 }));
    return entry;
  };
  if (scope) tally(scope.organizationId);
  for (const row of await requestExpiredErasures(deps.db, now, 100, organizationId)) tally(row.organizationId).requested++;
  for (let i = 0; i < maxErasures && !shouldStop(); i++) {
    const claimed = await claimNextErasure(deps.db, nowOf(deps), organizationId);
    if (!claimed) break;
    const outcome = await runErasure(deps, claimed.id, "retention", scope?.actorUserId ?? null);
    tally(claimed.organizationId)[outcome.status === "erased" ? "erased" : "pending"]++;
  }
  const total: RetentionRunResult = { requested: 0, erased: 0, pending: 0 };
  for (const [organizationId, counts] of perOrg) {
    await recordAudit(deps.db, {
      organizationId,
      action: "retention.run",
      targetType: "organization",
      targetId: organizationId,
      metadata: { ...counts, trigger: scope ? "manual" : "scheduled" },
      ...(scope ? { actorUserId: scope.actorUserId, ipAddress: scope.ipAddress ?? null } : {}),
    });
    total.requested += counts.requested;
    total.erased += counts.erased;
    total.pending += counts.pending;
  }
  return total;
}

/** How many erasures one "Erase now" runs inside the request; the job finishes any beyond (they are already requested). */
export const ERASE_NOW_MAX = 50;

/** "Erase now" on the dry run: the scheduled job's own pass, for the caller's organisation only. */
export async function runRetentionNow(deps: ErasureDeps, actor: OrgActor): Promise<RetentionRunResult> {
  requirePermission(actor, "data:delete");
  return runRetention(deps, { maxErasures: ERASE_NOW_MAX, scope: { organizationId: actor.organizationId, actorUserId: actor.userId, ipAddress: actor.ipAddress ?? null } });
}
