// The verification report stored on the job and shown to the recruiter: each round's checks,
// with their outputs, the kill rate and why the question was accepted or rejected.

export const CHECKS = ["determinism-scan", "reference", "starter", "wrong-solutions", "independent-solve"] as const;
export type CheckName = (typeof CHECKS)[number];


export interface FailingTest {
  name: string;
  hidden: boolean;
  status: string;
  message: string | null;
}

export interface RunSummary {
  label: string;
  status: string;
  summary: string;
  passed: number;
  total: number;
  durationMs: number;
  failing: FailingTest[];
  /** Compile / collection output or stderr, cut short. */
  output: string;
}

export interface VariantSummary {
  kind: "wrong" | "mutant";
  id: string;
  status: string;
  caught: boolean;
  stillborn: boolean;
  failedHidden: string[];
}

export interface CheckResult {
  check: CheckName;
  status: "passed" | "failed" | "skipped";
  summary: string;
  /** What goes back to the model when the check failed. */
  evidence: string[];
  runs?: RunSummary[];
  variants?: VariantSummary[];
  findings?: { file: string; line: number; what: string; text: string }[];
  killRate?: { mutantsRun: number; mutantsKilled: number; stillborn: number; score: number; floor: number; wrongCaught: number; wrongTotal: number };
}

export interface RoundReport {
  round: number;
  checks: CheckResult[];
  passed: boolean;
  /** The model's answers that did not match the schema before the accepted one. */
  invalidAnswers: string[];
}

export interface VerificationReport {
  rounds: RoundReport[];
  verdict: "accepted" | "rejected";
  /** Why it was rejected: the checks that still failed after the last round. */
  reason: string | null;
  maxRepairRounds: number;
  killRateFloor: number;
}
