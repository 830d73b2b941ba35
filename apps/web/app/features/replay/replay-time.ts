// Pure helpers of the replay page: time formatting, speeds, skipping idle stretches, and
// finding the next or previous marker of a track. Kept apart so they are unit-tested.
import type { ReplayTrack } from "@interviewlm/core/replay/tracks";

export const SPEEDS = [0.5, 1, 2, 4, 8, 16] as const;
export type Speed = (typeof SPEEDS)[number];

/** m:ss, or h:mm:ss past an hour. */
export function formatOffset(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

export function clampOffset(t: number, durationMs: number): number {
  return Math.min(Math.max(0, Math.round(t)), durationMs);
}

/** `?t=` is seconds (what people write by hand); anything unreadable starts at 0. */
export function offsetFromParam(value: string | null, durationMs: number): number {
  if (!value) return 0;
  const seconds = Number(value);
  return Number.isFinite(seconds) ? clampOffset(seconds * 1000, durationMs) : 0;
}

export interface TimelineMarker {
  seq: number;
  t: number;
  track: ReplayTrack;
}

/** The first marker after t (or the last before it) on the given tracks. */
export function adjacentMarker<T extends TimelineMarker>(markers: readonly T[], t: number, direction: 1 | -1, tracks?: readonly ReplayTrack[]): T | null {
  const wanted = tracks?.length ? markers.filter((m) => tracks.includes(m.track)) : markers;
  if (direction === 1) return wanted.find((m) => m.t > t) ?? null;
  return wanted.findLast((m) => m.t < t - 500) ?? null;
}

/**
 * Skip idle: from t, the start of the next bucket with any activity (typing, terminal or a
 * marker), when t sits in a quiet stretch longer than `minIdleMs`; otherwise t itself.
 */
export function skipIdle(t: number, bucketMs: number, activity: { typing: number[]; terminal: number[] }, markers: readonly TimelineMarker[], minIdleMs: number): number {
  const busy = (i: number) => (activity.typing[i] ?? 0) + (activity.terminal[i] ?? 0) > 0 || markers.some((m) => Math.floor(m.t / bucketMs) === i);
  const buckets = activity.typing.length;
  const from = Math.floor(t / bucketMs);
  if (busy(from)) return t;
  for (let i = from + 1; i < buckets; i++) {
    if (busy(i)) return (i - from) * bucketMs >= minIdleMs ? i * bucketMs : t;
  }
  return t;
}

export function nextSpeed(speed: Speed, direction: 1 | -1): Speed {
  const i = SPEEDS.indexOf(speed);
  return SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, i + direction))]!;
}
