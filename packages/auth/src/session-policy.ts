// How long a session lives. Three clocks, whichever runs out first ends it:
//
//   absolute   createdAt  + absoluteLifetimeMs   → sign in again at least monthly, however
//                                                  active; bounds what a stolen cookie is worth.
//   idle       lastUsedAt + idleTimeoutMs        → a week without a request ends the session.
//   expiresAt  stored and mirrored in the cookie's Expires; it slides to
//              min(absolute deadline, now + idleTimeoutMs) on use, so the browser also forgets
//              an idle session. Moving it means re-sending Set-Cookie, so it is only moved once
//              less than renewWhenRemainingMs is left — i.e. at most once an hour per session.
//
// lastUsedAt is written at most every touchIntervalMs: precise enough for "last active" in the
// sessions list and for the idle clock, without a database write on every request.
// Why these values: see docs/decisions/0009-auth-sessions.md.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const SESSION_POLICY = {
  absoluteLifetimeMs: 30 * DAY,
  idleTimeoutMs: 7 * DAY,
  renewWhenRemainingMs: 7 * DAY - HOUR,
  touchIntervalMs: MINUTE,
} as const;

export type SessionPolicy = { readonly [K in keyof typeof SESSION_POLICY]: number };

export interface SessionClock {
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date;
}

/** Why a stored session is no longer valid at `now`, or null when it still is. */
export function sessionEndReason(
  session: SessionClock,
  now: Date,
  policy: SessionPolicy = SESSION_POLICY,
): "expired" | "idle" | "absolute_lifetime" | null {
  const t = now.getTime();
  // The two clocks below are re-checked even though expiresAt already encodes them, so that
  // tightening the policy in a deploy applies to sessions issued under the old one.
  if (t - session.createdAt.getTime() >= policy.absoluteLifetimeMs) return "absolute_lifetime";
  if (t - session.lastUsedAt.getTime() >= policy.idleTimeoutMs) return "idle";
  if (t >= session.expiresAt.getTime()) return "expired";
  return null;
}

/** The expiry a session gets when created or renewed at `now`. */
export function slidingExpiry(createdAt: Date, now: Date, policy: SessionPolicy = SESSION_POLICY): Date {
  return new Date(Math.min(createdAt.getTime() + policy.absoluteLifetimeMs, now.getTime() + policy.idleTimeoutMs));
}

/** What to write back for a still-valid session used at `now` (null: nothing). */
export function sessionRefresh(
  session: SessionClock,
  now: Date,
  policy: SessionPolicy = SESSION_POLICY,
): { lastUsedAt?: Date; expiresAt?: Date } | null {
  const update: { lastUsedAt?: Date; expiresAt?: Date } = {};
  if (session.expiresAt.getTime() - now.getTime() < policy.renewWhenRemainingMs) {
    const next = slidingExpiry(session.createdAt, now, policy);
    // Near the absolute deadline the expiry can no longer move; don't rewrite the cookie for nothing.
    if (next.getTime() > session.expiresAt.getTime()) update.expiresAt = next;
  }
  if (update.expiresAt || now.getTime() - session.lastUsedAt.getTime() >= policy.touchIntervalMs) {
    update.lastUsedAt = now;
  }
  return update.lastUsedAt ? update : null;
}
