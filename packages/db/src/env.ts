import { z } from "zod";

const EnvSchema = z.object({
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  DATABASE_URL: z.string().url().optional(),
  /** Where embedded PGlite keeps its files (default: <repo>/.data/pglite). */
  PGLITE_DATA_DIR: z.string().optional(),
});

export type DbEnv = z.infer<typeof EnvSchema>;

export function readDbEnv(source: Record<string, string | undefined> = process.env): DbEnv {
  const parsed = EnvSchema.safeParse({
    DATABASE_URL: source.DATABASE_URL || undefined,
    PGLITE_DATA_DIR: source.PGLITE_DATA_DIR || undefined,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid database configuration:\n${problems}`);
  }
  return parsed.data;
}
