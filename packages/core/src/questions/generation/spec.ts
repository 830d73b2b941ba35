// What a recruiter asks for (the job's `spec`), validated before a job is queued and again
// when the worker reads it back (a Json column is only typed at runtime).
import { z } from "zod";
import { DifficultySchema, QuestionFilesSchema, QuestionLanguageSchema, TopicSchema } from "../schemas.ts";

// Generated questions run in the sandbox's fastest, best-checked runners; Go and Java
// questions stay curated until their mutants are supported (bank-check/mutants.ts).
export const GENERATION_LANGUAGES = ["python", "javascript", "typescript"] as const;

export const GenerationRequestSchema = z.object({
  role: z.string().trim().min(2, "Say which role this is for.").max(120),
  topics: z.array(TopicSchema).min(1, "Name at least one topic.").max(6, "Name at most six topics."),
  language: QuestionLanguageSchema.refine((l) => (GENERATION_LANGUAGES as readonly string[]).includes(l), {
    error: "Generated questions are in Python, JavaScript or TypeScript for now.",
  }),
  difficulty: DifficultySchema,
  minutes: z.number().int().min(10, "Allow at least 10 minutes.").max(120, "Allow at most 120 minutes."),
  context: z.string().trim().max(1000, "Keep the context under 1000 characters.").default(""),
});
export type GenerationRequest = z.infer<typeof GenerationRequestSchema>;

/** A draft as edited by a recruiter: re-verified as a new job before it replaces the stored one. */
export const DraftEditSchema = z.object({
  title: z.string().trim().min(3).max(120),
  statement: z.string().min(50, "The statement needs at least 50 characters."),
  estimatedMinutes: z.number().int().min(5).max(180),
  starterFiles: QuestionFilesSchema.min(1),
  visibleTests: QuestionFilesSchema.min(1),
  hiddenTests: QuestionFilesSchema.min(1),
  referenceSolution: QuestionFilesSchema.min(1),
});
export type DraftEdit = z.infer<typeof DraftEditSchema>;

/** The stored spec: a new question, a variant of one (same skill, new surface), or a draft's edit. */
export const GenerationSpecSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("new"), request: GenerationRequestSchema }),
  z.object({ kind: z.literal("variant"), request: GenerationRequestSchema, variantOf: z.string().min(1) }),
  z.object({ kind: z.literal("edit"), questionId: z.string().min(1), edit: DraftEditSchema }),
]);
export type GenerationSpec = z.infer<typeof GenerationSpecSchema>;
