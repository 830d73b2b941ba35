import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

/** The repository root (packages/db/src → ../../..). */
export const repoRoot = resolve(here, "../../..");
export const prismaDir = resolve(repoRoot, "prisma");
export const schemaPath = resolve(prismaDir, "schema.prisma");
export const migrationsDir = resolve(prismaDir, "migrations");
export const defaultPgliteDir = resolve(repoRoot, ".data/pglite");
