// The live room with three browsers: the candidate codes, creates a file, runs tests (fail,
// then pass) and uses the terminal while two reviewers watch the same editor, cursor,
// terminal and results; reviewers cannot change anything; notes never reach the candidate;
// closing and reopening the candidate's browser brings everything back; once she finishes, the
// replay ends with every file of her workspace, byte for byte.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./support/browser.ts";
import { addTeammate, inviteCandidate, signUpVerified, startInterview } from "./support/people.ts";
import { questionByTitle } from "./support/question-bank.ts";
import { expectReplayEndsAsWorkspace, sessionIdOfCandidate } from "./support/replay-check.ts";
import { editorText, finishInterview, openFile, terminalText, testsPanel, watchInterview } from "./support/room-pages.ts";
import { printStackLogsOnFailure, startStack, type Stack } from "./support/stack.ts";

let stack: Stack;
printStackLogsOnFailure(() => stack);
let browser: Browser;
let owner: BrowserContext;
let viewer: BrowserContext;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  owner = await signUpVerified(browser, stack.web.url, { name: "Rhea Reviewer", email: "rhea@live.test", organization: "Live Co" });
  viewer = await addTeammate(browser, stack.web.url, owner, { name: "Vik Viewer", email: "vik@live.test", role: "VIEWER" });
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function replaceEditorText(page: Page, text: string) {
  await page.locator(".cm-content").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  // insertText types as one input (no auto-indent), which is what a large edit looks like.
  await page.keyboard.insertText(text);
}

const watch = (context: BrowserContext, candidateName: string) => watchInterview(context, stack.web.url, candidateName);

