import { describe, expect, it } from "vitest";
import { SESSION_POLICY, sessionEndReason, sessionRefresh, slidingExpiry } from "./session-policy.ts";

const DAY = 86_400_000;
const t0 = new Date("2030-01-01T00:00:00.000Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

describe("session policy", () => {
  it("keeps the relations the design relies on", () => {
    const p = SESSION_POLICY;
    expect(p.idleTimeoutMs).toBeLessThan(p.absoluteLifetimeMs);
    // Renewal must happen before the sliding expiry could end an active session early.
    expect(p.renewWhenRemainingMs).toBeLessThan(p.idleTimeoutMs);
    expect(p.touchIntervalMs).toBeLessThan(p.idleTimeoutMs - p.renewWhenRemainingMs);
  });

  it("never slides past the absolute lifetime", () => {
    expect(slidingExpiry(t0, at(28 * DAY))).toEqual(at(SESSION_POLICY.absoluteLifetimeMs));
  });

  it("names which clock ended a session", () => {
    const fresh = { createdAt: t0, lastUsedAt: t0, expiresAt: at(7 * DAY) };
    expect(sessionEndReason(fresh, at(DAY))).toBeNull();
    expect(sessionEndReason({ ...fresh, expiresAt: at(DAY) }, at(DAY))).toBe("expired");
    expect(sessionEndReason({ ...fresh, expiresAt: at(40 * DAY) }, at(7 * DAY))).toBe("idle");
    expect(sessionEndReason({ ...fresh, lastUsedAt: at(29 * DAY), expiresAt: at(40 * DAY) }, at(30 * DAY))).toBe("absolute_lifetime");
  });

  it("writes nothing within the touch interval, and moves the expiry no more than hourly", () => {
    const session = { createdAt: t0, lastUsedAt: t0, expiresAt: at(7 * DAY) };
    expect(sessionRefresh(session, at(59_000))).toBeNull();
    expect(sessionRefresh(session, at(60_000))).toEqual({ lastUsedAt: at(60_000) });
    const hour = 3_600_000;
    expect(sessionRefresh(session, at(hour))).toEqual({ lastUsedAt: at(hour) });
    expect(sessionRefresh(session, at(hour + 1))).toEqual({ lastUsedAt: at(hour + 1), expiresAt: at(hour + 1 + 7 * DAY) });
  });
});
