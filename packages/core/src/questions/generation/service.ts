// What members do with generation jobs: ask for a question or a variant, watch a job, cancel
// it, and approve or edit the draft it produced. Everything is scoped to the caller's
// organisation (another organisation's job or question is NOT_FOUND) and needs the permission
// that writes assessments — the drafts carry hidden tests and reference solutions, which that
// role may read (questions:read_solutions has the same roles).
import type { Db, Prisma } from "@interviewlm/db";
import { z } from "zod";
import { recordAudit } from "../../audit/audit-log.ts";
import type { OrgActor } from "../../shared/deps.ts";
import { badRequest, conflict, notFound } from "../../shared/errors.ts";
import { requirePermission } from "../../shared/permissions.ts";
import { questionsVisibleTo } from "../question-queries.ts";
import type { ProgressEntry } from "./queue.ts";
import { DraftEditSchema, GenerationRequestSchema, GenerationSpecSchema, type GenerationSpec } from "./spec.ts";
import type { VerificationReport } from "./verification-report.ts";

const PERMISSION = "assessments:write" as const;
/** Jobs an organisation may have waiting or running at once: each costs model calls and sandbox time. */
export const MAX_ACTIVE_GENERATIONS = 3;

const Id = z.string().trim().min(1, "Missing id.").max(64, "That id is too long.");
export const GenerateQuestionInput = GenerationRequestSchema;
export const GenerationIdInput = z.object({ id: Id });
export const VariantInput = z.object({ questionId: Id, context: z.string().trim().max(1000).optional() });
export const EditDraftInput = z.object({ questionId: Id, edit: DraftEditSchema });
export const ApproveDraftInput = z.object({ questionId: Id });

export interface GenerationSummary {
  id: string;
  status: "QUEUED" | "RUNNING" | "SUCCEEDED" | "REJECTED" | "FAILED" | "CANCELLED";
  kind: GenerationSpec["kind"];
  title: string;
  questionId: string | null;
  createdAt: Date;
  completedAt: Date | null;
}

export interface GenerationDetails extends GenerationSummary {
  spec: GenerationSpec;
  attempts: number;
  lastError: string | null;
  progress: ProgressEntry[];
  /** Without the wrong solutions' files (kept on the server to re-check edits). */
  report: VerificationReport | null;
  cancelRequested: boolean;
  model: string | null;
  promptVersion: string | null;
  usage: { inputTokens: number; outputTokens: number; costMicroUsd: number | null };
}

const summarySelect = { id: true, status: true, spec: true, questionId: true, createdAt: true, completedAt: true, question: { select: { title: true } } } as const satisfies Prisma.QuestionGenerationSelect;

function titleOf(spec: GenerationSpec, question: { title: string } | null): string {
  if (question) return question.title;
  if (spec.kind === "edit") return `Edit of ${spec.edit.title}`;
  return `${spec.kind === "variant" ? "Variant: " : ""}${spec.request.topics.join(", ")} (${spec.request.language}, ${spec.request.difficulty.toLowerCase()})`;
}

function toSummary(row: Prisma.QuestionGenerationGetPayload<{ select: typeof summarySelect }>): GenerationSummary & { spec: GenerationSpec } {
  const spec = GenerationSpecSchema.parse(row.spec);
  return { id: row.id, status: row.status, kind: spec.kind, title: titleOf(spec, row.question), questionId: row.questionId, createdAt: row.createdAt, completedAt: row.completedAt, spec };
}

async function queue(db: Db, actor: OrgActor, spec: GenerationSpec, variantOfId: string | null): Promise<GenerationSummary> {
  const active = await db.questionGeneration.count({ where: { organizationId: actor.organizationId, status: { in: ["QUEUED", "RUNNING"] } } });
  if (active >= MAX_ACTIVE_GENERATIONS) throw conflict(`Your organisation already has ${active} questions being generated; wait for one to finish (or cancel one).`);
  const row = await db.questionGeneration.create({
    data: { organizationId: actor.organizationId, requestedById: actor.userId, spec: spec as unknown as Prisma.InputJsonValue, variantOfId },
    select: summarySelect,
  });
  await recordAudit(db, { organizationId: actor.organizationId, actorUserId: actor.userId, action: "question.generation_requested", targetType: "question_generation", targetId: row.id, metadata: { kind: spec.kind } });
  const { spec: _spec, ...summary } = toSummary(row);
  return summary;
}

export async function requestGeneration(db: Db, actor: OrgActor, input: z.input<typeof GenerateQuestionInput>): Promise<GenerationSummary> {
  requirePermission(actor, PERMISSION);
  const request = GenerateQuestionInput.parse(input);
  return queue(db, actor, { kind: "new", request }, null);
}

