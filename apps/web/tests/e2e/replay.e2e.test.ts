// Session replay in Chromium against the whole product: a candidate runs the tests (fail, then
// pass), types a command in the terminal (which writes a file) and finishes; the owner reaches
// the replay from Live now while it runs, then from the candidate's page, the assessment's
// candidates and the finished live room; at the end every file equals the workspace's byte for
// byte and her cursor is where she left it; stepping to a test run shows its result, searching
// the command jumps to it, a deep link opens at its moment, probing there runs the hidden tests
// in a new sandbox with a terminal of its own, the timeline and events list work from the
// keyboard and pass axe; a viewer can replay from the candidates list; another
// organisation's owner gets a 404.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe.ts";
import { launchBrowser } from "./support/browser.ts";
import { addTeammate, inviteCandidate, signUpVerified, startInterview } from "./support/people.ts";
import { questionByTitle } from "./support/question-bank.ts";
import WebSocket from "ws";
import { expectReplayEndsAsWorkspace, workspaceFiles } from "./support/replay-check.ts";
import { finishInterview } from "./support/room-pages.ts";
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
    const { link, assessmentPath } = await inviteCandidate(recruiter, stack.web.url, { name: "Cleo Candidate", email: "cleo@cand.test", template: /Backend Python/ });
    const cleo = await startInterview(await browser.newContext(), link);
    const question = questionByTitle((await cleo.locator("#question-title").innerText()).trim());
    const mainFile = question.solution.find((f) => !/test/.test(f.path))!;
    const mainName = mainFile.path.split("/").pop()!;
    await openFile(cleo, mainName);

    // A failing run, a command in the terminal, the solution, a passing run, finish.
    await testsPanel(cleo).getByRole("button", { name: /Run tests/ }).click();
    await testsPanel(cleo).getByText("Some tests failed").first().waitFor({ timeout: 60_000 });
    await cleo.getByRole("textbox", { name: "Terminal" }).focus();
    // The command also writes a file from the terminal: the replay must end with it too.
    await cleo.keyboard.type("echo replay-$((6*7)) | tee scratch.txt\n");
    await expect.poll(() => terminalText(cleo), { timeout: 20_000 }).toContain("replay-42");
    await openFile(cleo, mainName);
    await cleo.locator(".cm-content").click();
    await cleo.keyboard.press("ControlOrMeta+A");
    await cleo.keyboard.press("Delete");
    await cleo.keyboard.insertText(mainFile.content);
    await testsPanel(cleo).getByRole("button", { name: /Run tests/ }).click();
    await testsPanel(cleo).getByText("All tests passed").first().waitFor({ timeout: 60_000 });
    const finishedWith = await editorText(cleo);

    // While she is still in the room, Live now offers the replay so far.
    await recruiter.goto(`${stack.web.url}/app/live`);
    await recruiter.getByRole("link", { name: "Replay so far: Cleo Candidate's interview" }).click();
    await recruiter.waitForURL(/\/app\/sessions\/[^/]+\/replay/);
    await recruiter.getByRole("heading", { level: 1, name: "Replay: Cleo Candidate" }).waitFor();
    const sessionId = decodeURIComponent(new URL(recruiter.url()).pathname.split("/")[3]!);

    await finishInterview(cleo);

    // The owner reaches the replay from the candidate's page.
    await recruiter.goto(`${stack.web.url}/app/candidates`);
    await recruiter.getByRole("link", { name: "Cleo Candidate" }).first().click();
    await recruiter.getByRole("link", { name: /Replay the interview/ }).click();
    await recruiter.waitForURL(/\/app\/sessions\/[^/]+\/replay/);
    const replayPath = new URL(recruiter.url()).pathname;
    expect(replayPath).toBe(`/app/sessions/${sessionId}/replay`);
    await recruiter.getByRole("heading", { level: 1, name: "Replay: Cleo Candidate" }).waitFor();
    await recruiter.getByRole("region", { name: "Timeline" }).waitFor();

    // At the end, every file is exactly what the workspace holds — the file the terminal wrote too.
    expect(await expectReplayEndsAsWorkspace(stack, owner, sessionId)).toEqual(expect.arrayContaining([mainFile.path, "scratch.txt"]));
    // And the page shows it: the main file as the candidate finished it.
    const scrubber = recruiter.getByRole("slider", { name: "Position" });
    await scrubber.focus();
    await recruiter.keyboard.press("End");
    await openFile(recruiter, mainName);
    await expect.poll(() => editorText(recruiter), { timeout: 20_000 }).toBe(finishedWith);
    // Her cursor as she left it — at the end of the text she put in — drawn in the editor and said in words.
    await recruiter.locator(".cm-replayCaret").first().waitFor();
    const lastLine = finishedWith.split("\n").length;
    const lastColumn = finishedWith.length - finishedWith.lastIndexOf("\n");
    await expect.poll(() => recruiter.getByTestId("replay-cursor-line").innerText()).toBe(`Candidate's cursor: at line ${lastLine}, column ${lastColumn}`);
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

    // Probe from that moment: a new sandbox of the owner's runs the visible and hidden tests on
    // the files as they were (the starter, before the solution: they fail), and its terminal is
    // a shell in that sandbox — what is typed there never reaches the candidate's workspace.
    await deep.getByRole("button", { name: /^Open a sandbox at / }).click();
    const probeResult = deep.getByTestId("probe-result");
    await probeResult.waitFor({ timeout: 180_000 });
    await probeResult.getByText("(hidden)").first().waitFor();
    await probeResult.getByRole("button", { name: "Open a terminal in this sandbox" }).click();
    const probeTerminal = deep.getByTestId("probe-terminal");
    const probeScreen = async () => {
      await probeTerminal.locator(".xterm").scrollIntoViewIfNeeded();
      return probeTerminal.locator(".xterm-rows").innerText();
    };
    // The shell's prompt: the PTY is attached (keys typed earlier are queued, but a prompt is
    // the plain sign that the shell is there).
    await expect.poll(probeScreen, { timeout: 60_000 }).toContain("$");
    await probeTerminal.getByRole("textbox", { name: "Terminal", exact: true }).focus();
    await deep.keyboard.type("echo probe-$((2+3)) > probe-was-here.txt; cat probe-was-here.txt; ls\n");
    await expect.poll(probeScreen, { timeout: 30_000 }).toMatch(/^probe-5\s*$/m);
    await expect.poll(probeScreen, { timeout: 30_000 }).toContain(mainName);
    expect(Object.keys((await workspaceFiles(stack, sessionId)).files)).not.toContain("probe-was-here.txt");
    // The terminal's socket opens only from the app's own pages and with a valid ticket.
    const upgradeStatus = (origin: string) =>
      new Promise<number>((resolve, reject) => {
        const socket = new WebSocket(`${stack.web.url.replace(/^http/, "ws")}/api/probe-terminal?ticket=not-a-ticket`, { origin });
        socket.on("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0));
        socket.on("open", () => reject(new Error("the probe terminal opened without a valid ticket")));
        socket.on("error", () => undefined);
      });
    expect(await upgradeStatus("https://evil.example")).toBe(403);
    expect(await upgradeStatus(new URL(stack.web.url).origin)).toBe(401);

    // The assessment's candidates and the finished interview's live room link to the same replay.
    await recruiter.goto(`${stack.web.url}${assessmentPath}`);
    await recruiter.getByRole("link", { name: "Replay Cleo Candidate's interview" }).click();
    await recruiter.waitForURL(`${stack.web.url}${replayPath}`);
    await recruiter.getByRole("heading", { level: 1, name: "Replay: Cleo Candidate" }).waitFor();
    await recruiter.goto(`${stack.web.url}/app/live/${encodeURIComponent(sessionId)}`);
    await recruiter.getByRole("link", { name: "Replay the interview" }).click();
    await recruiter.waitForURL(`${stack.web.url}${replayPath}`);
    await recruiter.getByRole("heading", { level: 1, name: "Replay: Cleo Candidate" }).waitFor();

    // A viewer can replay, reaching it from the candidates list; another organisation cannot
    // see the session at all.
    const vik = await viewer.newPage();
    await vik.goto(`${stack.web.url}/app/candidates`);
    await vik.getByRole("link", { name: "Replay Cleo Candidate's interview" }).click();
    await vik.waitForURL(`${stack.web.url}${replayPath}`);
    await vik.getByRole("heading", { level: 1, name: "Replay: Cleo Candidate" }).waitFor();
    const ron = await rival.newPage();
    const refused = await ron.goto(`${stack.web.url}${replayPath}`);
    expect(refused?.status()).toBe(404);
  }, 600_000);
});
