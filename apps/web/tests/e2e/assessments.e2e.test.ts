// Assessments in a real browser against the real server: create from a template (after a
// refused submission), edit, the candidate preview, duplicate, archive and restore,
// hand-picking questions from the seeded bank — and the form with JavaScript turned off.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "./support/app-server.ts";
import { launchBrowser } from "./support/browser.ts";
import { linkFromDevMailbox } from "./support/mailbox.ts";

let app: AppServer;
let browser: Browser;
let recruiter: BrowserContext;

beforeAll(async () => {
  // AI configured, so the AI modes can be chosen (the web app only checks that a key is set; it
  // never calls the API — the rooms do). Without one the form offers them disabled (ai-availability.test.ts).
  [app, browser] = await Promise.all([startAppServer({ ANTHROPIC_API_KEY: "sk-ant-e2e-never-called" }), launchBrowser()]);
  recruiter = await browser.newContext();
  const page = await recruiter.newPage();
  await page.goto(`${app.url}/signup`);
  await page.getByLabel("Your name").fill("Rae Recruiter");
  await page.getByLabel("Work email").fill("rae@hire.test");
  await page.getByLabel("Password", { exact: true }).fill("rae's long password");
  await page.getByLabel("Organization name").fill("Hire Co");
  await page.getByRole("button", { name: /Create account/ }).click();
  await page.getByRole("heading", { name: "Check your inbox" }).waitFor();
  await page.goto(await linkFromDevMailbox(page, app.url, "rae@hire.test", /Verify/i, "/verify-email/"));
  await page.getByRole("heading", { name: "Email verified" }).waitFor();
  await page.close();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const idFrom = (page: Page) => new URL(page.url()).pathname.split("/")[3]!;
/** The detail page of an assessment (another route), where create and edit land. */
const DETAIL_PATH = /^\/app\/assessments\/(?!new$)[^/]+$/;
const hydrated = (page: Page) => page.waitForLoadState("networkidle");

describe("assessments in the browser", () => {
  it("creates from a template, edits, previews, duplicates, archives and restores", async () => {
    const page = await recruiter.newPage();
    await page.goto(`${app.url}/app/assessments`);
    await page.getByRole("heading", { name: "No assessments yet" }).waitFor();
    await page.getByRole("link", { name: "Create from a template" }).click();
    await page.getByRole("heading", { name: "Backend Python, mid-level" }).waitFor();
    await page.getByRole("link", { name: "Customize Backend Python, mid-level" }).click();
    await hydrated(page);

    // The form is prefilled from the template; bad input is refused field by field.
    const title = page.getByLabel("Title", { exact: true });
    expect(await title.inputValue()).toBe("Backend Python, mid-level");
    expect(await page.getByRole("radio", { name: "Full agent" }).isChecked()).toBe(true);
    await title.fill("ab");
    await page.getByLabel("Duration (minutes)").fill("5");
    await page.getByRole("button", { name: "Create assessment" }).click();
    await page.getByText("Use at least 3 characters.").waitFor();
    await page.getByText("Give candidates at least 15 minutes.").waitFor();
    expect(await page.getByRole("alert").first().innerText()).toMatch(/Some fields need attention/);

    await title.fill("Payments backend (Python)");
    await page.getByLabel("Duration (minutes)").fill("75");
    await page.getByRole("button", { name: "Create assessment" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(DETAIL_PATH);
    const id = idFrom(page);

    // Edit: change the clock and the AI level; switching to hand-picked hides the automatic settings.
    await page.goto(`${app.url}/app/assessments/${id}/edit`);
    await hydrated(page);
    await page.getByLabel("Duration (minutes)").fill("90");
    await page.getByRole("radio", { name: "Chat only" }).check();
    await page.getByRole("radio", { name: "Hand-picked" }).check();
    expect(await page.getByRole("heading", { name: "With automatic selection" }).isVisible()).toBe(false);
    await page.getByRole("heading", { name: "With hand-picked questions" }).waitFor();
    await page.getByRole("radio", { name: "Automatic, by difficulty" }).check();
    await page.getByLabel("Instructions for candidates").fill("Use **pytest**. <script>alert(1)</script>");
    // A recommendation weight out of range is refused beside its field; the rest stays as typed.
    await page.getByLabel("Communication", { exact: true }).fill("11");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Keep the weight for communication at 10 or less.").waitFor();
    expect(await page.getByLabel("Duration (minutes)").inputValue()).toBe("90");
    await page.getByLabel("Communication", { exact: true }).fill("5");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/app/assessments/${id}`);

    // The preview shows what the candidate will read, Markdown rendered safely.
    await page.goto(`${app.url}/app/assessments/${id}/preview`);
    const preview = page.getByRole("article");
    await preview.getByRole("heading", { name: "Payments backend (Python)" }).waitFor();
    const text = await preview.innerText();
    expect(text).toContain("Hire Co");
    expect(text).toContain("90 minutes");
    expect(text).toContain("Chat only");
    expect(text).toMatch(/can read your files but not change them/);
    expect(text).toContain("<script>alert(1)</script>");
    expect(await preview.locator("strong", { hasText: "pytest" }).count()).toBe(1);
    expect(await preview.locator("script").count()).toBe(0);

    // Duplicate from the edit page: lands on the copy's edit page.
    await page.goto(`${app.url}/app/assessments/${id}/edit`);
    await page.getByRole("button", { name: "Duplicate" }).click();
    await page.waitForURL((url) => url.pathname.endsWith("/edit") && !url.pathname.includes(id));
    await expect.poll(() => page.getByLabel("Title", { exact: true }).inputValue()).toBe("Copy of Payments backend (Python)");
    expect(await page.getByLabel("Duration (minutes)").inputValue()).toBe("90");
    expect(await page.getByLabel("Communication", { exact: true }).inputValue()).toBe("5");

    // Archive the original from the list; it moves to the Archived tab, and back.
    await page.goto(`${app.url}/app/assessments`);
    const row = page.getByRole("row", { name: /^Payments backend \(Python\)/ });
    expect(await row.innerText()).toMatch(/0 invited/);
    await row.getByRole("button", { name: "Archive Payments backend (Python)" }).click();
    await expect.poll(() => page.getByRole("row", { name: /^Payments backend/ }).count()).toBe(0);
    await page.getByRole("link", { name: "Archived" }).click();
    await page.getByRole("row", { name: /^Payments backend/ }).getByText("Archived").waitFor();
    await page.getByRole("button", { name: "Restore Payments backend (Python)" }).click();
    await expect.poll(() => page.getByRole("row", { name: /^Payments backend/ }).count()).toBe(0);
    await page.getByRole("link", { name: "Active" }).click();
    await page.getByRole("row", { name: /^Payments backend/ }).waitFor();

    // Search narrows the list through a plain GET form.
    await page.getByRole("searchbox", { name: "Search assessments" }).fill("copy of");
    await page.getByRole("button", { name: "Search" }).click();
    await expect.poll(() => page.getByRole("row").count()).toBe(2); // header + the copy
    await page.close();
  });

  it("hand-picks questions from the seeded bank, filtered by language, in the order chosen", async () => {
    const page = await recruiter.newPage();
    await page.goto(`${app.url}/app/assessments/new?start=blank`);
    await hydrated(page);
    await page.getByLabel("Title", { exact: true }).fill("Hand-picked Python");
    await page.getByLabel("Role", { exact: true }).fill("Backend engineer");
    await page.getByRole("radio", { name: "Hand-picked" }).check();
    expect(await page.getByRole("heading", { name: "With automatic selection" }).isVisible()).toBe(false);

    const bank = page.getByRole("group", { name: "Question bank" });
    const titles = bank.locator("li label");
    // Only Python is ticked, so only Python questions are offered; adding TypeScript offers more.
    const pythonOnly = await titles.count();
    expect(pythonOnly).toBeGreaterThanOrEqual(2);
    expect(await bank.innerText()).not.toContain("TypeScript ·");
    await page.getByRole("checkbox", { name: "TypeScript", exact: true }).check();
    await expect.poll(() => titles.count()).toBeGreaterThan(pythonOnly);
    await page.getByRole("checkbox", { name: "TypeScript", exact: true }).uncheck();
    await expect.poll(() => titles.count()).toBe(pythonOnly);

    const [first, second] = [await titles.nth(0).innerText(), await titles.nth(1).innerText()];
    await bank.getByRole("checkbox", { name: first }).check();
    await bank.getByRole("checkbox", { name: second }).check();
    await page.getByRole("button", { name: `Move ${second} up` }).click();
    expect(await page.getByLabel("Number of questions").inputValue()).toBe("2");
    const order = page.getByRole("list", { name: "Order candidates get them" }).getByRole("listitem");
    expect(await order.allInnerTexts()).toEqual([expect.stringContaining(second), expect.stringContaining(first)]);
    await page.getByRole("button", { name: "Create assessment" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(DETAIL_PATH);

    await page.goto(`${app.url}/app/assessments/${idFrom(page)}/edit`);
    await hydrated(page);
    expect(await order.allInnerTexts()).toEqual([expect.stringContaining(second), expect.stringContaining(first)]);
    await page.close();
  });

  it("creates a blank assessment and a one-click template with JavaScript turned off", async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await recruiter.storageState() });
    const page = await noJs.newPage();
    await page.goto(`${app.url}/app/assessments/new`);
    await page.getByRole("button", { name: /^Create as is from Quick screen, any language$/ }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(DETAIL_PATH);

    await page.goto(`${app.url}/app/assessments/new?start=blank`);
    // Without scripts both question modes are on the page and every control submits by name.
    await page.getByRole("heading", { name: "With hand-picked questions" }).waitFor();
    await page.getByRole("checkbox", { name: "TypeScript" }).check();
    await page.getByRole("radio", { name: "Hand-picked" }).check();
    await page.getByRole("checkbox", { name: "Adaptive difficulty" }).check();
    await page.getByLabel("Title", { exact: true }).fill("No-JS screen");
    await page.getByLabel("Role", { exact: true }).fill("Engineer");
    await page.getByRole("button", { name: "Create assessment" }).click();
    await page.getByText(/Adaptive difficulty needs automatic selection/).waitFor();
    await page.getByText("Pick the questions candidates will get.").waitFor();
    // The refused submission comes back with what was typed.
    expect(await page.getByLabel("Title", { exact: true }).inputValue()).toBe("No-JS screen");
    expect(await page.getByRole("checkbox", { name: "TypeScript" }).isChecked()).toBe(true);

    await page.getByRole("radio", { name: "Automatic, by difficulty" }).check();
    await page.getByRole("button", { name: "Create assessment" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(DETAIL_PATH);
    await page.goto(`${app.url}/app/assessments?q=No-JS`);
    const row = page.getByRole("row", { name: /^No-JS screen/ });
    expect(await row.innerText()).toMatch(/Python, TypeScript/);
    await noJs.close();
  });
});
