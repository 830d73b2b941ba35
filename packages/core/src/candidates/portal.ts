// The candidate side: an invite link is the candidate's only credential. verifyInviteToken
// is the one gate every candidate-facing entry point (portal, start, interview) passes.
import type { Prisma, PrismaClient } from "@interviewlm/db";
import { nowOf, type CoreDeps } from "../shared/deps.ts";
import { InviteLinkError, readInviteToken } from "./invite-token.ts";
import type { CandidateStatus } from "./schemas.ts";
import { markOpened } from "./status.ts";

type Db = PrismaClient | Prisma.TransactionClient;

const verifiedSelect = {
  id: true,
  organizationId: true,
  assessmentId: true,
  name: true,
  email: true,
  status: true,
  inviteNonce: true,
  expiresAt: true,
  openedAt: true,
  startedAt: true,
  organization: { select: { id: true, name: true } },
  assessment: {
    select: {
      id: true,
      title: true,
      role: true,
      seniority: true,
      languages: true,
      durationMinutes: true,
      questionCount: true,
      aiAssistance: true,
      testVisibility: true,
      instructions: true,
    },
  },
} as const satisfies Prisma.CandidateSelect;

export type VerifiedInvitation = Omit<Prisma.CandidateGetPayload<{ select: typeof verifiedSelect }>, "inviteNonce">;

/**
 * The candidate a link belongs to, with organisation and assessment, or an
 * InviteLinkError saying exactly why the link cannot be used (invalid, revoked,
 * completed, expired, superseded). A STARTED candidate can always come back: the
 * invitation's expiry must not cut an interview in progress short.
 * Pass a transaction as `db` to verify and act atomically (starting the interview).
 */
export async function verifyInviteToken(
  deps: Pick<CoreDeps, "prisma" | "appSecret" | "now">,
  token: string,
  db: Db = deps.prisma,
): Promise<VerifiedInvitation> {
  const claims = readInviteToken(deps.appSecret, token);
  const row = await db.candidate.findUnique({ where: { id: claims.candidateId }, select: verifiedSelect });
  if (!row) throw new InviteLinkError("invalid");
  const problem = problemOf(row, claims, nowOf(deps));
  if (problem) throw new InviteLinkError(problem);
  const { inviteNonce: _nonce, ...candidate } = row;
  return candidate;
}

function problemOf(
  row: { status: CandidateStatus; inviteNonce: string; expiresAt: Date },
  claims: { nonce: string; expiresAt: Date },
  now: Date,
): InviteLinkError["problem"] | null {
  if (row.status === "REVOKED") return "revoked";
  if (row.status === "COMPLETED" || row.status === "EVALUATED") return "completed";
  if (row.status === "EXPIRED") return "expired";
  if (claims.nonce !== row.inviteNonce) return "superseded";
  if (row.status === "STARTED") return null;
  if (claims.expiresAt <= now || row.expiresAt <= now) return "expired";
  return null;
}

const AI_ASSISTANCE_EXPLAINED = {
  OFF: "No AI assistant: you work on your own, as in a classic coding interview.",
  CHAT: "An AI assistant you can chat with: it answers questions and explains, but cannot read or change your files.",
  AGENT:
    "A full AI coding agent: it can read and edit your files, run tests and shell commands in your workspace. How you direct and check its work is part of the assessment.",
} as const;

const TESTS_EXPLAINED = {
  VISIBLE: "Tests are in your workspace; run them as often as you like. Hidden tests are also run at the end.",
  RESULTS_ONLY: "You can run the tests and see which pass, but not their source. Hidden tests are also run at the end.",
  HIDDEN: "Tests are not shown during the interview; your solution is checked by hidden tests at the end.",
} as const;

/** What the interview records; shown for consent before the candidate starts. */
export const RECORDED_SIGNALS = [
  "Everything you type in the editor, and the files you create",
  "Terminal input and output",
  "Test runs and their results",
  "Your conversation with the AI assistant, including its tool calls",
  "Paste events and when the interview window loses focus",
] as const;

export interface PortalView {
  candidate: { name: string; status: CandidateStatus; expiresAt: Date; startedAt: Date | null };
  organizationName: string;
  assessment: VerifiedInvitation["assessment"] & { aiAssistanceExplained: string; testsExplained: string };
  recorded: readonly string[];
  /** Reviewers from the company may watch the interview as it happens. */
  reviewersMayWatchLive: true;
  /** The interview may be started now (consent and system check come first). */
  canStart: boolean;
  /** An interview is in progress: offer to resume it instead. */
  canResume: boolean;
}

/** What the portal page shows; the first view marks the candidate OPENED. */
export async function getPortalView(deps: Pick<CoreDeps, "prisma" | "appSecret" | "now">, token: string): Promise<PortalView> {
  const invitation = await verifyInviteToken(deps, token);
  let status = invitation.status;
  if (status === "INVITED" && (await markOpened(deps.prisma, invitation.id, nowOf(deps)))) status = "OPENED";
  const { assessment } = invitation;
  return {
    candidate: { name: invitation.name, status, expiresAt: invitation.expiresAt, startedAt: invitation.startedAt },
    organizationName: invitation.organization.name,
    assessment: {
      ...assessment,
      aiAssistanceExplained: AI_ASSISTANCE_EXPLAINED[assessment.aiAssistance],
      testsExplained: TESTS_EXPLAINED[assessment.testVisibility],
    },
    recorded: RECORDED_SIGNALS,
    reviewersMayWatchLive: true,
    canStart: status === "INVITED" || status === "OPENED",
    canResume: status === "STARTED",
  };
}
