// Read-only report links for people without an account (docs/decisions/0142). Members who may
// share create, list and revoke them; creating and revoking are audited. Opening a link needs
// only the token: its signature says which row, the row says whether it still works, and the
// row's organisation scopes what is read. Another organisation's session or share is NOT_FOUND.
import type { Db } from "@interviewlm/db";
import type { KeyInput } from "@interviewlm/tokens";
import { recordAudit } from "../audit/audit-log.ts";
import { latestEvaluationOf, type SessionEvaluation } from "../evaluation/read.ts";
import type { OrgActor } from "../shared/deps.ts";
import { DomainError, notFound } from "../shared/errors.ts";
import { requirePermission } from "../shared/permissions.ts";
import { ReportShareLinkError } from "./errors.ts";
import { CreateReportShareInput, ListReportSharesInput, ReportShareTokenInput, RevokeReportShareInput } from "./schemas.ts";
import { readReportShareToken, reportShareUrl, signReportShareToken } from "./share-token.ts";

const DAY_MS = 86_400_000;

export interface ShareDeps {
  db: Db;
  appUrl: string;
  keys: KeyInput;
  now?: Date;
}

export interface ReportShareRow {
  id: string;
  url: string;
  createdAt: Date;
  expiresAt: Date;
  createdBy: string | null;
  viewCount: number;
  lastViewedAt: Date | null;
}

export interface SharedReport {
  candidateName: string;
  assessmentTitle: string;
  organizationName: string;
  expiresAt: Date;
  evaluation: SessionEvaluation | null;
}

const ROW_SELECT = { id: true, createdAt: true, expiresAt: true, viewCount: true, lastViewedAt: true, createdBy: { select: { name: true, email: true } } } as const;

async function requireFinishedOrgSession(db: Db, actor: OrgActor, sessionId: string) {
  const session = await db.interviewSession.findFirst({ where: { id: sessionId, organizationId: actor.organizationId }, select: { id: true, status: true } });
  if (!session) throw notFound("Interview session", sessionId);
  return session;
}

async function toRow(deps: ShareDeps, share: { id: string; createdAt: Date; expiresAt: Date; viewCount: number; lastViewedAt: Date | null; createdBy: { name: string; email: string } | null }): Promise<ReportShareRow> {
  return {
    id: share.id,
    url: reportShareUrl(deps.appUrl, await signReportShareToken(deps.keys, share)),
    createdAt: share.createdAt,
    expiresAt: share.expiresAt,
    createdBy: share.createdBy ? share.createdBy.name || share.createdBy.email : null,
    viewCount: share.viewCount,
    lastViewedAt: share.lastViewedAt,
  };
}

/** A new link to the session's report, valid for the chosen number of days; audited. */
export async function createReportShare(deps: ShareDeps, actor: OrgActor, rawInput: CreateReportShareInput): Promise<ReportShareRow> {
  requirePermission(actor, "reports:share");
  const input = CreateReportShareInput.parse(rawInput);
  const now = deps.now ?? new Date();
  const session = await requireFinishedOrgSession(deps.db, actor, input.sessionId);
  if (session.status !== "COMPLETED") throw new DomainError("PRECONDITION_FAILED", `Session ${session.id} has not finished; its report can be shared once it has.`);
  const share = await deps.db.$transaction(async (tx) => {
    const created = await tx.reportShare.create({
      data: { organizationId: actor.organizationId, sessionId: session.id, createdById: actor.userId, createdAt: now, expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS) },
      select: ROW_SELECT,
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId, actorUserId: actor.userId, action: "report.shared", targetType: "interview_session", targetId: session.id,
      metadata: { shareId: created.id, expiresAt: created.expiresAt.toISOString(), expiresInDays: input.expiresInDays }, ipAddress: actor.ipAddress ?? null,
    });
    return created;
  });
  return toRow(deps, share);
}

/** The session's links that still work (not revoked, not expired), newest first. */
export async function listActiveReportShares(deps: ShareDeps, actor: OrgActor, rawInput: ListReportSharesInput): Promise<ReportShareRow[]> {
  requirePermission(actor, "reports:share");
  const input = ListReportSharesInput.parse(rawInput);
  const session = await requireFinishedOrgSession(deps.db, actor, input.sessionId);
  const shares = await deps.db.reportShare.findMany({
    where: { organizationId: actor.organizationId, sessionId: session.id, revokedAt: null, expiresAt: { gt: deps.now ?? new Date() } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: ROW_SELECT,
  });
  return Promise.all(shares.map((share) => toRow(deps, share)));
}

/** Stops a link working at once; audited. Revoking twice is refused, so the trail has one entry. */
export async function revokeReportShare(deps: ShareDeps, actor: OrgActor, rawInput: RevokeReportShareInput): Promise<{ id: string; revokedAt: Date }> {
  requirePermission(actor, "reports:share");
  const input = RevokeReportShareInput.parse(rawInput);
  const now = deps.now ?? new Date();
  return deps.db.$transaction(async (tx) => {
    const share = await tx.reportShare.findFirst({ where: { id: input.shareId, organizationId: actor.organizationId }, select: { id: true, sessionId: true, revokedAt: true } });
    if (!share) throw notFound("Report share", input.shareId);
    // Conditional on still being active, so two concurrent revocations audit once.
    const { count } = await tx.reportShare.updateMany({ where: { id: share.id, revokedAt: null }, data: { revokedAt: now, revokedById: actor.userId } });
    if (count === 0) throw new DomainError("CONFLICT", `Report share ${share.id} was already revoked.`);
    await recordAudit(tx, {
      organizationId: actor.organizationId, actorUserId: actor.userId, action: "report.share_revoked", targetType: "interview_session", targetId: share.sessionId,
      metadata: { shareId: share.id }, ipAddress: actor.ipAddress ?? null,
    });
    return { id: share.id, revokedAt: now };
  });
}

/**
 * The report behind a share link, for anyone holding it. Counts the view. Throws
 * ReportShareLinkError: "invalid" (forged, edited, unknown row), "revoked", "expired".
 */
export async function openSharedReport(deps: ShareDeps, rawInput: ReportShareTokenInput): Promise<SharedReport> {
  const input = ReportShareTokenInput.parse(rawInput);
  const now = deps.now ?? new Date();
  const shareId = await readReportShareToken(deps.keys, input.token);
  const share = await deps.db.reportShare.findUnique({
    where: { id: shareId },
    select: {
      id: true, organizationId: true, sessionId: true, expiresAt: true, revokedAt: true,
      session: { select: { candidate: { select: { name: true } }, assessment: { select: { title: true } }, organization: { select: { name: true } } } },
    },
  });
  if (!share) throw new ReportShareLinkError("invalid");
  if (share.revokedAt) throw new ReportShareLinkError("revoked");
  if (share.expiresAt <= now) throw new ReportShareLinkError("expired");
  await deps.db.reportShare.update({ where: { id: share.id }, data: { viewCount: { increment: 1 }, lastViewedAt: now } });
  return {
    candidateName: share.session.candidate.name,
    assessmentTitle: share.session.assessment.title,
    organizationName: share.session.organization.name,
    expiresAt: share.expiresAt,
    evaluation: await latestEvaluationOf(deps.db, share.organizationId, share.sessionId),
  };
}
