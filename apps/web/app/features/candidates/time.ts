// Relative times ("3 hours ago", "in 5 days") computed against a `now` the loader sends
// along: the server render and the browser's hydration then print the same words.
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 60 * 60 * 1000],
  ["month", 30 * 24 * 60 * 60 * 1000],
  ["week", 7 * 24 * 60 * 60 * 1000],
  ["day", 24 * 60 * 60 * 1000],
  ["hour", 60 * 60 * 1000],
  ["minute", 60 * 1000],
];

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

export function formatRelative(date: Date, now: Date): string {
  const diff = date.getTime() - now.getTime();
  const abs = Math.abs(diff);
  if (abs < 45 * 1000) return diff <= 0 ? "just now" : "in a moment";
  for (const [unit, ms] of UNITS) {
    if (abs >= ms || unit === "minute") return relative.format(Math.round(diff / ms), unit);
  }
  return relative.format(Math.round(diff / 60_000), "minute");
}

// A fixed zone and locale, for the same reason: the server's zone is not the reader's.
const absolute = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function formatAbsolute(date: Date): string {
  return `${absolute.format(date)} UTC`;
}
