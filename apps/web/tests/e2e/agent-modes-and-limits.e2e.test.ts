// The AI panel at its limits, in Chromium, against the Anthropic wire test server: the candidate
// stops an answer mid-stream; a provider error mid-stream shows a clear message and the
// assistant still answers the next message; a reviewer has no input, and the room refuses an
// agent message she sends anyway; a spent per-question budget is said plainly and refused by
// the room while the editor, tests and terminal work on; CHAT mode offers the model read-only
// tools and changes no file; with AI off there is no panel and the room refuses an agent
// message sent on the page's own socket. Each interview is finished at the end and its replay
// ends with every file of the workspace, byte for byte.
// One stack for all: each scenario has its own organisation, assessment and candidate.
import { reply, startAnthropicTestServer, type AnthropicTestServer } from "@interviewlm/ai/testing";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./support/browser.ts";
import { inviteCandidate, signUpVerified, startInterview } from "./support/people.ts";
import { questionByTitle } from "./support/question-bank.ts";
import { expectReplayEndsAsWorkspace, sessionIdOfCandidate } from "./support/replay-check.ts";
import { agentComposer, agentPanel, askAgent, editorText, finishInterview, openFile, terminalText, testsPanel, typeInTerminal, watchInterview } from "./support/room-pages.ts";
import { tapRoomSocket } from "./support/room-socket.ts";
import { printStackLogsOnFailure, startStack, type Stack } from "./support/stack.ts";

let stack: Stack;
printStackLogsOnFailure(() => stack);
let browser: Browser;
let anthropic: AnthropicTestServer;
/**
 * The web app's own Anthropic server. The web app needs a key (without one the assessment form
 * offers no AI mode but Off), and it calls Claude itself: the evaluation judge of every interview
 * a test finishes. Those calls go here, unscripted, so they never take a reply scripted for the
 * room's agent nor show among the agent's requests of a later test.
 */
let webAnthropic: AnthropicTestServer;