/** "Make a variant": same skill and difficulty, new surface; of a curated question or one of the organisation's own. */
export async function requestVariant(db: Db, actor: OrgActor, input: z.infer<typeof VariantInput>): Promise<GenerationSummary> {
  requirePermission(actor, PERMISSION);
  const source = await db.question.findFirst({ where: { AND: [{ id: input.questionId }, questionsVisibleTo(actor.organizationId)] }, select: { id: true, language: true, difficulty: true, topics: true, estimatedMinutes: true, title: true } });
  if (!source) throw notFound("Question", input.questionId);
  const request = GenerationRequestSchema.safeParse({
    role: "Same skill as the original question",
    topics: source.topics.slice(0, 6).length > 0 ? source.topics.slice(0, 6) : ["variant"],
    language: source.language,
    difficulty: source.difficulty,
    minutes: Math.min(120, Math.max(10, source.estimatedMinutes)),
    context: input.context ?? "",
  });
  if (!request.success) throw badRequest(`"${source.title}" cannot have a generated variant: ${request.error.issues[0]?.message ?? "unsupported"}`);
  return queue(db, actor, { kind: "variant", request: request.data, variantOf: source.id }, source.id);
}

/** A recruiter's edit of a GENERATED draft: re-verified as a new job; the draft changes only if it passes. */
export async function editDraft(db: Db, actor: OrgActor, input: z.infer<typeof EditDraftInput>): Promise<GenerationSummary> {
  requirePermission(actor, PERMISSION);
  const draft = await db.question.findFirst({ where: { id: input.questionId, organizationId: actor.organizationId, source: "GENERATED" }, select: { id: true } });
  if (!draft) throw notFound("Generated question", input.questionId);
  if (await editInProgress(db, actor.organizationId, draft.id)) throw conflict("An edit of this draft is already being verified; wait for its result.");
  return queue(db, actor, { kind: "edit", questionId: draft.id, edit: input.edit }, null);
}

export async function listGenerations(db: Db, actor: OrgActor): Promise<GenerationSummary[]> {
  requirePermission(actor, PERMISSION);
  const rows = await db.questionGeneration.findMany({ where: { organizationId: actor.organizationId }, select: summarySelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 50 });
  return rows.map((row) => {
    const { spec: _spec, ...summary } = toSummary(row);
    return summary;
  });
}

export async function getGeneration(db: Db, actor: OrgActor, id: string): Promise<GenerationDetails> {
  requirePermission(actor, PERMISSION);
  const row = await db.questionGeneration.findFirst({
    where: { id, organizationId: actor.organizationId },
    select: { ...summarySelect, attempts: true, lastError: true, progress: true, report: true, cancelRequestedAt: true, model: true, promptVersion: true, inputTokens: true, outputTokens: true, costMicroUsd: true },
  });
  if (!row) throw notFound("Question generation", id);
  const stored = row.report as (VerificationReport & { wrongSolutions?: unknown }) | null;
  const report = stored ? (({ wrongSolutions: _files, ...rest }) => rest)(stored) : null;
  return {
    ...toSummary(row),
    attempts: row.attempts,
    lastError: row.lastError,
    progress: (row.progress as unknown as ProgressEntry[]) ?? [],
    report,
    cancelRequested: row.cancelRequestedAt !== null,
    model: row.model,
    promptVersion: row.promptVersion,
    usage: { inputTokens: row.inputTokens, outputTokens: row.outputTokens, costMicroUsd: row.costMicroUsd },
  };
}

/** Asks the worker to stop at its next stage; a job still waiting stops at once. */
export async function cancelGeneration(db: Db, actor: OrgActor, id: string): Promise<{ status: GenerationSummary["status"] }> {
  requirePermission(actor, PERMISSION);
  const row = await db.questionGeneration.findFirst({ where: { id, organizationId: actor.organizationId }, select: { status: true } });
  if (!row) throw notFound("Question generation", id);
  if (row.status !== "QUEUED" && row.status !== "RUNNING") throw conflict(`This generation already ended (${row.status.toLowerCase()}).`);
  const now = new Date();
  const waiting = await db.questionGeneration.updateMany({ where: { id, status: "QUEUED" }, data: { status: "CANCELLED", cancelRequestedAt: now, completedAt: now } });
  if (waiting.count === 1) return { status: "CANCELLED" };
  await db.questionGeneration.updateMany({ where: { id, status: "RUNNING" }, data: { cancelRequestedAt: now } });
  return { status: "RUNNING" };
}

async function editInProgress(db: Db, organizationId: string, questionId: string): Promise<boolean> {
  const editing = await db.questionGeneration.count({ where: { organizationId, status: { in: ["QUEUED", "RUNNING"] }, spec: { path: ["questionId"], equals: questionId } } });
  return editing > 0;
}

/** Approves a verified GENERATED draft: from now on assessments may draw it. */
export async function approveDraft(db: Db, actor: OrgActor, questionId: string): Promise<{ approvedAt: Date }> {
  requirePermission(actor, PERMISSION);
  const draft = await db.question.findFirst({ where: { id: questionId, organizationId: actor.organizationId, source: "GENERATED" }, select: { approvedAt: true, verifiedAt: true } });
  if (!draft) throw notFound("Generated question", questionId);
  if (!draft.verifiedAt) throw conflict("This question has not passed verification; it cannot be approved.");
  if (await editInProgress(db, actor.organizationId, questionId)) throw conflict("An edit of this draft is being verified; approve it when that finishes.");
  if (draft.approvedAt) return { approvedAt: draft.approvedAt };
  const approvedAt = new Date();
  await db.question.update({ where: { id: questionId }, data: { approvedAt, approvedById: actor.userId } });
  await recordAudit(db, { organizationId: actor.organizationId, actorUserId: actor.userId, action: "question.approved", targetType: "question", targetId: questionId });
  return { approvedAt };
}
