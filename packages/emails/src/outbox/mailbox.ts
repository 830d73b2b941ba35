// Read side of the outbox for the dev mailbox page (and for tests reading the
// link out of a message). The app decides where this may be shown: it lists
// every organisation's mail, so it is a development tool, not a tenant view.
import type { Db, EmailStatus } from "@interviewlm/db";

export interface OutboxMessageSummary {
  id: string;
  template: string;
  toAddress: string;
  subject: string;
  status: EmailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export interface OutboxMessage extends OutboxMessageSummary {
  fromAddress: string;
  html: string;
  text: string;
  providerMessageId: string | null;
}

export interface OutboxFilter {
  /** Only messages to this address (case-insensitive). */
  to?: string;
  /** Default 50, at most 200. */
  limit?: number;
}

const summarySelect = {
  id: true,
  template: true,
  toAddress: true,
  subject: true,
  status: true,
  attempts: true,
  lastError: true,
  createdAt: true,
  sentAt: true,
} as const;

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

/** Newest first. */
export async function listOutbox(db: Db, filter: OutboxFilter = {}): Promise<OutboxMessageSummary[]> {
  const limit = Math.min(Math.max(Math.trunc(filter.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
  const to = filter.to?.trim();
  return db.emailMessage.findMany({
    where: to ? { toAddress: { equals: to, mode: "insensitive" } } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: summarySelect,
  });
}

export async function getOutboxMessage(db: Db, id: string): Promise<OutboxMessage | null> {
  return db.emailMessage.findUnique({
    where: { id },
    select: { ...summarySelect, fromAddress: true, html: true, text: true, providerMessageId: true },
  });
}
