import { z } from "zod";

export { DIFFICULTY_LABELS, LANGUAGE_LABELS } from "./labels.ts";

// Shapes of the question bank: the folder format under prisma/seed/questions and the inputs
// of the read procedures (the web app reuses the latter for its filter form).

export const QUESTION_LANGUAGES = ["python", "javascript", "typescript", "go", "java", "ruby", "cpp", "rust"] as const;
export const DIFFICULTIES = ["EASY", "MEDIUM", "HARD"] as const;
export const TEST_VISIBILITIES = ["VISIBLE", "RESULTS_ONLY", "HIDDEN"] as const;

export const QuestionLanguageSchema = z.enum(QUESTION_LANGUAGES, { error: "Choose Python, JavaScript, TypeScript, Go, Java, Ruby, C++ or Rust." });
export const DifficultySchema = z.enum(DIFFICULTIES, { error: "Choose easy, medium or hard." });
export const TestVisibilitySchema = z.enum(TEST_VISIBILITIES);
export type QuestionLanguage = z.infer<typeof QuestionLanguageSchema>;
export type Difficulty = z.infer<typeof DifficultySchema>;
export type TestVisibility = z.infer<typeof TestVisibilitySchema>;

/** Workspace-relative path: no leading slash, no "." / ".." segments, no backslashes. */
export const QuestionFilePathSchema = z
  .string()
  .min(1)
  .max(300)
  .refine((path) => !path.startsWith("/") && !path.includes("\\") && path.split("/").every((part) => part !== "" && part !== "." && part !== ".."), {
    error: "Use a relative path inside the workspace (no leading slash, no . or .. segments).",
  });

export const QuestionFileSchema = z.object({ path: QuestionFilePathSchema, content: z.string().max(256 * 1024) });
export type QuestionFile = z.infer<typeof QuestionFileSchema>;
export const QuestionFilesSchema = z.array(QuestionFileSchema).max(100);

/** Lower-case kebab-case: topic tags and slugs share the alphabet so they read well in URLs. */
const KebabSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "Use lower-case words joined by hyphens." });
export const TopicSchema = KebabSchema.max(40);
export const QuestionSlugSchema = KebabSchema.min(3).max(80);

/** `question.json` in a question folder. */
export const QuestionMetaSchema = z.strictObject({
  title: z.string().trim().min(3).max(120),
  language: QuestionLanguageSchema,
  difficulty: DifficultySchema,
  topics: z.array(TopicSchema).min(1).max(8),
  estimatedMinutes: z.number().int().min(5).max(180),
});
export type QuestionMeta = z.infer<typeof QuestionMetaSchema>;

/** A curated question as loaded from its folder, before it reaches the database. */
export const QuestionDefinitionSchema = QuestionMetaSchema.extend({
  slug: QuestionSlugSchema,
  statement: z.string().min(50),
  starterFiles: QuestionFilesSchema.min(1),
  visibleTests: QuestionFilesSchema.min(1),
  hiddenTests: QuestionFilesSchema.min(1),
  referenceSolution: QuestionFilesSchema.min(1),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type QuestionDefinition = z.infer<typeof QuestionDefinitionSchema>;

export const QUESTION_SOURCE_FILTERS = ["CURATED", "GENERATED", "DRAFT"] as const;
export const QuestionSourceFilterSchema = z.enum(QUESTION_SOURCE_FILTERS, { error: "Choose curated, generated or drafts." });
export type QuestionSourceFilter = z.infer<typeof QuestionSourceFilterSchema>;

/** Filters of the bank's list; absent = any (the web page maps a form's "" to absent). */
export const ListQuestionsInput = z
  .object({
    language: QuestionLanguageSchema.optional(),
    difficulty: DifficultySchema.optional(),
    topic: TopicSchema.optional(),
    search: z.string().trim().max(100, "Search for at most 100 characters.").optional(),
    /** CURATED, GENERATED (approved or not), or DRAFT: generated and waiting for approval. */
    source: QuestionSourceFilterSchema.optional(),
  })
  .default({});
export type ListQuestionsFilters = z.infer<typeof ListQuestionsInput>;

export const QuestionIdInput = z.object({ id: z.string().trim().min(1, "Missing id.").max(64, "That id is too long.") });
