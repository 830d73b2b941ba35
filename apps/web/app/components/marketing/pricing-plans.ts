/**
 * Credit packs shown on the landing page. One credit pays for one assessment that a
 * candidate starts or completes; a credit reserved by an invitation that expires unused is
 * returned. Billing (Stripe Checkout) must sell exactly these packs: keep them in sync.
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

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const usdCents = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 0, maximumFractionDigits: 2 });

export function formatPackPrice(pack: CreditPack): string {
  return usd.format(pack.priceUsd);
}

export function pricePerAssessment(pack: CreditPack): string {
  return usdCents.format(pack.priceUsd / pack.credits);
}
