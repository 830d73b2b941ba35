import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/client.ts";
import { applyMigrations } from "./migrations.ts";
import { defaultPgliteDir } from "./paths.ts";

export type DatabaseKind = "postgres" | "pglite";

export interface Database {
  prisma: PrismaClient;
  kind: DatabaseKind;
  /** Human-readable location, for start-up logs (never includes a password). */
  describe: string;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL URL. Without it, embedded PGlite is used. */
  url?: string;
  /** PGlite data directory; ignored when `url` or `pglite` is given. */
  pgliteDir?: string;
  /** An already-open PGlite instance (tests use in-memory ones). */
  pglite?: PGlite;
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
  /**
   * Default bounds of interactive transactions: how long one may wait to start and to run
   * (Prisma's defaults, 2 s and 5 s, when absent). A call's own options still win.
   */
  transactionOptions?: { maxWait?: number; timeout?: number };
}

/**
 * Opens the database the way every process does it: PostgreSQL through
 * `@prisma/adapter-pg` when a URL is configured, embedded PGlite otherwise.
 * Same schema, same migrations.
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  let adapter: SqlMigrationAwareDriverAdapterFactory;
  let kind: DatabaseKind;
  let describe: string;
  let closeDriver = async () => {};

  if (options.url) {
    adapter = new PrismaPg({ connectionString: options.url, max: 10 });
    kind = "postgres";
    const url = new URL(options.url);
    describe = `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
  } else {
    let pglite = options.pglite;
    if (!pglite) {
      const dir = options.pgliteDir ?? defaultPgliteDir;
      await mkdir(dir, { recursive: true });
      pglite = await PGlite.create(dir);
      describe = `PGlite ${dir}`;
      const owned = pglite;
      closeDriver = () => owned.close();
    } else {
      describe = "PGlite (in memory)";
    }
    adapter = new PrismaPGlite(pglite);
    kind = "pglite";
  }

  if (options.migrate !== false) await applyMigrations(adapter);
  const prisma = new PrismaClient({ adapter, ...(options.transactionOptions ? { transactionOptions: options.transactionOptions } : {}) });
  return {
    prisma,
    kind,
    describe,
    async close() {
      await prisma.$disconnect();
      await closeDriver();
    },
  };
}
