// Each role sees the actions the permission table grants it, and no others: an owner, an
// admin, a member and a viewer of one organisation walk the same pages. What to expect is
// read from the table itself (permissionsFor), so the UI and the table cannot drift apart.
// Then: a page inside the app that fails keeps the app around it and says what to do next.
import { permissionsFor, type Permission } from "@interviewlm/auth/permissions";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "./support/app-server.ts";
import { launchBrowser } from "./support/browser.ts";
import { addTeammate, inviteCandidate, signUpVerified } from "./support/people.ts";

let app: AppServer;
let browser: Browser;
const people = new Map<string, BrowserContext>();
let assessmentPath = "";

beforeAll(async () => {
  [app, browser] = await Promise.all([startAppServer(), launchBrowser()]);
  const owner = await signUpVerified(browser, app.url, { name: "Olga Owner", email: "olga@perm.test", organization: "Perm Co" });
  people.set("OWNER", owner);
  const page = await owner.newPage();
  ({ assessmentPath } = await inviteCandidate(page, app.url, { name: "Cleo Candidate", email: "cleo@cand.test" }));
  await page.close();
  for (const [role, name] of [["ADMIN", "Adam Admin"], ["MEMBER", "Mia Member"], ["VIEWER", "Vic Viewer"]] as const) {
    people.set(role, await addTeammate(browser, app.url, owner, { name, email: `${name.split(" ")[0]!.toLowerCase()}@perm.test`, role }));
  }
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** A control on a page, and the permission that should make it appear. */
interface Control {
  path: () => string;
  permission: Permission;
  find: (page: Page) => ReturnType<Page["getByRole"]>;
}

const controls: Record<string, Control> = {
  "dashboard: New assessment": { path: () => "/app", permission: "assessments:write", find: (p) => p.getByRole("link", { name: "New assessment" }) },
  "assessments: New assessment": { path: () => "/app/assessments", permission: "assessments:write", find: (p) => p.getByRole("link", { name: "New assessment" }) },
  "assessment: Edit": { path: () => assessmentPath, permission: "assessments:write", find: (p) => p.getByRole("link", { name: "Edit", exact: true }) },
  "assessment: Duplicate": { path: () => assessmentPath, permission: "assessments:write", find: (p) => p.getByRole("button", { name: /^Duplicate/ }) },
  "assessment: Invite candidates": { path: () => assessmentPath, permission: "candidates:invite", find: (p) => p.getByRole("heading", { name: "Invite candidates" }) },
  "assessment: Revoke a candidate": { path: () => assessmentPath, permission: "candidates:invite", find: (p) => p.getByRole("button", { name: /^Revoke/ }) },
  "preview: Edit assessment": { path: () => `${assessmentPath}/preview`, permission: "assessments:write", find: (p) => p.getByRole("link", { name: "Edit assessment" }) },
  "candidates: Revoke": { path: () => "/app/candidates", permission: "candidates:invite", find: (p) => p.getByRole("button", { name: /^Revoke/ }) },
  "members: Send invitation": { path: () => "/app/settings/members", permission: "members:invite", find: (p) => p.getByRole("button", { name: "Send invitation" }) },
  "organization: Save changes": { path: () => "/app/settings/organization", permission: "org:update", find: (p) => p.getByRole("button", { name: "Save changes" }) },
};

describe("actions in the UI follow the permission table", () => {
  for (const role of ["OWNER", "ADMIN", "MEMBER", "VIEWER"] as const) {
    it(`${role.toLowerCase()}: sees exactly the actions the role grants`, async () => {
      const granted = new Set(permissionsFor(role));
      const page = await people.get(role)!.newPage();
      const seen: Record<string, boolean> = {};
      const expected: Record<string, boolean> = {};
      for (const [name, control] of Object.entries(controls)) {
        await page.goto(`${app.url}${control.path()}`);
        // Every page has its h1 once rendered; only then is "absent" meaningful.
        await page.getByRole("heading", { level: 1 }).first().waitFor();
        seen[name] = (await control.find(page).count()) > 0;
        expected[name] = granted.has(control.permission);
      }
      expect(seen).toEqual(expected);
      await page.close();
    });
  }
});

describe("a failing page inside the app", () => {
  const cases = [
    { path: () => "/app/assessments/no-such-assessment", status: 404, title: "Not found", next: "Back to assessments" },
    { path: () => "/app/no/such/page", status: 404, title: "Not found", next: "Go to the dashboard" },
    { path: () => "/app/platform", status: 403, title: "You don't have access to this", next: "Go to the dashboard" },
    { path: () => `/app/live/${"x".repeat(100)}`, status: 400, title: "This request could not be handled", next: "Back to Live now" },
  ];
  for (const c of cases) {
    it(`${c.path().slice(0, 40)}: ${c.status} inside the app shell, with a next step`, async () => {
      const page = await people.get("OWNER")!.newPage();
      const response = await page.goto(`${app.url}${c.path()}`);
      expect(response?.status()).toBe(c.status);
      await page.getByRole("heading", { level: 1, name: c.title }).waitFor();
      // The shell is still there: main navigation, the account menu.
      expect(await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Assessments" }).count()).toBeGreaterThan(0);
      expect(await page.getByRole("button", { name: /account menu for/i }).count()).toBe(1);
      await page.getByRole("link", { name: c.next }).click();
      await page.waitForURL((url) => url.pathname !== new URL(`${app.url}${c.path()}`).pathname);
      await page.close();
    });
  }
});
