// The packs themselves live in core (one source of truth with billing); this module formats them.
import { CREDIT_PACKS, type CreditPack } from "@interviewlm/core/billing/schemas";

export { CREDIT_PACKS, type CreditPack };

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const usdCents = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 0, maximumFractionDigits: 2 });

export function formatPackPrice(pack: CreditPack): string {
  return usd.format(pack.priceUsd);
}

export function pricePerAssessment(pack: CreditPack): string {
  return usdCents.format(pack.priceUsd / pack.credits);
}
