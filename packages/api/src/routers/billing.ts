import * as billing from "@interviewlm/core/billing";
import type { TRPCRouterRecord } from "@trpc/server";
import { orgProcedure } from "../trpc.ts";

export const billingRouter = {
  overview: orgProcedure("billing:read").query(({ ctx }) => billing.getBillingOverview(ctx.deps, ctx.actor)),
  purchases: orgProcedure("billing:read").query(({ ctx }) => billing.listPurchases(ctx.deps.db, ctx.actor)),
  ledger: orgProcedure("billing:read").input(billing.ListLedgerInput).query(({ ctx, input }) => billing.listLedger(ctx.deps.db, ctx.actor, input)),
  usage: orgProcedure("billing:read").query(({ ctx }) => billing.usageByAssessment(ctx.deps.db, ctx.actor)),
  /** Opens Stripe Checkout for a pack; credits arrive later, from the webhook only. */
  startCheckout: orgProcedure("billing:manage").input(billing.StartCheckoutInput).mutation(({ ctx, input }) => billing.startCheckout(ctx.deps, ctx.actor, input)),
} satisfies TRPCRouterRecord;
