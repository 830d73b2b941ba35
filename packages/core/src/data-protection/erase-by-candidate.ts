// The candidate's own erasure request (docs/decisions/0170): from the "Your data" link they ask,
// a confirmation link goes to the address they were invited at (that mail is the verification,
// as for the export's download link), and following it and confirming requests the erasure
// through the recruiter's path — marked, audited with the candidate as actor, run at once, and
// finished by the retention job if a store cannot be reached.
import { RATE_LIMITS } from "@interviewlm/auth";
import { queueEmail } from "@interviewlm/emails";
import { ERASABLE } from "../candidates/candidate-dto.ts";
import { nowOf, type CoreDeps } from "../shared/deps.ts";
import { DomainError } from "../shared/errors.ts";
import { enforceRateLimit } from "../shared/rate-limits.ts";
import { markErasureRequested, runErasure, type ErasureDeps, type ErasureOutcome } from "./erase-candidate.ts";
import { candidateErasureConfirmUrl, ERASURE_CONFIRM_TTL_SECONDS, readDataRequestLink, readErasureConfirmLink } from "./export-links.ts";
import { candidateOfLink, maskEmail } from "./export-service.ts";

type CandidateErasureDeps = ErasureDeps & Pick<CoreDeps, "appUrl" | "appSecret" | "appSecretPrevious" | "emailFrom">;
type Candidate = Awaited<ReturnType<typeof candidateOfLink>>;

/** What the candidate is told goes: the same list on the "Your data" page, in the email and on the confirmation page. */
export const ERASED_FOR_CANDIDATE = [
  "your name and email address",
  "the files you wrote and the interview's workspace",
  "the recording of the interview (editor, terminal and AI assistant)",
  "the evaluation and reviewers' notes",
  "the emails sent to you",
] as const;

/**
 * Erasure is refused while the invitation is open or the interview runs (as for a recruiter): an
 * open invitation holds the organisation's credit and only they can withdraw it; a running
 * interview's workspace and room are in use. The candidate is told what to do instead.
 */
function refusalFor(candidate: Candidate): string | null {
  if (ERASABLE.includes(candidate.status)) return null;
  const org = candidate.organization.name;
  return candidate.status === "STARTED"
    ? `Your interview with ${org} is still in progress. Finish it (or let its time run out), then ask again.`
    : `Your invitation from ${org} is still open. If you do not want to take the interview, ask ${org} to withdraw it, or wait until it expires on ${candidate.expiresAt.toUTCString()}; then ask again.`;
}

export interface ErasureRequestView {
  organizationName: string;
  candidateName: string;
  /** Why it cannot be erased yet, or null. */
  refusal: string | null;
  /** Already requested and under way (a store was unreachable; the job finishes it). */
  inProgress: boolean;
  removes: readonly string[];
}

function viewOf(candidate: Candidate): ErasureRequestView {
  return {
    organizationName: candidate.organization.name,
    candidateName: candidate.name,
    refusal: refusalFor(candidate),
    inProgress: candidate.erasureRequestedAt !== null,
    removes: ERASED_FOR_CANDIDATE,
  };
}

/** What the "Your data" page shows about erasure (no audit). */
export async function viewCandidateErasureRequest(deps: CandidateErasureDeps, token: string): Promise<ErasureRequestView> {
  return viewOf(await candidateOfLink(deps.db, await readDataRequestLink(deps, token)));
}

/** The candidate asks from the "Your data" link: a confirmation link is mailed to their invited address (rate-limited). */
export async function requestCandidateErasure(deps: CandidateErasureDeps, input: { token: string; ipAddress?: string | null }): Promise<{ sentTo: string; expiresInHours: number }> {
  const candidate = await candidateOfLink(deps.db, await readDataRequestLink(deps, input.token));
  const refusal = refusalFor(candidate);
  if (refusal) throw new DomainError("PRECONDITION_FAILED", refusal);
  const now = nowOf(deps);
  await enforceRateLimit(deps.db, RATE_LIMITS.candidateErasureRequest.perCandidate, candidate.id, now, "erasure requests for this candidate");
  if (input.ipAddress) await enforceRateLimit(deps.db, RATE_LIMITS.candidateErasureRequest.perIp, input.ipAddress, now, "erasure requests");
  const confirmUrl = await candidateErasureConfirmUrl(deps, candidate.id);
  await queueEmail(deps.db, {
    template: "candidate-erasure-confirm",
    to: candidate.email,
    organizationId: candidate.organizationId,
    props: { candidateName: candidate.name, organizationName: candidate.organization.name, confirmUrl, expiresAt: new Date(now.getTime() + ERASURE_CONFIRM_TTL_SECONDS * 1000) },
  }, { from: deps.emailFrom });
  return { sentTo: maskEmail(candidate.email), expiresInHours: ERASURE_CONFIRM_TTL_SECONDS / 3600 };
}

/** The confirmation page, before the candidate presses Erase (nothing changes). */
export async function viewCandidateErasureConfirm(deps: CandidateErasureDeps, token: string): Promise<ErasureRequestView> {
  return viewOf(await candidateOfLink(deps.db, await readErasureConfirmLink(deps, token)));
}

/**
 * The candidate confirms from the emailed link: the erasure is requested through the recruiter's
 * path (audited as candidate.erasure_requested with the candidate as actor) and runs at once;
 * `pending` when a store is unreachable (the job finishes it). Rate-limited per address only: the
 * link already proves the mailbox, and a second confirmation changes nothing.
 */
export async function confirmCandidateErasure(deps: CandidateErasureDeps, input: { token: string; ipAddress?: string | null }): Promise<ErasureOutcome> {
  const candidate = await candidateOfLink(deps.db, await readErasureConfirmLink(deps, input.token));
  const refusal = refusalFor(candidate);
  if (refusal) throw new DomainError("PRECONDITION_FAILED", refusal);
  if (input.ipAddress) await enforceRateLimit(deps.db, RATE_LIMITS.candidateErasureRequest.perIp, input.ipAddress, nowOf(deps), "erasure requests");
  await markErasureRequested(deps, candidate, { actorUserId: null, ipAddress: input.ipAddress ?? null, metadata: { actor: "candidate" } });
  return runErasure(deps, candidate.id, "candidate_erased");
}
