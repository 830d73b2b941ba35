// Sharing, printing and comparing reports in Chromium against the whole product (ADR 0142): a
// candidate finishes; the owner compares the assessment's candidates (sortable by keyboard,
// axe clean), opens the report, makes a share link that a signed-out browser opens read-only
// (no replay links, never cached, print hides the controls, axe clean), revokes it (410), an
// edited link is a 404, an expired one (made through core with an earlier clock, PostgreSQL
// suite) is a 410, and another organisation gets 404 for the share and compare pages.
import { openDatabase } from "@interviewlm/db";
import { createReportShare } from "@interviewlm/core/report-shares";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { E2E_SECRETS } from "./support/app-server.ts";
import { axeViolations } from "./support/axe.ts";
import { launchBrowser } from "./support/browser.ts";
import { inviteCandidate, signUpVerified, startInterview } from "./support/people.ts";
import { printStackLogsOnFailure, startStack, type Stack } from "./support/stack.ts";

const postgres = Boolean(process.env.TEST_DATABASE_URL);
let stack: Stack;
printStackLogsOnFailure(() => stack);
let browser: Browser;
let owner: BrowserContext;
let rival: BrowserContext;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  owner = await signUpVerified(browser, stack.web.url, { name: "Sara Sharer", email: "sara@share.test", organization: "Share Co" });
  rival = await signUpVerified(browser, stack.web.url, { name: "Rory Rival", email: "rory@rival-share.test", organization: "Rival Share Co" });
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function finishInterview(link: string): Promise<void> {
  const cleo = await startInterview(await browser.newContext(), link);
  const tests = cleo.getByRole("region", { name: "Tests" });
  await tests.getByRole("button", { name: /Run tests/ }).click();
  await tests.getByText("Some tests failed").first().waitFor({ timeout: 60_000 });
  await cleo.getByRole("button", { name: "Finish", exact: true }).click();
  await cleo.getByRole("button", { name: "Finish interview" }).click();
  await cleo.getByRole("heading", { level: 1 }).filter({ hasText: /thank/i }).waitFor({ timeout: 60_000 });
}

const candidateNames = (page: Page) => page.getByRole("table").getByRole("rowheader").allInnerTexts();

