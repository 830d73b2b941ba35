// The judged part of the report in Chromium, with Claude replaced by the local Anthropic
// wire-protocol server (the product makes its real SDK call): the judge reads the interview's
// timeline and final files, answers with claims citing a recorded test run, quoted lines and an
// event that does not exist; the report shows the medians of three samples with their spread, the
// checked claims, says the claims that failed the check were left out, and the claim's evidence opens the replay at the
// cited moment.
import { startAnthropicTestServer, reply, type AnthropicTestServer, type RecordedRequest } from "@interviewlm/ai/testing";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe.ts";
import { launchBrowser } from "./support/browser.ts";
import { inviteCandidate, signUpVerified, startInterview } from "./support/people.ts";
import { printStackLogsOnFailure, startStack, type Stack } from "./support/stack.ts";

let stack: Stack;
printStackLogsOnFailure(() => stack);
let anthropic: AnthropicTestServer;
let browser: Browser;
let owner: BrowserContext;

beforeAll(async () => {
  anthropic = await startAnthropicTestServer();
  [stack, browser] = await Promise.all([
    startStack({ ANTHROPIC_API_KEY: anthropic.apiKey, ANTHROPIC_BASE_URL: anthropic.baseURL, EVALUATION_JUDGE_SAMPLES: "3" }),
    launchBrowser(),
  ]);
  owner = await signUpVerified(browser, stack.web.url, { name: "Jude Judge", email: "jude@judged-report.test", organization: "Judged Co" });
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await anthropic?.close();
});

/** The text the judge was given (the user turn's text blocks). */
function promptOf(request: RecordedRequest): string {
  const messages = request.body.messages as { role: string; content: string | { type: string; text?: string }[] }[];
  return messages
    .filter((message) => message.role === "user")
    .flatMap((message) => (typeof message.content === "string" ? [message.content] : message.content.map((block) => block.text ?? "")))
    .join("\n");
}

/** A judge that cites what this interview really recorded, as Claude would from the prompt. */
function judge(problemSolvingLevel: number) {
  return (request: RecordedRequest) => {
    const prompt = promptOf(request);
    const run = /\[seq (\d+) at (\d\d):(\d\d)\] tests finished/.exec(prompt);
    const file = /=== (\S+) ===\n\s*1 \| (.+)/.exec(prompt);
    if (!run || !file) throw new Error(`the judge's prompt has no test run or file:\n${prompt.slice(0, 2000)}`);
    const level = (dimension: string, value: number, claims: unknown[] = []) => ({ dimension, level: value, rationale: `Scored ${dimension} from the timeline and the final code.`, claims });
    return reply.toolUse("record_evaluation", {
      dimensions: [
        level("code_quality", 2, [{ text: "The final file still starts as the starter did.", evidence: [{ type: "lines", path: file[1], startLine: 1, endLine: 1, quote: file[2]!.trim() }] }]),
        level("problem_solving", problemSolvingLevel, [
          { text: "Ran the tests and read the failures before finishing.", evidence: [{ type: "event", seq: Number(run[1]) }] },
          { text: "Rewrote the parser from scratch.", evidence: [{ type: "event", seq: 987_654 }] },
        ]),
        level("ai_collaboration", 3),
        level("communication", 2),
      ],
    });
  };
}

describe("judged evaluation report", () => {
  it("three judge samples → medians with spread, checked claims, a dropped claim counted, evidence opens the replay at its moment", async () => {
    anthropic.enqueue(judge(2), judge(3), judge(2));
    const recruiter = await owner.newPage();
    const { link } = await inviteCandidate(recruiter, stack.web.url, { name: "Jo Judged", email: "jo@judged-cand.test", template: /Backend Python/ });
    const jo = await startInterview(await browser.newContext(), link);
    const tests = jo.getByRole("region", { name: "Tests" });
    await tests.getByRole("button", { name: /Run tests/ }).click();
    await tests.getByText("Some tests failed").first().waitFor({ timeout: 60_000 });
    await jo.getByRole("button", { name: "Finish", exact: true }).click();
    await jo.getByRole("button", { name: "Finish interview" }).click();
    await jo.getByRole("heading", { level: 1 }).filter({ hasText: /thank/i }).waitFor({ timeout: 60_000 });

    await recruiter.goto(`${stack.web.url}/app/candidates`);
    await recruiter.getByRole("link", { name: "Report on Jo Judged's interview" }).click();
    await recruiter.waitForURL(/\/app\/sessions\/[^/]+\/report/);
    await recruiter.getByRole("heading", { level: 1, name: "Report: Jo Judged" }).waitFor();
    await recruiter.getByText("Evaluated", { exact: true }).waitFor({ timeout: 180_000 });

    // The product asked the judge three times, forcing its tool.
    expect(anthropic.requests).toHaveLength(3);
    expect(anthropic.requests[0]!.body.tool_choice).toEqual({ type: "tool", name: "record_evaluation" });

    const rubric = recruiter.getByRole("region", { name: "Rubric" });
    await rubric.getByRole("heading", { name: "Problem solving: level 2 of 4" }).waitFor();
    expect(await rubric.innerText()).toMatch(/Samples scored 2, 3, 2 \(spread 1 level\)/);
    // Each sample cited the event that does not exist: all three were dropped and counted.
    expect(await rubric.innerText()).toMatch(/3 claims whose evidence did not check out were left out/);
    expect(await rubric.innerText()).not.toContain("Rewrote the parser from scratch.");
    await rubric.getByText("The final file still starts as the starter did.").waitFor();
    expect(await axeViolations(recruiter)).toEqual([]);

    // The claim's evidence opens the replay at the test run it cites.
    const claims = rubric.getByRole("list", { name: "Claims on problem solving" });
    await claims.getByText("Ran the tests and read the failures before finishing.").waitFor();
    const evidence = claims.getByRole("link", { name: /^Replay at / });
    const at = (await evidence.innerText()).replace(/^Replay at /, "");
    await evidence.click();
    await recruiter.waitForURL(/\/replay\?t=/);
    await expect.poll(async () => (await recruiter.getByTestId("replay-time").innerText()).split(" / ")[0], { timeout: 20_000 }).toBe(at);
  }, 600_000);
});
