import type { Tx } from "@interviewlm/db";
import { applyCreditEntry } from "./ledger.ts";

/** Credits every new organisation starts with, enough to try the product end to end. */
export const TRIAL_CREDITS = 3;

/** Recorded as a GRANT in the organisation's creation transaction; keyed so it happens once. */
export async function grantTrialCredits(tx: Tx, organizationId: string): Promise<void> {
  await applyCreditEntry(tx, {
    organizationId,
    kind: "GRANT",
    amount: TRIAL_CREDITS,
    causeType: "SYSTEM",
    idempotencyKey: `trial:${organizationId}`,
    note: `Trial: ${TRIAL_CREDITS} free credits`,
  });
}
