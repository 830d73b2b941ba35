// The interview room's pages as a person sees them, shared by the live-room and agent files:
// the editor's document, the terminal, the tests and AI panels, and a reviewer joining.
import type { BrowserContext, Page } from "playwright-core";

/**
 * The whole document of the page's editor. Not the DOM's text: CodeMirror renders only the
 * lines near the viewport, so in a short editor (the live view) the end of a file is not in
 * the DOM. This reads the view the way EditorView.findFromDOM does (`cmTile` since
 * @codemirror/view 6.39, `cmView` before).
 */
export const editorText = (page: Page) =>
  page.locator(".cm-content").evaluate((content) => {
    type Node = { root?: { view?: EditorLike }; rootView?: { view?: EditorLike } };
    type EditorLike = { state: { doc: { toString(): string } } };
    const node = (content as unknown as { cmTile?: Node; cmView?: Node }).cmTile ?? (content as unknown as { cmView?: Node }).cmView;
    const view = node?.root?.view ?? node?.rootView?.view;
    if (!view) throw new Error("no CodeMirror view on .cm-content (has @codemirror/view changed its internals?)");
    return view.state.doc.toString();
  });

export const terminalText = (page: Page) => page.locator(".xterm-rows").innerText();
export const testsPanel = (page: Page) => page.getByRole("region", { name: "Tests" });
export const agentPanel = (page: Page) => page.getByRole("region", { name: "AI assistant" });
export const agentComposer = (page: Page) => agentPanel(page).getByRole("textbox", { name: "Message the AI assistant" });

export async function openFile(page: Page, name: string): Promise<void> {
  await page.getByRole("tree", { name: "Files" }).getByRole("treeitem", { name, exact: true }).click();
  await page.locator(".cm-content").waitFor();
}

/** The candidate writes to the assistant and sends with Enter. */
export async function askAgent(page: Page, text: string): Promise<void> {
  await agentComposer(page).fill(text);
  await agentComposer(page).press("Enter");
}

/** A reviewer opens the live list and watches the candidate's interview; resolves once the room shows. */
export async function watchInterview(context: BrowserContext, baseUrl: string, candidateName: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/app/live`);
  await page.getByRole("link", { name: `Watch ${candidateName}'s interview` }).click();
  await page.waitForURL(/\/app\/live\/[^/]+$/);
  await page.getByRole("tree", { name: "Files" }).waitFor();
  return page;
}

/** The candidate finishes the interview (and confirms); resolves on the thank-you page. */
export async function finishInterview(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Finish", exact: true }).click();
  await page.getByRole("button", { name: "Finish interview" }).click();
  await page.getByRole("heading", { level: 1 }).filter({ hasText: /thank/i }).waitFor({ timeout: 60_000 });
}

/** The candidate types a command in her terminal (wait for its output with terminalText). */
export async function typeInTerminal(page: Page, command: string): Promise<void> {
  await page.getByRole("textbox", { name: "Terminal" }).focus();
  await page.keyboard.type(`${command}\n`);
}
