// The database package's variables; every process that opens the database composes this part.
import { defineEnv, readEnv, type EnvOf, type EnvSource } from "@interviewlm/infra/env";
import { z } from "zod";

export const dbEnv = defineEnv({
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  DATABASE_URL: z.string().url().optional(),
  /** Where embedded PGlite keeps its files (default: <repo>/.data/pglite). */
  PGLITE_DATA_DIR: z.string().optional(),
});

export type DbEnv = EnvOf<typeof dbEnv>;

/** For scripts that only need the database: throws one message listing every problem. */
export function readDbEnv(source: EnvSource): DbEnv {
  return readEnv(dbEnv, source, "The database configuration");
}
