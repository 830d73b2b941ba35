import { DomainError } from "../shared/errors.ts";
import type { ReportShareLinkProblem } from "./schemas.ts";

export type { ReportShareLinkProblem };

const messages: Record<ReportShareLinkProblem, string> = {
  invalid: "This link is not valid. Check that you copied the whole link.",
  expired: "This link has expired. Ask the person who shared it for a new one.",
  revoked: "This link was withdrawn by the person who shared it.",
};

export class ReportShareLinkError extends DomainError {
  readonly problem: ReportShareLinkProblem;

  constructor(problem: ReportShareLinkProblem) {
    super(problem === "invalid" ? "NOT_FOUND" : "PRECONDITION_FAILED", messages[problem]);
    this.name = "ReportShareLinkError";
    this.problem = problem;
  }
}

/** The problem behind an error (also when wrapped as a tRPC error's cause), or null. */
export function reportShareProblemOf(error: unknown): ReportShareLinkProblem | null {
  let current: unknown = error;
  for (let depth = 0; depth < 3 && current; depth += 1) {
    if (current instanceof ReportShareLinkError) return current.problem;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
