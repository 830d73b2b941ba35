import { createTestDatabase, testDatabaseFlavour, type TestDatabase } from "@interviewlm/db/testing";
import { Resend } from "resend";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_EMAIL_FROM } from "../env.ts";
import { startResendTestServer, type ResendTestServer } from "../testing/resend-server.ts";
import type { EmailInput } from "../templates/registry.ts";
import { claimNextDueEmail } from "./claim-due-emails.ts";
import { deliverDueEmails, type ResendLike } from "./deliver-due-emails.ts";
import { MAX_DELIVERY_ATTEMPTS } from "./delivery-policy.ts";
import { getOutboxMessage, listOutbox } from "./mailbox.ts";
import { queueEmail } from "./queue-email.ts";

const SECOND = 1000;

describe(`email outbox (${testDatabaseFlavour()})`, () => {
  let db: TestDatabase;
  let server: ResendTestServer;
  let resend: Resend;
  let organizationId: string;

  beforeAll(async () => {
    [db, server] = await Promise.all([createTestDatabase(), startResendTestServer()]);
    resend = new Resend(server.apiKey, { baseUrl: server.url });
    organizationId = (await db.prisma.organization.create({ data: { name: "Acme", slug: "acme" } })).id;
  });
  afterAll(async () => {
    await Promise.all([db?.close(), server?.close()]);
  });
  beforeEach(async () => {
    server.reset();
    await db.prisma.emailMessage.deleteMany();
  });

  const verifyEmail = (to = "ada@example.com"): EmailInput => ({
    template: "verify-email",
    to,
    props: { name: "Ada", verifyUrl: "https://app.interviewlm.test/verify?token=t1" },
  });
  // Rows queued now are due; passes run slightly later so clock granularity never matters.
  const soon = () => new Date(Date.now() + SECOND);
  const row = (id: string) => db.prisma.emailMessage.findUniqueOrThrow({ where: { id } });

  describe("queueEmail", () => {
    it("renders the message and writes one QUEUED row", async () => {
      const { id } = await queueEmail(db.prisma, {
        template: "team-invitation",
        to: "grace@example.com",
        organizationId,
        props: {
          inviterName: "Ada",
          organizationName: "Acme",
          role: "MEMBER",
          acceptUrl: "https://app.interviewlm.test/accept?token=x",
          expiresAt: new Date("2030-01-01T00:00:00Z"),
        },
      });
      expect(await row(id)).toMatchObject({
        organizationId,
        template: "team-invitation",
        toAddress: "grace@example.com",
        fromAddress: DEFAULT_EMAIL_FROM,
        subject: "Ada invited you to join Acme on InterviewLM",
        status: "QUEUED",
        attempts: 0,
        providerMessageId: null,
      });
      expect((await row(id)).text).toContain("https://app.interviewlm.test/accept?token=x");
    });

    it("takes a sender override", async () => {
      const { id } = await queueEmail(db.prisma, verifyEmail(), { from: "Hiring <hiring@example.com>" });
      expect((await row(id)).fromAddress).toBe("Hiring <hiring@example.com>");
    });

    it("joins the caller's transaction: rolled back with it", async () => {
      await expect(
        db.prisma.$transaction(async (tx) => {
          await queueEmail(tx, verifyEmail());
          throw new Error("the caller's own write failed");
        }),
      ).rejects.toThrow(/own write failed/);
      expect(await db.prisma.emailMessage.count()).toBe(0);
    });

    it("writes nothing for invalid input", async () => {
      await expect(queueEmail(db.prisma, verifyEmail("nope"))).rejects.toThrow(/to: must be an email address/);
      expect(await db.prisma.emailMessage.count()).toBe(0);
    });
  });

  describe("deliverDueEmails", () => {
    it("sends through Resend and records SENT with the provider's id", async () => {
      const { id } = await queueEmail(db.prisma, verifyEmail());
      const now = soon();
      expect(await deliverDueEmails({ db: db.prisma, resend, now })).toEqual({ sent: 1, retried: 0, failed: 0 });

      expect(server.emails).toHaveLength(1);
      const [request] = server.requests;
      expect(request).toMatchObject({ method: "POST", path: "/emails", idempotencyKey: id, responseStatus: 200 });
      expect(request?.headers.authorization).toBe(`Bearer ${server.apiKey}`);
      const stored = await row(id);
      expect(request?.body).toEqual({
        from: DEFAULT_EMAIL_FROM,
        to: "ada@example.com",
        subject: stored.subject,
        html: stored.html,
        text: stored.text,
        tags: [{ name: "outbox_id", value: id }],
      });
      expect(stored).toMatchObject({
        status: "SENT",
        providerMessageId: server.emails[0]?.id,
        sentAt: now,
        attempts: 1,
        lockedUntil: null,
        lastError: null,
      });
    });

    it("does nothing when no message is due", async () => {
      expect(await deliverDueEmails({ db: db.prisma, resend, now: soon() })).toEqual({ sent: 0, retried: 0, failed: 0 });
      expect(server.requests).toHaveLength(0);
    });

    it("retries a 429 later with backoff, then sends", async () => {
      const { id } = await queueEmail(db.prisma, verifyEmail());
      server.failNext(1, "rate_limit");
      const first = soon();
      expect(await deliverDueEmails({ db: db.prisma, resend, now: first })).toEqual({ sent: 0, retried: 1, failed: 0 });
      const waiting = await row(id);
      expect(waiting).toMatchObject({ status: "QUEUED", attempts: 1, lockedUntil: null });
      expect(waiting.lastError).toMatch(/^429 rate_limit_exceeded: Too many requests/);
      const delay = waiting.nextAttemptAt.getTime() - first.getTime();
      expect(delay).toBeGreaterThanOrEqual(24 * SECOND);
      expect(delay).toBeLessThanOrEqual(36 * SECOND);

      // Not due yet: nothing is sent.
      expect(await deliverDueEmails({ db: db.prisma, resend, now: new Date(first.getTime() + 10 * SECOND) })).toEqual({
        sent: 0,
        retried: 0,
        failed: 0,
      });
      const later = new Date(first.getTime() + 40 * SECOND);
      expect(await deliverDueEmails({ db: db.prisma, resend, now: later })).toEqual({ sent: 1, retried: 0, failed: 0 });
      expect(await row(id)).toMatchObject({ status: "SENT", attempts: 2, lastError: null, sentAt: later });
      expect(server.requests.map((r) => r.responseStatus)).toEqual([429, 200]);
    });

    it("retries 5xx answers with growing delays, then sends", async () => {
      const { id } = await queueEmail(db.prisma, verifyEmail());
      server.failNext(2, "server_error");
      let now = soon();
      await deliverDueEmails({ db: db.prisma, resend, now });
      const afterFirst = await row(id);
      expect(afterFirst.lastError).toBe("500 internal_server_error: An unexpected error occurred.");

      now = new Date(afterFirst.nextAttemptAt.getTime() + SECOND);
      expect(await deliverDueEmails({ db: db.prisma, resend, now })).toMatchObject({ retried: 1 });
      const afterSecond = await row(id);
      const secondDelay = afterSecond.nextAttemptAt.getTime() - now.getTime();
      expect(afterSecond.attempts).toBe(2);
      expect(secondDelay).toBeGreaterThanOrEqual(96 * SECOND);
      expect(secondDelay).toBeLessThanOrEqual(144 * SECOND);

      now = new Date(afterSecond.nextAttemptAt.getTime() + SECOND);
      expect(await deliverDueEmails({ db: db.prisma, resend, now })).toMatchObject({ sent: 1 });
      expect(await row(id)).toMatchObject({ status: "SENT", attempts: 3 });
      expect(server.emails).toHaveLength(1);
    });

    it("retries when Resend cannot be reached", async () => {
      const { id } = await queueEmail(db.prisma, verifyEmail());
      server.failNext(1, "disconnect");
      expect(await deliverDueEmails({ db: db.prisma, resend, now: soon() })).toMatchObject({ retried: 1 });
      expect(await row(id)).toMatchObject({ status: "QUEUED", attempts: 1 });
      expect((await row(id)).lastError).toMatch(/^application_error: /);
    });

    it("marks a 4xx answer FAILED at once with the provider's reason", async () => {
      const { id } = await queueEmail(db.prisma, verifyEmail());
      server.failNext(1, "validation_error");
      expect(await deliverDueEmails({ db: db.prisma, resend, now: soon() })).toEqual({ sent: 0, retried: 0, failed: 1 });
      const failed = await row(id);
      expect(failed).toMatchObject({ status: "FAILED", attempts: 1, providerMessageId: null, lockedUntil: null });
      expect(failed.lastError).toBe(
        "422 validation_error: Invalid `to` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.",
      );
      // Never picked up again.
      await deliverDueEmails({ db: db.prisma, resend, now: new Date(Date.now() + 24 * 3600 * SECOND) });
      expect(server.requests).toHaveLength(1);
    });

    it("marks messages FAILED when the API key is refused", async () => {
      const { id } = await queueEmail(db.prisma, verifyEmail());
      const wrongKey = new Resend("re_wrong", { baseUrl: server.url });
      await deliverDueEmails({ db: db.prisma, resend: wrongKey, now: soon() });
      expect(await row(id)).toMatchObject({ status: "FAILED", lastError: "403 invalid_api_key: API key is invalid" });
    });

    it("gives up after the last allowed attempt", async () => {
      const { id } = await queueEmail(db.prisma, verifyEmail());
      await db.prisma.emailMessage.update({ where: { id }, data: { attempts: MAX_DELIVERY_ATTEMPTS - 1 } });
      server.failNext(1, "server_error");
      expect(await deliverDueEmails({ db: db.prisma, resend, now: soon() })).toMatchObject({ failed: 1 });
      expect(await row(id)).toMatchObject({
        status: "FAILED",
        attempts: MAX_DELIVERY_ATTEMPTS,
        lastError: `Gave up after ${MAX_DELIVERY_ATTEMPTS} attempts: 500 internal_server_error: An unexpected error occurred.`,
      });
    });

    it("never sends twice when a worker dies between sending and recording", async () => {
      const { id } = await queueEmail(db.prisma, verifyEmail());
      // Resend accepts the message, then this process "dies" before writing the result.
      const dyingAfterSend: ResendLike = {
        emails: {
          send: async (...args) => {
            await resend.emails.send(...args);
            throw new Error("process killed");
          },
        },
      };
      const now = soon();
      await expect(deliverDueEmails({ db: db.prisma, resend: dyingAfterSend, now })).rejects.toThrow("process killed");
      expect(await row(id)).toMatchObject({ status: "SENDING", attempts: 1 });

      // Within the lease no other pass touches it.
      expect(await deliverDueEmails({ db: db.prisma, resend, now: new Date(now.getTime() + 5 * SECOND) })).toMatchObject({
        sent: 0,
      });
      // After the lease another pass takes it over; the same idempotency key gets Resend's first answer.
      const later = new Date(now.getTime() + 5 * 60 * SECOND);
      expect(await deliverDueEmails({ db: db.prisma, resend, now: later })).toMatchObject({ sent: 1 });
      expect(server.requests.map((r) => r.idempotencyKey)).toEqual([id, id]);
      expect(server.emails).toHaveLength(1);
      expect(await row(id)).toMatchObject({ status: "SENT", providerMessageId: server.emails[0]?.id, attempts: 2 });
    });

    it("never gives one message to two concurrent passes", async () => {
      const ids = [];
      for (let i = 0; i < 12; i++) ids.push((await queueEmail(db.prisma, verifyEmail(`user${i}@example.com`))).id);
      server.setLatency(15);
      const now = soon();
      const results = await Promise.all([
        deliverDueEmails({ db: db.prisma, resend, now, batchSize: 12 }),
        deliverDueEmails({ db: db.prisma, resend, now, batchSize: 12 }),
        deliverDueEmails({ db: db.prisma, resend, now, batchSize: 12 }),
      ]);
      expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(12);
      // The passes really overlapped: the work was shared out.
      expect(results.filter((r) => r.sent > 0).length).toBeGreaterThan(1);
      expect(server.requests).toHaveLength(12);
      expect(new Set(server.requests.map((r) => r.idempotencyKey))).toEqual(new Set(ids));
      expect(await db.prisma.emailMessage.count({ where: { status: "SENT", attempts: 1 } })).toBe(12);
    });

    it("hands a due message to exactly one of many simultaneous claims", async () => {
      const { id } = await queueEmail(db.prisma, verifyEmail());
      const now = soon();
      const lease = new Date(now.getTime() + 60 * SECOND);
      const claims = await Promise.all(Array.from({ length: 8 }, () => claimNextDueEmail(db.prisma, now, lease)));
      expect(claims.filter((c) => c !== null).map((c) => c?.id)).toEqual([id]);
      expect(await row(id)).toMatchObject({ status: "SENDING", attempts: 1, lockedUntil: lease });
    });

    it("stops a pass when rate-limited, leaving the rest for later", async () => {
      await queueEmail(db.prisma, verifyEmail("one@example.com"));
      await queueEmail(db.prisma, verifyEmail("two@example.com"));
      server.failNext(1, "rate_limit");
      expect(await deliverDueEmails({ db: db.prisma, resend, now: soon() })).toEqual({ sent: 0, retried: 1, failed: 0 });
      expect(server.requests).toHaveLength(1);
      expect(await db.prisma.emailMessage.count({ where: { status: "QUEUED", attempts: 0 } })).toBe(1);
    });
  });

  describe("dev mailbox", () => {
    it("lists newest first, filters by recipient and opens one message", async () => {
      const first = await queueEmail(db.prisma, verifyEmail("ada@example.com"));
      const second = await queueEmail(db.prisma, verifyEmail("grace@example.com"));
      const third = await queueEmail(db.prisma, verifyEmail("Ada@Example.com"));
      // Distinct creation times set outright, instead of sleeping between the inserts.
      const base = Date.now();
      for (const [i, { id }] of [first, second, third].entries()) {
        await db.prisma.emailMessage.update({ where: { id }, data: { createdAt: new Date(base + i * 1000) } });
      }

      const all = await listOutbox(db.prisma);
      expect(all.map((m) => m.toAddress)).toEqual(["Ada@Example.com", "grace@example.com", "ada@example.com"]);
      expect(Object.keys(all[0] ?? {}).sort()).toEqual(
        ["attempts", "createdAt", "id", "lastError", "sentAt", "status", "subject", "template", "toAddress"].sort(),
      );
      expect((await listOutbox(db.prisma, { to: "ada@example.com" })).map((m) => m.id)).toEqual([third.id, first.id]);
      expect(await listOutbox(db.prisma, { limit: 1 })).toHaveLength(1);

      const message = await getOutboxMessage(db.prisma, first.id);
      expect(message).toMatchObject({ id: first.id, fromAddress: DEFAULT_EMAIL_FROM, providerMessageId: null, status: "QUEUED" });
      expect(message?.text).toContain("https://app.interviewlm.test/verify?token=t1");
      expect(message?.html).toContain("https://app.interviewlm.test/verify?token=t1");
      expect(await getOutboxMessage(db.prisma, "missing")).toBeNull();
    });
  });
});
