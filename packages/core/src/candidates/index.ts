export * from "./schemas.ts";
export {
  signInviteToken,
  readInviteToken,
  inviteKeys,
  newInviteNonce,
  inviteUrl,
  inviteLinkProblemOf,
  InviteLinkError,
} from "./invite-token.ts";
export type { InviteTokenClaims, InviteLinkProblem } from "./invite-token.ts";
export { parseCsv, detectDelimiter } from "./csv.ts";
export type { CsvRecord } from "./csv.ts";
export { readCandidateRows } from "./bulk-rows.ts";
export type { CandidateRow } from "./bulk-rows.ts";
export type { CandidateSummary } from "./candidate-dto.ts";
export { inviteCandidate, inviteCandidatesBulk, inviteExpiry } from "./invite.ts";
export type { BulkInviteReport, BulkRowReport, BulkRowOutcome } from "./invite.ts";
export { resendInvitation, remindCandidate, revokeInvitation } from "./lifecycle.ts";
export { advanceCandidateStatus, markOpened, expireInvitations, pipelinePredecessors } from "./status.ts";
export type { PipelineStep, ExpiredInvitation } from "./status.ts";
export { listCandidates, getCandidate, countCandidatesByStatus } from "./queries.ts";
export type { CandidatePage, CandidateDetail, CandidateCounts } from "./queries.ts";
export { verifyInviteToken, getPortalView } from "./portal.ts";
export type { VerifiedInvitation, PortalView } from "./portal.ts";
export { candidateInviteUrl, requireAssessmentOpenForInvites } from "./invitation-email.ts";
export { getCandidateAiUsage } from "./ai-usage.ts";
export type { CandidateAiUsage } from "./ai-usage.ts";
