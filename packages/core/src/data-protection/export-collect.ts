// Every database row held about one candidate, as the JSON part of their export archive
// (docs/decisions/0171). Two audiences: the organisation (everything, for a recruiter with
// data:export) and the candidate themself (their data, without the organisation's internal
// working material). Always scoped by organisation in the query.
import type { Db, Prisma } from "@interviewlm/db";
import { notFound } from "../shared/errors.ts";

export type ExportAudience = "organization" | "candidate";

/**
 * Every table that refers to a candidate or an interview session, and where its rows go.
 * The export test lists such tables from information_schema and fails on one missing here,
 * so a new table cannot silently stay out of exports.
 */
export const EXPORT_COVERAGE = {
  Candidate: "candidate.json: candidate",
  InterviewSession: "candidate.json: session",
  SessionQuestion: "candidate.json: sessionQuestions",
  Evaluation: "candidate.json: evaluations",
  RecordingEvent: "recording.jsonl (one event a line) and files/ (the workspace at the end)",
  RecordingDeadLetter: "candidate.json: recordingDeadLetters (organisation's archive only)",
  CreditLedgerEntry: "candidate.json: creditLedgerEntries (organisation's archive only)",
  ReplayKeyframe: "not exported: derived from the recording only, rebuilt on demand",
  HiringDecision: "candidate.json: hiringDecisions (organisation's archive only)",
  ReportShare: "not exported: the organisation's read-only links to the report (who made them, expiry, views), not information about the candidate",
} as const;

/** What a candidate's own archive leaves out, said in its README too. */
export const WITHHELD_FROM_CANDIDATE = [
  "reviewers' notes written during the interview (note.added events) and reviewers' presence in the room",
  "the evaluation's processing details (attempts, errors, model, cost, review flags)",
  "credit ledger entries (the organisation's billing) and recording batches the server refused",
  "the reviewers' hiring decisions and their reasons (internal deliberation, like their notes)",
  "who in the organisation acted in audit entries (their user ids) and IP addresses",
] as const;

const candidateSelect = {
  id: true, organizationId: true, assessmentId: true, name: true, email: true, status: true, expiresAt: true, invitedAt: true,
  openedAt: true, startedAt: true, completedAt: true, evaluatedAt: true, expiredAt: true, revokedAt: true, lastEmailedAt: true,
  remindersSent: true, createdById: true, creditReservationId: true, createdAt: true, updatedAt: true,
  // inviteNonce is left out on purpose: it is part of a credential, not information about the person.
  organization: { select: { id: true, name: true } },
  assessment: { select: { id: true, title: true, role: true, seniority: true, durationMinutes: true } },
} as const satisfies Prisma.CandidateSelect;

export interface CandidateExport {
  format: "interviewlm.candidate-export/1";
  audience: ExportAudience;
  exportedAt: string;
  organization: { id: string; name: string };
  assessment: { id: string; title: string; role: string; seniority: string; durationMinutes: number };
  candidate: Record<string, unknown>;
  session: Record<string, unknown> | null;
  sessionQuestions: Record<string, unknown>[];
  evaluations: Record<string, unknown>[];
  emails: Record<string, unknown>[];
  auditEntries: Record<string, unknown>[];
  aiUsage: { calls: number; inputTokens: number; outputTokens: number; costMicroUsd: number };
  creditLedgerEntries?: Record<string, unknown>[];
  recordingDeadLetters?: Record<string, unknown>[];
  hiringDecisions?: Record<string, unknown>[];
  recording: { file: "recording.jsonl"; events: number };
  withheld: readonly string[];
}

/** The emailed download link is a live credential: its mail is listed, its body is not. */
const CREDENTIAL_TEMPLATES = new Set(["candidate-data-download", "candidate-erasure-confirm"]);

