// The new-user journey through a real browser against the real server:
// sign up → verification mail in the dev mailbox → verify → own organisation →
// invite a teammate → teammate signs up from the emailed link → log out → log in.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "./support/app-server.ts";
import { launchBrowser } from "./support/browser.ts";
import { linkFromDevMailbox } from "./support/mailbox.ts";
import { signUpVerified } from "./support/people.ts";

let app: AppServer;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startAppServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function signUp(page: Page, input: { name: string; email: string; password: string; organization?: string }) {
  await page.getByLabel("Your name").fill(input.name);
  const email = page.getByLabel("Work email");
  if (await email.isEditable()) await email.fill(input.email);
  await page.getByLabel("Password", { exact: true }).fill(input.password);
  if (input.organization) await page.getByLabel("Organization name").fill(input.organization);
  await page.getByRole("button", { name: /Create account/ }).click();
}

describe("accounts and organisations in the browser", () => {
  it("takes a new user from sign-up to a working team", async () => {
    const owner = await browser.newContext();
    const page = await owner.newPage();

    await page.goto(`${app.url}/`);
    await page.getByRole("link", { name: /Start free/i }).first().click();
    await expect.poll(() => page.url()).toContain("/signup");

    // Bad input first: each field says what is wrong, and nothing is created.
    await signUp(page, { name: "Owen Owner", email: "not-an-email", password: "short" });
    await expect.poll(() => page.getByText(/valid email/i).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText(/at least 10/i).count()).toBeGreaterThan(0);

    await signUp(page, { name: "Owen Owner", email: "owen@acme.test", password: "owen's long password", organization: "Acme Hiring" });
    await page.getByRole("heading", { name: "Check your inbox" }).waitFor();

    const verifyLink = await linkFromDevMailbox(page, app.url, "owen@acme.test", /Verify/i, "/verify-email/");
    await page.goto(verifyLink);
    await page.getByRole("heading", { name: "Email verified" }).waitFor();
    await page.getByRole("link", { name: "Continue to InterviewLM" }).click();
    await page.getByRole("heading", { name: "Acme Hiring", exact: true }).waitFor();

    // Invite a teammate as a viewer.
    await page.goto(`${app.url}/app/settings/members`);
    await page.getByLabel("Email").fill("tess@acme.test");
    await page.getByLabel("Role", { exact: true }).selectOption("VIEWER");
    await page.getByRole("button", { name: "Send invitation" }).click();
    await page.getByRole("status").filter({ hasText: "Invitation sent to tess@acme.test" }).waitFor();
    await page.getByRole("cell", { name: "tess@acme.test", exact: true }).waitFor();

    // The teammate, in another browser, follows the emailed link.
    const teammate = await browser.newContext();
    const tess = await teammate.newPage();
    const inviteLink = await linkFromDevMailbox(tess, app.url, "tess@acme.test", /Acme Hiring/i, "/invitations/");
    await tess.goto(inviteLink);
    await tess.getByRole("heading", { name: "Join Acme Hiring" }).waitFor();
    await tess.getByRole("link", { name: "Create an account to join" }).click();
    await expect.poll(() => tess.getByLabel("Work email").inputValue()).toBe("tess@acme.test");
    await signUp(tess, { name: "Tess Teammate", email: "tess@acme.test", password: "tess's long password" });
    await tess.getByRole("heading", { name: "Acme Hiring", exact: true }).waitFor();
    await tess.goto(`${app.url}/app/settings/members`);
    const tessRow = tess.getByRole("row", { name: /Tess Teammate/ });
    await expect.poll(() => tessRow.innerText()).toMatch(/Viewer/);
    // A viewer gets no invite form.
    expect(await tess.getByRole("button", { name: "Send invitation" }).count()).toBe(0);

    // Log out and back in.
    await tess.waitForLoadState("networkidle"); // the menu needs the page hydrated
    await tess.getByRole("button", { name: "Account menu for Tess Teammate" }).click();
    await tess.getByRole("menuitem", { name: "Log out" }).click();
    await expect.poll(() => new URL(tess.url()).pathname).toBe("/");
    await tess.goto(`${app.url}/app`);
    await expect.poll(() => new URL(tess.url()).pathname).toBe("/login");
    await tess.getByLabel("Email").fill("tess@acme.test");
    await tess.getByLabel("Password", { exact: true }).fill("wrong password!!");
    await tess.getByRole("button", { name: "Log in" }).click();
    await tess.getByText("Email or password is incorrect.").first().waitFor();
    await tess.getByLabel("Password", { exact: true }).fill("tess's long password");
    await tess.getByRole("button", { name: "Log in" }).click();
    await tess.getByRole("heading", { name: "Acme Hiring", exact: true }).waitFor();

    await owner.close();
    await teammate.close();
  });

  it("after logging in, follows redirectTo only to a page of the app", async () => {
    const context = await signUpVerified(browser, app.url, { name: "Rhea Redirect", email: "rhea@acme.test", organization: "Rhea's team" });
    await context.clearCookies();
    const page = await context.newPage();
    // Should a redirect escape, the "other site" answers locally instead of over the network.
    await context.route(/^https?:\/\/evil\.example\//, (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<h1>Phished</h1>" }));
    const logIn = async (redirectTo: string) => {
      await context.clearCookies();
      await page.goto(`${app.url}/login?redirectTo=${redirectTo}`);
      await page.getByLabel("Email").fill("rhea@acme.test");
      await page.getByLabel("Password", { exact: true }).fill("Rhea Redirect long password");
      await page.getByRole("button", { name: "Log in" }).click();
      await page.waitForURL((url) => url.hostname === "evil.example" || (url.origin === app.url && url.pathname !== "/login"));
      return new URL(page.url());
    };

    // A tab that the browser strips, leaving "//evil.example/phish".
    const landed = await logIn("%2F%09%2Fevil.example%2Fphish");
    expect(landed.origin).toBe(app.url);
    expect(landed.pathname).toBe("/app");
    // A backslash, which browsers read as a slash.
    expect((await logIn("%2F%5Cevil.example%2Fphish")).origin).toBe(app.url);

    const kept = await logIn(encodeURIComponent("/app/settings/profile?tab=1"));
    expect(`${kept.origin}${kept.pathname}${kept.search}`).toBe(`${app.url}/app/settings/profile?tab=1`);
    await context.close();
  });

  it("refuses a cross-origin form post", async () => {
    const response = await fetch(`${app.url}/login?_data=routes%2Flogin`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" },
      body: "email=owen%40acme.test&password=owen%27s+long+password",
      redirect: "manual",
    });
    expect(response.headers.get("set-cookie") ?? "").not.toMatch(/ilm_session=[a-z0-9]/);
    const trpc = await fetch(`${app.url}/api/trpc/auth.logIn`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://evil.example" },
      body: JSON.stringify({ json: { email: "owen@acme.test", password: "owen's long password" } }),
    });
    expect(trpc.status).toBe(403);
    expect(await trpc.text()).toMatch(/Cross-origin request refused/);
  });
});
