// How often an evaluation is tried: the measured part only fails on a database problem and
// the judge on a provider that is down or rate-limiting — both pass — so attempts are spaced
// 1, 4, 16, 64 minutes apart (±20 % jitter), 5 attempts in all, about 1.5 hours.
export const MAX_EVALUATION_ATTEMPTS = 5;
export const EVALUATION_LEASE_MS = 10 * 60_000;

export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = 60_000 * 4 ** Math.max(0, attempts - 1);
  return Math.round(base * (0.8 + random() * 0.4));
}
