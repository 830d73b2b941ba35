// Java end to end: a candidate picks Java on the portal, the room opens the Java question, a
// JUnit run fails on the starter and passes once he writes a solution, while a reviewer watches
// the same editor and results, and the terminal has javac on its PATH; once he finishes, the
// replay ends with every file of his workspace, byte for byte.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./support/browser.ts";
import { inviteCandidate, signUpVerified } from "./support/people.ts";
import { questionByTitle } from "./support/question-bank.ts";
import { expectReplayEndsAsWorkspace, sessionIdOfCandidate } from "./support/replay-check.ts";
import { editorText, finishInterview, openFile, terminalText, testsPanel, watchInterview } from "./support/room-pages.ts";
import { printStackLogsOnFailure, startStack, type Stack } from "./support/stack.ts";

let stack: Stack;
printStackLogsOnFailure(() => stack);
let browser: Browser;
let owner: BrowserContext;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  owner = await signUpVerified(browser, stack.web.url, { name: "Jo Reviewer", email: "jo@java.test", organization: "Java Co" });
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** The portal's start, choosing a language among the assessment's. */
async function startInterviewIn(context: BrowserContext, link: string, language: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(link);
  await page.getByText(/code ran in your sandbox/).waitFor({ timeout: 120_000 });
  await page.getByRole("radio", { name: language, exact: true }).check();
  await page.getByRole("checkbox", { name: "I agree to the recording described above" }).check();
  await page.getByRole("button", { name: "Start the interview" }).click();
  await page.waitForURL(/\/interview$/);
  return page;
}

describe("a Java interview", () => {
  it("runs Java tests that fail, then pass, while a reviewer watches", async () => {
    const recruiter = await owner.newPage();
    const { link } = await inviteCandidate(recruiter, stack.web.url, { name: "Jay Bean", email: "jay@cand.test", template: /Quick screen/ });
    const jay = await startInterviewIn(await browser.newContext(), link, "Java");

    const question = questionByTitle((await jay.locator("#question-title").innerText()).trim());
    expect(question.slug).toMatch(/^java-/);
    const mainFile = question.solution.find((f) => f.path.endsWith(".java") && !/Tests?\.java$/.test(f.path))!;
    const fileName = mainFile.path.split("/").pop()!;
    await jay.getByRole("tree", { name: "Files" }).getByRole("treeitem", { name: fileName, exact: true }).waitFor();
    const jo = await watchInterview(owner, stack.web.url, "Jay Bean");

    // The starter compiles and fails its tests (not a compile error).
    await openFile(jay, fileName);
    await testsPanel(jay).getByRole("button", { name: /Run tests/ }).click();
    await testsPanel(jay).getByText("Some tests failed").first().waitFor({ timeout: 90_000 });
    await testsPanel(jo).getByText("Some tests failed").first().waitFor({ timeout: 30_000 });

    // He writes the solution; the reviewer sees it arrive and the run pass.
    await jay.locator(".cm-content").click();
    await jay.keyboard.press("ControlOrMeta+A");
    await jay.keyboard.press("Delete");
    await jay.keyboard.insertText(mainFile.content);
    await openFile(jo, fileName);
    const marker = mainFile.content.split("\n").find((l) => l.trim().length > 20)!.trim();
    await expect.poll(() => editorText(jo), { timeout: 15_000 }).toContain(marker);
    await testsPanel(jay).getByRole("button", { name: /Run tests/ }).click();
    await testsPanel(jay).getByText("All tests passed").first().waitFor({ timeout: 90_000 });
    await testsPanel(jo).getByText("All tests passed").first().waitFor({ timeout: 30_000 });

    // The terminal has the JDK.
    await jay.getByRole("textbox", { name: "Terminal" }).focus();
    await jay.keyboard.type("javac -version\n");
    for (const page of [jay, jo]) await expect.poll(() => terminalText(page), { timeout: 20_000 }).toMatch(/javac 17\.\d+/);

    await finishInterview(jay);
    expect(await expectReplayEndsAsWorkspace(stack, owner, await sessionIdOfCandidate(owner, stack.web.url, "Jay Bean"))).toContain(mainFile.path);
  }, 300_000);
});
