// The candidate's AI assistant use in their session, on the recruiter's candidate page.
import { EmptyState, Stat, StatGroup } from "@interviewlm/ui";

export interface AiUsageView {
  calls: number;
  tokens: number;
  costMicroUsd: number;
}

export function AiUsagePanel({ usage }: { usage: AiUsageView }) {
  return (
    <section aria-labelledby="ai-usage-heading" className="space-y-3">
      <h2 id="ai-usage-heading" className="text-base font-semibold text-fg">AI assistant use</h2>
      {usage.calls === 0 ? (
        <EmptyState headingLevel={3} title="No AI use" description="The candidate did not use the AI assistant in this session (or AI was off)." />
      ) : (
        <StatGroup>
          <Stat label="Model calls" value={usage.calls.toLocaleString("en")} />
          <Stat label="Tokens" value={usage.tokens.toLocaleString("en")} />
          <Stat label="Cost" value={`$${(usage.costMicroUsd / 1_000_000).toFixed(2)}`} />
        </StatGroup>
      )}
    </section>
  );
}
