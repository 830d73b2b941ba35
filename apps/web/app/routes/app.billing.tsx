// Billing (owners and admins): credits available and held, the packs (the landing page's),
// purchases with Stripe invoices, usage per assessment and the full ledger. Buying redirects
// to Stripe Checkout; credits arrive from Stripe's webhook, never from this page.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Card, CardContent, CardHeader, FormError, Stat, StatGroup } from "@interviewlm/ui";
import { PageHeader } from "~/components/page-header";
import { LedgerTable } from "~/features/billing/ledger-table";
import { PackCards } from "~/features/billing/pack-cards";
import { PurchasesTable } from "~/features/billing/purchases-table";
import { UsageTable } from "~/features/billing/usage-table";
import { CheckoutReturnStatus, type CheckoutReturn } from "~/features/billing/checkout-return";
import { throwAsResponse, toActionFailure } from "~/.server/api";
import { formValues, requireVerifiedAuth } from "~/.server/session";
import { usePermissions } from "~/lib/permissions";

export const meta: MetaFunction = () => [{ title: "Billing · InterviewLM" }];

const LEDGER_KIND_VALUES = new Set(["GRANT", "PURCHASE", "RESERVE", "CONSUME", "RELEASE", "REFUND", "ADJUSTMENT"]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  // Members and viewers: 403, rendered by the section error inside the shell.
  const overview = await api.billing.overview().catch(throwAsResponse);
  const params = new URL(request.url).searchParams;
  const checkout = params.get("checkout");
  if (!overview.enabled) return { overview, checkout: null as CheckoutReturn | null, purchases: [], usage: [], ledger: { items: [], nextCursor: null }, filters: { kind: "", assessmentId: "" }, olderHref: null };
  const kind = params.get("kind") ?? "";
  const filters = { kind: LEDGER_KIND_VALUES.has(kind) ? kind : "", assessmentId: params.get("assessmentId") ?? "" };
  const [purchases, usage, ledger] = await Promise.all([
    api.billing.purchases(),
    api.billing.usage(),
    api.billing.ledger({
      ...(filters.kind ? { kind: filters.kind as "GRANT" } : {}),
      ...(filters.assessmentId ? { assessmentId: filters.assessmentId } : {}),
      ...(params.get("cursor") ? { cursor: params.get("cursor")! } : {}),
    }),
  ]);
  const older = ledger.nextCursor ? new URLSearchParams({ ...(filters.kind ? { kind: filters.kind } : {}), ...(filters.assessmentId ? { assessmentId: filters.assessmentId } : {}), cursor: ledger.nextCursor }) : null;
  return { overview, checkout: checkoutReturn(checkout, params.get("session_id"), purchases), purchases, usage, ledger, filters, olderHref: older ? `/app/billing?${older.toString()}` : null };
}

/** What the return from Stripe Checkout says: the credits once the webhook recorded the purchase. */
function checkoutReturn(checkout: string | null, sessionId: string | null, purchases: { checkoutSessionId: string; credits: number }[]): CheckoutReturn | null {
  if (checkout === "cancelled") return { status: "cancelled" };
  if (checkout !== "success") return null;
  const purchase = sessionId ? purchases.find((p) => p.checkoutSessionId === sessionId) : undefined;
  return { status: "success", confirmedCredits: purchase ? purchase.credits : null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  const values = formValues(await request.formData());
  try {
    const { url } = await api.billing.startCheckout({ packId: (values.packId ?? "") as "starter" });
    return redirect(url);
  } catch (error) {
    return toActionFailure(error);
  }
}

export default function BillingPage() {
  const { overview, checkout, purchases, usage, ledger, filters, olderHref } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const canBuy = usePermissions().can("billing:manage");

  if (!overview.enabled) {
    return (
      <div className="space-y-6">
        <PageHeader title="Billing" />
        <Card>
          <CardHeader headingLevel={2} title="Billing is off on this installation" />
          <CardContent className="space-y-2 text-sm text-fg-muted">
            <p>No Stripe account is configured (STRIPE_SECRET_KEY), so inviting candidates needs no credits and nothing here takes payment.</p>
            <p>To sell credit packs, set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET and restart the app.</p>
          </CardContent>
        </Card>
      </div>
    );
  }

  return (
    <div className="space-y-6">
      <PageHeader title="Billing" description="One credit pays for one assessment a candidate starts. An invitation holds a credit; it comes back if the invitation expires or is revoked unused." />
      <CheckoutReturnStatus checkout={checkout} />
      <FormError>{failure && !failure.ok ? failure.message : null}</FormError>

      <section aria-labelledby="balance-heading" className="space-y-3">
        <h2 id="balance-heading" className="sr-only">Balance</h2>
        <StatGroup>
          <Stat label="Available credits" value={<span data-testid="available-credits">{overview.available}</span>} />
          <Stat label="Held by open invitations" value={<span data-testid="reserved-credits">{overview.reserved}</span>} />
        </StatGroup>
        {overview.available <= overview.lowBalanceThreshold ? (
          <p className="text-sm text-warning-fg">{overview.available === 0 ? "No credits left: new invitations are refused until you buy a pack." : "Credits are running low."}</p>
        ) : null}
      </section>

      <section aria-labelledby="packs-heading" className="space-y-3">
        <h2 id="packs-heading" className="text-base font-semibold text-fg">Buy credits</h2>
        <PackCards canBuy={canBuy} />
      </section>

      <Card>
        <CardHeader headingLevel={2} title="Purchases" description="Invoices and receipts are hosted by Stripe." />
        <CardContent>
          <PurchasesTable purchases={purchases} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader headingLevel={2} title="Usage per assessment" />
        <CardContent>
          <UsageTable usage={usage} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader headingLevel={2} title="Ledger" description="Every credit movement and its cause, newest first." />
        <CardContent>
          <LedgerTable page={ledger} filters={filters} assessments={usage} olderHref={olderHref} />
        </CardContent>
      </Card>
    </div>
  );
}

export { SectionErrorBoundary as ErrorBoundary } from "~/components/section-error-boundary";
