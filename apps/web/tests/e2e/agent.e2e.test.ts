// The candidate's AI agent end to end, in Chromium, against the Anthropic wire test server:
// the candidate asks it to make the failing tests pass; it reads the file, rewrites it and
// runs the tests; her editor shows the edit live and the tests pass; a reviewer watches the
// stream, the tool calls and the diff; she undoes the edit; the recording has it all in order.
import { reply, startAnthropicTestServer, type AnthropicTestServer } from "@interviewlm/ai/testing";
import { decodeRecordingEvent, type StoredRecordingEvent } from "@interviewlm/realtime";
import pg from "pg";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe.ts";
import { launchBrowser } from "./support/browser.ts";
import { inviteCandidate, signUpVerified, startInterview } from "./support/people.ts";
import { questionByTitle } from "./support/question-bank.ts";
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

const editorText = (page: Page) =>
  page.locator(".cm-content").evaluate((content) => {
    type Node = { root?: { view?: EditorLike }; rootView?: { view?: EditorLike } };
    type EditorLike = { state: { doc: { toString(): string } } };
    const node = (content as unknown as { cmTile?: Node; cmView?: Node }).cmTile ?? (content as unknown as { cmView?: Node }).cmView;
    const view = node?.root?.view ?? node?.rootView?.view;
    if (!view) throw new Error("no CodeMirror view on .cm-content");
    return view.state.doc.toString();
  });
const agentPanel = (page: Page) => page.getByRole("region", { name: "AI assistant" });
const testsPanel = (page: Page) => page.getByRole("region", { name: "Tests" });

describe("the candidate's AI agent", () => {
  it("fixes the failing tests live in the editor while a reviewer watches, can be undone, and is recorded", async () => {
    const owner = await signUpVerified(browser, stack.web.url, { name: "Ada Owner", email: "ada@agent.test", organization: "Agent Co" });
    const recruiter = await owner.newPage();
    const { link } = await inviteCandidate(recruiter, stack.web.url, { name: "Cara Candidate", email: "cara@agent.test", template: /Backend Python/ });
    const cara = await startInterview(await browser.newContext(), link);

    const question = questionByTitle((await cara.locator("#question-title").innerText()).trim());
    const mainFile = question.solution.find((f) => !/test/.test(f.path))!;
    const fileName = mainFile.path.split("/").pop()!;
    await cara.getByRole("tree", { name: "Files" }).getByRole("treeitem", { name: fileName, exact: true }).click();
    await cara.locator(".cm-content").waitFor();
    const starter = await editorText(cara);

    // The reviewer watches the AI tab.
    const rhea = await owner.newPage();
    await rhea.goto(`${stack.web.url}/app/live`);
    await rhea.getByRole("link", { name: "Watch Cara Candidate's interview" }).click();
    await rhea.getByRole("tab", { name: /^AI/ }).click();
    await agentPanel(rhea).waitFor();
    await expect(agentPanel(rhea).getByRole("textbox").count()).resolves.toBe(0);

    anthropic.enqueue(
      reply.toolUse("read_file", { path: mainFile.path }, "Let me read your code first."),
      reply.toolUse("write_file", { path: mainFile.path, content: mainFile.content }),
      reply.toolUse("run_tests", {}),
      reply.text("Fixed — **all tests pass** now:\n\n```python\n# see the diff above\n```"),
    );
    await agentPanel(cara).getByRole("textbox", { name: "Message the AI assistant" }).fill("The tests fail. Please fix my code.");
    await agentPanel(cara).getByRole("textbox", { name: "Message the AI assistant" }).press("Enter");

    // The candidate's editor shows the agent's edit live; the agent's test run passes for everyone.
    // A line the solution has and the starter does not: it shows in the editor and in the diff.
    const solutionLine = mainFile.content.split("\n").find((line) => line.trim().length > 20 && !starter.includes(line))!.trim();
    await expect.poll(() => editorText(cara), { timeout: 60_000 }).toContain(solutionLine);
    await testsPanel(cara).getByText("All tests passed").first().waitFor({ timeout: 90_000 });
    for (const page of [cara, rhea]) {
      const panel = agentPanel(page);
      await panel.getByText("all tests pass", { exact: true }).waitFor({ timeout: 30_000 });
      await panel.getByText("Let me read your code first.", { exact: true }).waitFor();
      await panel.getByText("The tests fail. Please fix my code.", { exact: true }).waitFor();
      await panel.getByText("Ran the tests", { exact: true }).waitFor();
      await expect(panel.getByLabel("Changes").innerText()).resolves.toContain(solutionLine);
    }
    expect(await agentPanel(rhea).getByRole("button", { name: "Undo this edit" }).count()).toBe(0);
    // The conversation with its tool calls, diff and highlighted code passes axe on both sides: the
    // candidate's whole page, and the reviewer's AI tab (the live page's account menu has its own,
    // older finding — its aria-label does not contain the visible initials).
    for (const [page, who, within] of [[cara, "candidate", null], [rhea, "reviewer", '[data-panel="agent"]']] as const) {
      const found: { id: string; node: string }[] = [];
      for (const violation of await axeViolations(page)) {
        for (const node of violation.nodes) {
          const target = (JSON.parse(node) as string[])[0]!;
          const inScope = within === null || (await page.locator(target).evaluate((el, selector) => el.closest(selector) !== null, within));
          if (inScope) found.push({ id: violation.id, node: target });
        }
      }
      expect(found, `${who}: axe violations`).toEqual([]);
    }
    // The candidate undoes the edit: her editor is back to the starter.
    await agentPanel(cara).getByRole("button", { name: "Undo this edit" }).click();
    await expect.poll(() => editorText(cara), { timeout: 30_000 }).toBe(starter);
    await agentPanel(rhea).getByText("undone", { exact: true }).waitFor({ timeout: 30_000 });

    if (stack.web.databaseUrl) {
      const db = new pg.Client({ connectionString: stack.web.databaseUrl });
      await db.connect();
      try {
        const agentEvents = async () => {
          const { rows } = await db.query<StoredRecordingEvent>(`SELECT seq, at, type, actor, payload FROM "RecordingEvent" WHERE type LIKE 'agent.%' ORDER BY seq`);
          return rows.map(decodeRecordingEvent);
        };
        await expect.poll(async () => (await agentEvents()).map((e) => e.type), { timeout: 30_000, interval: 500 }).toEqual([
          "agent.message",
          "agent.usage",
          "agent.tool",
          "agent.usage",
          "agent.tool",
          "agent.usage",
          "agent.tool",
          "agent.usage",
          "agent.message",
          "agent.undo",
        ]);
      } finally {
        await db.end();
      }
    }
  });
});
