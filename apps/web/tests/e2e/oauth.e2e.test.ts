// Sign-in with GitHub and Google through the real routes, against a local server
// speaking both providers' OAuth wire protocols (authorize redirect, token, user).
import { startOAuthTestServer, type OAuthTestServer } from "@interviewlm/auth/testing";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "./support/app-server.ts";
import { launchBrowser } from "./support/browser.ts";

let oauth: OAuthTestServer;
let app: AppServer;
let browser: Browser;

beforeAll(async () => {
  oauth = await startOAuthTestServer({
    github: {
      users: [
        { id: 1001, login: "octo", name: "Octo Cat", emails: [{ email: "octo@example.com", primary: true, verified: true }] },
        { id: 1002, login: "shady", name: "Shady", emails: [{ email: "shady@example.com", primary: true, verified: false }] },
      ],
    },
    google: {
      users: [
        { sub: "g-42", email: "grace@example.com", emailVerified: true, name: "Grace Hopper" },
        { sub: "g-77", email: "vera@example.com", emailVerified: true, name: "Vera Victim" },
      ],
    },
  });
  [app, browser] = await Promise.all([startAppServer(oauth.env), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await oauth?.close();
});

describe("OAuth sign-in", () => {
  it("creates an account and organisation from a GitHub login", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    oauth.setNextUser("github", 1001);
    await page.goto(`${app.url}/login`);
    await page.getByRole("link", { name: "Continue with GitHub" }).click();
    await page.getByRole("heading", { name: "Octo Cat's team" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/app");
    await context.close();
  });

  it("links Google to an existing account with the same verified email", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/signup`);
    await page.getByLabel("Your name").fill("Grace Hopper");
    await page.getByLabel("Work email").fill("grace@example.com");
    await page.getByLabel("Password", { exact: true }).fill("grace's long password");
    await page.getByLabel("Organization name").fill("Navy Labs");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { name: "Check your inbox" }).waitFor();
    await page.getByRole("button", { name: "Use a different account" }).click();
    // Logged out once it lands on the home page; going to /login before that races the
    // log-out, and a still-signed-in visitor is sent from /login to the app.
    await page.waitForURL(`${app.url}/`);

    oauth.setNextUser("google", "g-42");
    await page.goto(`${app.url}/login`);
    await page.getByRole("link", { name: "Continue with Google" }).click();
    // Same account (its organisation), now verified by Google, with Google linked.
    await page.getByRole("heading", { name: "Navy Labs" }).waitFor();
    await page.goto(`${app.url}/app/settings/profile`);
    await page.getByText("google", { exact: true }).waitFor();
    await context.close();
  });

  it("takes an unverified account back from whoever claimed the address: their password and session stop working", async () => {
    // Someone signs up with Vera's address and stays signed in, never verifying it.
    const attacker = await browser.newContext();
    const mallory = await attacker.newPage();
    await mallory.goto(`${app.url}/signup`);
    await mallory.getByLabel("Your name").fill("Mallory");
    await mallory.getByLabel("Work email").fill("vera@example.com");
    await mallory.getByLabel("Password", { exact: true }).fill("mallory's long password");
    await mallory.getByRole("button", { name: "Create account" }).click();
    await mallory.getByRole("heading", { name: "Check your inbox" }).waitFor();

    // Vera signs in with Google, which vouches for the address.
    const owner = await browser.newContext();
    const vera = await owner.newPage();
    oauth.setNextUser("google", "g-77");
    await vera.goto(`${app.url}/login`);
    await vera.getByRole("link", { name: "Continue with Google" }).click();
    await vera.waitForURL((url) => url.pathname === "/app");

    await mallory.goto(`${app.url}/app`);
    expect(new URL(mallory.url()).pathname).toBe("/login");
    await mallory.getByLabel("Email").fill("vera@example.com");
    await mallory.getByLabel("Password", { exact: true }).fill("mallory's long password");
    await mallory.getByRole("button", { name: "Log in" }).click();
    await mallory.getByText(/signs in with GitHub or Google/).waitFor();
    expect(new URL(mallory.url()).pathname).toBe("/login");
    await attacker.close();
    await owner.close();
  });

  it("after the provider, follows redirectTo only to a page of the app", async () => {
    const context = await browser.newContext();
    await context.route(/^https?:\/\/evil\.example\//, (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<h1>Phished</h1>" }));
    const page = await context.newPage();
    oauth.setNextUser("github", 1001);
    await page.goto(`${app.url}/auth/github?redirectTo=%2F%09%2Fevil.example%2Fphish`);
    await page.waitForURL((url) => url.hostname === "evil.example" || (url.origin === app.url && url.pathname.startsWith("/app")));
    expect(`${new URL(page.url()).origin}${new URL(page.url()).pathname}`).toBe(`${app.url}/app`);
    await context.close();
  });

  it("rejects a callback whose state does not match the one it started with", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Start a real flow (sets the state cookie), then arrive with another state.
    const start = await page.request.get(`${app.url}/auth/github`, { maxRedirects: 0 });
    expect(start.status()).toBe(302);
    const authorize = new URL(start.headers().location!);
    expect(authorize.origin).toBe(oauth.url);
    await page.goto(`${app.url}/auth/github/callback?code=stolen-code&state=${"x".repeat(authorize.searchParams.get("state")!.length)}`);
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.getByText(/expired or was tampered with/).waitFor();
    expect((await context.cookies()).some((c) => c.name === "ilm_session")).toBe(false);
    await context.close();
  });

  it("refuses a GitHub account without a verified email", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    oauth.setNextUser("github", 1002);
    await page.goto(`${app.url}/login`);
    await page.getByRole("link", { name: "Continue with GitHub" }).click();
    await page.getByText(/no verified email/i).waitFor();
    expect(new URL(page.url()).pathname).toBe("/login");
    await context.close();
  });
});
