// What a candidate reads before starting. The recruiter's preview page and the candidate
// portal render this same DTO, so what the recruiter checks is what the candidate gets —
// and nothing else: no question titles, no hidden-test policy details, no scoring.
import type { Db, Prisma } from "@interviewlm/db";
import { dataRetentionNotice } from "@interviewlm/emails";
import type { OrgActor } from "../shared/deps.ts";
import { notFound } from "../shared/errors.ts";
import { requirePermission } from "../shared/permissions.ts";
import { assessmentSettingsSelect } from "./selects.ts";
import {
  ADAPTIVE_EXPLANATION_FOR_CANDIDATE,
  AI_ASSISTANCE_EXPLANATIONS,
  LANGUAGE_LABELS,
  recordedDuringInterview,
  SENIORITY_LABELS,
  TEST_VISIBILITY_EXPLANATIONS,
} from "./labels.ts";
import type { AiAssistanceLevel, AssessmentLanguage, TestVisibilityPolicy } from "./schemas.ts";


export interface CandidatePreview {
  organizationName: string;
  title: string;
  /** e.g. "Senior · Backend engineer". */
  role: string;
  durationMinutes: number;
  questionCount: number;
  languages: { value: AssessmentLanguage; label: string }[];
  aiAssistance: { level: AiAssistanceLevel; label: string; explanation: string };
  testVisibility: { level: TestVisibilityPolicy; label: string; explanation: string };
  /** Set when questions adapt to the candidate's performance. */
  adaptiveNote: string | null;
  /** What the platform records, in plain words, for the candidate's consent. */
  recorded: string[];
  /** How long the organisation keeps it (its retention setting, enforced by the retention job). */
  dataRetention: string;
  /** Markdown written by the recruiter, or null. */
  instructions: string | null;
}

const previewSelect = {
  ...assessmentSettingsSelect,
  questionSelection: true,
  adaptiveDifficulty: true,
  organization: { select: { name: true, dataRetentionDays: true } },
} as const satisfies Prisma.AssessmentSelect;


type PreviewRow = Prisma.AssessmentGetPayload<{ select: typeof previewSelect }>;

export function toCandidatePreview(row: PreviewRow): CandidatePreview {
  const ai = AI_ASSISTANCE_EXPLANATIONS[row.aiAssistance];
  const tests = TEST_VISIBILITY_EXPLANATIONS[row.testVisibility];
  return {
    organizationName: row.organization.name,
    title: row.title,
    role: `${SENIORITY_LABELS[row.seniority]} · ${row.role}`,
    durationMinutes: row.durationMinutes,
    questionCount: row.questionCount,
    languages: row.languages.map((value) => ({ value, label: LANGUAGE_LABELS[value] })),
    aiAssistance: { level: row.aiAssistance, label: ai.label, explanation: ai.forCandidate },
    testVisibility: { level: row.testVisibility, label: tests.label, explanation: tests.forCandidate },
    adaptiveNote: row.questionSelection === "AUTO" && row.adaptiveDifficulty ? ADAPTIVE_EXPLANATION_FOR_CANDIDATE : null,
    recorded: recordedDuringInterview(row.aiAssistance),
    dataRetention: dataRetentionNotice(row.organization.name, row.organization.dataRetentionDays),
    instructions: row.instructions,
  };
}

/**
 * For trusted callers that have already established which organisation's assessment this
 * is — the candidate portal, after verifying a signed invitation token.
 */
export async function readCandidatePreview(db: Db, organizationId: string, assessmentId: string): Promise<CandidatePreview> {
  const row = await db.assessment.findFirst({ where: { id: assessmentId, organizationId }, select: previewSelect });
  if (!row) throw notFound("Assessment", assessmentId);
  return toCandidatePreview(row);
}

/** The recruiter's "what will the candidate see?" view. */
export async function getCandidatePreview(db: Db, actor: OrgActor, assessmentId: string): Promise<CandidatePreview> {
  requirePermission(actor, "assessments:read");
  return readCandidatePreview(db, actor.organizationId, assessmentId);
}
