// Candidates in a real browser against the real server: bulk-invite by CSV with one bad
// row → the per-row report → the invitation in the dev mailbox → the candidate portal
// (system check, consent) → revoke another candidate → their link shows the revoked page.
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppServer } from "./support/app-server.ts";
import { launchBrowser } from "./support/browser.ts";
import { linkFromDevMailbox } from "./support/mailbox.ts";
import { printStackLogsOnFailure, startStack, type Stack } from "./support/stack.ts";

let app: AppServer;
let stack: Stack;
printStackLogsOnFailure(() => stack);
let browser: Browser;
let recruiter: BrowserContext;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  app = stack.web;
  recruiter = await browser.newContext();
  const page = await recruiter.newPage();
  await page.goto(`${app.url}/signup`);
  await page.getByLabel("Your name").fill("Cam Recruiter");
  await page.getByLabel("Work email").fill("cam@hire.test");
  await page.getByLabel("Password", { exact: true }).fill("cam's long password");
  await page.getByLabel("Organization name").fill("Hire Co");
  await page.getByRole("button", { name: /Create account/ }).click();
  await page.getByRole("heading", { name: "Check your inbox" }).waitFor();
  await page.goto(await linkFromDevMailbox(page, app.url, "cam@hire.test", /Verify/i, "/verify-email/"));
  await page.getByRole("heading", { name: "Email verified" }).waitFor();
  await page.close();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe("candidates in the browser", () => {
  it("bulk-invites by CSV, opens the portal from the email, and revokes a link", async () => {
    const page = await recruiter.newPage();
    await page.goto(`${app.url}/app/assessments/new`);
    await page.getByRole("button", { name: /^Create as is/ }).first().click();
    await page.getByRole("heading", { name: "No candidates yet" }).waitFor();
    const assessmentPath = new URL(page.url()).pathname;
    expect(assessmentPath).toMatch(/^\/app\/assessments\/(?!new$)[^/]+$/);
    const title = (await page.getByRole("heading", { level: 1 }).innerText()).trim();

    // Three rows, one of them invalid: two invitations go out, the bad row is reported by line.
    await page.getByLabel("…or paste the rows").fill("name,email\nAda Lovelace,ada@cand.test\nBroken Row,not-an-email\nBo Revoke,bo@cand.test");
    await page.getByRole("button", { name: "Invite from CSV" }).click();
    await page.getByRole("status").filter({ hasText: "2 invitations sent; 1 row invalid, 0 duplicates." }).waitFor();
    const report = page.getByRole("region", { name: "Result for each row of the uploaded file" });
    const badRow = report.getByRole("row", { name: /^3 / });
    expect(await badRow.innerText()).toMatch(/Broken Row\s+not-an-email\s+Invalid\s+Enter a valid email address/);
    expect(await report.getByRole("row", { name: /Invited/ }).count()).toBe(2);
    const table = page.getByRole("region", { name: `Candidates of ${title}` });
    await table.getByRole("row", { name: /Ada Lovelace/ }).getByText("Invited", { exact: true }).waitFor();

    // The candidate, with no account, follows the emailed link.
    const candidate = await browser.newContext();
    const ada = await candidate.newPage();
    const link = await linkFromDevMailbox(ada, app.url, "ada@cand.test", /Hire Co invited you/, "/i/");
    const response = await ada.goto(link);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["cache-control"]).toBe("no-store");
    await ada.getByRole("heading", { level: 1, name: title }).waitFor();
    await ada.getByText("Hi Ada Lovelace").waitFor();
    expect(await ada.getByRole("article").innerText()).toMatch(/What is recorded/);
    await ada.getByText(/Reached InterviewLM in \d+ ms/).waitFor();
    await ada.getByText(/Live connection answered in \d+ ms/).waitFor();
    const start = ada.getByRole("button", { name: "Start the interview" });
    expect(await start.isDisabled()).toBe(true);
    // The sandbox line runs code in the sandbox: seconds on a busy machine.
    await ada.getByText(/^Python code ran in your sandbox/).waitFor({ timeout: 120_000 });
    await ada.getByRole("checkbox", { name: "I agree to the recording described above" }).check();
    await expect.poll(() => start.isDisabled()).toBe(false);

    // Back on the assessment page Ada has opened her link; Bo's invitation is revoked.
    await page.goto(`${app.url}${assessmentPath}`);
    await table.getByRole("row", { name: /Ada Lovelace/ }).getByText("Opened", { exact: true }).waitFor();
    await page.waitForLoadState("networkidle"); // the dialog needs the page hydrated
    await page.getByRole("button", { name: "Revoke the invitation for Bo Revoke" }).click();
    const dialog = page.getByRole("dialog", { name: "Revoke the invitation for Bo Revoke?" });
    await dialog.getByRole("button", { name: "Revoke invitation" }).click();
    await page.getByRole("status").filter({ hasText: "The invitation for bo@cand.test was revoked." }).waitFor();
    await table.getByRole("row", { name: /Bo Revoke/ }).getByText("Revoked", { exact: true }).waitFor();

    const bo = await candidate.newPage();
    const boLink = await linkFromDevMailbox(bo, app.url, "bo@cand.test", /Hire Co invited you/, "/i/");
    const revoked = await bo.goto(boLink);
    expect(revoked?.status()).toBe(410);
    await bo.getByRole("heading", { name: "This invitation was withdrawn" }).waitFor();

    const tampered = await bo.goto(`${boLink.slice(0, -3)}abc`);
    expect(tampered?.status()).toBe(404);
    await bo.getByRole("heading", { name: "This link is not valid" }).waitFor();

    // The candidates page filters by status through the URL.
    await page.goto(`${app.url}/app/candidates?status=REVOKED`);
    const listed = page.getByRole("region", { name: "Candidates", exact: true });
    await listed.getByRole("row", { name: /Bo Revoke/ }).waitFor();
    expect(await listed.getByRole("row", { name: /Ada Lovelace/ }).count()).toBe(0);

    // Ada starts: a session with a sandbox workspace holding the first question's starter files.
    await start.click();
    await ada.waitForURL(/\/interview$/);
    const files = ada.getByRole("tree", { name: "Files" });
    await files.getByRole("treeitem", { name: /\.py$/ }).first().waitFor({ timeout: 30_000 });
    expect(await files.innerText()).toMatch(/\.py/);
    await page.goto(`${app.url}${assessmentPath}`);
    await table.getByRole("row", { name: /Ada Lovelace/ }).getByText(/In progress|Started/).first().waitFor();

    await candidate.close();
    await page.close();
  });
});
