import { buttonClasses } from "@interviewlm/ui";
import { Check } from "@interviewlm/ui/icons";
import { Link } from "@remix-run/react";
import { CREDIT_PACKS, formatPackPrice, pricePerAssessment } from "./pricing-plans";
import { Section } from "./section";

export function Pricing() {
  return (
    <Section
      id="pricing"
      eyebrow="Pricing"
      title="Pay per assessment, not per seat"
      intro="Setting up your organisation, assessments and team is free. Buy a credit pack when you are ready to invite candidates."
    >
      <ul className="grid gap-4 md:grid-cols-3">
        {CREDIT_PACKS.map((pack) => (
          <li key={pack.id} className="flex flex-col rounded-xl border border-line bg-surface p-6">
            <h3 className="text-sm font-semibold text-fg">{pack.name}</h3>
            <p className="mt-1 text-sm text-fg-muted">{pack.summary}</p>
            <p className="mt-6 flex items-baseline gap-1.5">
              <span className="text-3xl font-semibold tracking-tight text-fg">{formatPackPrice(pack)}</span>
              <span className="text-sm text-fg-muted">for {pack.credits} credits</span>
            </p>
            <p className="mt-1 text-sm text-accent-fg">{pricePerAssessment(pack)} per assessment</p>
            <ul className="mt-6 flex-1 space-y-2.5">
              {pack.highlights.map((highlight) => (
                <li key={highlight} className="flex gap-2 text-sm text-fg-muted">
                  <Check aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-success-fg" />
                  {highlight}
                </li>
              ))}
            </ul>
            <Link
              to="/signup"
              className={buttonClasses({ variant: "secondary", size: "lg", className: "mt-8 w-full" })}
              aria-label={`Start free, then buy the ${pack.name} pack`}
            >
              Start free
            </Link>
          </li>
        ))}
      </ul>
      <div className="mt-8 rounded-xl border border-line bg-surface px-6 py-5 text-sm text-fg-muted">
        <p>
          <strong className="font-semibold text-fg">1 credit = 1 completed-or-started assessment.</strong> A credit is
          reserved when you invite a candidate and used when they start; if an invitation expires or is revoked before
          the candidate starts, the credit returns to your balance automatically.
        </p>
        <p className="mt-2">Prices in US dollars, before applicable taxes. Payments through Stripe Checkout, with an invoice for every purchase.</p>
        <p className="mt-2">New organisations start with 3 free credits to try it with real candidates.</p>
      </div>
    </Section>
  );
}
