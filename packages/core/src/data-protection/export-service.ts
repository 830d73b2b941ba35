// The two ways an export archive is released (docs/decisions/0171), each audited as
// "candidate.exported": to a member with data:export, for a candidate of their organisation;
// and to the candidate, who asks from the "Your data" link in their emails and downloads from
// the link then mailed to the address they were invited at (that mail is the verification).
import { RATE_LIMITS } from "@interviewlm/auth";
import type { Db } from "@interviewlm/db";
import { queueEmail } from "@interviewlm/emails";
import { recordAudit } from "../audit/audit-log.ts";
import { nowOf, type CoreDeps, type OrgActor } from "../shared/deps.ts";
import { requirePermission } from "../shared/permissions.ts";
import { enforceRateLimit } from "../shared/rate-limits.ts";
import { collectCandidateExport, type CandidateExport } from "./export-collect.ts";
import { candidateDataDownloadUrl, DATA_DOWNLOAD_TTL_SECONDS, DataLinkError, readDataDownloadLink, readDataRequestLink } from "./export-links.ts";

type LinkDeps = Pick<CoreDeps, "db" | "appUrl" | "appSecret" | "appSecretPrevious" | "now" | "emailFrom">;

/** A member's export of one candidate of their organisation; another organisation's candidate is NOT_FOUND. */
export async function exportCandidateForOrganization(deps: Pick<CoreDeps, "db" | "now">, actor: OrgActor, candidateId: string): Promise<CandidateExport> {
  requirePermission(actor, "data:export");
  const data = await collectCandidateExport(deps.db, actor.organizationId, candidateId, "organization", nowOf(deps));
  await recordAudit(deps.db, {
    organizationId: actor.organizationId,
    actorUserId: actor.userId,
    action: "candidate.exported",
    targetType: "candidate",
    targetId: candidateId,
    metadata: { candidateId, audience: "organization", recordingEvents: data.recording.events },
    ipAddress: actor.ipAddress ?? null,
  });
  return data;
}

export interface DataRequestView {
  organizationName: string;
  candidateName: string;
  /** Where the link will go, masked ("a•••@example.com"): the page says where to look without showing the address to whoever holds the link. */
  maskedEmail: string;
}

export async function candidateOfLink(db: Db, candidateId: string) {
  const candidate = await db.candidate.findUnique({
    where: { id: candidateId },
    select: { id: true, name: true, email: true, status: true, expiresAt: true, organizationId: true, erasedAt: true, erasureRequestedAt: true, organization: { select: { name: true } } },
  });
  // Erased since the link was sent (only a pseudonymous tombstone is left): the link names no one any more.
  if (!candidate || candidate.erasedAt) throw new DataLinkError("invalid");
  return candidate;
}

/** What the "Your data" page shows. */
export async function viewCandidateDataRequest(deps: LinkDeps, token: string): Promise<DataRequestView> {
  const candidate = await candidateOfLink(deps.db, await readDataRequestLink(deps, token));
  return { organizationName: candidate.organization.name, candidateName: candidate.name, maskedEmail: maskEmail(candidate.email) };
}

/** The candidate asks: a download link goes to their address (rate-limited), and the request is audited. */
export async function requestCandidateDataExport(deps: LinkDeps, input: { token: string; ipAddress?: string | null }): Promise<{ sentTo: string; expiresInHours: number }> {
  const candidate = await candidateOfLink(deps.db, await readDataRequestLink(deps, input.token));
  const now = nowOf(deps);
  await enforceRateLimit(deps.db, RATE_LIMITS.candidateDataRequest.perCandidate, candidate.id, now, "requests for this candidate's data");
  if (input.ipAddress) await enforceRateLimit(deps.db, RATE_LIMITS.candidateDataRequest.perIp, input.ipAddress, now, "data requests");
  const downloadUrl = await candidateDataDownloadUrl(deps, candidate.id);
  await deps.db.$transaction(async (tx) => {
    await queueEmail(tx, {
      template: "candidate-data-download",
      to: candidate.email,
      organizationId: candidate.organizationId,
      props: { candidateName: candidate.name, organizationName: candidate.organization.name, downloadUrl, expiresAt: new Date(now.getTime() + DATA_DOWNLOAD_TTL_SECONDS * 1000) },
    }, { from: deps.emailFrom });
    await recordAudit(tx, {
      organizationId: candidate.organizationId,
      action: "candidate.export_requested",
      targetType: "candidate",
      targetId: candidate.id,
      metadata: { candidateId: candidate.id, actor: "candidate" },
      ipAddress: input.ipAddress ?? null,
    });
  });
  return { sentTo: maskEmail(candidate.email), expiresInHours: DATA_DOWNLOAD_TTL_SECONDS / 3600 };
}

/** What the download page shows before the candidate presses Download (no audit, no archive). */
export async function viewCandidateDataDownload(deps: LinkDeps, token: string): Promise<{ organizationName: string; candidateName: string }> {
  const candidate = await candidateOfLink(deps.db, await readDataDownloadLink(deps, token));
  return { organizationName: candidate.organization.name, candidateName: candidate.name };
}

/** The candidate's own archive, from the emailed link; audited with the candidate as the actor. */
export async function exportCandidateForCandidate(deps: LinkDeps, input: { token: string; ipAddress?: string | null }): Promise<CandidateExport> {
  const candidate = await candidateOfLink(deps.db, await readDataDownloadLink(deps, input.token));
  const now = nowOf(deps);
  await enforceRateLimit(deps.db, RATE_LIMITS.candidateDataDownload.perCandidate, candidate.id, now, "downloads");
  const data = await collectCandidateExport(deps.db, candidate.organizationId, candidate.id, "candidate", now);
  await recordAudit(deps.db, {
    organizationId: candidate.organizationId,
    action: "candidate.exported",
    targetType: "candidate",
    targetId: candidate.id,
    metadata: { candidateId: candidate.id, audience: "candidate", actor: "candidate", recordingEvents: data.recording.events },
    ipAddress: input.ipAddress ?? null,
  });
  return data;
}

/** "ada@example.com" → "a••@example.com". */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "•••";
  const local = email.slice(0, at);
  return `${local[0]}${"•".repeat(Math.min(6, Math.max(2, local.length - 1)))}${email.slice(at)}`;
}
