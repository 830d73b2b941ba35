// The AI panel when things go wrong, in Chromium, against the Anthropic wire test server:
// the candidate stops an answer mid-stream; a provider error mid-stream shows a clear message
// and the assistant still answers the next message. A reviewer's AI tab has no input; with AI
// off there is no panel.
import { reply, startAnthropicTestServer, type AnthropicTestServer } from "@interviewlm/ai/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./support/browser.ts";
import { inviteCandidate, signUpVerified, startInterview } from "./support/people.ts";
import { printStackLogsOnFailure, startStack, type Stack } from "./support/stack.ts";

let stack: Stack;
printStackLogsOnFailure(() => stack);
let browser: Browser;
let anthropic: AnthropicTestServer;

beforeAll(async () => {
  anthropic = await startAnthropicTestServer();
  [stack, browser] = await Promise.all([startStack({}, { ANTHROPIC_API_KEY: anthropic.apiKey, ANTHROPIC_BASE_URL: anthropic.baseURL }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await anthropic?.close();
});

const agentPanel = (page: Page) => page.getByRole("region", { name: "AI assistant" });
const composer = (page: Page) => agentPanel(page).getByRole("textbox", { name: "Message the AI assistant" });
async function ask(page: Page, text: string) {
  await composer(page).fill(text);
  await composer(page).press("Enter");
}

describe("the AI panel when an answer is stopped or fails", () => {
  it("stops mid-stream, shows a provider error clearly, keeps working, and gives a reviewer no input", async () => {
    const owner = await signUpVerified(browser, stack.web.url, { name: "Sam Owner", email: "sam@agent-stop.test", organization: "Stop Co" });
    const recruiter = await owner.newPage();
    const { link } = await inviteCandidate(recruiter, stack.web.url, { name: "Cleo Candidate", email: "cleo@agent-stop.test", template: /Backend Python/ });
    const cleo = await startInterview(await browser.newContext(), link);
    await composer(cleo).waitFor();

    // Stop while the answer streams: the turn ends, marked stopped, and the composer is free again.
    anthropic.enqueue(reply.text("Here is a long answer that the candidate will stop halfway through.", { hold: true }));
    await ask(cleo, "Explain the problem.");
    await anthropic.held();
    await agentPanel(cleo).getByRole("button", { name: "Stop" }).click();
    await agentPanel(cleo).getByText("Stopped.", { exact: true }).waitFor({ timeout: 30_000 });
    await expect.poll(() => agentPanel(cleo).getByRole("button", { name: "Stop" }).count(), { timeout: 30_000 }).toBe(0);

    // A provider error mid-stream: a clear message, then the next message is answered.
    anthropic.enqueue(reply.streamError("Partial answer"));
    await ask(cleo, "Try again.");
    await agentPanel(cleo).getByText("The AI provider is overloaded and stopped mid-answer. Try again in a moment.", { exact: true }).waitFor({ timeout: 30_000 });
    anthropic.enqueue(reply.text("Working again."));
    await ask(cleo, "And now?");
    await agentPanel(cleo).getByText("Working again.", { exact: true }).waitFor({ timeout: 30_000 });

    // A reviewer sees the same conversation but cannot prompt.
    const rhea = await owner.newPage();
    await rhea.goto(`${stack.web.url}/app/live`);
    await rhea.getByRole("link", { name: "Watch Cleo Candidate's interview" }).click();
    await rhea.getByRole("tab", { name: /^AI/ }).click();
    await agentPanel(rhea).getByText("Working again.", { exact: true }).waitFor({ timeout: 30_000 });
    expect(await agentPanel(rhea).getByRole("textbox").count()).toBe(0);
  });

  it("shows no AI panel when the assessment's AI assistance is off", async () => {
    const owner = await signUpVerified(browser, stack.web.url, { name: "Olga Owner", email: "olga@agent-off.test", organization: "Off Co" });
    const recruiter = await owner.newPage();
    const { link, assessmentPath } = await inviteCandidate(recruiter, stack.web.url, { name: "Otto Candidate", email: "otto@agent-off.test", template: /Backend Python/ });
    // Nobody has started yet, so the AI setting may still change.
    await recruiter.goto(`${stack.web.url}${assessmentPath}/edit`);
    await recruiter.getByRole("radio", { name: /^Off/ }).check();
    await recruiter.getByRole("button", { name: "Save changes" }).click();
    await recruiter.waitForURL((url) => !url.pathname.endsWith("/edit"));
    const otto = await startInterview(await browser.newContext(), link);
    await otto.locator("#question-title").waitFor();
    expect(await agentPanel(otto).count()).toBe(0);
  });
});
