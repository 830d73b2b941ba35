// After Stripe Checkout the buyer lands here before Stripe's webhook may have arrived: the
// credits come only from the webhook. Keep re-reading the page until the purchase is recorded,
// so the balance grows in front of them instead of asking them to reload.
import { useEffect, useState } from "react";
import { useRevalidator } from "@remix-run/react";

const POLL_MS = 2_000;
/** About a minute: Stripe usually confirms in seconds; after that say so and stop asking. */
const MAX_POLLS = 30;

export type CheckoutReturn = { status: "cancelled" } | { status: "success"; confirmedCredits: number | null };

export function CheckoutReturnStatus({ checkout }: { checkout: CheckoutReturn | null }) {
  const revalidator = useRevalidator();
  const [polls, setPolls] = useState(0);
  const waiting = checkout?.status === "success" && checkout.confirmedCredits === null;
  const gaveUp = waiting && polls >= MAX_POLLS;

  useEffect(() => {
    if (!waiting || gaveUp || revalidator.state !== "idle") return;
    const timer = setTimeout(() => {
      setPolls((n) => n + 1);
      revalidator.revalidate();
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [waiting, gaveUp, revalidator, polls]);

  if (!checkout) return null;
  if (checkout.status === "cancelled") return <p role="status" className="text-sm text-fg-muted">Checkout cancelled: nothing was charged.</p>;
  return (
    <p role="status" className="rounded-md border border-line bg-success-soft p-3 text-sm text-fg" data-testid="checkout-return">
      {checkout.confirmedCredits !== null
        ? `Payment confirmed: ${checkout.confirmedCredits} credits added to your balance.`
        : gaveUp
          ? "Stripe has not confirmed the payment yet. Your credits are added as soon as it does; reload this page later to see them."
          : "Payment received by Stripe. Waiting for Stripe's confirmation to add your credits…"}
    </p>
  );
}
