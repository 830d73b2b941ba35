import { z } from "zod";

export const EvaluationSessionInput = z.object({ sessionId: z.string().trim().min(1, "Missing session id.").max(64) });
export type EvaluationSessionInput = z.infer<typeof EvaluationSessionInput>;
