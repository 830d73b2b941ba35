import type { Tx } from "@interviewlm/db";
import { recordAudit } from "../audit/audit-log.ts";
import type { CoreDeps, OrgActor } from "../shared/deps.ts";
import { badRequest, DomainError, notFound } from "../shared/errors.ts";
import { requirePermission } from "../shared/permissions.ts";
import { changedLockedFields, type LockedField } from "./locks.ts";
import { requireSelectableQuestions } from "./question-choices.ts";
import { readAssessmentDetails, type AssessmentDetails } from "./read.ts";
import { ASSESSMENT_LIMITS, type AssessmentSettings, type CreateAssessmentValues, type UpdateAssessmentValues } from "./schemas.ts";
import { findTemplate } from "./templates.ts";


const positions = (questionIds: readonly string[]) => questionIds.map((questionId, position) => ({ questionId, position }));

async function insertAssessment(
  tx: Tx,
  actor: OrgActor,
  settings: AssessmentSettings,
  extra: { templateKey: string | null; questionSource?: "CURATED" | "GENERATED" },
): Promise<string> {
  const { questionIds, ...columns } = settings;
  const created = await tx.assessment.create({
    data: {
      ...columns,
      organizationId: actor.organizationId,
      createdById: actor.userId,
      templateKey: extra.templateKey,
      ...(extra.questionSource ? { questionSource: extra.questionSource } : {}),
      questions: { create: positions(questionIds) },
    },
    select: { id: true },
  });
  return created.id;
}

export async function createAssessment(deps: CoreDeps, actor: OrgActor, input: CreateAssessmentValues): Promise<AssessmentDetails> {
  requirePermission(actor, "assessments:write");
  const { templateKey, ...settings } = input;
  if (templateKey && !findTemplate(templateKey)) {
    throw badRequest(`Template ${templateKey} does not exist.`, { templateKey: ["That template does not exist. Choose one from the list."] });
  }
  const id = await deps.db.$transaction(async (tx) => {
    await requireSelectableQuestions(tx, actor.organizationId, settings.questionIds, settings.languages);
    const assessmentId = await insertAssessment(tx, actor, settings, { templateKey });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "assessment.created",
      targetType: "assessment",
      targetId: assessmentId,
      metadata: { title: settings.title, templateKey, questionSelection: settings.questionSelection },
      ipAddress: actor.ipAddress,
    });
    return assessmentId;
  });
  return readAssessmentDetails(deps.db, actor.organizationId, id);
}

/** One step from a template to a ready assessment, keeping the template's key on it. */
export async function createAssessmentFromTemplate(
  deps: CoreDeps,
  actor: OrgActor,
  input: { templateKey: string; title?: string },
): Promise<AssessmentDetails> {
  const template = findTemplate(input.templateKey);
  if (!template) throw notFound("Template", input.templateKey);
  return createAssessment(deps, actor, {
    ...template.settings,
    title: input.title ?? template.settings.title,
    templateKey: template.key,
  });
}

const LOCKED_FIELD_NAMES: Record<LockedField, string> = {
  languages: "languages",
  durationMinutes: "duration",
  questionSelection: "questions",
  questionCount: "questions",
  questionIds: "questions",
  startingDifficulty: "questions",
  adaptiveDifficulty: "questions",
  aiAssistance: "AI assistance",
  aiHelpLevel: "AI help level",
  aiMessagesPerQuestion: "AI budgets",
  aiTokensPerSession: "AI budgets",
  aiCostUsdPerSession: "AI budgets",
  testVisibility: "test visibility",
};

function lockedChangeError(changed: readonly LockedField[], startedCandidates: number): DomainError {
  const names = [...new Set(changed.map((field) => LOCKED_FIELD_NAMES[field]))].join(", ");
  const who = startedCandidates === 1 ? "a candidate has" : `${startedCandidates} candidates have`;
  const why = `Locked: ${who} already started this assessment.`;
  return new DomainError(
    "PRECONDITION_FAILED",
    `Cannot change the ${names}: ${who} already started this assessment, and everyone must be compared on the same interview. ` +
      "Title, role, seniority and instructions can still change; duplicate the assessment to use different settings.",
    { fieldErrors: Object.fromEntries(changed.map((field) => [field, [why]])) },
  );
}

