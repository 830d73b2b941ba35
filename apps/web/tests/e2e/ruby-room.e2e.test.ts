// Ruby end to end: a candidate picks Ruby on the portal, the room opens the Ruby question with
// Ruby highlighting, a Minitest run fails on the starter and passes once she writes a solution,
// while a reviewer watches the same editor and results; the terminal has ruby and runs the
// visible tests Minitest's own way, as the statement says; once she finishes, the replay ends
// with every file of her workspace, byte for byte.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./support/browser.ts";
import { inviteCandidate, signUpVerified } from "./support/people.ts";
import { questionByTitle } from "./support/question-bank.ts";
import { expectReplayEndsAsWorkspace, sessionIdOfCandidate } from "./support/replay-check.ts";
import { editorText, finishInterview, openFile, terminalText, testsPanel, typeInTerminal, watchInterview } from "./support/room-pages.ts";
import { printStackLogsOnFailure, startStack, type Stack } from "./support/stack.ts";

let stack: Stack;
printStackLogsOnFailure(() => stack);
let browser: Browser;
let owner: BrowserContext;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  owner = await signUpVerified(browser, stack.web.url, { name: "Jo Reviewer", email: "jo@ruby.test", organization: "Ruby Co" });
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

/** How long the sandbox said the last run took ("in 1.2 s"), for the log: never asserted. */
const runTime = async (page: Page) => (await testsPanel(page).getByText(/^in /).first().innerText()).trim();

describe("a Ruby interview", () => {
  it("runs Minitest tests that fail, then pass, while a reviewer watches", async () => {
    const recruiter = await owner.newPage();
    const { link } = await inviteCandidate(recruiter, stack.web.url, { name: "Ruth Gem", email: "ruth@cand.test", template: /Quick screen/ });
    const ruth = await startInterviewIn(await browser.newContext(), link, "Ruby");

    const question = questionByTitle((await ruth.locator("#question-title").innerText()).trim());
    expect(question.slug).toMatch(/^ruby-/);
    const mainFile = question.solution.find((f) => f.path.endsWith(".rb") && !/(^|\/)(test_[^/]*|[^/]*_test)\.rb$/.test(f.path))!;
    const fileName = mainFile.path.split("/").pop()!;
    await ruth.getByRole("tree", { name: "Files" }).getByRole("treeitem", { name: fileName, exact: true }).waitFor();
    const jo = await watchInterview(owner, stack.web.url, "Ruth Gem");

    // The starter loads and fails its tests (not a load error), with Ruby highlighting.
    await openFile(ruth, fileName);
    await expect.poll(() => ruth.locator(".cm-content").getAttribute("data-language")).toBe("ruby");
    await testsPanel(ruth).getByRole("button", { name: /Run tests/ }).click();
    await testsPanel(ruth).getByText("Some tests failed").first().waitFor({ timeout: 90_000 });
    await testsPanel(jo).getByText("Some tests failed").first().waitFor({ timeout: 30_000 });
    console.info(`ruby room: the starter's run, ${await runTime(ruth)}`);

    // She writes the solution; the reviewer sees it arrive and the run pass.
    await ruth.locator(".cm-content").click();
    await ruth.keyboard.press("ControlOrMeta+A");
    await ruth.keyboard.press("Delete");
    await ruth.keyboard.insertText(mainFile.content);
    await openFile(jo, fileName);
    const marker = mainFile.content.split("\n").find((l) => l.trim().length > 20)!.trim();
    await expect.poll(() => editorText(jo), { timeout: 15_000 }).toContain(marker);
    await testsPanel(ruth).getByRole("button", { name: /Run tests/ }).click();
    await testsPanel(ruth).getByText("All tests passed").first().waitFor({ timeout: 90_000 });
    await testsPanel(jo).getByText("All tests passed").first().waitFor({ timeout: 30_000 });
    console.info(`ruby room: the solution's run, ${await runTime(ruth)}`);

    // The terminal has Ruby and runs the visible tests Minitest's own way.
    await typeInTerminal(ruth, "ruby --version");
    for (const page of [ruth, jo]) await expect.poll(() => terminalText(page), { timeout: 20_000 }).toMatch(/ruby 3\.\d+/);
    const testFile = fileName.replace(/\.rb$/, "_test.rb");
    await typeInTerminal(ruth, `ruby -I. ${testFile}`);
    await expect.poll(() => terminalText(ruth), { timeout: 30_000 }).toMatch(/\d+ runs, \d+ assertions, 0 failures, 0 errors/);

    await finishInterview(ruth);
    expect(await expectReplayEndsAsWorkspace(stack, owner, await sessionIdOfCandidate(owner, stack.web.url, "Ruth Gem"))).toContain(mainFile.path);
  }, 300_000);
});
