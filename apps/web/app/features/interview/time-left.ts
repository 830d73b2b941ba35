// The interview clock, computed against the room's clock (serverOffsetMs = room − browser),
// so a browser whose clock is off by minutes still shows the room's deadline correctly.

export const WARNING_MS = 5 * 60_000;

export function remainingMs(deadlineAt: number, serverOffsetMs: number, now = Date.now()): number {
  return Math.max(0, deadlineAt - (now + serverOffsetMs));
}

/** "1:05:03", "04:59", "00:00" — rounded up, so "00:00" means the time is really over. */
export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, "0");
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** Spoken form for the accessible name, e.g. "1 hour 5 minutes left". */
export function describeRemaining(ms: number): string {
  if (ms <= 0) return "Time is up";
  if (ms < 60_000) return "Less than a minute left";
  const minutes = Math.floor(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const parts = [h ? `${h} hour${h === 1 ? "" : "s"}` : "", m ? `${m} minute${m === 1 ? "" : "s"}` : ""].filter(Boolean);
  return `${parts.join(" ")} left`;
}