/** Row lock for the rest of the transaction, so concurrent edits of one assessment apply one after the other. */
async function lockAssessment(tx: Tx, organizationId: string, assessmentId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Assessment" WHERE id = ${assessmentId} AND "organizationId" = ${organizationId} FOR UPDATE`;
  if (rows.length === 0) throw notFound("Assessment", assessmentId);
}

export async function updateAssessment(deps: CoreDeps, actor: OrgActor, input: UpdateAssessmentValues): Promise<AssessmentDetails> {
  requirePermission(actor, "assessments:write");
  const { assessmentId, ...next } = input;
  await deps.db.$transaction(async (tx) => {
    await lockAssessment(tx, actor.organizationId, assessmentId);
    const current = await readAssessmentDetails(tx, actor.organizationId, assessmentId);
    const currentIds = current.questions.map((question) => question.id);
    const lockedChanges = changedLockedFields({ ...current, questionIds: currentIds }, next);
    if (lockedChanges.length > 0 && current.lock.startedCandidates > 0) {
      throw lockedChangeError(lockedChanges, current.lock.startedCandidates);
    }
    // Re-check picked questions only when the pick or the languages change: an assessment
    // whose question was retired later can still get a new title.
    const questionsChanged = lockedChanges.includes("questionIds");
    if (questionsChanged || lockedChanges.includes("languages")) {
      await requireSelectableQuestions(tx, actor.organizationId, next.questionIds, next.languages);
    }
    const { questionIds, ...columns } = next;
    await tx.assessment.update({
      where: { id: assessmentId, organizationId: actor.organizationId },
      data: {
        ...columns,
        ...(questionsChanged ? { questions: { deleteMany: {}, create: positions(questionIds) } } : {}),
      },
    });
    const editable: string[] = (["title", "role", "seniority", "instructions"] as const).filter((field) => current[field] !== next[field]);
    if (JSON.stringify(current.recommendationWeights) !== JSON.stringify(next.recommendationWeights)) editable.push("recommendationWeights");
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "assessment.updated",
      targetType: "assessment",
      targetId: assessmentId,
      metadata: { changed: [...editable, ...lockedChanges] },
      ipAddress: actor.ipAddress,
    });
  });
  return readAssessmentDetails(deps.db, actor.organizationId, assessmentId);
}

const copyTitle = (title: string) => {
  const copy = `Copy of ${title}`;
  return copy.length <= ASSESSMENT_LIMITS.title.max ? copy : `${copy.slice(0, ASSESSMENT_LIMITS.title.max - 1)}…`;
};

/** A new, active assessment with the same settings and the same questions in the same order. */
export async function duplicateAssessment(deps: CoreDeps, actor: OrgActor, input: { assessmentId: string }): Promise<AssessmentDetails> {
  requirePermission(actor, "assessments:write");
  const id = await deps.db.$transaction(async (tx) => {
    const source = await readAssessmentDetails(tx, actor.organizationId, input.assessmentId);
    const copyId = await insertAssessment(
      tx,
      actor,
      {
        title: copyTitle(source.title),
        role: source.role,
        seniority: source.seniority,
        languages: source.languages,
        durationMinutes: source.durationMinutes,
        questionCount: source.questionCount,
        questionSelection: source.questionSelection,
        questionIds: source.questions.map((question) => question.id),
        startingDifficulty: source.startingDifficulty,
        adaptiveDifficulty: source.adaptiveDifficulty,
        aiAssistance: source.aiAssistance,
        aiHelpLevel: source.aiHelpLevel,
        aiMessagesPerQuestion: source.aiMessagesPerQuestion,
        aiTokensPerSession: source.aiTokensPerSession,
        aiCostUsdPerSession: source.aiCostUsdPerSession,
        testVisibility: source.testVisibility,
        recommendationWeights: source.recommendationWeights,
        instructions: source.instructions,
      },
      { templateKey: source.templateKey, questionSource: source.questionSource },
    );
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "assessment.duplicated",
      targetType: "assessment",
      targetId: copyId,
      metadata: { sourceAssessmentId: source.id },
      ipAddress: actor.ipAddress,
    });
    return copyId;
  });
  return readAssessmentDetails(deps.db, actor.organizationId, id);
}
