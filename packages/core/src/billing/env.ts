// Billing's variables (docs/decisions/0010): STRIPE_SECRET_KEY turns billing on, and then the
// webhook secret is required — a half configuration would take money and never grant credits.
import { defineEnv, type EnvOf } from "@interviewlm/infra/env";
import Stripe from "stripe";
import { z } from "zod";
import type { BillingDeps } from "./config.ts";

/** The API version this code was written against; sent on every request (Stripe-Version). */
export const STRIPE_API_VERSION = "2026-11-18.endive" as const;

export const billingEnv = defineEnv(
  {
    /** `sk_live_…` / `sk_test_…`. Unset: billing is off, inviting needs no credits. */
    STRIPE_SECRET_KEY: z.string().trim().regex(/^(sk|rk)_(live|test)_\w+$/, "must be a Stripe secret key (sk_live_… or sk_test_…)").optional(),
    /** `whsec_…` signing secret of the webhook endpoint (/webhooks/stripe). */
    STRIPE_WEBHOOK_SECRET: z.string().trim().regex(/^whsec_\w+$/, "must be the `whsec_…` signing secret of the webhook endpoint").optional(),
    /** Points stripe-node elsewhere (tests: a local server speaking Stripe's REST protocol). */
    STRIPE_API_URL: z.url().optional(),
  },
  {
    check(env, report) {
      if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) report("STRIPE_WEBHOOK_SECRET", "is required when STRIPE_SECRET_KEY is set (credits are granted only by verified webhooks)");
      if (env.STRIPE_WEBHOOK_SECRET && !env.STRIPE_SECRET_KEY) report("STRIPE_SECRET_KEY", "is required when STRIPE_WEBHOOK_SECRET is set");
    },
  },
);

export type BillingEnv = EnvOf<typeof billingEnv>;

/** stripe-node for `secretKey`, at api.stripe.com or at `apiUrl` (host, port and protocol). */
export function createStripeClient(secretKey: string, apiUrl?: string): Stripe {
  const target = apiUrl ? new URL(apiUrl) : null;
  return new Stripe(secretKey, {
    apiVersion: STRIPE_API_VERSION,
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: "InterviewLM" },
    ...(target
      ? {
          host: target.hostname,
          port: Number(target.port || (target.protocol === "https:" ? 443 : 80)),
          protocol: target.protocol.replace(":", "") as "http" | "https",
        }
      : {}),
  });
}

/** The billing deps for core, or undefined when billing is off. */
export function billingDepsFromEnv(env: BillingEnv): BillingDeps | undefined {
  if (!env.STRIPE_SECRET_KEY || !env.STRIPE_WEBHOOK_SECRET) return undefined;
  return { stripe: createStripeClient(env.STRIPE_SECRET_KEY, env.STRIPE_API_URL), webhookSecret: env.STRIPE_WEBHOOK_SECRET };
}
