// Fresh, migrated databases for tests. PGlite by default; real PostgreSQL when
// TEST_DATABASE_URL is set (one new database per call, dropped on close).
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { openDatabase, type Database } from "./client.ts";
import { applyMigrations, loadMigrations } from "./migrations.ts";
import { repoRoot } from "./paths.ts";

export interface TestDatabase extends Database {
  /** PostgreSQL URL of this database (only for the PostgreSQL flavour). */
  url?: string;
}

export function testDatabaseFlavour(): "postgres" | "pglite" {
  return process.env.TEST_DATABASE_URL ? "postgres" : "pglite";
}

// On a loaded 2-core machine the first interactive transaction of a test process (Prisma loads
// its query compiler) could not start within Prisma's 2 s default ("Unable to start a
// transaction in the given time"): test databases bound transactions only against hangs.
const TEST_TRANSACTIONS = { maxWait: 60_000, timeout: 60_000 };

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  return adminUrl ? createPostgresDatabase(adminUrl) : createPgliteDatabase();
}

/** Runs one statement on the server of `adminUrl` over a short-lived connection. */
async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A new, empty PostgreSQL database on the server of `adminUrl` (named `<prefix>_<time>_<random>`),
 * for a process that migrates its own database at start (a web server, a production host, a
 * benchmark); `drop` removes it, closing what is still connected.
 */
export async function createEmptyPostgresDatabase(adminUrl: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

async function createPostgresDatabase(adminUrl: string): Promise<TestDatabase> {
  const empty = await createEmptyPostgresDatabase(adminUrl, "ilm_test");
  const db = await openDatabase({ url: empty.url, transactionOptions: TEST_TRANSACTIONS });
  return {
    ...db,
    url: empty.url,
    async close() {
      await db.close();
      await empty.drop();
    },
  };
}

// initdb for an in-memory PGlite takes seconds; loading a dump of an already
// migrated one takes a fraction. The dump is cached on disk, keyed by the
// migrations' content, and shared by every test process.
let templateDump: Promise<Blob> | undefined;

async function migratedTemplate(): Promise<Blob> {
  const migrations = await loadMigrations();
  const key = createHash("sha256")
    .update(JSON.stringify(migrations.migrationDirectories))
    .update(PGlite.name)
    .digest("hex")
    .slice(0, 16);
  const cacheDir = join(repoRoot, ".data/test-cache");
  const cacheFile = join(cacheDir, `pglite-template-${key}.tar`);
  const cached = await readFile(cacheFile).catch(() => undefined);
  if (cached) return new Blob([cached]);

  const fresh = new PGlite();
  await applyMigrations(new PrismaPGlite(fresh));
  const dump = await fresh.dumpDataDir("none");
  await fresh.close();
  await mkdir(cacheDir, { recursive: true });
  const partial = `${cacheFile}.${process.pid}.${randomBytes(3).toString("hex")}`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await rename(partial, cacheFile);
  return dump;
}

async function createPgliteDatabase(): Promise<TestDatabase> {
  templateDump ??= migratedTemplate();
  const pglite = new PGlite({ loadDataDir: await templateDump });
  const db = await openDatabase({ pglite, migrate: false, transactionOptions: TEST_TRANSACTIONS });
  return {
    ...db,
    async close() {
      await db.close();
      await pglite.close();
    },
  };
}
