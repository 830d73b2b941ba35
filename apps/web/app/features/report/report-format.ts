// Pure helpers of the report page: replay deep links, durations, shares. Kept apart so they
// are unit-tested without rendering.
import type { LineSource, SessionEvaluation } from "@interviewlm/core/evaluation";
import type { SerializeFrom } from "@remix-run/node";

/**
 * The replay at a recorded moment. The replay reads `?t=` in seconds (ADR 0140's moments are
 * ms from the same origin), so ms are written as seconds with ms precision.
 */
export function replayAt(replayPath: string, t: number): string {
  return `${replayPath}?t=${Math.max(0, Math.round(t)) / 1000}`;
}

/** m:ss, or h:mm:ss past an hour: the timestamp a reviewer sees on the replay's timeline. */
export function formatMoment(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** "45 s", "3 min 5 s", "1 h 2 min": a length of time in words. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  if (total < 60) return `${total} s`;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h} h ${m} min`;
  return s > 0 ? `${m} min ${s} s` : `${m} min`;
}

export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 100)} %`;
}

export function formatUsd(micro: number): string {
  return `$${(micro / 1_000_000).toFixed(2)}`;
}

export const SOURCE_LABELS: Record<LineSource, string> = {
  typed: "Typed",
  pasted: "Pasted",
  agent: "Written by the AI agent",
  agent_edited: "AI-written, then edited",
  starter: "Starter code",
};

/** One fill per source; the legend and the text summary carry the meaning, never the colour alone. */
export const SOURCE_FILLS: Record<LineSource, string> = {
  typed: "bg-success-fg",
  pasted: "bg-warning-fg",
  agent: "bg-info-fg",
  agent_edited: "bg-accent-fg",
  starter: "bg-fg-muted/40",
};

const ORDER: readonly LineSource[] = ["typed", "pasted", "agent", "agent_edited", "starter"];

/** "12 typed, 3 pasted, 20 written by the AI agent" — the text equivalent of a provenance strip. */
export function summariseSources(counts: Record<LineSource, number>): string {
  const parts = ORDER.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${SOURCE_LABELS[s].toLowerCase()}`);
  const total = ORDER.reduce((sum, s) => sum + counts[s], 0);
  if (total === 0) return "No non-blank lines.";
  return `${total} non-blank ${total === 1 ? "line" : "lines"}: ${parts.join(", ")}.`;
}

export const DIMENSION_LABELS: Record<string, string> = {
  code_quality: "Code quality",
  problem_solving: "Problem solving",
  ai_collaboration: "AI collaboration",
  communication: "Communication",
};


/** The evaluation as the loader hands it to the browser (dates as strings). */
export type EvaluationView = SerializeFrom<SessionEvaluation>;
export type MeasuredView = NonNullable<EvaluationView["measured"]>;
