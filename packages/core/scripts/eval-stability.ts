// `npm run eval:stability [-- <runs>]`: evaluates the validity fixtures (strong solo, weak solo,
// careful AI, over-reliance, paste-heavy) <runs> times (default 3) against the real Anthropic
// API (or ANTHROPIC_BASE_URL) with the judge the job uses, and prints per fixture and dimension
// the levels, median and spread, plus dropped claims and cost. Skipped, saying so, without
// ANTHROPIC_API_KEY. docs/decisions/0140.
import { aiConfigFromEnv, createAnthropicClient, formatUsd } from "@interviewlm/ai";
import { DIMENSIONS, judgeSession, measureSession } from "../src/evaluation/index.ts";
import { FIXTURE_START, validityFixtures } from "../src/evaluation/testing/validity-fixtures.ts";

const config = aiConfigFromEnv(process.env);
if (!config.enabled) {
  console.log(`eval:stability skipped — ${config.reason}`);
  process.exit(0);
}
const runs = Number(process.argv[2] ?? 3);
if (!Number.isInteger(runs) || runs < 1 || runs > 20) {
  console.error(`eval:stability: runs must be a whole number from 1 to 20 (got ${process.argv[2]}).`);
  process.exit(2);
}

const client = createAnthropicClient(config, { timeoutMs: 5 * 60_000 });
console.log(`eval:stability — model ${config.model} at ${config.baseURL}, ${runs} run(s) of 3 samples per fixture`);
let cost = 0;
for (const fixture of validityFixtures()) {
  const measured = measureSession({ originAt: FIXTURE_START, endAt: fixture.endAt, events: fixture.events, questions: fixture.questions });
  const medians: Record<string, number[]> = Object.fromEntries(DIMENSIONS.map((d) => [d, []]));
  const samples: Record<string, string[]> = Object.fromEntries(DIMENSIONS.map((d) => [d, []]));
  let dropped = 0;
  let flagged = 0;
  for (let run = 0; run < runs; run++) {
    const result = await judgeSession({ client, model: config.model }, { measured, events: fixture.events, originAt: FIXTURE_START });
    for (const d of result.dimensions) {
      medians[d.dimension]!.push(d.level);
      samples[d.dimension]!.push(d.levels.join(","));
    }
    dropped += result.droppedClaims;
    if (result.needsReview) flagged++;
    cost += result.usage.costMicroUsd ?? 0;
  }
  console.log(`\n${fixture.name}: ${dropped} claim(s) dropped, ${flagged}/${runs} run(s) flagged for review`);
  for (const d of DIMENSIONS) {
    const levels = medians[d]!;
    const sorted = [...levels].sort((a, b) => a - b);
    // Within a run: the samples behind its median; across runs: how far the medians move.
    console.log(`  ${d.padEnd(18)} samples ${samples[d]!.join(" | ")}  run medians ${levels.join(" ")}  median ${sorted[Math.floor(sorted.length / 2)]}  spread across runs ${sorted.at(-1)! - sorted[0]!}`);
  }
}
console.log(`\nTotal cost: ${formatUsd(cost)}`);
