// Candidate data export in a real browser against the real server: the owner downloads a
// candidate's archive from the candidate page; the candidate follows "Your data" from the
// invitation in the dev mailbox, asks, gets the download link by email and downloads their own
// archive; the audit log shows both; a viewer has no download button and is refused by the route.
import { readFile } from "node:fs/promises";
import { strFromU8, unzipSync } from "fflate";
import type { Browser, BrowserContext, Download } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "./support/app-server.ts";
import { axeViolations } from "./support/axe.ts";
import { launchBrowser } from "./support/browser.ts";
import { linkFromDevMailbox } from "./support/mailbox.ts";
import { addTeammate, inviteCandidate, signUpVerified } from "./support/people.ts";

let app: AppServer;
let browser: Browser;
let owner: BrowserContext;
let viewer: BrowserContext;
let candidatePath = "";
const CANDIDATE = { name: "Cleo Candidate", email: "cleo@export.test" };

async function unzipped(download: Download): Promise<Record<string, string>> {
  const bytes = new Uint8Array(await readFile((await download.path())!));
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, content]) => [name, strFromU8(content)]));
}

beforeAll(async () => {
  [app, browser] = await Promise.all([startAppServer(), launchBrowser()]);
  owner = await signUpVerified(browser, app.url, { name: "Ona Owner", email: "ona@export.test", organization: "Export Co" });
  viewer = await addTeammate(browser, app.url, owner, { name: "Vic Viewer", email: "vic@export.test", role: "VIEWER" });
  const page = await owner.newPage();
  await inviteCandidate(page, app.url, CANDIDATE);
  await page.goto(`${app.url}/app/candidates`);
  await page.getByRole("link", { name: CANDIDATE.name }).first().click();
  await page.getByRole("heading", { level: 1, name: CANDIDATE.name }).waitFor();
  candidatePath = new URL(page.url()).pathname;
  await page.close();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("candidate data export", () => {
  it("the owner downloads everything held about the candidate from the candidate page", async () => {
    const page = await owner.newPage();
    await page.goto(`${app.url}${candidatePath}`);
    await page.getByRole("heading", { name: "Candidate data", exact: true }).waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download candidate data (ZIP)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^export-co-cleo-candidate-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = await unzipped(download);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(["README.txt", "candidate.json", "recording.jsonl"]));
    const json = JSON.parse(files["candidate.json"]!) as { audience: string; candidate: { email: string }; emails: { template: string }[] };
    expect([json.audience, json.candidate.email]).toEqual(["organization", CANDIDATE.email]);
    expect(json.emails.map((email) => email.template)).toContain("assessment-invitation");
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("the candidate asks from the invitation's 'Your data' link, verifies by email and downloads their own archive", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const request = await linkFromDevMailbox(page, app.url, CANDIDATE.email, /Export Co invited you/, "/your-data/t1.");
    await page.goto(request);
    await page.getByRole("heading", { level: 1, name: "Your data held by Export Co" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Email me a download link" }).click();
    await page.getByRole("status").filter({ hasText: /Sent\. Check your inbox at c•••@export\.test/ }).waitFor();

    const link = await linkFromDevMailbox(page, app.url, CANDIDATE.email, /Your data held by Export Co/, "/your-data/download/");
    await page.goto(link);
    await page.getByRole("heading", { level: 1, name: "Download your data" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download your data (ZIP)" }).click()]);
    const files = await unzipped(download);
    expect((JSON.parse(files["candidate.json"]!) as { audience: string }).audience).toBe("candidate");
    expect(files["README.txt"]).toMatch(/Not included[\s\S]*reviewers' notes/);
    expect(files["README.txt"]).toContain("never started the interview");

    // Downloads are limited (five an hour): the sixth comes back to the page, which says when to try again.
    const archiveUrl = link.replace("/your-data/download/", "/your-data/archive/");
    for (let i = 0; i < 4; i++) expect((await page.request.post(archiveUrl, { headers: { Origin: app.url } })).headers()["content-type"]).toBe("application/zip");
    await Promise.all([page.waitForURL(/error=TOO_MANY_REQUESTS/), page.getByRole("button", { name: "Download your data (ZIP)" }).click()]);
    await page.getByRole("alert").filter({ hasText: /Try again in \d+ minutes?\./ }).waitFor();

    // A forged link gets the page that says so, with the right status.
    const forged = await page.goto(`${app.url}/your-data/download/t1.forged.link`);
    expect(forged?.status()).toBe(404);
    await page.getByRole("heading", { name: "This link is not valid" }).waitFor();
    await context.close();
  });

  it("the audit log shows the member's export and the candidate's request and download", async () => {
    const page = await owner.newPage();
    await page.goto(`${app.url}/app/settings/audit-log?category=candidate`);
    const table = page.getByRole("table", { name: /Audit log entries/ });
    await table.waitFor();
    const text = await table.innerText();
    expect(text).toContain("Exported a candidate's data");
    expect(text).toContain("A candidate asked for a copy of their data");
    await page.close();
  });

  it("a viewer has no download button, and the route refuses them", async () => {
    const page = await viewer.newPage();
    await page.goto(`${app.url}${candidatePath}`);
    await page.getByRole("heading", { level: 1, name: CANDIDATE.name }).waitFor();
    expect(await page.getByRole("button", { name: "Download candidate data (ZIP)" }).count()).toBe(0);
    const refused = await page.request.post(`${app.url}${candidatePath}/export`, { headers: { Origin: app.url } });
    expect(refused.status()).toBe(403);
    expect(refused.headers()["content-type"]).not.toContain("zip");
    await page.close();
  });
});
