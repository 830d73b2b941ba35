import { Button, Card, CardContent, CardHeader } from "@interviewlm/ui";
import { Form } from "@remix-run/react";
import { CREDIT_PACKS, formatPackPrice, pricePerAssessment } from "~/components/marketing/pricing-plans";
import { useIsPending } from "~/lib/forms";

/** The same packs as the landing page; Buy opens Stripe Checkout (credits come from its webhook). */
export function PackCards({ canBuy }: { canBuy: boolean }) {
  const buying = useIsPending({ intent: "buy" });
  return (
    <ul className="grid gap-4 md:grid-cols-3" aria-label="Credit packs">
      {CREDIT_PACKS.map((pack) => (
        <li key={pack.id}>
          <Card className="h-full">
            <CardHeader headingLevel={3} title={pack.name} description={pack.summary} />
            <CardContent className="space-y-3">
              <p className="text-2xl font-semibold tabular-nums text-fg">{formatPackPrice(pack)}</p>
              <p className="text-sm text-fg-muted">
                {pack.credits} credits · {pricePerAssessment(pack)} per assessment, plus tax where it applies
              </p>
              {canBuy ? (
                <Form method="post">
                  <input type="hidden" name="packId" value={pack.id} />
                  <Button type="submit" name="intent" value="buy" pending={buying} pendingLabel="Opening checkout…" aria-label={`Buy ${pack.name} pack (${pack.credits} credits)`}>
                    Buy {pack.name}
                  </Button>
                </Form>
              ) : null}
            </CardContent>
          </Card>
        </li>
      ))}
    </ul>
  );
}
