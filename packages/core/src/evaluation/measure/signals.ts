// The candidate's paste and focus signals, in context: each paste with its size and file, each
// loss of focus with how long it lasted. Repeats of the same focus state are ignored (the
// client re-sends its state on every reconnect).
import type { RecordingEvent } from "@interviewlm/realtime";
import type { FocusLoss, Moment, PasteMetric } from "./types.ts";

export interface PasteSignal extends Moment {
  at: number;
  path: string;
  length: number;
  lines: number;
}

export function pasteSignals(events: readonly RecordingEvent[], originAt: number): PasteSignal[] {
  return events
    .filter((e) => e.type === "signal.paste" && e.actor.startsWith("candidate:"))
    .map((e) => ({ seq: e.seq, t: e.at - originAt, at: e.at, path: String(e.payload.path ?? ""), length: Number(e.payload.length) || 0, lines: Number(e.payload.lines) || 0 }));
}

export function pasteMetrics(signals: readonly PasteSignal[], linesInFinal: (pasteSeq: number) => number): PasteMetric[] {
  return signals.map(({ seq, t, path, length, lines }) => ({ seq, t, path, length, lines, linesInFinal: linesInFinal(seq) }));
}

export function focusLosses(events: readonly RecordingEvent[], originAt: number, endAt: number): FocusLoss[] {
  const losses: FocusLoss[] = [];
  let open: RecordingEvent | null = null;
  for (const event of events) {
    if (event.type !== "signal.focus" || !event.actor.startsWith("candidate:")) continue;
    const state = event.payload.state;
    if (state === "lost" && !open) open = event;
    else if (state === "regained" && open) {
      losses.push({ seq: open.seq, t: open.at - originAt, durationMs: Math.max(0, event.at - open.at), regained: { seq: event.seq, t: event.at - originAt } });
      open = null;
    }
  }
  if (open) losses.push({ seq: open.seq, t: open.at - originAt, durationMs: Math.max(0, endAt - open.at), regained: null });
  return losses;
}
