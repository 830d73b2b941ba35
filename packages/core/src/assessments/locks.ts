// Once a candidate has started an assessment, the conditions of the interview are frozen:
// every candidate must be compared on the same questions, languages and clock, and a
// candidate mid-interview was promised the AI level and test policy shown on the portal.
// Title, role, seniority and instructions stay editable.
import type { Prisma } from "@interviewlm/db";
import type { AssessmentSettings } from "./schemas.ts";

export const LOCKED_FIELDS = [
  "languages",
  "durationMinutes",
  "questionSelection",
  "questionCount",
  "questionIds",
  "startingDifficulty",
  "adaptiveDifficulty",
  "aiAssistance",
  "aiHelpLevel",
  "aiMessagesPerQuestion",
  "aiTokensPerSession",
  "aiCostUsdPerSession",
  "testVisibility",
] as const satisfies readonly (keyof AssessmentSettings)[];

export type LockedField = (typeof LOCKED_FIELDS)[number];

export interface AssessmentLock {
  /** How many candidates have started (or finished) it; > 0 means the fields are locked. */
  startedCandidates: number;
  /** Empty when nothing is locked. */
  fields: LockedField[];
  reason: string | null;
}

/** Candidates who have begun the interview, whatever happened afterwards. */
export const startedCandidatesWhere = (organizationId: string, assessmentId: string): Prisma.CandidateWhereInput => ({
  organizationId,
  assessmentId,
  OR: [{ status: { in: ["STARTED", "COMPLETED", "EVALUATED"] } }, { startedAt: { not: null } }],
});

export function lockFor(startedCandidates: number): AssessmentLock {
  if (startedCandidates === 0) return { startedCandidates, fields: [], reason: null };
  const who = startedCandidates === 1 ? "1 candidate has" : `${startedCandidates} candidates have`;
  return {
    startedCandidates,
    fields: [...LOCKED_FIELDS],
    reason:
      `${who} already started this assessment, so its questions, languages, duration, AI assistance and test ` +
      "visibility can no longer change — everyone must be compared on the same interview. Duplicate it to use different settings.",
  };
}

type Comparable = Pick<AssessmentSettings, LockedField>;

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, i) => item === b[i]);
// Languages are a set (order carries no meaning); question ids are a sequence.
const sameSet = (a: readonly string[], b: readonly string[]) => sameList([...a].sort(), [...b].sort());

/** The locked fields whose value differs between the stored assessment and the update. */
export function changedLockedFields(current: Comparable, next: Comparable): LockedField[] {
  return LOCKED_FIELDS.filter((field) => {
    if (field === "languages") return !sameSet(current.languages, next.languages);
    if (field === "questionIds") return !sameList(current.questionIds, next.questionIds);
    return current[field] !== next[field];
  });
}
