import { mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { MessageParam } from "@anthropic-ai/sdk/resources/messages";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createAnthropicClient } from "../client.ts";
import { AGENT_PROMPT_VERSION, buildAgentSystemPrompt, type AgentMode } from "../prompts.ts";
import { DirectoryWorkspace, reply, startAnthropicTestServer, type AnthropicTestServer } from "../testing/index.ts";
import { AgentToolbox } from "../tools/toolbox.ts";
import { runAgentTurn, type AgentEvent } from "./agent-loop.ts";
import { BudgetTracker, DEFAULT_AGENT_BUDGET, NOTHING_SPENT } from "./budget.ts";

let server: AnthropicTestServer;
let dir: string;
const FAST_RETRY = { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 50 };

beforeEach(async () => {
  server = await startAnthropicTestServer();
  dir = await mkdtemp(join(tmpdir(), "agent-loop-"));
  await mkdir(join(dir, "src"));
  await writeFile(join(dir, "package.json"), '{ "type": "module" }\n');
  await writeFile(join(dir, "src/sum.js"), "export function sum(a, b) {\n  return a - b;\n}\n");
  await writeFile(join(dir, "src/sum.test.js"), 'import test from "node:test";\nimport assert from "node:assert";\nimport { sum } from "./sum.js";\ntest("adds", () => assert.equal(sum(2, 3), 5));\n');
});
afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

function turn(options: { text: string; mode?: AgentMode; history?: MessageParam[]; budget?: BudgetTracker; signal?: AbortSignal; events?: AgentEvent[]; maxSteps?: number }) {
  const mode = options.mode ?? "AGENT";
  const events = options.events ?? [];
  return runAgentTurn({
    client: createAnthropicClient({ enabled: true, apiKey: server.apiKey, baseURL: server.baseURL, model: "claude-sonnet-5-5" }),
    model: "claude-sonnet-5-5",
    promptVersion: AGENT_PROMPT_VERSION,
    system: buildAgentSystemPrompt({ mode, helpLevel: "SOLVE", question: { title: "Sum", statement: "Make sum add.", language: "javascript" } }),
    toolbox: new AgentToolbox({ mode, workspace: new DirectoryWorkspace(dir), secrets: [] }),
    history: options.history ?? [],
    userText: options.text,
    budget: options.budget ?? new BudgetTracker(DEFAULT_AGENT_BUDGET, NOTHING_SPENT),
    signal: options.signal ?? new AbortController().signal,
    onEvent: (event) => events.push(event),
    retry: FAST_RETRY,
    ...(options.maxSteps ? { maxSteps: options.maxSteps } : {}),
  });
}

