import type { Db } from "@interviewlm/db";
import type { Resend } from "resend";
import { claimNextDueEmail, type ClaimedEmail } from "./claim-due-emails.ts";
import { classifySendFailure, MAX_DELIVERY_ATTEMPTS, retryDelayMs } from "./delivery-policy.ts";

/** The part of the Resend client the outbox uses: `new Resend(apiKey, { baseUrl })` fits. */
export type ResendLike = { emails: Pick<Resend["emails"], "send"> };

export interface DeliverDueEmailsDeps {
  db: Db;
  resend: ResendLike;
  /** The clock for this pass (tests move it forward to reach retries). */
  now?: Date;
  /** At most this many messages per pass (default 20). */
  batchSize?: number;
}

export interface DeliveryPassResult {
  sent: number;
  retried: number;
  failed: number;
}

// The SDK's fetch has no timeout of its own; a hung request must end well
// before the lease does, or another instance would claim the row meanwhile.
const SEND_TIMEOUT_MS = 20_000;
const LEASE_MS = 60_000;

/** Tag carried by every message so webhooks can find the row even before the send is recorded. */
export const OUTBOX_ID_TAG = "outbox_id";

/**
 * One delivery pass: claims due messages one at a time (so a crash strands at
 * most one, for one lease), sends each through Resend, records the outcome.
 * Stops early when Resend rate-limits or cannot be reached.
 */
export async function deliverDueEmails(deps: DeliverDueEmailsDeps): Promise<DeliveryPassResult> {
  const { db, resend, batchSize = 20 } = deps;
  const result: DeliveryPassResult = { sent: 0, retried: 0, failed: 0 };

  for (let handled = 0; handled < batchSize; handled++) {
    // Without an injected clock each claim uses the current time, so a long pass stays honest.
    const now = deps.now ?? new Date();
    const email = await claimNextDueEmail(db, now, new Date(now.getTime() + LEASE_MS));
    if (!email) break;

    const outcome = await sendOne(resend, email);
    if (outcome.ok) {
      await recordSent(db, email.id, outcome.providerMessageId, now);
      result.sent++;
      continue;
    }

    const failure = classifySendFailure(outcome.error, outcome.headers);
    if (failure.kind === "transient" && email.attempts < MAX_DELIVERY_ATTEMPTS) {
      const delay = retryDelayMs(email.attempts, failure.retryAfterSeconds);
      await recordRetry(db, email.id, failure.reason, new Date(now.getTime() + delay));
      result.retried++;
    } else {
      const reason =
        failure.kind === "transient" ? `Gave up after ${email.attempts} attempts: ${failure.reason}` : failure.reason;
      await recordFailed(db, email.id, reason);
      result.failed++;
    }
    if (failure.pauseDelivery) break;
  }
  return result;
}

type SendOutcome =
  | { ok: true; providerMessageId: string }
  | { ok: false; error: Parameters<typeof classifySendFailure>[0]; headers: Record<string, string> | null };

async function sendOne(resend: ResendLike, email: ClaimedEmail): Promise<SendOutcome> {
  const response = await resend.emails.send(
    {
      from: email.fromAddress,
      to: email.toAddress,
      subject: email.subject,
      html: email.html,
      text: email.text,
      tags: [{ name: OUTBOX_ID_TAG, value: email.id }],
    },
    // The row id as idempotency key: if we crash after Resend accepted the
    // message but before recording it, the next attempt gets the same answer
    // and nothing is sent twice.
    { idempotencyKey: email.id, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) },
  );
  if (response.error) return { ok: false, error: response.error, headers: response.headers };
  const id = response.data?.id;
  if (typeof id !== "string" || id === "") {
    return {
      ok: false,
      error: { name: "application_error", statusCode: null, message: "Resend answered without a message id" },
      headers: response.headers,
    };
  }
  return { ok: true, providerMessageId: id };
}

async function recordSent(db: Db, id: string, providerMessageId: string, now: Date) {
  const updated = await db.emailMessage.updateMany({
    where: { id, status: "SENDING" },
    data: { status: "SENT", providerMessageId, sentAt: now, lockedUntil: null, lastError: null },
  });
  if (updated.count === 0) {
    // A webhook (delivered, bounced…) got here first and already moved the
    // status on; keep its status and only fill in what it could not know.
    await db.emailMessage.updateMany({
      where: { id, sentAt: null },
      data: { providerMessageId, sentAt: now, lockedUntil: null },
    });
  }
}

async function recordRetry(db: Db, id: string, reason: string, nextAttemptAt: Date) {
  await db.emailMessage.updateMany({
    where: { id, status: "SENDING" },
    data: { status: "QUEUED", nextAttemptAt, lockedUntil: null, lastError: reason },
  });
}

async function recordFailed(db: Db, id: string, reason: string) {
  await db.emailMessage.updateMany({
    where: { id, status: "SENDING" },
    data: { status: "FAILED", lockedUntil: null, lastError: reason },
  });
}
