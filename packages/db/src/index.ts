export { openDatabase } from "./client.ts";
export type { Database, DatabaseKind, OpenDatabaseOptions } from "./client.ts";
export { dbEnv, readDbEnv, type DbEnv } from "./env.ts";
export { applyMigrations } from "./migrations.ts";
export { Prisma, PrismaClient } from "./generated/client.ts";
export type { Db, Tx } from "./handles.ts";
export type * from "./generated/models.ts";
export { Role, EmailStatus } from "./generated/enums.ts";
