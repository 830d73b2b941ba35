import { createTestDatabase, testDatabaseFlavour, type TestDatabase } from "@interviewlm/db/testing";
import { Resend } from "resend";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deliverDueEmails } from "../outbox/deliver-due-emails.ts";
import { queueEmail } from "../outbox/queue-email.ts";
import { startResendTestServer, type ResendTestServer } from "../testing/resend-server.ts";
import {
  buildResendEmailEvent,
  createWebhookSecret,
  signResendWebhook,
  type ResendEmailEventType,
} from "../testing/resend-webhooks.ts";
import { applyResendWebhookEvent } from "./apply-resend-webhook-event.ts";
import { verifyResendWebhook } from "./verify-resend-webhook.ts";

describe(`Resend webhooks (${testDatabaseFlavour()})`, () => {
  let db: TestDatabase;
  let server: ResendTestServer;
  let resend: Resend;
  const secret = createWebhookSecret();

  beforeAll(async () => {
    [db, server] = await Promise.all([createTestDatabase(), startResendTestServer()]);
    resend = new Resend(server.apiKey, { baseUrl: server.url });
  });
  afterAll(async () => {
    await Promise.all([db?.close(), server?.close()]);
  });
  beforeEach(async () => {
    server.reset();
    await db.prisma.emailMessage.deleteMany();
  });

  /** Queues and sends one message; returns its outbox id and what Resend accepted. */
  async function sentMessage() {
    const { id } = await queueEmail(db.prisma, {
      template: "verify-email",
      to: "ada@example.com",
      props: { name: "Ada", verifyUrl: "https://app.interviewlm.test/verify?token=w" },
    });
    await deliverDueEmails({ db: db.prisma, resend, now: new Date(Date.now() + 1000) });
    const accepted = server.emails.find((e) => e.idempotencyKey === id);
    if (!accepted) throw new Error("the message was not sent");
    return { id, accepted };
  }

  /** What the webhook route does: verify the raw request, then apply the event. */
  function receive(type: ResendEmailEventType, email: Parameters<typeof buildResendEmailEvent>[0], extra = {}) {
    const { body, headers } = signResendWebhook(buildResendEmailEvent(email, type, extra), secret);
    return applyResendWebhookEvent(db.prisma, verifyResendWebhook(body, headers, secret));
  }

  const status = async (id: string) => (await db.prisma.emailMessage.findUniqueOrThrow({ where: { id } })).status;

  it("marks a bounced message BOUNCED with the bounce reason", async () => {
    const { id, accepted } = await sentMessage();
    expect(await receive("email.bounced", accepted)).toEqual({ outcome: "updated", messageId: id, status: "BOUNCED" });
    expect(await db.prisma.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "BOUNCED",
      lastError: "Bounced (Permanent/General): The recipient's mailbox does not exist.",
    });
  });

  it("marks a delivered message DELIVERED, once", async () => {
    const { id, accepted } = await sentMessage();
    expect(await receive("email.delivered", accepted)).toMatchObject({ outcome: "updated", status: "DELIVERED" });
    expect(await receive("email.delivered", accepted)).toEqual({ outcome: "unchanged", messageId: id });
    expect(await status(id)).toBe("DELIVERED");
  });

  it("never lets a late 'sent' or 'delivered' undo a bounce", async () => {
    const { id, accepted } = await sentMessage();
    await receive("email.bounced", accepted);
    expect(await receive("email.delivered", accepted)).toMatchObject({ outcome: "unchanged" });
    expect(await receive("email.sent", accepted)).toMatchObject({ outcome: "unchanged" });
    expect(await status(id)).toBe("BOUNCED");
  });

  it("records a spam complaint on a delivered message", async () => {
    const { id, accepted } = await sentMessage();
    await receive("email.delivered", accepted);
    await receive("email.complained", accepted);
    expect(await db.prisma.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "DELIVERED",
      lastError: "Complaint: the recipient marked this message as spam",
    });
  });

  it("marks a message Resend failed or suppressed", async () => {
    const failed = await sentMessage();
    await receive("email.failed", failed.accepted);
    expect(await db.prisma.emailMessage.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({
      status: "FAILED",
      lastError: "Resend could not send it: reached_daily_quota",
    });
    server.reset();
    const suppressed = await sentMessage();
    await receive("email.suppressed", suppressed.accepted);
    expect(await status(suppressed.id)).toBe("BOUNCED");
  });

  it("finds the row by its outbox tag when the event beats the send's bookkeeping", async () => {
    const { id } = await queueEmail(db.prisma, {
      template: "verify-email",
      to: "fast@example.com",
      props: { name: "Fast", verifyUrl: "https://app.interviewlm.test/verify?token=f" },
    });
    const early = {
      id: "3f0c9c8e-0000-4000-8000-000000000001",
      from: "a@example.com",
      to: ["fast@example.com"],
      subject: "s",
      tags: [{ name: "outbox_id", value: id }],
    };
    expect(await receive("email.delivered", early)).toMatchObject({ outcome: "updated", messageId: id });
    expect(await db.prisma.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "DELIVERED",
      providerMessageId: early.id,
    });
  });

  it("acknowledges events it does not track and messages it does not know", async () => {
    const { accepted } = await sentMessage();
    expect(await receive("email.opened", accepted)).toEqual({ outcome: "ignored" });
    expect(await receive("email.delivered", { ...accepted, id: "not-ours", tags: [] })).toEqual({ outcome: "unknown-message" });
  });

  it("refuses a tampered or stale webhook before touching the database", async () => {
    const { accepted } = await sentMessage();
    const signed = signResendWebhook(buildResendEmailEvent(accepted, "email.delivered"), secret);
    expect(() => verifyResendWebhook(signed.body.replace("delivered", "bounced"), signed.headers, secret)).toThrow();
    const stale = signResendWebhook(buildResendEmailEvent(accepted, "email.bounced"), secret, {
      timestamp: new Date(Date.now() - 60 * 60_000),
    });
    expect(() => verifyResendWebhook(stale.body, stale.headers, secret)).toThrow(/tolerance/);
  });
});
