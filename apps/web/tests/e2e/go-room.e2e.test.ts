// Go end to end: a candidate picks Go on the portal, the room opens the Go question, a Go test
// run fails on the starter and passes once she writes a solution, while a reviewer watches
// the same editor and results, and the terminal has go on its PATH; once she finishes, the
// replay ends with every file of her workspace, byte for byte.
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
  owner = await signUpVerified(browser, stack.web.url, { name: "Gia Reviewer", email: "gia@go.test", organization: "Go Co" });
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

describe("a Go interview", () => {
  it("runs Go tests that fail, then pass, while a reviewer watches", async () => {
    const recruiter = await owner.newPage();
    const { link } = await inviteCandidate(recruiter, stack.web.url, { name: "Gus Gopher", email: "gus@cand.test", template: /Quick screen/ });
    const gus = await startInterviewIn(await browser.newContext(), link, "Go");

    const question = questionByTitle((await gus.locator("#question-title").innerText()).trim());
    expect(question.slug).toMatch(/^go-/);
    const mainFile = question.solution.find((f) => f.path.endsWith(".go") && !f.path.endsWith("_test.go"))!;
    const fileName = mainFile.path.split("/").pop()!;
    await gus.getByRole("tree", { name: "Files" }).getByRole("treeitem", { name: fileName, exact: true }).waitFor();
    const gia = await watchInterview(owner, stack.web.url, "Gus Gopher");

    // The starter builds and fails its tests (not a compile error).
    await openFile(gus, fileName);
    await testsPanel(gus).getByRole("button", { name: /Run tests/ }).click();
    await testsPanel(gus).getByText("Some tests failed").first().waitFor({ timeout: 90_000 });
    await testsPanel(gia).getByText("Some tests failed").first().waitFor({ timeout: 30_000 });

    // She writes the solution; the reviewer sees it arrive and the run pass.
    await gus.locator(".cm-content").click();
    await gus.keyboard.press("ControlOrMeta+A");
    await gus.keyboard.press("Delete");
    await gus.keyboard.insertText(mainFile.content);
    await openFile(gia, fileName);
    const marker = mainFile.content.split("\n").find((l) => l.trim().length > 20)!.trim();
    await expect.poll(() => editorText(gia), { timeout: 15_000 }).toContain(marker);
    await testsPanel(gus).getByRole("button", { name: /Run tests/ }).click();
    await testsPanel(gus).getByText("All tests passed").first().waitFor({ timeout: 90_000 });
    await testsPanel(gia).getByText("All tests passed").first().waitFor({ timeout: 30_000 });

    // The terminal has the Go toolchain.
    await gus.getByRole("textbox", { name: "Terminal" }).focus();
    await gus.keyboard.type("go version\n");
    for (const page of [gus, gia]) await expect.poll(() => terminalText(page), { timeout: 20_000 }).toMatch(/go version go1\.\d+/);

    await finishInterview(gus);
    expect(await expectReplayEndsAsWorkspace(stack, owner, await sessionIdOfCandidate(owner, stack.web.url, "Gus Gopher"))).toContain(mainFile.path);
  }, 300_000);
});