describe("an agent turn", () => {
  it("reads the file, edits it, runs the tests and answers, streaming text and reporting every tool call", async () => {
    server.enqueue(
      reply.toolUse("read_file", { path: "src/sum.js" }, "Let me read it."),
      reply.toolUse("edit_file", { path: "src/sum.js", old_string: "return a - b;", new_string: "return a + b;" }),
      reply.toolUse("run_tests", {}),
      reply.text("Fixed: `sum` subtracted instead of adding.", { usage: { input_tokens: 900, output_tokens: 40, cache_read_input_tokens: 2000 } }),
    );
    const events: AgentEvent[] = [];
    const result = await turn({ text: "The test fails, fix it", events });

    expect(result.outcome).toBe("completed");
    expect(await readFile(join(dir, "src/sum.js"), "utf8")).toContain("return a + b;");
    const tools = events.filter((event) => event.type === "tool_end");
    expect(tools.map((event) => [event.name, event.isError])).toEqual([["read_file", false], ["edit_file", false], ["run_tests", false]]);
    expect(tools[0]!.output).toContain("return a - b;");
    expect(tools[1]!.edit?.diff).toContain("-  return a - b;\n+  return a + b;");
    expect(tools[2]!.output).toMatch(/fail 0/);
    expect(events.filter((event) => event.type === "text").map((event) => event.delta).join("")).toBe("Let me read it.Fixed: `sum` subtracted instead of adding.");
    // Every tool_start comes before its tool_end, in order.
    expect(events.filter((event) => event.type === "tool_start" || event.type === "tool_end").map((event) => event.type)).toEqual(["tool_start", "tool_end", "tool_start", "tool_end", "tool_start", "tool_end"]);

    const usages = events.filter((event) => event.type === "usage").map((event) => event.usage);
    expect(usages).toHaveLength(4);
    expect(usages[3]).toMatchObject({ model: "claude-sonnet-5-5", promptVersion: AGENT_PROMPT_VERSION, inputTokens: 900, outputTokens: 40, cacheReadInputTokens: 2000, stopReason: "end_turn", retries: 0 });
    // $2/MTok in, $10/MTok out, cache reads at a tenth of input: 1800 + 400 + 400 micro-dollars.
    expect(usages[3]!.costMicroUsd).toBe(2600);
    expect(usages[3]!.timeToFirstTokenMs).not.toBeNull();

    expect(result.history.map((message) => message.role)).toEqual(["user", "assistant", "user", "assistant", "user", "assistant", "user", "assistant"]);
  });

  it("caches tools, system prompt and conversation, and never sends sampling parameters", async () => {
    server.enqueue(reply.toolUse("list_files", {}), reply.text("Two files."));
    await turn({ text: "What is here?" });
    for (const { body } of server.requests) {
      expect(body).not.toHaveProperty("temperature");
      expect(body).not.toHaveProperty("top_p");
      expect(body).not.toHaveProperty("top_k");
      expect(body.stream).toBe(true);
      const tools = body.tools as { name: string; cache_control?: unknown }[];
      expect(tools.at(-1)!.cache_control).toEqual({ type: "ephemeral" });
      expect((body.system as { cache_control?: unknown }[])[0]!.cache_control).toEqual({ type: "ephemeral" });
      const last = (body.messages as { content: { cache_control?: unknown }[] }[]).at(-1)!;
      expect(last.content.at(-1)!.cache_control).toEqual({ type: "ephemeral" });
    }
    // The breakpoint on the conversation moves: the earlier user message carries none any more.
    const second = server.requests[1]!.body.messages as { content: { cache_control?: unknown }[] }[];
    expect(second[0]!.content[0]!.cache_control).toBeUndefined();
  });

  it("offers CHAT only the read-only tools and refuses a write the model asks for anyway", async () => {
    server.enqueue(reply.toolUse("write_file", { path: "src/sum.js", content: "gone" }), reply.text("I cannot change files."));
    const events: AgentEvent[] = [];
    const result = await turn({ text: "Rewrite it", mode: "CHAT", events });
    expect((server.requests[0]!.body.tools as { name: string }[]).map((tool) => tool.name)).toEqual(["list_files", "read_file"]);
    expect(events.find((event) => event.type === "tool_end")).toMatchObject({ isError: true, output: expect.stringMatching(/not available in CHAT/) });
    expect(await readFile(join(dir, "src/sum.js"), "utf8")).toContain("return a - b;");
    expect(result.outcome).toBe("completed");
    expect(buildAgentSystemPrompt({ mode: "CHAT", helpLevel: "GUIDE", question: null })).toMatch(/cannot change anything/);
  });

  it("stops mid-stream when aborted, closes the provider stream, and leaves a history the next turn can send", async () => {
    server.enqueue(reply.text("A long answer that the candidate will stop half way", { hold: true }));
    const controller = new AbortController();
    const events: AgentEvent[] = [];
    const pending = turn({ text: "Explain everything", signal: controller.signal, events });
    await server.held();
    await until(() => events.some((event) => event.type === "text"));
    controller.abort();
    const result = await pending;
    await server.clientClosed();
    expect(result.outcome).toBe("stopped");
    expect(events.find((event) => event.type === "usage")).toMatchObject({ usage: { stopReason: null } });

    server.enqueue(reply.text("Short answer."));
    const next = await turn({ text: "Shorter please", history: result.history });
    expect(next.outcome).toBe("completed");
  });

  it("stops between tool calls when aborted during one, answering every tool_use", async () => {
    server.enqueue(reply.message([{ type: "tool_use", name: "run_command", input: { command: "sleep 30" } }, { type: "tool_use", name: "list_files", input: {} }]));
    const controller = new AbortController();
    const events: AgentEvent[] = [];
    const pending = turn({ text: "Wait a bit", signal: controller.signal, events });
    await until(() => events.some((event) => event.type === "tool_start"));
    controller.abort();
    const result = await pending;
    expect(result.outcome).toBe("stopped");
    server.enqueue(reply.text("ok"));
    // The server refuses a history with an unanswered tool_use: this passing proves both were answered.
    expect((await turn({ text: "go on", history: result.history })).outcome).toBe("completed");
  });

  it("retries 429 and 529 before the stream starts, honouring retry-after, and tells the candidate", async () => {
    server.enqueue(reply.rateLimited("0"), reply.overloaded("0"), reply.text("Here you are."));
    const events: AgentEvent[] = [];
    const result = await turn({ text: "hello", events });
    expect(result.outcome).toBe("completed");
    expect(events.filter((event) => event.type === "retrying").map((event) => event.attempt)).toEqual([1, 2]);
    expect(events.find((event) => event.type === "usage")).toMatchObject({ usage: { retries: 2 } });
  });

  it("gives up after the retries with a clear message", async () => {
    server.enqueue(reply.overloaded(), reply.overloaded(), reply.overloaded(), reply.overloaded());
    const result = await turn({ text: "hello" });
    expect(result).toMatchObject({ outcome: "provider_error", failureKind: "overloaded", message: expect.stringMatching(/overloaded/i) });
    expect(server.requests).toHaveLength(4);
  });

  it("does not retry once the stream started: an error mid-stream ends the turn and keeps what was said", async () => {
    server.enqueue(reply.streamError("Part of an"));
    const result = await turn({ text: "hello" });
    expect(result).toMatchObject({ outcome: "provider_error", failureKind: "stream_error", message: expect.stringMatching(/mid-answer/) });
    expect(server.requests).toHaveLength(1);
    expect(JSON.stringify(result.history.at(-1))).toContain("Part of an");
  });

  it("refuses a message past the per-question limit without calling the model", async () => {
    const budget = new BudgetTracker({ ...DEFAULT_AGENT_BUDGET, messagesPerQuestion: 1 }, NOTHING_SPENT);
    server.enqueue(reply.text("one"));
    expect((await turn({ text: "first", budget })).outcome).toBe("completed");
    const second = await turn({ text: "second", budget });
    expect(second).toMatchObject({ outcome: "budget", message: expect.stringMatching(/used your one AI message for this question/) });
    expect(server.requests).toHaveLength(1);
    budget.newQuestion();
    server.enqueue(reply.text("again"));
    expect((await turn({ text: "next question", budget })).outcome).toBe("completed");
  });

  it("stops calling the model when the session's token or cost budget is spent", async () => {
    const budget = new BudgetTracker({ ...DEFAULT_AGENT_BUDGET, tokensPerSession: 1000 }, NOTHING_SPENT);
    // The first call spends 1200 tokens and asks for a tool; the loop must not make a second call.
    server.enqueue(reply.message([{ type: "tool_use", name: "list_files", input: {} }], { usage: { input_tokens: 1190, output_tokens: 10 } }));
    const first = await turn({ text: "spend", budget });
    expect(first).toMatchObject({ outcome: "budget", message: expect.stringMatching(/budget for this interview is spent/) });
    expect(server.requests).toHaveLength(1);
    expect(budget.spent.sessionTokens).toBe(1200);
    expect(budget.messageRefusal()).toMatch(/budget/);

    const costly = new BudgetTracker({ ...DEFAULT_AGENT_BUDGET, costMicroUsdPerSession: 1000 }, { messagesThisQuestion: 0, sessionTokens: 0, sessionCostMicroUsd: 1000 });
    expect((await turn({ text: "hi", budget: costly })).outcome).toBe("budget");
    expect(server.requests).toHaveLength(1);
  });

  it("ends a turn that takes too many steps", async () => {
    server.enqueue(reply.toolUse("list_files", {}), reply.toolUse("list_files", {}));
    const result = await turn({ text: "loop", maxSteps: 2 });
    expect(result).toMatchObject({ outcome: "max_steps", message: expect.stringMatching(/more than 2 steps/) });
    server.enqueue(reply.text("done"));
    expect((await turn({ text: "continue", history: result.history })).outcome).toBe("completed");
  });
});

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}