describe("shared reports and comparison", () => {
  it("compare sorts by keyboard; a share link opens signed out, read-only and printable; revoked, edited and expired links refuse; another organisation gets 404", async () => {
    const recruiter = await owner.newPage();
    const { link, assessmentPath } = await inviteCandidate(recruiter, stack.web.url, { name: "Cleo Candidate", email: "cleo@share-cand.test", template: /Backend Python/ });
    await recruiter.goto(`${stack.web.url}${assessmentPath}`);
    await recruiter.getByLabel("…or paste the rows").fill("name,email\nAbe Applicant,abe@share-cand.test");
    await recruiter.getByRole("button", { name: "Invite from CSV" }).click();
    await recruiter.getByRole("status").filter({ hasText: /1 invitation sent/ }).waitFor();
    await finishInterview(link);

    // Compare: both candidates; sorted by name, then reversed from the keyboard.
    await recruiter.goto(`${stack.web.url}${assessmentPath}`);
    await recruiter.getByRole("link", { name: "Compare candidates" }).click();
    await recruiter.getByRole("heading", { level: 1, name: "Compare candidates" }).waitFor();
    await expect.poll(() => candidateNames(recruiter)).toEqual(["Abe Applicant", "Cleo Candidate"]);
    const nameHeader = recruiter.getByRole("columnheader", { name: /Candidate/ });
    expect(await nameHeader.getAttribute("aria-sort")).toBe("ascending");
    await nameHeader.getByRole("button").focus();
    await recruiter.keyboard.press("Enter");
    await expect.poll(() => candidateNames(recruiter)).toEqual(["Cleo Candidate", "Abe Applicant"]);
    expect(await nameHeader.getAttribute("aria-sort")).toBe("descending");
    await recruiter.getByRole("columnheader", { name: /Status/ }).getByRole("button").press("Space");
    expect(await recruiter.getByRole("columnheader", { name: /Status/ }).getAttribute("aria-sort")).toBe("ascending");
    expect(await nameHeader.getAttribute("aria-sort")).toBe("none");
    expect(await axeViolations(recruiter)).toEqual([]);
    const comparePath = new URL(recruiter.url()).pathname;

    // The report, once evaluated, then the share page.
    await recruiter.getByRole("link", { name: "Report on Cleo Candidate's interview" }).click();
    await recruiter.waitForURL(/\/app\/sessions\/[^/]+\/report/);
    await recruiter.getByText("Evaluated", { exact: true }).waitFor({ timeout: 120_000 });
    // On paper: no navigation, no controls, the report across the page's full width.
    await recruiter.getByRole("button", { name: "Print / save as PDF" }).waitFor();
    await recruiter.emulateMedia({ media: "print" });
    expect(await recruiter.getByRole("navigation", { name: "Main" }).isVisible()).toBe(false);
    expect(await recruiter.getByRole("button", { name: "Re-run evaluation" }).isVisible()).toBe(false);
    expect(await recruiter.getByRole("link", { name: "Share", exact: true }).isVisible()).toBe(false);
    const paperWidth = await recruiter.evaluate(() => document.documentElement.clientWidth);
    expect((await recruiter.getByRole("region", { name: "Questions" }).boundingBox())!.width).toBeGreaterThan(paperWidth / 2);
    await recruiter.emulateMedia({ media: "screen" });
    await recruiter.getByRole("link", { name: "Share", exact: true }).click();
    await recruiter.getByRole("heading", { level: 1, name: "Share the report: Cleo Candidate" }).waitFor();
    const sharePath = new URL(recruiter.url()).pathname;
    await recruiter.getByText("No link to this report works right now.").waitFor();
    await recruiter.getByLabel("Link works for").selectOption("1");
    await recruiter.getByRole("button", { name: "Create link" }).click();
    const shareUrl = await recruiter.getByRole("textbox", { name: "New share link" }).inputValue();
    expect(shareUrl).toMatch(new RegExp(`^${stack.web.url}/shared/reports/t1\\.`));
    expect(await axeViolations(recruiter)).toEqual([]);

    // Signed out: the report, read-only, with no way into the product.
    const reader = await (await browser.newContext()).newPage();
    const opened = await reader.goto(shareUrl);
    expect(opened?.status()).toBe(200);
    expect(opened?.headers()["cache-control"]).toBe("no-store");
    expect(opened?.headers()["x-robots-tag"]).toBe("noindex, nofollow");
    await reader.getByRole("heading", { level: 1, name: "Report: Cleo Candidate" }).waitFor();
    await reader.getByRole("region", { name: "Questions" }).waitFor();
    expect(await reader.locator('meta[name="robots"]').getAttribute("content")).toBe("noindex, nofollow");
    expect(await reader.locator('a[href*="/replay"]').count()).toBe(0);
    expect(await reader.locator('a[href^="/app"]').count()).toBe(0);
    expect(await reader.getByRole("list", { name: "Test runs of question 1" }).getByRole("listitem").count()).toBeGreaterThan(0);
    expect(await axeViolations(reader)).toEqual([]);
    await reader.emulateMedia({ media: "print" });
    expect(await reader.getByRole("button", { name: "Print / save as PDF" }).isVisible()).toBe(false);
    await reader.emulateMedia({ media: "screen" });

    // The recruiter sees the view and revokes; the link refuses at once.
    await recruiter.reload();
    const row = recruiter.getByRole("row").filter({ has: recruiter.getByRole("textbox", { name: "Share link 1", exact: true }) });
    expect(await row.getByRole("cell").nth(2).innerText()).toMatch(/^1/);
    await recruiter.getByRole("button", { name: "Revoke share link 1" }).click();
    await recruiter.getByText("The link was revoked; it no longer opens the report.").waitFor();
    await recruiter.getByText("No link to this report works right now.").waitFor();
    const revoked = await reader.goto(shareUrl);
    expect(revoked?.status()).toBe(410);
    await reader.getByRole("heading", { level: 1, name: "This link was withdrawn" }).waitFor();

    const edited = await reader.goto(`${shareUrl.slice(0, -4)}AAAA`);
    expect(edited?.status()).toBe(404);
    await reader.getByRole("heading", { level: 1, name: "This link is not valid" }).waitFor();

    // Another organisation's owner: neither the share page nor the comparison.
    const rory = await rival.newPage();
    expect((await rory.goto(`${stack.web.url}${sharePath}`))?.status()).toBe(404);
    expect((await rory.goto(`${stack.web.url}${comparePath}`))?.status()).toBe(404);

    // An expired link, made through core with a clock 2 days back (one database, so PostgreSQL only).
    if (postgres) {
      const db = await openDatabase({ url: stack.web.databaseUrl!, migrate: false });
      try {
        const membership = await db.prisma.membership.findFirstOrThrow({ where: { user: { email: "sara@share.test" } }, select: { userId: true, organizationId: true } });
        const sessionId = sharePath.split("/")[3]!;
        const expired = await createReportShare(
          { db: db.prisma, appUrl: stack.web.url, keys: E2E_SECRETS.APP_SECRET, now: new Date(Date.now() - 2 * 86_400_000) },
          { ...membership, role: "OWNER" },
          { sessionId, expiresInDays: 1 },
        );
        const refused = await reader.goto(expired.url);
        expect(refused?.status()).toBe(410);
        await reader.getByRole("heading", { level: 1, name: "This link has expired" }).waitFor();
      } finally {
        await db.close();
      }
    }
  }, 600_000);
});
