// Rust end to end: a candidate picks Rust on the portal, the room opens the Rust question, a
// cargo test run fails on the starter (todo!()) and passes once she writes a solution, while a
// reviewer watches the same editor and results, and the terminal has Debian's rustc on its PATH;
// once she finishes, the replay ends with every file of her workspace, byte for byte.
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
  owner = await signUpVerified(browser, stack.web.url, { name: "Jo Reviewer", email: "jo@rust.test", organization: "Rust Co" });
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

describe("a Rust interview", () => {
  it("runs Rust tests that fail, then pass, while a reviewer watches", async () => {
    const recruiter = await owner.newPage();
    const { link } = await inviteCandidate(recruiter, stack.web.url, { name: "Ria Ferris", email: "ria@cand.test", template: /Quick screen/ });
    const ria = await startInterviewIn(await browser.newContext(), link, "Rust");

    const question = questionByTitle((await ria.locator("#question-title").innerText()).trim());
    expect(question.slug).toMatch(/^rust-/);
    const mainFile = question.solution.find((f) => f.path === "src/lib.rs")!;
    const fileName = mainFile.path.split("/").pop()!;
    await ria.getByRole("tree", { name: "Files" }).getByRole("treeitem", { name: fileName, exact: true }).waitFor();
    const jo = await watchInterview(owner, stack.web.url, "Ria Ferris");

    // The starter builds and fails its tests (todo!() panics; not a compile error).
    await openFile(ria, fileName);
    await testsPanel(ria).getByRole("button", { name: /Run tests/ }).click();
    await testsPanel(ria).getByText("Some tests failed").first().waitFor({ timeout: 90_000 });
    await testsPanel(jo).getByText("Some tests failed").first().waitFor({ timeout: 30_000 });

    // She writes the solution; the reviewer sees it arrive and the run pass.
    await ria.locator(".cm-content").click();
    await ria.keyboard.press("ControlOrMeta+A");
    await ria.keyboard.press("Delete");
    await ria.keyboard.insertText(mainFile.content);
    await openFile(jo, fileName);
    const marker = mainFile.content.split("\n").find((l) => l.trim().length > 20)!.trim();
    await expect.poll(() => editorText(jo), { timeout: 15_000 }).toContain(marker);
    await testsPanel(ria).getByRole("button", { name: /Run tests/ }).click();
    await testsPanel(ria).getByText("All tests passed").first().waitFor({ timeout: 90_000 });
    await testsPanel(jo).getByText("All tests passed").first().waitFor({ timeout: 30_000 });

    // The terminal has Debian's Rust toolchain.
    await ria.getByRole("textbox", { name: "Terminal" }).focus();
    await ria.keyboard.type("rustc --version\n");
    for (const page of [ria, jo]) await expect.poll(() => terminalText(page), { timeout: 20_000 }).toMatch(/rustc 1\.63\.\d+/);

    await finishInterview(ria);
    expect(await expectReplayEndsAsWorkspace(stack, owner, await sessionIdOfCandidate(owner, stack.web.url, "Ria Ferris"))).toContain(mainFile.path);
  }, 300_000);
});
