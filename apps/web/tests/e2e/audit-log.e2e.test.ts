// The audit log page: an owner sees what she did (invited a teammate, changed a role) in
// plain words, filters it, and downloads the filtered rows as CSV; a teammate without
// audit:read gets 403 inside the app shell, for the page and the CSV, and no link to it.
import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "./support/app-server.ts";
import { axeViolations } from "./support/axe.ts";
import { launchBrowser } from "./support/browser.ts";
import { addTeammate, signUpVerified } from "./support/people.ts";

let app: AppServer;
let browser: Browser;
let owner: BrowserContext;
let teammate: BrowserContext;

beforeAll(async () => {
  [app, browser] = await Promise.all([startAppServer(), launchBrowser()]);
  owner = await signUpVerified(browser, app.url, { name: "Alma Owner", email: "alma@audit.test", organization: "Audit Co" });
  teammate = await addTeammate(browser, app.url, owner, { name: "Milo Member", email: "milo@audit.test", role: "MEMBER" });
  // The owner makes Milo a viewer through the members page.
  const page = await owner.newPage();
  await page.goto(`${app.url}/app/settings/members`);
  await page.getByLabel("Role of Milo Member").selectOption("VIEWER");
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/app/settings/members")),
    page.getByRole("row", { name: /Milo Member/ }).getByRole("button", { name: "Save" }).click(),
  ]);
  await page.close();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const auditTable = (page: Page) => page.getByRole("table", { name: /Audit log entries/ });
const actionsShown = async (page: Page) => (await auditTable(page).locator("tbody tr td:nth-child(3)").allInnerTexts()).map((t) => t.split("\n")[0]!.trim());

describe("audit log", () => {
  it("the owner sees her actions in plain words, newest first, filters them and downloads the CSV", async () => {
    const page = await owner.newPage();
    await page.goto(`${app.url}/app/settings`);
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Audit log" }).click();
    await page.getByRole("heading", { level: 1, name: "Audit log" }).waitFor();
    const all = await actionsShown(page);
    expect(all[0]).toBe("Changed a member's role");
    expect(all).toEqual(expect.arrayContaining(["Invited a member", "Joined the organization", "Created the organization"]));
    const changed = auditTable(page).getByRole("row").filter({ hasText: "Changed a member's role" });
    await expect.poll(() => changed.innerText()).toContain("alma@audit.test");
    expect(await changed.innerText()).toContain("milo@audit.test");
    expect(await changed.locator("time").getAttribute("datetime")).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await axeViolations(page)).toEqual([]);

    // Filter: member actions by the owner only (Milo's "joined" goes, so does the org's creation).
    await page.getByLabel("Action").selectOption({ label: "Members and invitations" });
    await page.getByLabel("Person").selectOption({ label: "Alma Owner (alma@audit.test)" });
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL((url) => url.searchParams.get("category") === "member");
    await page.getByRole("table", { name: /matching the filters/ }).waitFor();
    expect(await actionsShown(page)).toEqual(["Changed a member's role", "Invited a member"]);

    // The CSV holds exactly the filtered rows.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await readFile((await download.path())!, "utf8")).trimEnd().split("\r\n");
    expect(lines[0]).toBe("Time (UTC),Actor name,Actor email,Action,Action code,Target,IP address");
    expect(lines.slice(1).map((l) => l.split(",")[4])).toEqual(["member.role_changed", "member.invited"]);

    // A range with nothing in it: the empty state says so.
    await page.goto(`${app.url}/app/settings/audit-log?from=2000-01-01&to=2000-01-02`);
    await page.getByRole("heading", { name: "Nothing matches these filters" }).waitFor();
    await page.close();
  });

  it("a viewer gets 403 inside the app shell, for the page and the CSV, and no link to it", async () => {
    const page = await teammate.newPage();
    await page.goto(`${app.url}/app/settings/profile`);
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    const settingsNav = page.getByRole("navigation", { name: "Settings" });
    expect(await settingsNav.getByRole("link", { name: "Members" }).count()).toBe(1);
    expect(await settingsNav.getByRole("link", { name: "Audit log" }).count()).toBe(0);

    const response = await page.goto(`${app.url}/app/settings/audit-log`);
    expect(response?.status()).toBe(403);
    await page.getByRole("heading", { level: 1, name: "You don't have access to this" }).waitFor();
    expect(await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Assessments" }).count()).toBeGreaterThan(0);
    expect(await page.getByRole("table").count()).toBe(0);

    const csv = await page.request.get(`${app.url}/app/settings/audit-log.csv`);
    expect(csv.status()).toBe(403);
    expect(await csv.text()).not.toContain("alma@audit.test");
    await page.close();
  });
});
