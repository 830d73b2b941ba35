import type { Db } from "@interviewlm/db";

/** What the sender needs from a claimed outbox row. */
export interface ClaimedEmail {
  id: string;
  fromAddress: string;
  toAddress: string;
  subject: string;
  html: string;
  text: string;
  /** Including the attempt this claim starts. */
  attempts: number;
}

/**
 * Takes one due message for this process and marks it SENDING until
 * `leaseUntil`.
 *
 * `FOR UPDATE SKIP LOCKED` lets several web instances claim at the same time:
 * each skips the rows another is claiming instead of waiting for them or
 * taking them too. The claim commits at once (one statement), so no lock is
 * held while the HTTP request to Resend runs; the SENDING status and the lease
 * keep other instances away instead. A SENDING row whose lease ran out belongs
 * to an instance that died mid-send: it is claimed again, and the idempotency
 * key (the row id) makes Resend answer the repeat without sending twice.
 */
export async function claimNextDueEmail(
  db: Db,
  now: Date,
  leaseUntil: Date,
): Promise<ClaimedEmail | null> {
  const rows = await db.$queryRaw<ClaimedEmail[]>`
    UPDATE "EmailMessage"
       SET status = 'SENDING'::"EmailStatus",
           "lockedUntil" = ${leaseUntil},
           attempts = attempts + 1,
           "updatedAt" = ${now}
     WHERE id = (
       SELECT id FROM "EmailMessage"
        WHERE (status = 'QUEUED'::"EmailStatus" AND "nextAttemptAt" <= ${now})
           OR (status = 'SENDING'::"EmailStatus" AND "lockedUntil" < ${now})
        ORDER BY "nextAttemptAt", id
        LIMIT 1
        FOR UPDATE SKIP LOCKED
     )
    RETURNING id, "fromAddress", "toAddress", subject, html, text, attempts`;
  return rows[0] ?? null;
}