/** The candidate's rows, or NOT_FOUND when the candidate is not the organisation's. */
export async function collectCandidateExport(db: Db, organizationId: string, candidateId: string, audience: ExportAudience, now: Date): Promise<CandidateExport> {
  const row = await db.candidate.findFirst({ where: { id: candidateId, organizationId }, select: candidateSelect });
  if (!row) throw notFound("Candidate", candidateId);
  const { organization, assessment, ...candidate } = row;
  const session = await db.interviewSession.findFirst({ where: { candidateId, organizationId } });
  const sessionId = session?.id ?? null;
  const forOrganization = audience === "organization";
  const [sessionQuestions, evaluations, emails, auditEntries, aiUsage, recordingEvents] = await Promise.all([
    sessionId
      ? db.sessionQuestion.findMany({ where: { sessionId }, orderBy: { position: "asc" }, include: { question: { select: { id: true, slug: true, title: true, language: true, difficulty: true } } } })
      : [],
    sessionId ? db.evaluation.findMany({ where: { sessionId, organizationId }, orderBy: { createdAt: "asc" } }) : [],
    db.emailMessage.findMany({
      where: { organizationId, toAddress: candidate.email },
      orderBy: { createdAt: "asc" },
      select: { id: true, template: true, toAddress: true, fromAddress: true, subject: true, html: true, text: true, status: true, sentAt: true, createdAt: true },
    }),
    db.auditLog.findMany({
      where: {
        organizationId,
        OR: [{ targetId: { in: sessionId ? [candidateId, sessionId] : [candidateId] } }, { metadata: { path: ["candidateId"], equals: candidateId } }],
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, createdAt: true, action: true, actorUserId: true, targetType: true, targetId: true, metadata: true, ipAddress: true },
    }),
    sessionId ? aiUsageOf(db, sessionId) : { calls: 0, inputTokens: 0, outputTokens: 0, costMicroUsd: 0 },
    sessionId ? db.recordingEvent.count({ where: { sessionId } }) : 0,
  ]);
  const result: CandidateExport = {
    format: "interviewlm.candidate-export/1",
    audience,
    exportedAt: now.toISOString(),
    organization,
    assessment,
    candidate,
    session,
    sessionQuestions: sessionQuestions.map(({ hiddenTestResult, ...question }) => ({ ...question, hiddenTestResult: hiddenResultCounts(hiddenTestResult) })),
    evaluations: forOrganization ? evaluations : evaluations.map(evaluationForCandidate),
    emails: emails.map((email) => (CREDENTIAL_TEMPLATES.has(email.template) ? { ...email, html: "[withheld: held a download link]", text: "[withheld: held a download link]" } : email)),
    auditEntries: forOrganization ? auditEntries : auditEntries.map(({ actorUserId, ipAddress: _ip, ...entry }) => ({ ...entry, actor: actorUserId ? "a member of the organization" : "the system or you" })),
    aiUsage,
    recording: { file: "recording.jsonl", events: recordingEvents },
    withheld: forOrganization ? [] : WITHHELD_FROM_CANDIDATE,
  };
  if (forOrganization) {
    const [ledger, deadLetters, decisions] = await Promise.all([
      db.creditLedgerEntry.findMany({ where: { organizationId, candidateId }, orderBy: { createdAt: "asc" } }),
      sessionId ? db.recordingDeadLetter.findMany({ where: { sessionId }, orderBy: { createdAt: "asc" } }) : [],
      db.hiringDecision.findMany({ where: { organizationId, candidateId }, orderBy: { createdAt: "asc" } }),
    ]);
    result.hiringDecisions = decisions;
    result.creditLedgerEntries = ledger;
    result.recordingDeadLetters = deadLetters.map(({ body, ...letter }) => ({ ...letter, body: Buffer.from(body).toString("utf8") }));
  }
  return result;
}

/**
 * A hidden evaluation's outcome as counts only: its test names, messages and output can quote
 * hidden tests (pytest prints source in tracebacks), and hidden tests never leave the server
 * (docs/decisions/0040) — in neither archive, since an organisation may pass its own on.
 */
function hiddenResultCounts(value: Prisma.JsonValue | null): Prisma.JsonValue | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const result = value as Record<string, Prisma.JsonValue>;
  return { ok: result.ok ?? null, status: result.status ?? null, totals: result.totals ?? null };
}

function evaluationForCandidate(evaluation: Record<string, unknown>): Record<string, unknown> {
  const { id, sessionId, version, status, measured, rubric, rubricStatus, completedAt, createdAt } = evaluation;
  return { id, sessionId, version, status, measured, rubric, rubricStatus, completedAt, createdAt };
}

async function aiUsageOf(db: Db, sessionId: string): Promise<CandidateExport["aiUsage"]> {
  const [row] = await db.$queryRaw<{ calls: bigint | number; input: bigint | number | null; output: bigint | number | null; cost: bigint | number | null }[]>`
    SELECT COUNT(*) AS calls,
      SUM(COALESCE((payload->>'inputTokens')::bigint, 0) + COALESCE((payload->>'cacheCreationInputTokens')::bigint, 0) + COALESCE((payload->>'cacheReadInputTokens')::bigint, 0)) AS input,
      SUM(COALESCE((payload->>'outputTokens')::bigint, 0)) AS output,
      SUM(COALESCE((payload->>'costMicroUsd')::bigint, 0)) AS cost
    FROM "RecordingEvent" WHERE "sessionId" = ${sessionId} AND "type" = 'agent.usage'`;
  return { calls: Number(row?.calls ?? 0), inputTokens: Number(row?.input ?? 0), outputTokens: Number(row?.output ?? 0), costMicroUsd: Number(row?.cost ?? 0) };
}
