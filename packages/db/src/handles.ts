import type { Prisma, PrismaClient } from "./generated/client.ts";

/**
 * The database as services take it: the client, or the client of a transaction the caller has
 * open (so the service's writes commit or roll back with the caller's). Always named `db`.
 */
export type Db = PrismaClient | Prisma.TransactionClient;

/** Inside a transaction: for steps that must be atomic with the caller's other writes. Named `tx`. */
export type Tx = Prisma.TransactionClient;
