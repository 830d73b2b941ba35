// What the billing page reads: balance, purchases, the ledger with its causes, usage per
// assessment. Every query carries the organisation in its WHERE (tenancy in the query).
import type { Db, Prisma } from "@interviewlm/db";
import type { CoreDeps, OrgActor } from "../shared/deps.ts";
import { requirePermission } from "../shared/permissions.ts";
import { readCreditBalance } from "./ledger.ts";
import { DEFAULT_LOW_BALANCE_THRESHOLD } from "./low-balance.ts";
import { ListLedgerInput } from "./schemas.ts";

export interface BillingOverview {
  /** False without STRIPE_SECRET_KEY: credits are not required and nothing can be bought. */
  enabled: boolean;
  available: number;
  reserved: number;
  lowBalanceThreshold: number;
}

export async function getBillingOverview(deps: CoreDeps, actor: OrgActor): Promise<BillingOverview> {
  requirePermission(actor, "billing:read");
  const balance = await readCreditBalance(deps.db, actor.organizationId);
  return { enabled: Boolean(deps.billing), ...balance, lowBalanceThreshold: deps.billing?.lowBalanceThreshold ?? DEFAULT_LOW_BALANCE_THRESHOLD };
}

export interface PurchaseRow {
  id: string;
  /** Stripe's Checkout session id: the billing page finds the purchase it returned from. */
  checkoutSessionId: string;
  packId: string;
  credits: number;
  amountCents: number;
  currency: string;
  status: "OPEN" | "PAID" | "REFUNDED";
  invoiceUrl: string | null;
  receiptUrl: string | null;
  refundedCents: number;
  creditsRemoved: number;
  createdAt: Date;
  paidAt: Date | null;
}

/** Paid and refunded purchases, newest first (checkouts never paid are not history). */
export async function listPurchases(db: Db, actor: OrgActor): Promise<PurchaseRow[]> {
  requirePermission(actor, "billing:read");
  return db.creditPurchase.findMany({
    where: { organizationId: actor.organizationId, status: { in: ["PAID", "REFUNDED"] } },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, checkoutSessionId: true, packId: true, credits: true, amountCents: true, currency: true, status: true, invoiceUrl: true, receiptUrl: true, refundedCents: true, creditsRemoved: true, createdAt: true, paidAt: true },
  });
}

export interface LedgerRow {
  id: string;
  kind: string;
  amount: number;
  reservedChange: number;
  availableAfter: number;
  causeType: string;
  /** The cause in words: the candidate and assessment, the pack, the admin's reason. */
  cause: string;
  candidateId: string | null;
  assessmentId: string | null;
  note: string | null;
  createdAt: Date;
}

export interface LedgerPage {
  items: LedgerRow[];
  nextCursor: string | null;
}

export async function listLedger(db: Db, actor: OrgActor, rawInput: ListLedgerInput): Promise<LedgerPage> {
  requirePermission(actor, "billing:read");
  const input = ListLedgerInput.parse(rawInput);
  const where: Prisma.CreditLedgerEntryWhereInput = { organizationId: actor.organizationId };
  if (input.kind) where.kind = input.kind;
  if (input.assessmentId) where.assessmentId = input.assessmentId;
  const rows = await db.creditLedgerEntry.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: { id: true, kind: true, amount: true, reservedChange: true, availableAfter: true, causeType: true, causeId: true, candidateId: true, assessmentId: true, note: true, createdAt: true },
  });
  const page = rows.slice(0, input.limit);
  const names = await namesOf(db, actor.organizationId, page);
  return {
    items: page.map((row) => ({ ...row, cause: describeCause(row, names) })),
    nextCursor: rows.length > input.limit ? page[page.length - 1]!.id : null,
  };
}

async function namesOf(db: Db, organizationId: string, rows: { candidateId: string | null; assessmentId: string | null }[]) {
  const candidateIds = [...new Set(rows.flatMap((r) => (r.candidateId ? [r.candidateId] : [])))];
  const assessmentIds = [...new Set(rows.flatMap((r) => (r.assessmentId ? [r.assessmentId] : [])))];
  const [candidates, assessments] = await Promise.all([
    db.candidate.findMany({ where: { organizationId, id: { in: candidateIds } }, select: { id: true, name: true, email: true } }),
    db.assessment.findMany({ where: { organizationId, id: { in: assessmentIds } }, select: { id: true, title: true } }),
  ]);
  return { candidates: new Map(candidates.map((c) => [c.id, `${c.name} <${c.email}>`])), assessments: new Map(assessments.map((a) => [a.id, a.title])) };
}

function describeCause(row: { causeType: string; candidateId: string | null; assessmentId: string | null; note: string | null }, names: Awaited<ReturnType<typeof namesOf>>): string {
  const candidate = row.candidateId ? (names.candidates.get(row.candidateId) ?? "a deleted candidate") : null;
  const assessment = row.assessmentId ? names.assessments.get(row.assessmentId) : null;
  const where = assessment ? ` for ${assessment}` : "";
  switch (row.causeType) {
    case "INVITATION":
      return `Invitation of ${candidate}${where}`;
    case "SESSION":
      return `Interview of ${candidate}${where}`;
    case "STRIPE_EVENT":
      return row.note ? `Stripe: ${row.note}` : "Stripe payment";
    case "ADMIN":
      return `InterviewLM staff: ${row.note ?? "adjustment"}`;
    default:
      return row.note ?? "InterviewLM";
  }
}

export interface AssessmentUsage {
  assessmentId: string;
  title: string;
  /** Credits spent by started interviews. */
  used: number;
  /** Credits held by open invitations now. */
  reserved: number;
  /** Credits returned by expired or revoked invitations. */
  returned: number;
}

export async function usageByAssessment(db: Db, actor: OrgActor): Promise<AssessmentUsage[]> {
  requirePermission(actor, "billing:read");
  const groups = await db.creditLedgerEntry.groupBy({
    by: ["assessmentId", "kind"],
    where: { organizationId: actor.organizationId, assessmentId: { not: null }, kind: { in: ["RESERVE", "CONSUME", "RELEASE"] } },
    _count: { _all: true },
  });
  const byAssessment = new Map<string, { reserve: number; consume: number; release: number }>();
  for (const g of groups) {
    const entry = byAssessment.get(g.assessmentId!) ?? { reserve: 0, consume: 0, release: 0 };
    entry[g.kind.toLowerCase() as "reserve" | "consume" | "release"] += g._count._all;
    byAssessment.set(g.assessmentId!, entry);
  }
  const titles = await db.assessment.findMany({ where: { organizationId: actor.organizationId, id: { in: [...byAssessment.keys()] } }, select: { id: true, title: true } });
  const titleOf = new Map(titles.map((a) => [a.id, a.title]));
  return [...byAssessment.entries()]
    .map(([assessmentId, c]) => ({ assessmentId, title: titleOf.get(assessmentId) ?? "Deleted assessment", used: c.consume, reserved: c.reserve - c.consume - c.release, returned: c.release }))
    .sort((a, b) => b.used + b.reserved - (a.used + a.reserved) || a.title.localeCompare(b.title));
}
