// Session replay in Chromium against the whole product: a candidate runs the tests (fail, then
// pass), types a command in the terminal and finishes; the owner opens the replay from the
// candidate's page, the final files equal what the candidate finished with byte for byte,
// stepping to a test run shows its result, searching the command jumps to it, a deep link
// opens at its moment, the timeline and events list work from the keyboard and pass axe; a
// viewer can replay; another organisation's owner gets a 404.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe.ts";
import { launchBrowser } from "./support/browser.ts";
import { addTeammate, inviteCandidate, signUpVerified, startInterview } from "./support/people.ts";
import { questionByTitle } from "./support/question-bank.ts";
import { printStackLogsOnFailure, startStack, type Stack } from "./support/stack.ts";

let stack: Stack;
printStackLogsOnFailure(() => stack);
let browser: Browser;
let owner: BrowserContext;
let viewer: BrowserContext;
let rival: BrowserContext;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  owner = await signUpVerified(browser, stack.web.url, { name: "Rhea Reviewer", email: "rhea@replay.test", organization: "Replay Co" });
  viewer = await addTeammate(browser, stack.web.url, owner, { name: "Vik Viewer", email: "vik@replay.test", role: "VIEWER" });
  rival = await signUpVerified(browser, stack.web.url, { name: "Ron Rival", email: "ron@rival.test", organization: "Rival Co" });
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** The whole document of the page's (first) editor — see live-room.e2e.test.ts. */
const editorText = (page: Page) =>
  page.locator(".cm-content").first().evaluate((content) => {
    type Node = { root?: { view?: EditorLike }; rootView?: { view?: EditorLike } };
    type EditorLike = { state: { doc: { toString(): string } } };
    const node = (content as unknown as { cmTile?: Node; cmView?: Node }).cmTile ?? (content as unknown as { cmView?: Node }).cmView;
    const view = node?.root?.view ?? node?.rootView?.view;
    if (!view) throw new Error("no CodeMirror view on .cm-content");
    return view.state.doc.toString();
  });
/** xterm.js pauses drawing while the terminal is off screen (IntersectionObserver), so scroll to it first. */
const terminalText = async (page: Page) => {
  await page.locator(".xterm").scrollIntoViewIfNeeded();
  return page.locator(".xterm-rows").innerText();
};
const testsPanel = (page: Page) => page.getByRole("region", { name: "Tests" });

async function openFile(page: Page, name: string) {
  await page.getByRole("tree", { name: "Files" }).getByRole("treeitem", { name, exact: true }).click();
  await page.locator(".cm-content").waitFor();
}

