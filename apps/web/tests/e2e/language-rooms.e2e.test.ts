// The newer languages end to end, one stack for all: for each, a candidate picks the language on
// the portal, the room opens that language's question with its highlighting, a test run fails on
// the starter (it builds: not a compile or load error) and passes once the candidate writes a
// solution, while a reviewer watches the same editor and results; the terminal has the toolchain
// on its PATH (and, where the statement says so, runs the visible tests the tool's own way); once
// the candidate finishes, the replay ends with every file of the workspace, byte for byte.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./support/browser.ts";
import { inviteCandidate, signUpVerified } from "./support/people.ts";
import { questionByTitle } from "./support/question-bank.ts";
import { expectReplayEndsAsWorkspace, sessionIdOfCandidate } from "./support/replay-check.ts";
import { editorText, finishInterview, openFile, terminalText, testsPanel, typeInTerminal, watchInterview } from "./support/room-pages.ts";
import { printStackLogsOnFailure, startStack, type Stack } from "./support/stack.ts";

interface LanguageRoom {
  /** The portal's radio label. */
  label: string;
  slugPrefix: string;
  /** CodeMirror's `data-language` for the solution file. */
  editorLanguage: string;
  /** The solution file the candidate rewrites (not a test file). */
  isSolutionFile: (path: string) => boolean;
  versionCommand: string;
  versionPattern: RegExp;
  /** The visible tests run by hand in the terminal, when the statement tells candidates how. */
  terminalTests?: { command: (solutionFile: string) => string; passed: RegExp };
  candidate: { name: string; email: string };
}

const LANGUAGES: LanguageRoom[] = [
  {
    label: "Go",
    slugPrefix: "go-",
    editorLanguage: "go",
    isSolutionFile: (path) => path.endsWith(".go") && !path.endsWith("_test.go"),
    versionCommand: "go version",
    versionPattern: /go version go1\.\d+/,
    candidate: { name: "Gus Gopher", email: "gus@cand.test" },
  },
  {
    label: "Java",
    slugPrefix: "java-",
    editorLanguage: "java",
    isSolutionFile: (path) => path.endsWith(".java") && !/Tests?\.java$/.test(path),
    versionCommand: "javac -version",
    versionPattern: /javac 17\.\d+/,
    candidate: { name: "Jay Bean", email: "jay@cand.test" },
  },
  {
    label: "Ruby",
    slugPrefix: "ruby-",
    editorLanguage: "ruby",
    isSolutionFile: (path) => path.endsWith(".rb") && !/(^|\/)(test_[^/]*|[^/]*_test)\.rb$/.test(path),
    versionCommand: "ruby --version",
    versionPattern: /ruby 3\.\d+/,
    terminalTests: { command: (solutionFile) => `ruby -I. ${solutionFile.replace(/\.rb$/, "_test.rb")}`, passed: /\d+ runs, \d+ assertions, 0 failures, 0 errors/ },
    candidate: { name: "Ruth Gem", email: "ruth@cand.test" },
  },
  {
    label: "C++",
    slugPrefix: "cpp-",
    editorLanguage: "cpp",
    isSolutionFile: (path) => path.endsWith(".cpp") && !path.endsWith("_test.cpp"),
    versionCommand: "g++ --version",
    versionPattern: /g\+\+ \(Debian 12\.\d/,
    candidate: { name: "Cy Plus", email: "cy@cand.test" },
  },
  {
    label: "Rust",
    slugPrefix: "rust-",
    editorLanguage: "rust",
    isSolutionFile: (path) => path === "src/lib.rs",
    versionCommand: "rustc --version",
    versionPattern: /rustc 1\.63\.\d+/,
    candidate: { name: "Ria Crab", email: "ria@cand.test" },
  },
];

let stack: Stack;
printStackLogsOnFailure(() => stack);
let browser: Browser;
let owner: BrowserContext;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  owner = await signUpVerified(browser, stack.web.url, { name: "Lea Reviewer", email: "lea@languages.test", organization: "Polyglot Co" });
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

describe.each(LANGUAGES)("a $label interview", (language) => {
  it("runs tests that fail, then pass, while a reviewer watches", async () => {
    const recruiter = await owner.newPage();
    const { link } = await inviteCandidate(recruiter, stack.web.url, { ...language.candidate, template: /Quick screen/ });
    const candidate = await startInterviewIn(await browser.newContext(), link, language.label);

    const question = questionByTitle((await candidate.locator("#question-title").innerText()).trim());
    expect(question.slug.startsWith(language.slugPrefix)).toBe(true);
    const mainFile = question.solution.find((file) => language.isSolutionFile(file.path))!;
    const fileName = mainFile.path.split("/").pop()!;
    await candidate.getByRole("tree", { name: "Files" }).getByRole("treeitem", { name: fileName, exact: true }).waitFor();
    const reviewer = await watchInterview(owner, stack.web.url, language.candidate.name);

    // The starter builds and fails its tests (not a compile or load error).
    await openFile(candidate, fileName);
    await expect.poll(() => candidate.locator(".cm-content").getAttribute("data-language")).toBe(language.editorLanguage);
    await testsPanel(candidate).getByRole("button", { name: /Run tests/ }).click();
    await testsPanel(candidate).getByText("Some tests failed").first().waitFor({ timeout: 90_000 });
    await testsPanel(reviewer).getByText("Some tests failed").first().waitFor({ timeout: 30_000 });

    // The candidate writes the solution; the reviewer sees it arrive and the run pass.
    await candidate.locator(".cm-content").click();
    await candidate.keyboard.press("ControlOrMeta+A");
    await candidate.keyboard.press("Delete");
    await candidate.keyboard.insertText(mainFile.content);
    await openFile(reviewer, fileName);
    const marker = mainFile.content.split("\n").find((line) => line.trim().length > 20)!.trim();
    await expect.poll(() => editorText(reviewer), { timeout: 15_000 }).toContain(marker);
    await testsPanel(candidate).getByRole("button", { name: /Run tests/ }).click();
    await testsPanel(candidate).getByText("All tests passed").first().waitFor({ timeout: 90_000 });
    await testsPanel(reviewer).getByText("All tests passed").first().waitFor({ timeout: 30_000 });

    // The terminal has the toolchain.
    await typeInTerminal(candidate, language.versionCommand);
    for (const page of [candidate, reviewer]) await expect.poll(() => terminalText(page), { timeout: 20_000 }).toMatch(language.versionPattern);
    if (language.terminalTests) {
      await typeInTerminal(candidate, language.terminalTests.command(fileName));
      await expect.poll(() => terminalText(candidate), { timeout: 30_000 }).toMatch(language.terminalTests.passed);
    }

    await finishInterview(candidate);
    const sessionId = await sessionIdOfCandidate(owner, stack.web.url, language.candidate.name);
    expect(await expectReplayEndsAsWorkspace(stack, owner, sessionId)).toContain(mainFile.path);
    await Promise.all([recruiter.close(), candidate.context().close(), reviewer.close()]);
  }, 300_000);
});
