// A few numbers derived from the measured part, each 0–1 (or null when it does not apply), for
// ranking and comparing candidates: correctness from the hidden tests, how the final code was
// authored, and whether AI edits were checked. Derived, so they are as reproducible as the rest.
import type { MeasuredEvaluation } from "./types.ts";

export interface MeasuredScores {
  /** Mean hidden-test pass ratio over the questions (a question not evaluated counts 0). */
  hiddenPassRate: number;
  /** Shares of the final code's non-blank lines not given as starter code. */
  typedShare: number | null;
  pastedShare: number | null;
  /** Lines the agent wrote, kept as written or edited by the candidate. */
  agentShare: number | null;
  /** Agent edits followed by a test run the candidate started. */
  testedAgentEditShare: number | null;
  /** Visible-test runs the candidate started. */
  candidateTestRuns: number;
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export function measuredScores(m: Pick<MeasuredEvaluation, "questions" | "provenance" | "ai">): MeasuredScores {
  const { typed, pasted, agent, agent_edited } = m.provenance.counts;
  const written = typed + pasted + agent + agent_edited;
  const ratios = m.questions.map((q) => q.hidden?.ratio ?? 0);
  return {
    hiddenPassRate: ratios.length ? ratios.reduce((a, b) => a + b, 0) / ratios.length : 0,
    typedShare: ratio(typed, written),
    pastedShare: ratio(pasted, written),
    agentShare: ratio(agent + agent_edited, written),
    testedAgentEditShare: ratio(m.ai.agentEditsTested, m.ai.agentEdits.length),
    candidateTestRuns: m.questions.reduce((sum, q) => sum + q.runs.filter((r) => r.by === "candidate").length, 0),
  };
}
