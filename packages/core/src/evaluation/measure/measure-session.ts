// The measured part of an evaluation: a pure function of the recorded events (in seq order)
// and the session's questions with their stored hidden-test results. Nothing here reads the
// clock or the database, so the same inputs always give the same JSON.
import type { RecordingEvent } from "@interviewlm/realtime";
import { aiUsage, type AgentEditInput } from "./ai-usage.ts";
import { attributePastes, foldDocumentHistory } from "./document-history.ts";
import { finalProvenance, linesWrittenBy } from "./provenance.ts";
import { measuredScores } from "./scores.ts";
import { focusLosses, pasteMetrics, pasteSignals } from "./signals.ts";
import { questionMetrics, type SessionQuestionInput } from "./test-runs.ts";
import { MEASURE_VERSION, type EditingActivity, type MeasuredEvaluation, type Moment } from "./types.ts";

export interface MeasureInput {
  /** Epoch ms of the replay's t = 0 (the session's start or its first event, the earlier). */
  originAt: number;
  /** Epoch ms of the end (the session's completion or its last event, the later). */
  endAt: number;
  events: readonly RecordingEvent[];
  questions: readonly SessionQuestionInput[];
}

export function measureSession(input: MeasureInput): MeasuredEvaluation {
  const { originAt, events } = input;
  const endAt = Math.max(input.endAt, events.at(-1)?.at ?? originAt);
  const agentEdits: AgentEditInput[] = [];
  let agentLinesWritten = 0;
  const history = foldDocumentHistory(events, (update, current) => {
    if (update.author !== "agent" || update.items.length === 0) return;
    const paths = update.items.map((item) => item.path).filter((path): path is string => path !== null);
    agentEdits.push({ seq: update.seq, at: update.at, path: paths[0] ?? null });
    agentLinesWritten += linesWrittenBy(current, update.seq, paths);
  });
  const pastes = pasteSignals(events, originAt);
  const pastedItems = attributePastes(history, pastes);
  const pastedChars = [...pastedItems.values()].reduce((sum, item) => sum + item.length, 0);
  const { provenance, lineOrigins } = finalProvenance(history, originAt);

  let agentLinesKept = 0;
  const pasteLines = new Map<number, number>();
  for (const lines of lineOrigins.values()) {
    for (const line of lines) {
      agentLinesKept += line.agentSeqs.size;
      for (const seq of line.pasteSeqs) pasteLines.set(seq, (pasteLines.get(seq) ?? 0) + 1);
    }
  }

  const losses = focusLosses(events, originAt, endAt);
  const files = history.doc.getMap("files");
  const finalFiles = [...files.keys()].sort().map((path) => ({ path, content: String(files.get(path) ?? "") }));
  history.doc.destroy();

  const questions = questionMetrics(events, input.questions, originAt);
  const ai = aiUsage(events, originAt, agentEdits, { written: agentLinesWritten, kept: agentLinesKept });
  return {
    version: MEASURE_VERSION,
    durationMs: Math.max(0, endAt - originAt),
    eventCount: events.length,
    lastSeq: events.at(-1)?.seq ?? 0,
    questions,
    editing: editingActivity(history.updates, history.items, pastedChars, originAt),
    provenance,
    pastes: pasteMetrics(pastes, (seq) => pasteLines.get(seq) ?? 0),
    focusLosses: losses,
    focusLostMs: losses.reduce((sum, loss) => sum + loss.durationMs, 0),
    ai,
    scores: measuredScores({ questions, provenance, ai }),
    finalFiles,
  };
}

function editingActivity(
  updates: ReturnType<typeof foldDocumentHistory>["updates"],
  items: ReturnType<typeof foldDocumentHistory>["items"],
  pastedChars: number,
  originAt: number,
): EditingActivity {
  const mine = updates.filter((u) => u.author === "candidate");
  const minutes = new Set(mine.map((u) => Math.floor((u.at - originAt) / 60_000)));
  const moment = (u: (typeof mine)[number] | undefined): Moment | null => (u ? { seq: u.seq, t: u.at - originAt } : null);
  const inserted = items.filter((i) => i.author === "candidate").reduce((sum, i) => sum + i.length, 0);
  return {
    candidateUpdates: mine.length,
    typedChars: inserted - pastedChars,
    pastedChars,
    deletedChars: mine.reduce((sum, u) => sum + u.deletedChars, 0),
    activeMinutes: minutes.size,
    firstEdit: moment(mine[0]),
    lastEdit: moment(mine.at(-1)),
  };
}