describe("session replay", () => {
  it("replays a recorded interview: final files, test runs, commands, deep links, roles and tenancy", async () => {
    const recruiter = await owner.newPage();
    const { link } = await inviteCandidate(recruiter, stack.web.url, { name: "Cleo Candidate", email: "cleo@cand.test", template: /Backend Python/ });
    const cleo = await startInterview(await browser.newContext(), link);
    const question = questionByTitle((await cleo.locator("#question-title").innerText()).trim());
    const mainFile = question.solution.find((f) => !/test/.test(f.path))!;
    const mainName = mainFile.path.split("/").pop()!;
    await openFile(cleo, mainName);

    // A failing run, a command in the terminal, the solution, a passing run, finish.
    await testsPanel(cleo).getByRole("button", { name: /Run tests/ }).click();
    await testsPanel(cleo).getByText("Some tests failed").first().waitFor({ timeout: 60_000 });
    await cleo.getByRole("textbox", { name: "Terminal" }).focus();
    await cleo.keyboard.type("echo replay-$((6*7))\n");
    await expect.poll(() => terminalText(cleo), { timeout: 20_000 }).toContain("replay-42");
    await openFile(cleo, mainName);
    await cleo.locator(".cm-content").click();
    await cleo.keyboard.press("ControlOrMeta+A");
    await cleo.keyboard.press("Delete");
    await cleo.keyboard.insertText(mainFile.content);
    await testsPanel(cleo).getByRole("button", { name: /Run tests/ }).click();
    await testsPanel(cleo).getByText("All tests passed").first().waitFor({ timeout: 60_000 });
    const finishedWith = await editorText(cleo);
    await cleo.getByRole("button", { name: "Finish", exact: true }).click();
    await cleo.getByRole("button", { name: "Finish interview" }).click();
    await cleo.getByRole("heading", { level: 1 }).filter({ hasText: /thank/i }).waitFor({ timeout: 60_000 });

    // The owner reaches the replay from the candidate's page.
    await recruiter.goto(`${stack.web.url}/app/candidates`);
    await recruiter.getByRole("link", { name: "Cleo Candidate" }).first().click();
    await recruiter.getByRole("link", { name: /Replay the interview/ }).click();
    await recruiter.waitForURL(/\/app\/sessions\/[^/]+\/replay/);
    const replayPath = new URL(recruiter.url()).pathname;
    await recruiter.getByRole("heading", { level: 1, name: "Replay: Cleo Candidate" }).waitFor();
    await recruiter.getByRole("region", { name: "Timeline" }).waitFor();

    // At the end, the main file is exactly what the candidate finished with.
    const scrubber = recruiter.getByRole("slider", { name: "Position" });
    await scrubber.focus();
    await recruiter.keyboard.press("End");
    await openFile(recruiter, mainName);
    await expect.poll(() => editorText(recruiter), { timeout: 20_000 }).toBe(finishedWith);
    // The terminal as it was at the end still shows the command's output.
    await expect.poll(() => terminalText(recruiter), { timeout: 20_000 }).toContain("replay-42");

    // Keyboard: back to the start, then "next test run" twice lands on the passing run.
    await scrubber.focus();
    await recruiter.keyboard.press("Home");
    await recruiter.getByRole("combobox").filter({ hasText: "any kind" }).selectOption("tests");
    await recruiter.getByRole("button", { name: "Next event" }).click();
    await recruiter.getByTestId("replay-latest-run").getByText("failed", { exact: true }).first().waitFor({ timeout: 20_000 });
    await recruiter.getByRole("button", { name: "Next event" }).click();
    await recruiter.getByTestId("replay-latest-run").getByText("passed", { exact: true }).first().waitFor({ timeout: 20_000 });
    const atPassingRun = Number(await scrubber.inputValue());

    // Search the terminal command and jump to it: the terminal shows its output.
    await recruiter.getByLabel("Search commands, AI prompts, files, tests and notes").fill("echo replay");
    await recruiter.getByRole("button", { name: "Search", exact: true }).click();
    const command = recruiter.getByRole("group", { name: "Events list" }).getByRole("button", { name: /echo replay-\$\(\(6\*7\)\)/ }).first();
    await command.focus();
    await recruiter.keyboard.press("Enter");
    // The command came before the passing run: the position moves back to it, where its output
    // is not there yet (Enter is recorded before the shell answers); five seconds on (→) it is.
    await expect.poll(async () => Number(await scrubber.inputValue()), { timeout: 20_000 }).toBeLessThan(atPassingRun);
    await expect.poll(() => terminalText(recruiter), { timeout: 20_000 }).not.toContain("replay-42");
    await command.focus();
    await recruiter.keyboard.press("ArrowRight");
    await expect.poll(() => terminalText(recruiter), { timeout: 20_000 }).toContain("replay-42");
    const shared = new URL(recruiter.url());
    expect(shared.searchParams.get("t")).toMatch(/^\d+$/);

    // The whole page: the app shell and the replay.
    expect(await axeViolations(recruiter)).toEqual([]);

    // A deep link opens at that moment: the same time, the same terminal.
    const deep = await owner.newPage();
    await deep.goto(`${stack.web.url}${replayPath}?t=${shared.searchParams.get("t")}`);
    await expect.poll(() => terminalText(deep), { timeout: 20_000 }).toContain("replay-42");
    const at = (await recruiter.getByTestId("replay-time").innerText()).split(" / ")[0]!;
    await expect.poll(async () => (await deep.getByTestId("replay-time").innerText()).split(" / ")[0]).toBe(at);

    // A viewer can replay; another organisation cannot see the session at all.
    const vik = await viewer.newPage();
    await vik.goto(`${stack.web.url}${replayPath}`);
    await vik.getByRole("heading", { level: 1, name: "Replay: Cleo Candidate" }).waitFor();
    const ron = await rival.newPage();
    const refused = await ron.goto(`${stack.web.url}${replayPath}`);
    expect(refused?.status()).toBe(404);
  }, 600_000);
});