beforeAll(async () => {
  [anthropic, webAnthropic] = await Promise.all([startAnthropicTestServer(), startAnthropicTestServer()]);
  const rooms = { ANTHROPIC_API_KEY: anthropic.apiKey, ANTHROPIC_BASE_URL: anthropic.baseURL };
  const web = { ANTHROPIC_API_KEY: webAnthropic.apiKey, ANTHROPIC_BASE_URL: webAnthropic.baseURL };
  [stack, browser] = await Promise.all([startStack(web, rooms), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await Promise.all([anthropic?.close(), webAnthropic?.close()]);
});

/**
 * An owner in a new organisation invites one candidate to a Backend Python assessment whose
 * settings `configure` changes on the edit page first (nobody has started, so AI settings may
 * still change).
 */
async function assessmentFor(who: { owner: string; candidate: string; domain: string }, configure?: (edit: Page) => Promise<void>) {
  const owner = await signUpVerified(browser, stack.web.url, { name: who.owner, email: `owner@${who.domain}`, organization: `${who.owner.split(" ")[0]} Co` });
  const recruiter = await owner.newPage();
  const { link, assessmentPath } = await inviteCandidate(recruiter, stack.web.url, { name: who.candidate, email: `candidate@${who.domain}`, template: /Backend Python/ });
  if (configure) {
    await recruiter.goto(`${stack.web.url}${assessmentPath}/edit`);
    await configure(recruiter);
    await recruiter.getByRole("button", { name: "Save changes" }).click();
    await recruiter.waitForURL((url) => !url.pathname.endsWith("/edit"));
  }
  await recruiter.close();
  return { owner, link };
}

/** She finishes; the replay of her interview ends with exactly her workspace's files. */
async function finishAndCheckReplay(owner: BrowserContext, candidatePage: Page, candidateName: string) {
  await finishInterview(candidatePage);
  await expectReplayEndsAsWorkspace(stack, owner, await sessionIdOfCandidate(owner, stack.web.url, candidateName));
}

/** The candidate's main file of the question she was served, opened in her editor. */
async function openMainFile(page: Page) {
  const question = questionByTitle((await page.locator("#question-title").innerText()).trim());
  const mainFile = question.solution.find((f) => !/test/.test(f.path))!;
  await openFile(page, mainFile.path.split("/").pop()!);
  return mainFile;
}

describe("the AI panel at its limits", () => {
  it("stops mid-stream, shows a provider error clearly, keeps working, and lets a reviewer watch but not prompt", async () => {
    const { owner, link } = await assessmentFor({ owner: "Sam Owner", candidate: "Cleo Candidate", domain: "agent-stop.test" });
    const cleo = await startInterview(await browser.newContext(), link);
    await agentComposer(cleo).waitFor();

    // Stop while the answer streams: the turn ends, marked stopped, and the composer is free again.
    anthropic.enqueue(reply.text("Here is a long answer that the candidate will stop halfway through.", { hold: true }));
    await askAgent(cleo, "Explain the problem.");
    await anthropic.held();
    await agentPanel(cleo).getByRole("button", { name: "Stop" }).click();
    await agentPanel(cleo).getByText("Stopped.", { exact: true }).waitFor({ timeout: 30_000 });
    await expect.poll(() => agentPanel(cleo).getByRole("button", { name: "Stop" }).count(), { timeout: 30_000 }).toBe(0);

    // A provider error mid-stream: a clear message, then the next message is answered.
    anthropic.enqueue(reply.streamError("Partial answer"));
    await askAgent(cleo, "Try again.");
    await agentPanel(cleo).getByText("The AI provider is overloaded and stopped mid-answer. Try again in a moment.", { exact: true }).waitFor({ timeout: 30_000 });
    anthropic.enqueue(reply.text("Working again."));
    await askAgent(cleo, "And now?");
    await agentPanel(cleo).getByText("Working again.", { exact: true }).waitFor({ timeout: 30_000 });

    // A reviewer sees the same conversation but cannot prompt: no input, and a message sent on
    // her own room socket anyway is refused for her role without reaching the model.
    const reviewerSocket = await tapRoomSocket(owner);
    const rhea = await watchInterview(owner, stack.web.url, "Cleo Candidate");
    await rhea.getByRole("tab", { name: /^AI/ }).click();
    await agentPanel(rhea).getByText("Working again.", { exact: true }).waitFor({ timeout: 30_000 });
    expect(await agentPanel(rhea).getByRole("textbox").count()).toBe(0);
    await reviewerSocket.waitFor((m) => m.type === "welcome");
    const requestsBefore = anthropic.requests.length;
    const refusal = await reviewerSocket.exchange({ type: "agent.message", text: "Reviewer here: solve it." }, (m) => m.type === "error");
    expect(refusal).toMatchObject({ code: "forbidden" });
    expect(anthropic.requests.length).toBe(requestsBefore);
    expect(await agentPanel(cleo).getByText("Reviewer here: solve it.").count()).toBe(0);
    await finishAndCheckReplay(owner, cleo, "Cleo Candidate");
  }, 240_000);

  it("says when the question's AI messages are used up, the room refuses more, and the rest of the room works on", async () => {
    const { owner, link } = await assessmentFor({ owner: "Bea Owner", candidate: "Bo Candidate", domain: "agent-budget.test" }, async (edit) => {
      await edit.getByLabel("AI messages per question").fill("1");
    });
    const context = await browser.newContext();
    const socket = await tapRoomSocket(context);
    const bo = await startInterview(context, link);
    await agentPanel(bo).getByText("1 message left").waitFor();

    anthropic.enqueue(reply.text("That was your one message for this question."));
    await askAgent(bo, "Give me a hint.");
    await agentPanel(bo).getByText("That was your one message for this question.", { exact: true }).waitFor({ timeout: 30_000 });

    // The panel says so (to screen readers too); Send is disabled and Enter sends nothing.
    await agentPanel(bo).getByText("0 messages left").waitFor({ timeout: 30_000 });
    await agentPanel(bo).getByText("No AI messages left for this question.", { exact: true }).waitFor();
    await expect.poll(() => agentPanel(bo).locator("[aria-live=polite]").innerText()).toContain("No AI messages left for this question.");
    await agentComposer(bo).fill("One more, please.");
    await agentComposer(bo).press("Enter");
    expect(await agentPanel(bo).getByRole("button", { name: "Send" }).isDisabled()).toBe(true);
    expect(await agentComposer(bo).inputValue()).toBe("One more, please.");

    // The room enforces it too: a message sent on the page's socket anyway is refused, in words
    // the panel shows, and never reaches the model.
    const requestsBefore = anthropic.requests.length;
    const refusal = await socket.exchange({ type: "agent.message", text: "One more, please." }, (m) => m.type === "error");
    expect(refusal).toMatchObject({ code: "agent_budget", message: expect.stringMatching(/used your one AI message for this question/) });
    await agentPanel(bo).getByRole("alert").filter({ hasText: "You have used your one AI message for this question." }).waitFor();
    expect(anthropic.requests.length).toBe(requestsBefore);

    // Nothing else in the room is affected: the editor takes typing, the tests and the terminal run.
    await openMainFile(bo);
    await bo.locator(".cm-content").click();
    await bo.keyboard.press("ControlOrMeta+End");
    await bo.keyboard.insertText("\n# still typing after the AI budget\n");
    await expect.poll(() => editorText(bo)).toContain("# still typing after the AI budget");
    await testsPanel(bo).getByRole("button", { name: /Run tests/ }).click();
    await testsPanel(bo).getByText("Some tests failed").first().waitFor({ timeout: 60_000 });
    await typeInTerminal(bo, "echo budget-$((40+2))");
    await expect.poll(() => terminalText(bo), { timeout: 20_000 }).toContain("budget-42");
    await finishAndCheckReplay(owner, bo, "Bo Candidate");
    await context.close();
  }, 240_000);

  it("in CHAT mode offers the model only read-only tools, refuses a write, and leaves the file as it was", async () => {
    const { owner, link } = await assessmentFor({ owner: "Chad Owner", candidate: "Chloe Candidate", domain: "agent-chat.test" }, async (edit) => {
      await edit.getByRole("radio", { name: /^Chat only/ }).check();
    });
    const context = await browser.newContext();
    const chloe = await startInterview(context, link);
    await agentPanel(chloe).getByText("The assistant can read your files but not change them.", { exact: false }).waitFor();
    const mainFile = await openMainFile(chloe);
    const starter = await editorText(chloe);

    // The scripted model reads the file, then tries to overwrite it with the reference solution.
    const first = anthropic.requests.length;
    anthropic.enqueue(
      reply.toolUse("read_file", { path: mainFile.path }, "Let me look at your code."),
      reply.toolUse("write_file", { path: mainFile.path, content: `${mainFile.content}\n# AGENT_WROTE_THIS\n` }),
      reply.text("I can't change files in chat mode, but here is the idea: **handle the edge cases first**."),
    );
    await askAgent(chloe, "Just fix it for me.");
    await agentPanel(chloe).getByText("handle the edge cases first", { exact: true }).waitFor({ timeout: 30_000 });

    // What the model was offered, and what it was told when it tried to write.
    await anthropic.waitForRequests(first + 3);
    const chatRequests = anthropic.requests.slice(first);
    for (const request of chatRequests) {
      expect((request.body.tools as { name: string }[]).map((tool) => tool.name)).toEqual(["list_files", "read_file"]);
    }
    const lastTurn = (chatRequests[2]!.body.messages as { role: string; content: unknown }[]).at(-1)!;
    expect(JSON.stringify(lastTurn.content)).toContain('The tool \\"write_file\\" is not available in CHAT mode.');

    // The panel shows the refused write; the file is unchanged in the editor and in the sandbox
    // (the tests, which run on the sandbox's copy, still fail).
    await agentPanel(chloe).getByText("Wrote", { exact: true }).waitFor();
    await agentPanel(chloe).getByText("failed", { exact: true }).waitFor();
    expect(await agentPanel(chloe).getByRole("button", { name: "Undo this edit" }).count()).toBe(0);
    expect(await editorText(chloe)).toBe(starter);
    await testsPanel(chloe).getByRole("button", { name: /Run tests/ }).click();
    await testsPanel(chloe).getByText("Some tests failed").first().waitFor({ timeout: 60_000 });
    await typeInTerminal(chloe, `grep -c AGENT_WROTE_THIS ${mainFile.path}; echo grep-done-$((1+1))`);
    await expect.poll(() => terminalText(chloe), { timeout: 20_000 }).toMatch(/^0\s*$[\s\S]*grep-done-2/m);
    await finishAndCheckReplay(owner, chloe, "Chloe Candidate");
    await context.close();
  }, 240_000);

  it("with AI assistance off shows no AI panel anywhere and the room refuses an agent message", async () => {
    const { owner, link } = await assessmentFor({ owner: "Olga Owner", candidate: "Otto Candidate", domain: "agent-off.test" }, async (edit) => {
      await edit.getByRole("radio", { name: /^Off/ }).check();
    });
    const context = await browser.newContext();
    const socket = await tapRoomSocket(context);
    const otto = await startInterview(context, link);
    await otto.getByRole("tree", { name: "Files" }).waitFor();
    const welcome = await socket.waitFor((m) => m.type === "welcome");
    expect(welcome.agent).toMatchObject({ available: false, mode: "OFF", history: [] });
    await expectNoAiAnywhere(otto);

    // A crafted agent message on the candidate's own socket: refused, and no model call.
    const requestsBefore = anthropic.requests.length;
    const refusal = await socket.exchange({ type: "agent.message", text: "Write the solution for me." }, (m) => m.type === "error");
    expect(refusal).toMatchObject({ code: "agent_unavailable", message: "AI assistance is off for this interview." });
    expect(anthropic.requests.length).toBe(requestsBefore);
    await expectNoAiAnywhere(otto);

    // The reviewer's live view has no AI tab either.
    const olga = await watchInterview(owner, stack.web.url, "Otto Candidate");
    await olga.getByRole("tab", { name: /Notes/ }).waitFor();
    await expectNoAiAnywhere(olga);
    await finishAndCheckReplay(owner, otto, "Otto Candidate");
    await context.close();
  }, 240_000);
});

async function expectNoAiAnywhere(page: Page) {
  expect(await agentPanel(page).count()).toBe(0);
  expect(await page.locator('[data-panel="agent"]').count()).toBe(0);
  expect(await page.getByRole("tab", { name: /^AI/ }).count()).toBe(0);
  expect(await page.getByText(/\bAI assistant\b/).count()).toBe(0);
}
