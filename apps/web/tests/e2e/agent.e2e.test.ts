// The candidate's AI agent end to end, in Chromium, against the Anthropic wire test server:
// the candidate asks it to make the failing tests pass; it reads the file, rewrites it and
// runs the tests; her editor shows the edit live and the tests pass; two reviewers (the owner
// and a viewer, each in their own browser context) watch the stream, the tool calls and the
// diff; she undoes the edit; the recording has it all in order, and once she finishes the
// replay ends with every file of her workspace, byte for byte.
import { reply, startAnthropicTestServer, type AnthropicTestServer } from "@interviewlm/ai/testing";
import { decodeRecordingEvent, type StoredRecordingEvent } from "@interviewlm/realtime";
import pg from "pg";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe.ts";
import { launchBrowser } from "./support/browser.ts";
import { addTeammate, inviteCandidate, signUpVerified, startInterview } from "./support/people.ts";
import { questionByTitle } from "./support/question-bank.ts";
import { expectReplayEndsAsWorkspace, sessionIdOfCandidate } from "./support/replay-check.ts";
import { agentPanel, askAgent, editorText, finishInterview, openFile, testsPanel, watchInterview } from "./support/room-pages.ts";
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

describe("the candidate's AI agent", () => {
  it("fixes the failing tests live in the editor while two reviewers watch, can be undone, and is recorded", async () => {
    const owner = await signUpVerified(browser, stack.web.url, { name: "Ada Owner", email: "ada@agent.test", organization: "Agent Co" });
    const viewer = await addTeammate(browser, stack.web.url, owner, { name: "Vik Viewer", email: "vik@agent.test", role: "VIEWER" });
    const recruiter = await owner.newPage();
    const { link } = await inviteCandidate(recruiter, stack.web.url, { name: "Cara Candidate", email: "cara@agent.test", template: /Backend Python/ });
    const cara = await startInterview(await browser.newContext(), link);

    const question = questionByTitle((await cara.locator("#question-title").innerText()).trim());
    const mainFile = question.solution.find((f) => !/test/.test(f.path))!;
    const fileName = mainFile.path.split("/").pop()!;
    await openFile(cara, fileName);
    const starter = await editorText(cara);

    // Two reviewers, in their own browser contexts, watch the AI tab.
    const [rhea, vik] = await Promise.all([watchInterview(owner, stack.web.url, "Cara Candidate"), watchInterview(viewer, stack.web.url, "Cara Candidate")]);
    const reviewers = [rhea, vik];
    for (const reviewer of reviewers) {
      await reviewer.getByRole("tab", { name: /^AI/ }).click();
      await agentPanel(reviewer).waitFor();
      await expect(agentPanel(reviewer).getByRole("textbox").count()).resolves.toBe(0);
    }

    anthropic.enqueue(
      reply.toolUse("read_file", { path: mainFile.path }, "Let me read your code first."),
      reply.toolUse("write_file", { path: mainFile.path, content: mainFile.content }),
      reply.toolUse("run_tests", {}),
      // Held after its first streamed piece, so the reviewers are seen to get the answer as it streams.
      reply.text("Fixed — **all tests pass** now:\n\n```python\n# see the diff above\n```", { hold: true }),
    );
    await askAgent(cara, "The tests fail. Please fix my code.");

    // The candidate's editor shows the agent's edit live; the agent's test run passes for everyone.
    // A line the solution has and the starter does not: it shows in the editor and in the diff.
    const solutionLine = mainFile.content.split("\n").find((line) => line.trim().length > 20 && !starter.includes(line))!.trim();
    await expect.poll(() => editorText(cara), { timeout: 60_000 }).toContain(solutionLine);
    await testsPanel(cara).getByText("All tests passed").first().waitFor({ timeout: 90_000 });
    await anthropic.held();
    for (const reviewer of reviewers) {
      await agentPanel(reviewer).getByText("Fixed —").waitFor({ timeout: 30_000 });
      expect(await agentPanel(reviewer).getByText("all tests pass", { exact: true }).count()).toBe(0);
    }
    anthropic.release();
    for (const page of [cara, ...reviewers]) {
      const panel = agentPanel(page);
      await panel.getByText("all tests pass", { exact: true }).waitFor({ timeout: 30_000 });
      await panel.getByText("Let me read your code first.", { exact: true }).waitFor();
      await panel.getByText("The tests fail. Please fix my code.", { exact: true }).waitFor();
      await panel.getByText("Ran the tests", { exact: true }).waitFor();
      await expect(panel.getByLabel("Changes").innerText()).resolves.toContain(solutionLine);
    }
    for (const reviewer of reviewers) expect(await agentPanel(reviewer).getByRole("button", { name: "Undo this edit" }).count()).toBe(0);
    // The conversation with its tool calls, diff and highlighted code passes axe on both sides:
    // the candidate's page and the reviewer's live page with its AI tab open.
    for (const [page, who] of [[cara, "candidate"], [rhea, "reviewer"]] as const) {
      expect(await axeViolations(page), `${who}: axe violations`).toEqual([]);
    }
    // The candidate undoes the edit: her editor is back to the starter.
    await agentPanel(cara).getByRole("button", { name: "Undo this edit" }).click();
    await expect.poll(() => editorText(cara), { timeout: 30_000 }).toBe(starter);
    for (const reviewer of reviewers) await agentPanel(reviewer).getByText("undone", { exact: true }).waitFor({ timeout: 30_000 });

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

    await finishInterview(cara);
    expect(await expectReplayEndsAsWorkspace(stack, owner, await sessionIdOfCandidate(owner, stack.web.url, "Cara Candidate"))).toContain(mainFile.path);
  }, 300_000);
});
