// A generated question from request to interview, in Chromium, with Claude replaced by the
// local Anthropic wire-protocol server (the product makes its real SDK call) and every check in
// the real sandbox service: the recruiter asks for a question, watches the job's progress,
// reads the verification report, reviews the draft, edits it (verified again), approves it,
// hand-picks it for an assessment, a candidate starts an interview on it; then a variant is
// asked for and cancelled.
import { reply, startAnthropicTestServer, type AnthropicTestServer } from "@interviewlm/ai/testing";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe.ts";
import { launchBrowser } from "./support/browser.ts";
import { devMailbox } from "./support/mailbox.ts";
import { signUpVerified, startInterview } from "./support/people.ts";
import { printStackLogsOnFailure, startStack, type Stack } from "./support/stack.ts";

let stack: Stack;
printStackLogsOnFailure(() => stack);
let anthropic: AnthropicTestServer;
let browser: Browser;
let recruiter: BrowserContext;

const reference = "def count_in_range(nums, lo, hi):\n    count = 0\n    for x in nums:\n        if lo <= x <= hi:\n            count += 1\n    return count\n";
const wrong = (condition: string) => reference.replace("lo <= x <= hi", condition);
const QUESTION = {
  title: "Count in range",
  statement: "# Count in range\n\nWrite `count_in_range(nums, lo, hi)` in `solution.py`: how many numbers of `nums` lie in the **inclusive** range `lo`..`hi`. Numbers may be negative; when `lo > hi` the answer is 0. The range may be 10⁹ wide: do not walk it.",
  topics: ["arrays"],
  estimatedMinutes: 15,
  starterFiles: [{ path: "solution.py", content: "def count_in_range(nums, lo, hi):\n    raise NotImplementedError\n" }],
  referenceSolution: [{ path: "solution.py", content: reference }],
  visibleTests: [{ path: "test_visible.py", content: "from solution import count_in_range\n\n\ndef test_all_inside():\n    assert count_in_range([1, 2, 3], 0, 10) == 3\n\n\ndef test_empty():\n    assert count_in_range([], 0, 1) == 0\n" }],
  hiddenTests: [{
    path: "test_hidden.py",
    content: "from solution import count_in_range\n\n\ndef test_ends():\n    assert count_in_range([0, 5, 10], 0, 10) == 3\n\n\ndef test_point():\n    assert count_in_range([4, 4, 5], 4, 4) == 2\n\n\ndef test_negatives():\n    assert count_in_range([-5, -1, 3], -5, 0) == 2\n\n\ndef test_huge():\n    assert count_in_range(list(range(1000)), -10**9, 10**9) == 1000\n",
  }],
  wrongSolutions: [
    { name: "exclusive-low", kind: "off-by-one", files: [{ path: "solution.py", content: wrong("lo < x <= hi") }] },
    { name: "ignores-negatives", kind: "missing-edge-case", files: [{ path: "solution.py", content: wrong("x >= 0 and lo <= x <= hi") }] },
    { name: "walks-the-range", kind: "wrong-complexity", files: [{ path: "solution.py", content: "def count_in_range(nums, lo, hi):\n    return sum(nums.count(v) for v in range(lo, hi + 1))\n" }] },
  ],
};

beforeAll(async () => {
  anthropic = await startAnthropicTestServer();
  [stack, browser] = await Promise.all([startStack({ ANTHROPIC_API_KEY: anthropic.apiKey, ANTHROPIC_BASE_URL: anthropic.baseURL }), launchBrowser()]);
  recruiter = await signUpVerified(browser, stack.web.url, { name: "Gen Recruiter", email: "gen@generation.test", organization: "Gen Co" });
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await anthropic?.close();
});

