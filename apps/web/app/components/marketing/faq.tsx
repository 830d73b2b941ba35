import { ChevronDown } from "@interviewlm/ui/icons";
import { FAQ_ITEMS } from "./faq-items";
import { Section } from "./section";

/** Native <details>/<summary>: keyboard- and screen-reader-friendly with no JavaScript. */
export function Faq() {
  return (
    <Section id="faq" eyebrow="FAQ" title="Questions, answered">
      <div className="divide-y divide-line rounded-xl border border-line bg-surface">
        {FAQ_ITEMS.map((item) => (
          <details key={item.question} className="group px-6">
            <summary className="flex list-none items-center justify-between gap-4 py-4 text-sm font-medium text-fg marker:hidden [&::-webkit-details-marker]:hidden">
              <h3>{item.question}</h3>
              <ChevronDown
                aria-hidden="true"
                className="size-4 shrink-0 text-fg-muted transition-transform group-open:rotate-180"
              />
            </summary>
            <p className="max-w-3xl pb-5 text-sm leading-6 text-fg-muted">{item.answer}</p>
          </details>
        ))}
      </div>
    </Section>
  );
}
