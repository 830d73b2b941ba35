// People of an end-to-end scenario, going through the product's own pages.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { devMailbox, type Inbox } from "./mailbox.ts";

export async function signUpVerified(browser: Browser, baseUrl: string, who: { name: string; email: string; organization: string }, inbox: Inbox = devMailbox(baseUrl)): Promise<BrowserContext> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${baseUrl}/signup`);
  await page.getByLabel("Your name").fill(who.name);
  await page.getByLabel("Work email").fill(who.email);
  await page.getByLabel("Password", { exact: true }).fill(`${who.name} long password`);
  await page.getByLabel("Organization name").fill(who.organization);
  await page.getByRole("button", { name: /Create account/ }).click();
  await page.getByRole("heading", { name: "Check your inbox" }).waitFor();
  await page.goto(await inbox(page, who.email, /Verify/i, "/verify-email/"));
  await page.getByRole("heading", { name: "Email verified" }).waitFor();
  await page.close();
  return context;
}

/** The owner invites a teammate who signs up from the emailed link; returns the teammate's context. */
export async function addTeammate(browser: Browser, baseUrl: string, owner: BrowserContext, who: { name: string; email: string; role: string }, inbox: Inbox = devMailbox(baseUrl)): Promise<BrowserContext> {
  const page = await owner.newPage();
  await page.goto(`${baseUrl}/app/settings/members`);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Role", { exact: true }).selectOption(who.role);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await page.getByRole("status").filter({ hasText: `Invitation sent to ${who.email}` }).waitFor();
  await page.close();
  const context = await browser.newContext();
  const mate = await context.newPage();
  await mate.goto(await inbox(mate, who.email, /invited you|join/i, "/invitations/"));
  await mate.getByRole("link", { name: "Create an account to join" }).click();
  await mate.getByLabel("Your name").fill(who.name);
  await mate.getByLabel("Password", { exact: true }).fill(`${who.name} long password`);
  await mate.getByRole("button", { name: /Create account/ }).click();
  await mate.waitForURL((url) => url.pathname === "/app");
  await mate.close();
  return context;
}

/** Creates an assessment from a template as is and invites one candidate; returns the invitation link. */
export async function inviteCandidate(page: Page, baseUrl: string, candidate: { name: string; email: string; template?: RegExp }, inbox: Inbox = devMailbox(baseUrl)): Promise<{ link: string; assessmentPath: string }> {
  await page.goto(`${baseUrl}/app/assessments/new`);
  const name = candidate.template ? new RegExp(`^Create as is from ${candidate.template.source}`) : /^Create as is/;
  await page.getByRole("button", { name }).first().click();
  await page.getByRole("heading", { name: "No candidates yet" }).waitFor();
  const assessmentPath = new URL(page.url()).pathname;
  await page.getByLabel("…or paste the rows").fill(`name,email\n${candidate.name},${candidate.email}`);
  await page.getByRole("button", { name: "Invite from CSV" }).click();
  await page.getByRole("status").filter({ hasText: /1 invitation sent/ }).waitFor();
  const link = await inbox(page, candidate.email, /invited you/, "/i/");
  return { link, assessmentPath };
}

/** The candidate opens the link, agrees to the recording and starts; resolves on the interview page. */
export async function startInterview(context: BrowserContext, link: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(link);
  await page.getByText(/Reached InterviewLM in \d+ ms/).waitFor();
  // The sandbox line of the system check runs code: seconds on a busy machine.
  await page.getByText(/code ran in your sandbox/).waitFor({ timeout: 120_000 });
  await page.getByRole("checkbox", { name: "I agree to the recording described above" }).check();
  // click() waits until the button is enabled (all checks passed, consent given).
  await page.getByRole("button", { name: "Start the interview" }).click();
  await page.waitForURL(/\/interview$/);
  return page;
}
