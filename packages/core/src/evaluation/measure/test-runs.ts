// Per question: the hidden evaluation at finish (through the one score rule, ADR 0050), and
// the visible test runs the candidate or the agent made — the trajectory, the time to the
// first run and to the first passing run, counted from the question's start.
import type { RecordingEvent } from "@interviewlm/realtime";
import type { StoredEvaluation } from "../../interviews/evaluate-question.ts";
import { scoreTestRun } from "../../interviews/evaluation-score.ts";
import type { Moment, QuestionMetrics, TestRunPoint } from "./types.ts";

export interface SessionQuestionInput {
  position: number;
  questionId: string;
  title: string;
  hiddenTestResult: unknown;
}

function byOf(actor: string): TestRunPoint["by"] {
  if (actor.startsWith("candidate:")) return "candidate";
  return actor === "agent" ? "agent" : "other";
}

function totalsOf(payload: Record<string, unknown>): { passed: number; total: number } {
  const tests = Array.isArray(payload.tests) ? (payload.tests as { status?: unknown }[]) : [];
  if (tests.length) return { passed: tests.filter((t) => t.status === "passed").length, total: tests.length };
  const totals = (payload.totals ?? {}) as { passed?: unknown; total?: unknown };
  return { passed: Number(totals.passed) || 0, total: Number(totals.total) || 0 };
}

function hiddenOf(stored: unknown): Pick<QuestionMetrics, "hidden" | "hiddenError"> {
  const evaluation = stored as StoredEvaluation | null;
  if (!evaluation || typeof evaluation !== "object") return { hidden: null, hiddenError: "The question was not evaluated." };
  if (!evaluation.ok) return { hidden: null, hiddenError: String(evaluation.error ?? "The evaluation could not run.") };
  const score = scoreTestRun({ status: evaluation.status, tests: Array.isArray(evaluation.tests) ? evaluation.tests : [] });
  return { hidden: { passed: score.passed, total: score.total, ratio: score.ratio, finished: score.finished }, hiddenError: null };
}

export function questionMetrics(events: readonly RecordingEvent[], questions: readonly SessionQuestionInput[], originAt: number): QuestionMetrics[] {
  const moment = (event: RecordingEvent): Moment => ({ seq: event.seq, t: event.at - originAt });
  const starts = new Map<number, RecordingEvent>();
  const runs = new Map<string, { started: RecordingEvent; position: number }>();
  const points = new Map<number, TestRunPoint[]>();
  for (const event of events) {
    const p = event.payload;
    if (event.type === "question.changed") {
      const position = Number(p.position);
      if (Number.isInteger(position) && !starts.has(position)) starts.set(position, event);
    } else if (event.type === "tests.started") {
      runs.set(String(p.runId ?? ""), { started: event, position: Number(p.questionPosition) || 0 });
    } else if (event.type === "tests.finished") {
      const run = runs.get(String(p.runId ?? ""));
      if (!run) continue;
      const list = points.get(run.position) ?? [];
      list.push({ ...moment(event), runId: String(p.runId), by: byOf(run.started.actor), status: String(p.status ?? "unknown"), ...totalsOf(p) });
      points.set(run.position, list);
    }
  }
  const positions = new Set<number>([...questions.map((q) => q.position), ...starts.keys()]);
  return [...positions]
    .sort((a, b) => a - b)
    .map((position) => {
      const question = questions.find((q) => q.position === position);
      const start = starts.get(position);
      const startAt = start?.at ?? (position === 0 ? originAt : null);
      const list = points.get(position) ?? [];
      const first = list[0] ?? null;
      const firstPass = list.find((run) => run.status === "passed") ?? null;
      const since = (run: TestRunPoint | null) => (run && startAt !== null ? Math.max(0, run.t + originAt - startAt) : null);
      return {
        position,
        questionId: question?.questionId ?? (start ? String(start.payload.questionId ?? "") : null),
        title: question?.title ?? (start ? String(start.payload.title ?? "") : null),
        startedAt: start ? moment(start) : null,
        ...(question ? hiddenOf(question.hiddenTestResult) : { hidden: null, hiddenError: "The question was not evaluated." }),
        timeToFirstRunMs: since(first),
        firstRun: first ? { seq: first.seq, t: first.t } : null,
        timeToFirstPassMs: since(firstPass),
        firstPass: firstPass ? { seq: firstPass.seq, t: firstPass.t } : null,
        runs: list,
      };
    });
}