describe("generated questions", () => {
  it("generate → live progress → report → review, edit (re-verified), approve → hand-picked in an assessment → a candidate starts on it; a variant cancelled", async () => {
    anthropic.enqueue(reply.toolUse("submit_question", QUESTION), reply.toolUse("submit_solution", { files: [{ path: "solution.py", content: reference }] }));
    const page = await recruiter.newPage();
    await page.goto(`${stack.web.url}/app/questions`);
    await page.getByRole("link", { name: "Generate a question" }).click();
    await page.getByLabel("Role").fill("Backend engineer");
    await page.getByLabel("Topics").fill("arrays, boundaries");
    await page.getByLabel("Difficulty").selectOption("EASY");
    await page.getByLabel("Minutes").fill("20");
    await page.getByRole("button", { name: "Generate" }).click();
    await page.waitForURL(/\/app\/questions\/generations\//);

    // Progress appears while it runs (polled), then the verdict.
    await page.getByRole("list", { name: "Generation progress" }).getByText(/reference/).first().waitFor({ timeout: 120_000 });
    await page.getByText("Verified", { exact: true }).waitFor({ timeout: 300_000 });
    const report = page.getByRole("region", { name: "Verification report" });
    expect(await report.innerText()).toMatch(/wrong solutions caught 3 of 3/i);
    expect(await report.innerText()).toMatch(/An independent solve from the statement passes/);
    expect(anthropic.requests[0]!.body.tool_choice).toEqual({ type: "tool", name: "submit_question" });
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("link", { name: "Review the draft" }).click();
    await page.getByText(/Draft — not used by assessments until approved/).waitFor();
    await page.getByRole("heading", { name: "Hidden tests" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // An edit is verified again before it replaces the draft.
    await page.getByRole("link", { name: "Edit (re-verify)" }).click();
    await page.getByRole("heading", { level: 1, name: "Edit and re-verify" }).waitFor();
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Title").fill("Count in range, edited");
    expect(await axeViolations(page)).toEqual([]);
    anthropic.enqueue(reply.toolUse("submit_solution", { files: [{ path: "solution.py", content: reference }] }));
    await page.getByRole("button", { name: "Save and re-verify" }).click();
    await page.getByText("Re-verifying an edited draft").waitFor();
    await page.getByText("Verified", { exact: true }).waitFor({ timeout: 300_000 });
    // The job page names the question and offers Approve too: wait for the question's own page.
    await page.getByRole("link", { name: "Review the draft" }).click();
    await page.waitForURL((url) => /^\/app\/questions\/[^/]+$/.test(url.pathname) && !url.pathname.startsWith("/app/questions/generations"));
    await page.getByRole("heading", { level: 1, name: "Count in range, edited" }).waitFor();
    await page.waitForLoadState("networkidle");
    await page.getByRole("button", { name: "Approve" }).click();
    await page.getByRole("status").filter({ hasText: /Approved/ }).waitFor();
    await page.getByText(/Draft — not used/).waitFor({ state: "detached" });

    // Hand-pick it for a new assessment.
    await page.goto(`${stack.web.url}/app/assessments/new?start=blank`);
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Title", { exact: true }).fill("Generated screen");
    await page.getByLabel("Role", { exact: true }).fill("Backend engineer");
    await page.getByRole("radio", { name: "Hand-picked" }).check();
    await page.getByRole("group", { name: "Question bank" }).getByRole("checkbox", { name: /Count in range/ }).check();
    await page.getByRole("button", { name: "Create assessment" }).click();
    await page.getByRole("heading", { name: "No candidates yet" }).waitFor();
    await page.getByLabel("…or paste the rows").fill("name,email\nCandy Gen,candy@generation-cand.test");
    await page.getByRole("button", { name: "Invite from CSV" }).click();
    await page.getByRole("status").filter({ hasText: /1 invitation sent/ }).waitFor();
    const link = await devMailbox(stack.web.url)(page, "candy@generation-cand.test", /invited you/, "/i/");

    const candidate = await startInterview(await browser.newContext(), link);
    await candidate.getByText("Count in range").first().waitFor({ timeout: 60_000 });

    // "Make a variant" queues a new job; Cancel stops it (at once, or at its next stage).
    anthropic.enqueue(reply.toolUse("submit_question", { ...QUESTION, title: "Count in window" }), reply.toolUse("submit_solution", { files: [{ path: "solution.py", content: reference }] }));
    await page.goto(`${stack.web.url}/app/questions?source=GENERATED`);
    await page.getByRole("table").getByRole("link", { name: "Count in range, edited" }).click();
    await page.getByRole("button", { name: "Make a variant" }).click();
    await page.waitForURL(/\/app\/questions\/generations\//);
    await page.getByText("Variant of an existing question").waitFor();
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.getByText("Cancelled", { exact: true }).waitFor({ timeout: 120_000 });
  }, 900_000);
});
