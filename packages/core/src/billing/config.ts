import type Stripe from "stripe";

/** What billing needs when it is on (STRIPE_SECRET_KEY set); see docs/decisions/0090–0091. */
export interface BillingDeps {
  /** stripe-node, pointed at api.stripe.com (or, in tests, a local server speaking its protocol). */
  stripe: Stripe;
  /** Verifies the `Stripe-Signature` of webhook deliveries (STRIPE_WEBHOOK_SECRET). */
  webhookSecret: string;
  /** Owners get one low-balance email when the available credits fall to this number. */
  lowBalanceThreshold?: number;
}
