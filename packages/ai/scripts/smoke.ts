// `npm run smoke:ai`: one real tool-using conversation against the real Anthropic API (or
// ANTHROPIC_BASE_URL), through the same client, loop and tools the rooms use, on a throwaway
// directory with a failing test. Skipped, saying so, when ANTHROPIC_API_KEY is not set.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AGENT_PROMPT_VERSION,
  AgentToolbox,
  aiConfigFromEnv,
  BudgetTracker,
  buildAgentSystemPrompt,
  createAnthropicClient,
  DEFAULT_AGENT_BUDGET,
  formatUsd,
  NOTHING_SPENT,
  runAgentTurn,
} from "../src/index.ts";
import { DirectoryWorkspace } from "../src/testing/directory-workspace.ts";

const config = aiConfigFromEnv(process.env);
if (!config.enabled) {
  console.log(`smoke:ai skipped — ${config.reason}`);
  process.exit(0);
}

const dir = await mkdtemp(join(tmpdir(), "smoke-ai-"));
try {
  await writeFile(join(dir, "package.json"), '{ "type": "module" }\n');
  await writeFile(join(dir, "sum.js"), "export function sum(a, b) {\n  return a - b;\n}\n");
  await writeFile(join(dir, "sum.test.js"), 'import test from "node:test";\nimport assert from "node:assert";\nimport { sum } from "./sum.js";\ntest("adds", () => assert.equal(sum(2, 3), 5));\n');
  const budget = new BudgetTracker({ ...DEFAULT_AGENT_BUDGET, tokensPerSession: 200_000, costMicroUsdPerSession: 1_000_000 }, NOTHING_SPENT);
  console.log(`smoke:ai — model ${config.model} at ${config.baseURL}`);
  const result = await runAgentTurn({
    client: createAnthropicClient(config),
    model: config.model,
    promptVersion: AGENT_PROMPT_VERSION,
    system: buildAgentSystemPrompt({ mode: "AGENT", helpLevel: "SOLVE", question: { title: "Sum", statement: "Make `sum(a, b)` return the sum.", language: "javascript" } }),
    toolbox: new AgentToolbox({ mode: "AGENT", workspace: new DirectoryWorkspace(dir, "node --test"), secrets: [] }),
    history: [],
    userText: "The test fails. Read the code, fix it, and run the tests to confirm.",
    budget,
    signal: AbortSignal.timeout(180_000),
    onEvent: (event) => {
      if (event.type === "text") process.stdout.write(event.delta);
      else if (event.type === "tool_start") console.log(`\n→ ${event.name} ${JSON.stringify(event.input)}`);
      else if (event.type === "tool_end") console.log(`← ${event.isError ? "error" : "ok"} in ${event.durationMs} ms`);
      else if (event.type === "usage") console.log(`\n[usage] in ${event.usage.inputTokens} out ${event.usage.outputTokens} cache r/w ${event.usage.cacheReadInputTokens}/${event.usage.cacheCreationInputTokens} ttft ${event.usage.timeToFirstTokenMs} ms total ${event.usage.totalMs} ms stop ${event.usage.stopReason} cost ${event.usage.costMicroUsd === null ? "unpriced" : formatUsd(event.usage.costMicroUsd)}`);
      else if (event.type === "retrying") console.log(`[retrying] attempt ${event.attempt} in ${event.delayMs} ms: ${event.reason}`);
    },
  });
  const fixed = (await readFile(join(dir, "sum.js"), "utf8")).includes("a + b");
  console.log(`\nsmoke:ai — outcome ${result.outcome}${result.message ? ` (${result.message})` : ""}; file fixed: ${fixed}; session cost ${formatUsd(budget.spent.sessionCostMicroUsd)}`);
  if (result.outcome !== "completed" || !fixed) process.exitCode = 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}
