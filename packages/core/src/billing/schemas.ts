// Browser-safe billing definitions: the packs and the inputs of the billing procedures.
import { z } from "zod";
import { CREDIT_PACK_IDS } from "./packs.ts";

export * from "./packs.ts";

export const StartCheckoutInput = z.object({ packId: z.enum(CREDIT_PACK_IDS, { error: "Choose one of the credit packs." }) });
export type StartCheckoutInput = z.infer<typeof StartCheckoutInput>;

export const LEDGER_KINDS = ["GRANT", "PURCHASE", "RESERVE", "CONSUME", "RELEASE", "REFUND", "ADJUSTMENT"] as const;

export const LEDGER_KIND_LABELS: Record<(typeof LEDGER_KINDS)[number], string> = {
  GRANT: "Grant",
  PURCHASE: "Purchase",
  RESERVE: "Reserved",
  CONSUME: "Used",
  RELEASE: "Returned",
  REFUND: "Refund",
  ADJUSTMENT: "Adjustment",
};

export const ListLedgerInput = z.object({
  kind: z.enum(LEDGER_KINDS).optional(),
  assessmentId: z.string().min(1).max(64).optional(),
  cursor: z.string().min(1).max(64).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type ListLedgerInput = z.input<typeof ListLedgerInput>;

export const AdjustCreditsInput = z.object({
  organizationId: z.string().min(1).max(64),
  /** Signed: positive grants, negative removes (never below zero). */
  credits: z
    .number({ error: "Enter a whole number of credits." })
    .int("Enter a whole number of credits.")
    .min(-10_000)
    .max(10_000)
    .refine((n) => n !== 0, "Enter a number of credits other than zero."),
  reason: z.string().trim().min(5, "Say why, in at least 5 characters (it is kept in the ledger).").max(500),
});
export type AdjustCreditsInput = z.input<typeof AdjustCreditsInput>;
