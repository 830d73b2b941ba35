// The judge's structured answer: the tool input it must produce (forced tool use), validated
// with zod before anything of it is used.
import { z } from "zod";
import { DIMENSIONS } from "./rubric.ts";

export const EvidenceSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("event"), seq: z.number().int().positive() }),
  z.object({
    type: z.literal("lines"),
    path: z.string().min(1).max(500),
    startLine: z.number().int().positive(),
    endLine: z.number().int().positive(),
    quote: z.string().min(1).max(2000),
  }),
]);
export type Evidence = z.infer<typeof EvidenceSchema>;

export const ClaimSchema = z.object({
  text: z.string().trim().min(1).max(600),
  evidence: z.array(EvidenceSchema).min(1).max(6),
});
export type Claim = z.infer<typeof ClaimSchema>;

export const JudgedDimensionSchema = z.object({
  dimension: z.enum(DIMENSIONS),
  level: z.number().int().min(1).max(4),
  rationale: z.string().trim().min(1).max(1500),
  claims: z.array(ClaimSchema).max(8),
});

export const JudgeOutputSchema = z
  .object({ dimensions: z.array(JudgedDimensionSchema).length(DIMENSIONS.length) })
  .refine((output) => new Set(output.dimensions.map((d) => d.dimension)).size === DIMENSIONS.length, "Each dimension must be scored exactly once.");
export type JudgeOutput = z.infer<typeof JudgeOutputSchema>;

export const JUDGE_TOOL_NAME = "record_evaluation";

/** The same shape as JSON Schema, for the tool definition the model is forced to call. */
export const JUDGE_TOOL = {
  name: JUDGE_TOOL_NAME,
  description: "Record the rubric evaluation: one entry per dimension with a level, a rationale and claims that each cite evidence.",
  input_schema: {
    type: "object" as const,
    required: ["dimensions"],
    properties: {
      dimensions: {
        type: "array",
        minItems: DIMENSIONS.length,
        maxItems: DIMENSIONS.length,
        items: {
          type: "object",
          required: ["dimension", "level", "rationale", "claims"],
          properties: {
            dimension: { type: "string", enum: [...DIMENSIONS] },
            level: { type: "integer", minimum: 1, maximum: 4 },
            rationale: { type: "string" },
            claims: {
              type: "array",
              maxItems: 8,
              items: {
                type: "object",
                required: ["text", "evidence"],
                properties: {
                  text: { type: "string" },
                  evidence: {
                    type: "array",
                    minItems: 1,
                    maxItems: 6,
                    items: {
                      oneOf: [
                        { type: "object", required: ["type", "seq"], properties: { type: { const: "event" }, seq: { type: "integer", description: "The seq of an event in the timeline." } } },
                        {
                          type: "object",
                          required: ["type", "path", "startLine", "endLine", "quote"],
                          properties: {
                            type: { const: "lines" },
                            path: { type: "string" },
                            startLine: { type: "integer" },
                            endLine: { type: "integer" },
                            quote: { type: "string", description: "Text copied exactly from those lines of the final file." },
                          },
                        },
                      ],
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};
