// Prop schemas shared by templates. Names come from users, so they are
// normalised to one line (they end up in subjects) and bounded in length;
// links must be http(s) so a bad caller cannot put `javascript:` in a button.
import { z } from "zod";

function oneLine(value: string): string {
  return value.replace(/[\s\p{Cc}\p{Cf}]+/gu, " ").trim();
}

export const displayNameField = z
  .string()
  .transform(oneLine)
  .pipe(z.string().min(1, "must not be empty").max(120, "must be at most 120 characters"));

export const linkField = z.url({ protocol: /^https?$/ });

/** "30 minutes", "1 hour", "2 hours", "90 minutes" — whatever reads naturally. */
export function formatDuration(minutes: number): string {
  if (minutes % 60 === 0) {
    const hours = minutes / 60;
    return hours === 1 ? "1 hour" : `${hours} hours`;
  }
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

const dateFormatter = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "full",
  timeStyle: "short",
  timeZone: "UTC",
});

/** The recipient's time zone is unknown, so dates are absolute and say they are UTC. */
export function formatUtcDate(date: Date): string {
  return `${dateFormatter.format(date)} UTC`;
}

const roleLabels: Record<string, string> = {
  OWNER: "an owner",
  ADMIN: "an admin",
  MEMBER: "a member",
  VIEWER: "a viewer",
};

/** "ADMIN" → "an admin"; unknown roles are shown as given. */
export function describeRole(role: string): string {
  return roleLabels[role.toUpperCase()] ?? oneLine(role);
}
