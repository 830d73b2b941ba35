// Graceful shutdown of the production web app (docs/decisions/0120), checked in PostgreSQL:
// SIGTERM while the outbox worker is in the middle of sending lets that batch finish — the
// message Resend accepted is recorded SENT, none is left claimed (SENDING) or lost — and the
// rest wait QUEUED for the next start, which delivers them. (Recording events across a web app
// stopped by SIGTERM mid-interview: recording-durability.e2e.test.ts.)
import { openDatabase, type Database } from "@interviewlm/db";
import { queueEmail } from "@interviewlm/emails";
import { startResendTestServer, type ResendTestServer } from "@interviewlm/emails/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "./support/app-server.ts";

const postgres = Boolean(process.env.TEST_DATABASE_URL);

describe.skipIf(!postgres)("SIGTERM (PostgreSQL suite)", () => {
  let resend: ResendTestServer;
  let web: AppServer;
  let db: Database;

  beforeAll(async () => {
    resend = await startResendTestServer();
    web = await startAppServer({ ENABLE_DEV_MAILBOX: "0", RESEND_API_KEY: resend.apiKey, RESEND_BASE_URL: resend.url });
    db = await openDatabase({ url: web.databaseUrl!, migrate: false });
  });
  afterAll(async () => {
    await db?.close();
    await web?.stop();
    await resend?.close();
  });

  async function statuses(ids: string[]) {
    const rows = await db.prisma.emailMessage.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } });
    return new Map(rows.map((row) => [row.id, row.status]));
  }

  it("lets the outbox finish the batch it is sending and leaves the rest queued, losing nothing", async () => {
    const release = resend.holdAnswers();
    const ids: string[] = [];
    for (let n = 0; n < 3; n++) {
      const { id } = await queueEmail(db.prisma, { template: "reset-password", to: `shutdown-${n}@example.com`, props: { name: "Ada", resetUrl: `https://app.test/reset?token=${n}`, expiresInMinutes: 60 } });
      ids.push(id);
    }
    // The worker has sent the first message and waits for Resend's answer: stop the app now.
    await expect.poll(() => resend.requests.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
    const stopped = web.kill();
    // The app keeps running until the answer comes; then it records it and exits.
    release();
    await stopped;

    const afterStop = await statuses(ids);
    expect([...afterStop.values()].filter((status) => status === "SENDING")).toEqual([]);
    const sent = ids.filter((id) => afterStop.get(id) === "SENT");
    expect(sent.length).toBeGreaterThanOrEqual(1);
    for (const email of resend.emails) expect(afterStop.get(email.idempotencyKey!)).toBe("SENT");
    expect(ids.every((id) => afterStop.get(id) === "SENT" || afterStop.get(id) === "QUEUED")).toBe(true);

    // The next start delivers what waited, each message once.
    await web.start();
    await resend.waitForEmails(3, { timeoutMs: 60_000 });
    await expect.poll(async () => [...(await statuses(ids)).values()].filter((status) => status === "SENT").length, { timeout: 60_000 }).toBe(3);
    expect(new Set(resend.emails.map((email) => email.idempotencyKey)).size).toBe(3);
  });
});
