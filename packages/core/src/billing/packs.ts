// The credit packs: one source of truth for the landing page, the billing page and Stripe
// Checkout (the webhook grants the credits of the pack named here, never an amount from the
// browser). Browser-safe: no server imports.
/**
 * One credit pays for one assessment that a candidate starts or completes; a credit reserved
 * by an invitation that expires or is revoked unused is returned.
 */
export interface CreditPack {
  id: "starter" | "team" | "scale";
  name: string;
  credits: number;
  /** Whole US dollars for the pack, before tax. */
  priceUsd: number;
  summary: string;
  highlights: readonly string[];
}

export const CREDIT_PACKS: readonly CreditPack[] = [
  {
    id: "starter",
    name: "Starter",
    credits: 10,
    priceUsd: 390,
    summary: "For a first hire or a pilot with your team.",
    highlights: ["10 assessment credits", "Live IDE, AI agent and lossless recording", "No per-seat fees for your team"],
  },
  {
    id: "team",
    name: "Team",
    credits: 50,
    priceUsd: 1750,
    summary: "For teams hiring across several roles.",
    highlights: ["50 assessment credits", "Live IDE, AI agent and lossless recording", "No per-seat fees for your team"],
  },
  {
    id: "scale",
    name: "Scale",
    credits: 200,
    priceUsd: 6000,
    summary: "For continuous hiring at volume.",
    highlights: ["200 assessment credits", "Live IDE, AI agent and lossless recording", "No per-seat fees for your team"],
  },
];

export type CreditPackId = CreditPack["id"];

export const CREDIT_PACK_IDS = CREDIT_PACKS.map((pack) => pack.id) as [CreditPackId, ...CreditPackId[]];

export function findCreditPack(id: string): CreditPack | undefined {
  return CREDIT_PACKS.find((pack) => pack.id === id);
}

/** The pack's price in cents, as Stripe charges it. */
export function packPriceCents(pack: CreditPack): number {
  return pack.priceUsd * 100;
}
