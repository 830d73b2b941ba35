// What the report shows beside the evaluation (docs/decisions/0141): the recommendation under
// the assessment's weights, the human decision with its history, and the reviewers' private
// notes from the live room with their moments on the replay's timeline. Scoped to the caller's
// organisation: another organisation's session is NOT_FOUND.
import type { Db } from "@interviewlm/db";
import { evaluationForSession } from "../evaluation/read.ts";
import { readEventsOfTypes } from "../replay/event-rows.ts";
import { requireReplaySession } from "../replay/read.ts";
import type { OrgActor } from "../shared/deps.ts";
import { requirePermission } from "../shared/permissions.ts";
import { RECOMMENDATION_LABELS, recommend, type Recommendation, type RecommendationOutcome } from "./recommendation.ts";
import { weightsOrDefaults, type HiringDecisionOutcomeName, type RecommendationWeights } from "./schemas.ts";

export interface HiringDecisionView {
  id: string;
  outcome: HiringDecisionOutcomeName;
  reason: string;
  /** The recommendation on screen when it was decided; null when there was none. */
  recommendation: RecommendationOutcome | null;
  recommendationLabel: string | null;
  decidedByName: string;
  createdAt: Date;
}

export interface ReviewerNote {
  id: string;
  seq: number;
  /** ms from the replay's origin: link with `?t=<t / 1000>`. */
  t: number;
  authorName: string;
  text: string;
}

export interface SessionReview {
  sessionId: string;
  candidateId: string;
  weights: RecommendationWeights;
  /** Null until the evaluation is done. */
  recommendation: Recommendation | null;
  /** The newest decision; `history` holds it and the ones before, newest first. */
  decision: HiringDecisionView | null;
  history: HiringDecisionView[];
  notes: ReviewerNote[];
}

/** Enough for any interview's notes; the room caps a note at 5 000 characters. */
const NOTES_LIMIT = 500;
const HISTORY_LIMIT = 50;

const DECISION_SELECT = { id: true, outcome: true, reason: true, recommendation: true, decidedByName: true, createdAt: true } as const;

export function toDecisionView(row: { id: string; outcome: HiringDecisionOutcomeName; reason: string; recommendation: string | null; decidedByName: string; createdAt: Date }): HiringDecisionView {
  const recommendation = Object.hasOwn(RECOMMENDATION_LABELS, row.recommendation ?? "") ? (row.recommendation as RecommendationOutcome) : null;
  return { ...row, recommendation, recommendationLabel: recommendation ? RECOMMENDATION_LABELS[recommendation] : null };
}

/** The recommendation for a session now, from its latest evaluation and its assessment's weights. */
export async function currentRecommendation(db: Db, actor: OrgActor, sessionId: string, assessmentId: string): Promise<{ weights: RecommendationWeights; recommendation: Recommendation | null }> {
  const [evaluation, assessment] = await Promise.all([
    evaluationForSession(db, actor, sessionId),
    db.assessment.findFirst({ where: { id: assessmentId, organizationId: actor.organizationId }, select: { recommendationWeights: true } }),
  ]);
  const weights = weightsOrDefaults(assessment?.recommendationWeights ?? null);
  return { weights, recommendation: evaluation?.status === "DONE" ? recommend(evaluation, weights) : null };
}

export async function reviewForSession(db: Db, actor: OrgActor, sessionId: string): Promise<SessionReview> {
  requirePermission(actor, "reports:read");
  const session = await requireReplaySession(db, actor, sessionId);
  const [{ weights, recommendation }, decisions, noteEvents] = await Promise.all([
    currentRecommendation(db, actor, session.id, session.assessmentId),
    db.hiringDecision.findMany({ where: { organizationId: actor.organizationId, sessionId: session.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: HISTORY_LIMIT, select: DECISION_SELECT }),
    readEventsOfTypes(db, session.id, ["note.added"], { limit: NOTES_LIMIT }),
  ]);
  const history = decisions.map(toDecisionView);
  const notes = noteEvents.map((event): ReviewerNote => {
    const payload = event.payload as { id?: string; authorName?: string; text?: string };
    return { id: payload.id ?? `seq-${event.seq}`, seq: event.seq, t: Math.max(0, event.at - session.originAt), authorName: payload.authorName ?? "A reviewer", text: payload.text ?? "" };
  });
  return { sessionId: session.id, candidateId: session.candidateId, weights, recommendation, decision: history[0] ?? null, history, notes };
}
