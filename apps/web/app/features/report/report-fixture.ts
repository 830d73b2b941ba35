// A hand-written evaluation as the loader hands it to the page, for the component tests.
import type { EvaluationView, MeasuredView } from "./report-format";

const counts = (c: Partial<MeasuredView["provenance"]["counts"]>) => ({ typed: 0, pasted: 0, agent: 0, agent_edited: 0, starter: 0, ...c });

export const REPLAY_PATH = "/app/sessions/s1/replay";

export function measuredFixture(): MeasuredView {
  return {
    version: "m1",
    durationMs: 1_800_000,
    eventCount: 120,
    lastSeq: 120,
    questions: [
      {
        position: 0,
        questionId: "q1",
        title: "Rate limiter",
        startedAt: { seq: 1, t: 0 },
        hidden: { passed: 7, total: 10, ratio: 0.7, finished: true },
        hiddenError: null,
        timeToFirstRunMs: 125_000,
        firstRun: { seq: 30, t: 125_000 },
        timeToFirstPassMs: 600_000,
        firstPass: { seq: 80, t: 600_000 },
        runs: [
          { seq: 30, t: 125_000, runId: "r1", by: "candidate", status: "failed", passed: 1, total: 3 },
          { seq: 80, t: 600_000, runId: "r2", by: "agent", status: "passed", passed: 3, total: 3 },
        ],
      },
    ],
    editing: { candidateUpdates: 40, typedChars: 900, pastedChars: 120, deletedChars: 50, activeMinutes: 12, firstEdit: { seq: 2, t: 5_000 }, lastEdit: { seq: 110, t: 1_700_000 } },
    provenance: {
      files: [
        {
          path: "src/limiter.ts",
          lineCount: 20,
          ranges: [
            { from: 1, to: 4, source: "starter", lastWritten: null },
            { from: 5, to: 12, source: "typed", lastWritten: { seq: 50, t: 300_000 } },
            { from: 13, to: 20, source: "agent_edited", lastWritten: { seq: 90, t: 700_000 } },
          ],
          counts: counts({ starter: 4, typed: 8, agent_edited: 8 }),
        },
      ],
      counts: counts({ starter: 4, typed: 8, agent_edited: 8 }),
    },
    pastes: [{ seq: 40, t: 200_000, path: "src/limiter.ts", length: 120, lines: 4, linesInFinal: 2 }],
    focusLosses: [{ seq: 60, t: 400_000, durationMs: 95_000, regained: { seq: 61, t: 495_000 } }],
    focusLostMs: 95_000,
    ai: {
      prompts: 2,
      promptList: [
        { seq: 70, t: 500_000, chars: 80 },
        { seq: 85, t: 650_000, chars: 40 },
      ],
      answers: 2,
      toolCalls: 3,
      toolCallsByName: { edit_file: 2, run_tests: 1 },
      undos: 0,
      inputTokens: 10_000,
      outputTokens: 2_345,
      costMicroUsd: 1_230_000,
      agentEdits: [{ seq: 75, t: 550_000, path: "src/limiter.ts", testedBy: { seq: 80, t: 600_000 } }],
      agentEditsTested: 1,
      agentLinesWritten: 10,
      agentLinesKept: 8,
      agentLinesKeptShare: 0.8,
    },
    scores: { hiddenPassRate: 0.7, typedShare: 0.5, pastedShare: 0, agentShare: 0.5, testedAgentEditShare: 1, candidateTestRuns: 1 },
    finalFiles: [{ path: "src/limiter.ts", content: "" }],
  };
}

export function evaluationFixture(overrides: Partial<EvaluationView> = {}): EvaluationView {
  return {
    id: "e1",
    sessionId: "s1",
    version: "m1+judge-v1",
    currentVersion: "m1+judge-v1",
    status: "DONE",
    attempts: 1,
    lastError: null,
    measured: measuredFixture(),
    rubric: {
      status: "done",
      note: null,
      samples: 3,
      dimensions: [
        {
          dimension: "code_quality",
          level: 3,
          levels: [3, 3, 4],
          spread: 1,
          needsReview: false,
          rationale: "Clear names and small functions.",
          claims: [
            {
              text: "The limiter keeps one bucket per key.",
              evidence: [
                { type: "lines", path: "src/limiter.ts", startLine: 5, endLine: 6, quote: "const buckets = new Map<string, Bucket>();" },
                { type: "event", seq: 50, t: 300_000 },
              ],
            },
          ],
        },
        { dimension: "ai_collaboration", level: 2, levels: [1, 2, 4], spread: 3, needsReview: true, rationale: "Accepted the agent's edit after running the tests.", claims: [] },
      ],
    },
    model: "claude-test",
    promptVersion: "judge-v1",
    usage: { inputTokens: 1, outputTokens: 1, costMicroUsd: 1 },
    droppedClaims: 1,
    needsReview: true,
    completedAt: new Date("2026-12-07T07:00:00.000Z"),
    replayPath: REPLAY_PATH,
    ...overrides,
  };
}
