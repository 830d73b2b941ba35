// Every main page of the product, checked with axe-core against WCAG 2.1 A and AA in a real
// browser: marketing, auth, the recruiter app, the candidate portal and IDE, the live view.
// Each page must also work under the Content-Security-Policy with no violation at all.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe.ts";
import { watchCspViolations, type CspViolation } from "./support/csp.ts";
import { launchBrowser } from "./support/browser.ts";
import { inviteCandidate, signUpVerified, startInterview } from "./support/people.ts";
import { printStackLogsOnFailure, startStack, type Stack } from "./support/stack.ts";

let stack: Stack;
printStackLogsOnFailure(() => stack);
let browser: Browser;
let recruiter: BrowserContext;
let candidate: BrowserContext;
let assessmentPath = "";
let invitation = "";
let visitor: BrowserContext;
const cspViolations: CspViolation[] = [];

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  // Initials other than "AA" or "ABC": axe takes those for symbols and skips its check that the
  // account menu's accessible name contains the initials it shows (label-content-name-mismatch).
  recruiter = await signUpVerified(browser, stack.web.url, { name: "Ally Bright", email: "ally@a11y.test", organization: "A11y Co" });
  const page = await recruiter.newPage();
  ({ link: invitation, assessmentPath } = await inviteCandidate(page, stack.web.url, { name: "Cal Candidate", email: "cal@cand.test" }));
  await page.close();
  candidate = await browser.newContext();
  visitor = await browser.newContext();
  for (const context of [recruiter, candidate, visitor]) await watchCspViolations(context, cspViolations);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function expectAccessible(page: Page, what: string) {
  await page.waitForLoadState("networkidle");
  const violations = await axeViolations(page);
  expect(violations, `${what}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  expect(cspViolations, `${what}: Content-Security-Policy violations`).toEqual([]);
}

describe("accessibility (axe, WCAG 2.1 AA)", () => {
  it("public pages", async () => {
    const page = await visitor.newPage();
    for (const path of ["/", "/login", "/signup", "/forgot-password", "/no/such/page"]) {
      await page.goto(`${stack.web.url}${path}`);
      await expectAccessible(page, path);
    }
    await page.close();
  });

  it("the recruiter's app", async () => {
    const page = await recruiter.newPage();
    const paths = [
      "/app",
      "/app/assessments",
      "/app/assessments/new",
      assessmentPath,
      `${assessmentPath}/edit`,
      `${assessmentPath}/preview`,
      "/app/candidates",
      "/app/questions",
      "/app/questions/generate",
      "/app/live",
      "/app/settings/profile",
      "/app/settings/password",
      "/app/settings/sessions",
      "/app/settings/organization",
      "/app/settings/members",
      "/app/settings/audit-log",
    ];
    for (const path of paths) {
      await page.goto(`${stack.web.url}${path}`);
      await expectAccessible(page, path);
    }
    await page.goto(`${stack.web.url}/app/questions`);
    await page.getByRole("link", { name: /./ }).filter({ hasText: /LRU|Slugify|anagram/i }).first().click();
    await expectAccessible(page, "a question");
    await page.close();
  });

  it("the candidate portal, the interview and the live view", async () => {
    const portal = await candidate.newPage();
    await portal.goto(invitation);
    await portal.getByText(/Reached InterviewLM in \d+ ms/).waitFor();
    await expectAccessible(portal, "portal");
    await portal.close();

    const ide = await startInterview(candidate, invitation);
    await ide.getByRole("tree", { name: "Files" }).getByRole("treeitem").first().waitFor({ timeout: 30_000 });
    await expectAccessible(ide, "interview");

    const live = await recruiter.newPage();
    await live.goto(`${stack.web.url}/app/live`);
    await live.getByRole("link", { name: "Watch Cal Candidate's interview" }).click();
    await live.getByRole("tree", { name: "Files" }).getByRole("treeitem").first().waitFor({ timeout: 30_000 });
    await expectAccessible(live, "live view");
  });
});
