// What the measured part of an evaluation holds (docs/decisions/0140). Every figure is computed
// from the recording and the stored hidden-test results only, so evaluating the same session
// twice gives the same JSON. A moment carries the event's seq and `t`, milliseconds from the
// replay's origin, so the report can link to `/app/sessions/<id>/replay?t=<t / 1000>` (seconds).

import type { MeasuredScores } from "./scores.ts";

export interface Moment {
  seq: number;
  /** ms from the replay timeline's origin (the session's start or its first event). */
  t: number;
}

export type LineSource = "typed" | "pasted" | "agent" | "agent_edited" | "starter";
export const LINE_SOURCES: readonly LineSource[] = ["typed", "pasted", "agent", "agent_edited", "starter"];

/** Consecutive lines (1-based, inclusive) of one source; blank lines belong to no range. */
export interface LineRange {
  from: number;
  to: number;
  source: LineSource;
  /** The latest edit that wrote into these lines: where the replay shows them being written. */
  lastWritten: Moment | null;
}

export interface FileProvenance {
  path: string;
  lineCount: number;
  ranges: LineRange[];
  /** Non-blank lines per source. */
  counts: Record<LineSource, number>;
}

export interface Provenance {
  files: FileProvenance[];
  /** Non-blank lines of the final files per source, all files together. */
  counts: Record<LineSource, number>;
}

export interface TestRunPoint extends Moment {
  runId: string;
  by: "candidate" | "agent" | "other";
  status: string;
  passed: number;
  total: number;
}

export interface QuestionMetrics {
  position: number;
  questionId: string | null;
  title: string | null;
  startedAt: Moment | null;
  /** The hidden evaluation at finish through the one score rule (evaluation-score.ts); null when it could not run. */
  hidden: { passed: number; total: number; ratio: number; finished: boolean } | null;
  hiddenError: string | null;
  /** ms from the question's start to the first finished visible-test run, and to the first passing one. */
  timeToFirstRunMs: number | null;
  firstRun: Moment | null;
  timeToFirstPassMs: number | null;
  firstPass: Moment | null;
  runs: TestRunPoint[];
}

export interface EditingActivity {
  /** Recorded editor updates made by the candidate. */
  candidateUpdates: number;
  typedChars: number;
  pastedChars: number;
  deletedChars: number;
  /** Whole minutes of the timeline in which the candidate changed the code. */
  activeMinutes: number;
  firstEdit: Moment | null;
  lastEdit: Moment | null;
}

export interface PasteMetric extends Moment {
  path: string;
  length: number;
  lines: number;
  /** Non-blank lines of the final files that still hold this paste's text. */
  linesInFinal: number;
}

export interface FocusLoss extends Moment {
  durationMs: number;
  /** The moment focus came back; null when it never did before the end. */
  regained: Moment | null;
}

export interface AgentEditMetric extends Moment {
  path: string | null;
  /** A test run the candidate started after this edit (before the session ended). */
  testedBy: Moment | null;
}

export interface AiUsage {
  prompts: number;
  promptList: (Moment & { chars: number })[];
  answers: number;
  toolCalls: number;
  toolCallsByName: Record<string, number>;
  undos: number;
  inputTokens: number;
  outputTokens: number;
  costMicroUsd: number;
  /** Agent edits of the editor document, each with whether the candidate ran tests afterwards. */
  agentEdits: AgentEditMetric[];
  agentEditsTested: number;
  /** Non-blank lines the agent wrote (counted just after each of its edits) and how many of them the final code keeps. */
  agentLinesWritten: number;
  agentLinesKept: number;
  /** agentLinesKept / agentLinesWritten, or null when the agent wrote nothing. */
  agentLinesKeptShare: number | null;
}

export interface MeasuredEvaluation {
  /** Version of these definitions; a change of any definition bumps it. */
  version: string;
  durationMs: number;
  eventCount: number;
  lastSeq: number;
  questions: QuestionMetrics[];
  editing: EditingActivity;
  provenance: Provenance;
  pastes: PasteMetric[];
  focusLosses: FocusLoss[];
  focusLostMs: number;
  ai: AiUsage;
  /** Derived 0–1 figures for ranking and comparing (scores.ts). */
  scores: MeasuredScores;
  /** The final files (as the editor held them at the end), for the judge's evidence check. */
  finalFiles: { path: string; content: string }[];
}

export const MEASURE_VERSION = "m1";

export const emptySourceCounts = (): Record<LineSource, number> => ({ typed: 0, pasted: 0, agent: 0, agent_edited: 0, starter: 0 });
