// Retention and erasure through the browser (docs/decisions/0170): the owner sets how long
// candidate data is kept, the candidate's consent page says the same, the dry run shows what the
// job would erase, the owner erases a candidate from their page after a dialog that names what
// goes, and all of it is in the audit log. A candidate asks to erase their own data from "Your
// data", confirms from the emailed link, and the organisation sees the request in its log. On
// PostgreSQL (one database the test can open), a finished candidate's completion is moved back
// past the period: the dry run lists them, "Erase now" erases them and the log shows the run.
import { openDatabase } from "@interviewlm/db";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "./support/app-server.ts";
import { axeViolations } from "./support/axe.ts";
import { launchBrowser } from "./support/browser.ts";
import { linkFromDevMailbox } from "./support/mailbox.ts";
import { inviteCandidate, signUpVerified } from "./support/people.ts";

const postgres = Boolean(process.env.TEST_DATABASE_URL);

let app: AppServer;
let browser: Browser;
let owner: BrowserContext;

beforeAll(async () => {
  [app, browser] = await Promise.all([startAppServer(), launchBrowser()]);
  owner = await signUpVerified(browser, app.url, { name: "Rhea Owner", email: "rhea@retention.test", organization: "Retain Co" });
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("retention and erasure", () => {
  it("sets retention, tells the candidate, previews the run, erases a candidate and shows it all in the audit log", async () => {
    const page = await owner.newPage();

    // A new organisation keeps data a year; the owner makes it 90 days.
    await page.goto(`${app.url}/app/settings/organization`);
    const retention = page.getByLabel("Data retention (days)");
    expect(await retention.inputValue()).toBe("365");
    await retention.fill("90");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("status").filter({ hasText: "Organization saved." }).waitFor();

    // The candidate's consent page states the organisation's period.
    const { link } = await inviteCandidate(page, app.url, { name: "Cleo Erasable", email: "cleo@candidates.test" });
    const portal = await browser.newPage();
    await portal.goto(link);
    await portal.getByText("Retain Co keeps the recording, your code and your results for 90 days after your assessment is evaluated; then they are erased automatically.").waitFor();
    await portal.close();

    // Erasing is offered once the invitation is closed: revoke it from the candidates page.
    await page.goto(`${app.url}/app/candidates`);
    await page.getByRole("button", { name: "Revoke the invitation for Cleo Erasable" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke invitation" }).click();
    await page.getByRole("button", { name: "Revoke the invitation for Cleo Erasable" }).waitFor({ state: "detached" });

    // The dry run: nothing is past 90 days yet.
    await page.goto(`${app.url}/app/settings/organization`);
    await page.getByRole("button", { name: "Preview what the next run erases" }).click();
    await page.getByRole("heading", { name: "Nothing to erase" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Erase Cleo from her page.
    await page.goto(`${app.url}/app/candidates`);
    await page.getByRole("link", { name: "Cleo Erasable" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Cleo Erasable" }).waitFor();
    await page.getByRole("button", { name: "Erase Cleo Erasable's data" }).click();
    const dialog = page.getByRole("dialog", { name: "Erase Cleo Erasable's data?" });
    await dialog.waitFor();
    const named = await dialog.getByRole("listitem").allInnerTexts();
    expect(named).toEqual(expect.arrayContaining(["name and email address", "workspace files and snapshots in the sandbox", "live room data", "emails sent to the candidate"]));
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Erase permanently" }).click();
    await page.getByRole("heading", { level: 1, name: "Erased candidate" }).waitFor();
    await page.getByRole("heading", { name: "Data erased" }).waitFor();
    expect(await page.getByText("cleo@candidates.test").count()).toBe(0);

    // The audit log has the settings change, the preview and the erasure, in plain words.
    await page.goto(`${app.url}/app/settings/audit-log`);
    const table = page.getByRole("table", { name: /Audit log entries/ });
    await table.waitFor();
    const actions = (await table.locator("tbody tr td:nth-child(3)").allInnerTexts()).map((t) => t.split("\n")[0]!.trim());
    expect(actions.slice(0, 4)).toEqual(["Erased a candidate's data", "Asked to erase a candidate's data", "Previewed the retention run", "Revoked a candidate's invitation"]);
    expect(actions).toContain("Changed organization settings");
    expect(await table.innerText()).not.toContain("cleo@candidates.test");
    await page.close();
  });

  it("the candidate asks to erase their data from 'Your data', confirms from the emailed link, and the organisation sees it", async () => {
    const page = await owner.newPage();
    await inviteCandidate(page, app.url, { name: "Dora Departing", email: "dora@candidates.test" });
    const candidate = await (await browser.newContext()).newPage();
    const request = await linkFromDevMailbox(candidate, app.url, "dora@candidates.test", /Retain Co invited you/, "/your-data/t1.");

    // While the invitation is open the candidate is told what to do instead; nothing is offered.
    await candidate.goto(request);
    const section = candidate.getByRole("region", { name: "Ask to erase my data" });
    await section.getByText("Your invitation from Retain Co is still open.", { exact: false }).waitFor();
    expect(await section.getByRole("button").count()).toBe(0);

    await page.goto(`${app.url}/app/candidates`);
    await page.getByRole("button", { name: "Revoke the invitation for Dora Departing" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke invitation" }).click();
    await page.getByRole("button", { name: "Revoke the invitation for Dora Departing" }).waitFor({ state: "detached" });

    await candidate.goto(request);
    expect(await section.getByRole("listitem").allInnerTexts()).toEqual(expect.arrayContaining(["your name and email address", "the emails sent to you"]));
    expect(await axeViolations(candidate)).toEqual([]);
    await section.getByRole("button", { name: "Email me a link to confirm the erasure" }).click();
    await section.getByRole("status").filter({ hasText: /Sent\. Check your inbox at d•••@candidates\.test/ }).waitFor();

    const confirm = await linkFromDevMailbox(candidate, app.url, "dora@candidates.test", /Confirm erasing your data held by Retain Co/, "/your-data/erase/");
    await candidate.goto(confirm);
    await candidate.getByRole("heading", { level: 1, name: "Erase your data held by Retain Co" }).waitFor();
    expect(await axeViolations(candidate)).toEqual([]);
    await candidate.getByRole("button", { name: "Erase my data" }).click();
    await candidate.getByRole("heading", { level: 1, name: "Your data has been erased" }).waitFor();
    // The links name no one any more.
    expect((await candidate.goto(request))?.status()).toBe(404);
    await candidate.context().close();

    await page.goto(`${app.url}/app/settings/audit-log?category=candidate`);
    const table = page.getByRole("table", { name: /Audit log entries/ });
    await table.waitFor();
    const rows = (await table.locator("tbody tr").allInnerTexts()).slice(0, 2);
    expect(rows[0]).toContain("Erased a candidate's data");
    expect(rows[1]).toContain("Asked to erase a candidate's data");
    expect(rows[1]).toContain("System or candidate");
    expect(await table.innerText()).not.toContain("dora@candidates.test");
    await page.close();
  });

  it.runIf(postgres)("a finished candidate past the retention period is listed by the dry run, erased by 'Erase now', and the run is in the audit log", async () => {
    const page = await owner.newPage();
    await inviteCandidate(page, app.url, { name: "Finn Finished", email: "finn@candidates.test" });
    // Finished 100 days ago (the period is 90): one database, so this runs on PostgreSQL only.
    const db = await openDatabase({ url: app.databaseUrl!, migrate: false });
    try {
      const finishedAt = new Date(Date.now() - 100 * 86_400_000);
      await db.prisma.candidate.updateMany({ where: { email: "finn@candidates.test" }, data: { status: "COMPLETED", openedAt: finishedAt, startedAt: finishedAt, completedAt: finishedAt } });
    } finally {
      await db.close();
    }

    await page.goto(`${app.url}/app/settings/organization`);
    await page.getByRole("button", { name: "Preview what the next run erases" }).click();
    const preview = page.getByRole("region", { name: "Retention preview" });
    await preview.getByText("Finn Finished").waitFor();
    expect(await preview.getByRole("listitem").count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await preview.getByRole("button", { name: "Erase now" }).click();
    await page.getByRole("status").filter({ hasText: "Erased 1 candidate." }).waitFor();

    await page.getByRole("button", { name: "Preview what the next run erases" }).click();
    await page.getByRole("heading", { name: "Nothing to erase" }).waitFor();

    await page.goto(`${app.url}/app/settings/audit-log`);
    const table = page.getByRole("table", { name: /Audit log entries/ });
    await table.waitFor();
    const actions = (await table.locator("tbody tr td:nth-child(3)").allInnerTexts()).map((t) => t.split("\n")[0]!.trim());
    expect(actions.slice(0, 4)).toEqual(["Previewed the retention run", "Retention run erased expired candidates", "Erased a candidate's data", "Previewed the retention run"]);
    expect(await table.innerText()).toContain("Rhea Owner");
    expect(await table.innerText()).not.toContain("finn@candidates.test");
    await page.close();
  });

  it("the owner deletes the organisation only after typing its name, and starts over", async () => {
    const page = await owner.newPage();
    await page.goto(`${app.url}/app/settings/organization`);
    const remove = page.getByRole("button", { name: "Delete Retain Co permanently" });
    expect(await remove.isDisabled()).toBe(true);
    await page.getByLabel("Type Retain Co to confirm").fill("Retain");
    expect(await remove.isDisabled()).toBe(true);
    await page.getByLabel("Type Retain Co to confirm").fill("Retain Co");
    await remove.click();
    await page.waitForURL(/\/app\/organizations\/new$/);
    await page.close();
  });
});
