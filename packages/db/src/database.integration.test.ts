import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "./migrations.ts";
import { createTestDatabase, testDatabaseFlavour, type TestDatabase } from "./testing.ts";

// Creating and migrating a database is fixed work whose duration follows the machine's load
// (an in-memory PGlite's initdb plus every migration took over 5 s on a busy 2-core machine).
// The first query also loads Prisma's query compiler. These bounds only catch a hang;
// nothing here measures speed.
const DATABASE_WORK = { timeout: 300_000 };

describe(`database (${testDatabaseFlavour()})`, DATABASE_WORK, () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  }, DATABASE_WORK.timeout);
  afterAll(() => db.close());

  it("has every committed migration applied and records them", async () => {
    const rows = await db.prisma.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL`;
    expect(rows.map((r) => r.migration_name)).toContainEqual(expect.stringMatching(/_init$/));
  });

  it("stores and reads back a user with the generated client", async () => {
    const created = await db.prisma.user.create({ data: { email: "ada@example.com", name: "Ada" } });
    const found = await db.prisma.user.findUnique({ where: { email: "ada@example.com" } });
    expect(found?.id).toBe(created.id);
  });

  it("enforces one account per email address", async () => {
    await db.prisma.user.create({ data: { email: "dup@example.com", name: "One" } });
    await expect(db.prisma.user.create({ data: { email: "dup@example.com", name: "Two" } })).rejects.toThrow(
      /Unique constraint/,
    );
  });

  it("takes an outbox row with FOR UPDATE SKIP LOCKED", async () => {
    await db.prisma.emailMessage.create({
      data: { template: "t", toAddress: "x@example.com", fromAddress: "f@example.com", subject: "s", html: "h", text: "t" },
    });
    const rows = await db.prisma.$queryRaw<{ id: string }[]>`
      SELECT id FROM "EmailMessage" WHERE status = 'QUEUED' ORDER BY "nextAttemptAt" LIMIT 1 FOR UPDATE SKIP LOCKED`;
    expect(rows).toHaveLength(1);
  });
});

describe("migration runner", DATABASE_WORK, () => {
  it("applies nothing the second time (idempotent)", async () => {
    const db = await createTestDatabase();
    try {
      // Reach the adapter through a fresh open: migrations were applied at creation.
      const { PrismaPg } = await import("@prisma/adapter-pg");
      const { PrismaPGlite } = await import("pglite-prisma-adapter");
      const { PGlite } = await import("@electric-sql/pglite");
      if (db.url) {
        expect(await applyMigrations(new PrismaPg({ connectionString: db.url }))).toEqual([]);
      } else {
        const fresh = new PGlite();
        expect((await applyMigrations(new PrismaPGlite(fresh))).length).toBeGreaterThan(0);
        expect(await applyMigrations(new PrismaPGlite(fresh))).toEqual([]);
        await fresh.close();
      }
    } finally {
      await db.close();
    }
  });
});
