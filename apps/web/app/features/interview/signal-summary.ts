// Reviewer-facing summaries of the candidate's paste and focus signals.
import type { Signal } from "@interviewlm/realtime";

export interface SignalSummary {
  pastes: number;
  pastedCharacters: number;
  focusLosses: number;
  /** Total time the tab was in the background, counting an ongoing absence up to `now`. */
  awayMs: number;
  /** The tab is in the background right now. */
  awayNow: boolean;
}

export function summarizeSignals(signals: readonly Signal[], now: number): SignalSummary {
  let pastes = 0;
  let pastedCharacters = 0;
  let focusLosses = 0;
  let awayMs = 0;
  let lostAt: number | null = null;
  for (const signal of signals) {
    if (signal.type === "paste") {
      pastes++;
      pastedCharacters += signal.length;
    } else if (signal.state === "lost") {
      if (lostAt === null) focusLosses++;
      lostAt ??= signal.at;
    } else if (lostAt !== null) {
      awayMs += Math.max(0, signal.at - lostAt);
      lostAt = null;
    }
  }
  if (lostAt !== null) awayMs += Math.max(0, now - lostAt);
  return { pastes, pastedCharacters, focusLosses, awayMs, awayNow: lostAt !== null };
}

/** The signals worth a line in the timeline: repeated focus states (e.g. sent on reconnect) are dropped. */
export function meaningfulSignals(signals: readonly Signal[]): Signal[] {
  let away = false;
  return signals.filter((signal) => {
    if (signal.type === "paste") return true;
    const lost = signal.state === "lost";
    if (lost === away) return false;
    away = lost;
    return true;
  });
}

export function describeSignal(signal: Signal): string {
  if (signal.type === "focus") return signal.state === "lost" ? "Left the interview tab" : "Came back to the interview tab";
  const lines = signal.lines === 1 ? "1 line" : `${signal.lines} lines`;
  return `Pasted ${signal.length.toLocaleString("en")} characters (${lines}) into ${signal.path || "the editor"}`;
}
