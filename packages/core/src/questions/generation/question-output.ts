// The model's structured answers: the tool inputs it is forced to produce, validated with zod
// before anything of them runs. A question comes with its own plausible-but-wrong solutions,
// the same shape as the curated bank's `wrong/<name>/` folders (bank-check/variants.ts).
import { z } from "zod";
import { QuestionFilesSchema, TopicSchema } from "../schemas.ts";

export const WRONG_KINDS = ["off-by-one", "missing-edge-case", "wrong-complexity", "other"] as const;

export const GeneratedQuestionSchema = z.object({
  title: z.string().trim().min(3).max(120),
  statement: z.string().min(50, "The statement needs at least 50 characters of Markdown."),
  topics: z.array(TopicSchema).min(1).max(8),
  estimatedMinutes: z.number().int().min(5).max(180),
  starterFiles: QuestionFilesSchema.min(1),
  referenceSolution: QuestionFilesSchema.min(1),
  visibleTests: QuestionFilesSchema.min(1),
  hiddenTests: QuestionFilesSchema.min(1),
  wrongSolutions: z
    .array(z.object({ name: z.string().regex(/^[a-z0-9-]{2,40}$/, "Name wrong solutions in kebab-case."), kind: z.enum(WRONG_KINDS), files: QuestionFilesSchema.min(1) }))
    .min(3, "Write at least three wrong solutions (off-by-one, missing edge case, wrong complexity)."),
});
export type GeneratedQuestion = z.infer<typeof GeneratedQuestionSchema>;

export const SolveOutputSchema = z.object({ files: QuestionFilesSchema.min(1) });

const FILES = {
  type: "array",
  items: { type: "object", required: ["path", "content"], properties: { path: { type: "string" }, content: { type: "string" } } },
};

export const QUESTION_TOOL_NAME = "submit_question";
export const QUESTION_TOOL = {
  name: QUESTION_TOOL_NAME,
  description: "Submit the complete coding question: statement, starter, reference solution, visible and hidden tests, and plausible wrong solutions.",
  input_schema: {
    type: "object" as const,
    required: ["title", "statement", "topics", "estimatedMinutes", "starterFiles", "referenceSolution", "visibleTests", "hiddenTests", "wrongSolutions"],
    properties: {
      title: { type: "string" },
      statement: { type: "string", description: "Markdown shown to the candidate." },
      topics: { type: "array", items: { type: "string", description: "kebab-case" } },
      estimatedMinutes: { type: "integer" },
      starterFiles: { ...FILES, description: "What the candidate starts from: must NOT already solve the task." },
      referenceSolution: { ...FILES, description: "Files laid over the starter that solve it." },
      visibleTests: { ...FILES, description: "Tests the candidate sees." },
      hiddenTests: { ...FILES, description: "Tests run only at evaluation; each must be deterministic." },
      wrongSolutions: {
        type: "array",
        minItems: 3,
        items: {
          type: "object",
          required: ["name", "kind", "files"],
          properties: { name: { type: "string" }, kind: { type: "string", enum: [...WRONG_KINDS] }, files: { ...FILES, description: "Files laid over the reference workspace." } },
        },
      },
    },
  },
};

export const SOLVE_TOOL_NAME = "submit_solution";
export const SOLVE_TOOL = {
  name: SOLVE_TOOL_NAME,
  description: "Submit your solution: the files that replace the starter files.",
  input_schema: { type: "object" as const, required: ["files"], properties: { files: FILES } },
};
