import type { CandidateStatus, CandidateSummary } from "@interviewlm/core/candidates";
import { CANDIDATE_STATUS_LABELS } from "@interviewlm/core/candidates/schemas";
import { Badge, type BadgeTone } from "@interviewlm/ui";

export { CANDIDATE_STATUS_LABELS };

const TONES: Record<CandidateStatus, BadgeTone> = {
  INVITED: "info",
  OPENED: "accent",
  STARTED: "warning",
  COMPLETED: "success",
  EVALUATED: "success",
  EXPIRED: "neutral",
  REVOKED: "danger",
};

/** The status as a coloured label; the word carries the meaning, the colour helps scanning. */
export function CandidateStatusBadge({ status }: { status: CandidateStatus }) {
  return (
    <Badge tone={TONES[status]} dot>
      {CANDIDATE_STATUS_LABELS[status]}
    </Badge>
  );
}

/** The moment the candidate reached their current status (what "last activity" means in the table). */
export function statusChangedAt(
  candidate: Pick<CandidateSummary, "status" | "invitedAt" | "openedAt" | "startedAt" | "completedAt" | "evaluatedAt" | "expiredAt" | "revokedAt">,
): Date {
  const stamps: Record<CandidateStatus, Date | null> = {
    INVITED: candidate.invitedAt,
    OPENED: candidate.openedAt,
    STARTED: candidate.startedAt,
    COMPLETED: candidate.completedAt,
    EVALUATED: candidate.evaluatedAt,
    EXPIRED: candidate.expiredAt,
    REVOKED: candidate.revokedAt,
  };
  return stamps[candidate.status] ?? candidate.invitedAt;
}
