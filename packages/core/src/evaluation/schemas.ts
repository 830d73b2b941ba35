import { z } from "zod";

export const EvaluationSessionInput = z.object({ sessionId: z.string().trim().min(1, "Missing session id.").max(64) });
export type EvaluationSessionInput = z.infer<typeof EvaluationSessionInput>;

export const CompareAssessmentInput = z.object({ assessmentId: z.string().trim().min(1, "Missing assessment id.").max(64) });
export type CompareAssessmentInput = z.infer<typeof CompareAssessmentInput>;