describe("the live interview room", () => {
  it("lets two reviewers watch everything the candidate does, and nothing more", async () => {
    const recruiter = await owner.newPage();
    const { link } = await inviteCandidate(recruiter, stack.web.url, { name: "Cara Candidate", email: "cara@cand.test", template: /Backend Python/ });
    const candidateContext = await browser.newContext();
    const cara = await startInterview(candidateContext, link);

    // Every WebSocket frame the candidate receives, to prove notes never reach her.
    const candidateFrames: string[] = [];
    cara.on("websocket", (socket) => socket.on("framereceived", (frame) => candidateFrames.push(String(frame.payload))));

    const title = (await cara.locator("#question-title").innerText()).trim();
    const question = questionByTitle(title);
    const mainFile = question.solution.find((f) => !/test/.test(f.path))!;
    await cara.getByRole("tree", { name: "Files" }).getByRole("treeitem", { name: mainFile.path.split("/").pop()!, exact: true }).waitFor();

    const [rhea, vik] = await Promise.all([watch(owner, "Cara Candidate"), watch(viewer, "Cara Candidate")]);
    await rhea.getByRole("group", { name: "People in this session" }).getByRole("img", { name: /Cara Candidate/ }).waitFor();

    // The candidate edits: both reviewers see the text and her cursor.
    await openFile(cara, mainFile.path.split("/").pop()!);
    await cara.locator(".cm-content").click();
    await cara.keyboard.press("ControlOrMeta+End");
    await cara.keyboard.insertText("\n# thinking out loud: first attempt\n");
    for (const reviewer of [rhea, vik]) {
      await openFile(reviewer, mainFile.path.split("/").pop()!);
      await expect.poll(() => editorText(reviewer), { timeout: 15_000 }).toContain("thinking out loud: first attempt");
      await reviewer.locator(".cm-ySelectionCaret").first().waitFor();
    }

    // A new file, created from the file tree.
    await cara.getByRole("button", { name: "New file" }).click();
    await cara.getByRole("dialog").getByLabel("Path").fill("notes.md");
    await cara.getByRole("dialog").getByRole("button", { name: /Create/ }).click();
    for (const reviewer of [rhea, vik]) await reviewer.getByRole("tree", { name: "Files" }).getByRole("treeitem", { name: "notes.md", exact: true }).waitFor();

    // Tests: the starter fails…
    await openFile(cara, mainFile.path.split("/").pop()!);
    await testsPanel(cara).getByRole("button", { name: /Run tests/ }).click();
    await testsPanel(cara).getByText("Some tests failed").first().waitFor({ timeout: 60_000 });
    for (const reviewer of [rhea, vik]) await testsPanel(reviewer).getByText("Some tests failed").first().waitFor({ timeout: 30_000 });

    // …the reference solution passes.
    await replaceEditorText(cara, mainFile.content);
    await expect.poll(() => editorText(rhea), { timeout: 15_000 }).toContain(mainFile.content.split("\n").find((l) => l.trim().length > 20)!.trim());
    await testsPanel(cara).getByRole("button", { name: /Run tests/ }).click();
    await testsPanel(cara).getByText("All tests passed").first().waitFor({ timeout: 60_000 });
    for (const reviewer of [rhea, vik]) await testsPanel(reviewer).getByText("All tests passed").first().waitFor({ timeout: 30_000 });

    // The terminal: a command and its output reach both reviewers.
    await cara.getByRole("textbox", { name: "Terminal" }).focus();
    await cara.keyboard.type("echo live-$((40+2))\n");
    for (const page of [cara, rhea, vik]) await expect.poll(() => terminalText(page), { timeout: 20_000 }).toContain("live-42");

    // Reviewers can change nothing: typing in the editor and the terminal has no effect.
    const before = await editorText(cara);
    await rhea.locator(".cm-content").click();
    await rhea.keyboard.insertText("REVIEWER WAS HERE");
    await rhea.keyboard.type("zzz");
    await rhea.getByRole("textbox", { name: "Candidate's terminal (read-only)" }).focus().catch(() => undefined);
    await rhea.keyboard.type("echo reviewer-typed\n");
    // A barrier, not a pause: the candidate's next command reaches the room and the terminal
    // after anything the reviewer sent; once its output is on both screens, a reviewer's
    // keystrokes would have shown too. (Editor edits would be in the reviewer's own document.)
    await cara.getByRole("textbox", { name: "Terminal" }).focus();
    await cara.keyboard.type("echo barrier-$((1+1))\n");
    for (const page of [cara, rhea]) await expect.poll(() => terminalText(page), { timeout: 20_000 }).toContain("barrier-2");
    expect(await editorText(rhea)).not.toContain("REVIEWER WAS HERE");
    expect(await editorText(cara)).toBe(before);
    expect(await terminalText(cara)).not.toContain("reviewer-typed");

    // A private note: the other reviewer sees it, the candidate never receives it.
    await rhea.getByRole("tab", { name: /Notes/ }).click();
    await vik.getByRole("tab", { name: /Notes/ }).click();
    await rhea.getByLabel("Add a private note").fill("Strong start; check edge cases");
    await rhea.getByRole("button", { name: "Add note" }).click();
    await vik.getByRole("list", { name: "Notes" }).getByText("Strong start; check edge cases").waitFor();
    // Barrier: terminal output the room sends the candidate after the note went out.
    await cara.getByRole("textbox", { name: "Terminal" }).focus();
    await cara.keyboard.type("echo after-$((2+2))\n");
    await expect.poll(() => terminalText(cara), { timeout: 20_000 }).toContain("after-4");
    expect(candidateFrames.some((frame) => frame.includes("Strong start"))).toBe(false);
    expect(await cara.content()).not.toContain("Strong start");

    // Reconnect: close the candidate's browser, open the link again — all there.
    const clockBefore = await cara.getByRole("timer").getAttribute("aria-label");
    await candidateContext.close();
    const again = await browser.newContext();
    const back = await again.newPage();
    await back.goto(link);
    await back.getByRole("link", { name: /Resume interview/ }).click();
    await back.waitForURL(/\/interview$/);
    await back.getByRole("tree", { name: "Files" }).getByRole("treeitem", { name: "notes.md", exact: true }).waitFor();
    await openFile(back, mainFile.path.split("/").pop()!);
    await expect.poll(() => editorText(back), { timeout: 15_000 }).toContain(mainFile.content.split("\n").find((l) => l.trim().length > 20)!.trim());
    await expect.poll(() => terminalText(back), { timeout: 15_000 }).toContain("live-42");
    await testsPanel(back).getByText("All tests passed").first().waitFor();
    expect(clockBefore).toBeTruthy();
    const clockAfter = await back.getByRole("timer").getAttribute("aria-label");
    expect(clockAfter).toMatch(/left|remaining|\d/);

    // She finishes: the replay's files at the end are the workspace's, the new file included.
    await finishInterview(back);
    const compared = await expectReplayEndsAsWorkspace(stack, owner, await sessionIdOfCandidate(owner, stack.web.url, "Cara Candidate"));
    expect(compared).toEqual(expect.arrayContaining([mainFile.path, "notes.md"]));

    await again.close();
    await recruiter.close();
  }, 300_000);
});
