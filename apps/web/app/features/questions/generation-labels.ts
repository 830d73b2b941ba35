import type { CheckResult } from "@interviewlm/core/questions/generation";

/** The verification report's checks in plain words (docs/decisions/0151). */
export const CHECK_LABELS: Record<CheckResult["check"], string> = {
  "determinism-scan": "Tests use no network, clock or unseeded randomness",
  reference: "Reference passes every test, three runs in a row, identically",
  starter: "Starter code fails the tests",
  "wrong-solutions": "Wrong solutions and mutants are caught by hidden tests",
  "independent-solve": "An independent solve from the statement passes",
};
