import { formatAbsolute, formatRelative } from "./time";

/** "3 hours ago" for the eye, the exact UTC time on hover and in the machine-readable attribute. */
export function RelativeTime({ date, now, className }: { date: Date | string; now: Date | string; className?: string }) {
  const at = new Date(date);
  return (
    <time dateTime={at.toISOString()} title={formatAbsolute(at)} className={className}>
      {formatRelative(at, new Date(now))}
    </time>
  );
}
