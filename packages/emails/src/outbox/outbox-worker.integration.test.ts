import { createTestDatabase, testDatabaseFlavour, type TestDatabase } from "@interviewlm/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startResendTestServer, type ResendTestServer } from "../testing/resend-server.ts";
import { startOutboxWorker } from "./outbox-worker.ts";
import { queueEmail } from "./queue-email.ts";

function recordingLogger() {
  const lines: { level: "info" | "warn" | "error"; event: string; fields?: Record<string, unknown> }[] = [];
  const log = (level: "info" | "warn" | "error") => (event: string, fields?: Record<string, unknown>) => lines.push({ level, event, fields });
  return { lines, logger: { info: log("info"), warn: log("warn"), error: log("error") } };
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe(`outbox worker (${testDatabaseFlavour()})`, () => {
  let db: TestDatabase;
  let server: ResendTestServer;

  beforeAll(async () => {
    [db, server] = await Promise.all([createTestDatabase(), startResendTestServer()]);
  });
  afterAll(async () => {
    await Promise.all([db?.close(), server?.close()]);
  });

  it("delivers queued mail in the background until stopped", async () => {
    const { lines, logger } = recordingLogger();
    const watched = countingDb(db.prisma);
    const worker = startOutboxWorker({ db: watched.db, apiKey: server.apiKey, baseUrl: server.url, intervalMs: 20, logger });
    try {
      const { id } = await queueEmail(db.prisma, {
        template: "reset-password",
        to: "ada@example.com",
        props: { name: "Ada", resetUrl: "https://app.interviewlm.test/reset?token=r", expiresInMinutes: 60 },
      });
      const [email] = await server.waitForEmails(1, { to: "ada@example.com" });
      expect(email?.idempotencyKey).toBe(id);
      await waitFor(async () => (await db.prisma.emailMessage.findUniqueOrThrow({ where: { id } })).status === "SENT");
      // The pass logs after it has recorded the result.
      await waitFor(async () => lines.some((l) => l.event === "outbox.sent"));
      expect(lines).toContainEqual({ level: "info", event: "outbox.sent", fields: { count: 1 } });
    } finally {
      await worker.stop();
    }
    const usesAtStop = watched.uses();
    const { id: lateId } = await queueEmail(db.prisma, {
      template: "verify-email",
      to: "late@example.com",
      props: { name: "Late", verifyUrl: "https://app.interviewlm.test/verify?token=v" },
    });
    // A second worker at the same interval is the clock: once it has sent the late mail and made
    // several more passes, the stopped one would have polled too, had it not stopped.
    const witness = countingDb(db.prisma);
    const second = startOutboxWorker({ db: witness.db, apiKey: server.apiKey, baseUrl: server.url, intervalMs: 20, logger: recordingLogger().logger });
    try {
      await waitFor(async () => (await db.prisma.emailMessage.findUniqueOrThrow({ where: { id: lateId } })).status === "SENT");
      const usesAfterSend = witness.uses();
      await waitFor(async () => witness.uses() >= usesAfterSend * 3);
    } finally {
      await second.stop();
    }
    expect(watched.uses()).toBe(usesAtStop);
    expect(server.requests.filter((request) => JSON.stringify(request).includes("late@example.com"))).toHaveLength(1);
    await db.prisma.emailMessage.deleteMany();
  });

  it("keeps polling after a pass fails, and logs the failure", async () => {
    const { lines, logger } = recordingLogger();
    let failuresLeft = 2;
    // The database is unreachable for the first two passes.
    const flakyPrisma = new Proxy(db.prisma, {
      get(target, property, receiver) {
        if (property === "$queryRaw" && failuresLeft > 0) {
          return () => {
            failuresLeft--;
            return Promise.reject(new Error("connection terminated unexpectedly"));
          };
        }
        return Reflect.get(target, property, receiver);
      },
    });
    const { id } = await queueEmail(db.prisma, {
      template: "verify-email",
      to: "grace@example.com",
      props: { name: "Grace", verifyUrl: "https://app.interviewlm.test/verify?token=g" },
    });
    const worker = startOutboxWorker({ db: flakyPrisma, apiKey: server.apiKey, baseUrl: server.url, intervalMs: 20, logger });
    try {
      await waitFor(async () => (await db.prisma.emailMessage.findUniqueOrThrow({ where: { id } })).status === "SENT");
    } finally {
      await worker.stop();
    }
    expect(lines.filter((l) => l.level === "error")).toHaveLength(2);
    expect(lines[0]?.event).toBe("outbox.pass_failed");
  });
});

/** The database as a worker sees it, counting every use, so a test can tell whether it still polls. */
function countingDb<T extends object>(target: T): { db: T; uses: () => number } {
  let uses = 0;
  const db = new Proxy(target, {
    get(object, property, receiver) {
      uses += 1;
      return Reflect.get(object, property, receiver);
    },
  });
  return { db, uses: () => uses };
}
