// The judge against the local Anthropic Messages API server: scripted, varied answers check the
// median, spread and flag, the evidence check (dropped claims counted), the forced tool call,
// and that an invalid answer is asked again once and then fails clearly.
import { createAnthropicClient } from "@interviewlm/ai";
import { reply, startAnthropicTestServer, type AnthropicTestServer } from "@interviewlm/ai/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { measureSession } from "../measure/measure-session.ts";
import { hiddenResult, ScriptedSession } from "../testing/scripted-session.ts";
import { JUDGE_TOOL_NAME } from "./judge-output.ts";
import { JudgeError, judgeSession } from "./judge-session.ts";
import { DIMENSIONS } from "./rubric.ts";

const START = Date.UTC(2026, 0, 5, 9, 0, 0);
let server: AnthropicTestServer;

beforeAll(async () => {
  server = await startAnthropicTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

function session() {
  const s = new ScriptedSession(START).starter({ "solution.py": "def solve(items):\n    return sorted(items)\n" });
  s.wait(30_000).type("solution.py", "# keeps duplicates\n");
  s.wait(10_000).runTests(3, 3);
  s.finish();
  const measured = measureSession({ originAt: START, endAt: s.at, events: s.events, questions: [{ position: 0, questionId: "q1", title: "Sort", hiddenTestResult: hiddenResult(4, 4) }] });
  return { events: s.events, measured, testRunSeq: s.events.find((e) => e.type === "tests.finished")!.seq };
}

const goodClaim = (seq: number) => ({ text: "Ran the tests and they passed.", evidence: [{ type: "event", seq }] });
const lineClaim = { text: "Sorts the items.", evidence: [{ type: "lines", path: "solution.py", startLine: 1, endLine: 2, quote: "return   sorted(items)" }] };
const badSeqClaim = { text: "Asked the AI for the answer.", evidence: [{ type: "event", seq: 99_999 }] };
const badQuoteClaim = { text: "Uses a hash map.", evidence: [{ type: "lines", path: "solution.py", startLine: 1, endLine: 2, quote: "dict()" }] };

function answer(levels: Partial<Record<(typeof DIMENSIONS)[number], number>>, claims: unknown[] = []) {
  return reply.toolUse(JUDGE_TOOL_NAME, {
    dimensions: DIMENSIONS.map((dimension) => ({ dimension, level: levels[dimension] ?? 3, rationale: `Level ${levels[dimension] ?? 3} because of what the recording shows.`, claims: dimension === "problem_solving" ? claims : [] })),
  });
}

const client = () => createAnthropicClient({ enabled: true, apiKey: server.apiKey, model: "claude-sonnet-5-5", baseURL: server.baseURL });
const fastRetry = { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 5 };

describe("judgeSession", () => {
  it("keeps the median of three samples with its spread, flags a wide spread and drops claims whose evidence fails", async () => {
    const { events, measured, testRunSeq } = session();
    server.enqueue(
      answer({ code_quality: 4, problem_solving: 3 }, [goodClaim(testRunSeq), badSeqClaim]),
      answer({ code_quality: 2, problem_solving: 3 }, [lineClaim, badQuoteClaim]),
      answer({ code_quality: 3, problem_solving: 4 }, [goodClaim(testRunSeq)]),
    );
    const result = await judgeSession({ client: client(), model: "claude-sonnet-5-5", retry: fastRetry }, { measured, events, originAt: START });
    const cq = result.dimensions.find((d) => d.dimension === "code_quality")!;
    expect(cq).toMatchObject({ level: 3, levels: [4, 2, 3], spread: 2, needsReview: true });
    const ps = result.dimensions.find((d) => d.dimension === "problem_solving")!;
    expect(ps).toMatchObject({ level: 3, spread: 1, needsReview: false });
    // The first sample at the median kept its verified claim, with the moment to link to.
    expect(ps.claims).toEqual([{ text: "Ran the tests and they passed.", evidence: [{ type: "event", seq: testRunSeq, t: events[testRunSeq - 1]!.at - START }] }]);
    expect(result.droppedClaims).toBe(2);
    expect(result.needsReview).toBe(true);
    expect(result).toMatchObject({ model: "claude-sonnet-5-5", promptVersion: "judge-v1", samples: 3 });
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.usage.costMicroUsd).toBeGreaterThan(0);
    // Forced tool use, and the prompt shows the events by seq and the files with line numbers.
    const body = server.requests[0]!.body as { tool_choice: unknown; messages: { content: { text: string }[] }[] };
    expect(body.tool_choice).toEqual({ type: "tool", name: JUDGE_TOOL_NAME });
    expect(body.messages[0]!.content[0]!.text).toContain(`[seq ${testRunSeq} at 00:41] tests finished: passed (3/3 passed)`);
    expect(body.messages[0]!.content[0]!.text).toContain("   2 |     return sorted(items)");
  });

  it("a line claim survives when its quote matches the cited lines", async () => {
    const { events, measured } = session();
    server.enqueue(answer({}, [lineClaim]));
    const result = await judgeSession({ client: client(), model: "claude-sonnet-5-5", samples: 1, retry: fastRetry }, { measured, events, originAt: START });
    expect(result.dimensions.find((d) => d.dimension === "problem_solving")!.claims[0]!.evidence[0]).toMatchObject({ type: "lines", path: "solution.py", startLine: 1, endLine: 2 });
    expect(result.droppedClaims).toBe(0);
  });

  it("asks again once when an answer is invalid", async () => {
    const { events, measured } = session();
    server.enqueue(reply.toolUse(JUDGE_TOOL_NAME, { dimensions: [{ dimension: "code_quality", level: 9, rationale: "x", claims: [] }] }), answer({ communication: 2 }));
    const result = await judgeSession({ client: client(), model: "claude-sonnet-5-5", samples: 1, retry: fastRetry }, { measured, events, originAt: START });
    expect(result.dimensions.find((d) => d.dimension === "communication")!.level).toBe(2);
    expect(server.requests).toHaveLength(2);
  });

  it("fails clearly, not retryable, when the answer is invalid twice", async () => {
    const { events, measured } = session();
    server.enqueue(reply.text("I think the candidate did well."), reply.text("Still no tool call."));
    const error = await judgeSession({ client: client(), model: "claude-sonnet-5-5", samples: 1, retry: fastRetry }, { measured, events, originAt: START }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JudgeError);
    expect((error as JudgeError).retryable).toBe(false);
    expect((error as JudgeError).message).toMatch(/invalid 2 times in a row \(sample 1\): no record_evaluation tool call/);
  });

  it("retries a rate-limited call, and reports a persistent overload as retryable", async () => {
    const { events, measured } = session();
    server.enqueue(reply.rateLimited("0"), answer({}));
    await expect(judgeSession({ client: client(), model: "claude-sonnet-5-5", samples: 1, retry: fastRetry }, { measured, events, originAt: START })).resolves.toMatchObject({ samples: 1 });
    server.enqueue(reply.overloaded("0"), reply.overloaded("0"), reply.overloaded("0"));
    const error = await judgeSession({ client: client(), model: "claude-sonnet-5-5", samples: 1, retry: fastRetry }, { measured, events, originAt: START }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "JudgeError", retryable: true });
  });

  it("refuses an even number of samples before calling anyone", async () => {
    const { events, measured } = session();
    await expect(judgeSession({ client: client(), model: "claude-sonnet-5-5", samples: 2 }, { measured, events, originAt: START })).rejects.toThrow(/odd number of samples/);
    expect(server.requests).toHaveLength(0);
  });
});
