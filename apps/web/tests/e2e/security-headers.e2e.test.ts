// The web app's security headers on the real server, and the Content-Security-Policy doing
// its job in Chromium: the app's own scripts run (nonce), an injected inline one does not.
// (accessibility.e2e.test.ts visits every main page with zero violations allowed.)
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "./support/app-server.ts";
import { launchBrowser } from "./support/browser.ts";
import { watchCspViolations } from "./support/csp.ts";

const ROOMS = "https://rooms.example.test:8443";
let app: AppServer;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startAppServer({ ROOM_PUBLIC_URL: ROOMS }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const directives = (csp: string) => new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

describe("security headers", () => {
  it("sends a nonce-based Content-Security-Policy, new for every response, on the scripts it renders", async () => {
    const [first, second] = await Promise.all([fetch(`${app.url}/login`), fetch(`${app.url}/login`)]);
    const policy = directives(first.headers.get("content-security-policy") ?? "");
    const nonce = policy.get("script-src")?.find((v) => v.startsWith("'nonce-"))?.slice(7, -1);
    expect(nonce).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
    expect(second.headers.get("content-security-policy")).not.toContain(nonce!);
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("connect-src")).toEqual(expect.arrayContaining(["'self'", ROOMS, "wss://rooms.example.test:8443"]));

    const html = await first.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !tag.includes("application/ld+json"));
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("forbids framing and keeps paths out of the Referer sent to other sites", async () => {
    for (const path of ["/", "/login", "/app", "/no/such/page"]) {
      const response = await fetch(`${app.url}${path}`, { redirect: "manual" });
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
      expect(response.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
    }
  });

  it("runs the app's scripts without a violation, and blocks an inline script injected into the page", async () => {
    const context = await browser.newContext();
    const violations = await watchCspViolations(context);
    const page = await context.newPage();
    await page.goto(`${app.url}/login`);
    await page.waitForLoadState("networkidle");
    // Hydrated: client-side validation is React's, so the app's module scripts ran.
    await page.waitForFunction(() => Boolean((window as unknown as { __remixContext?: unknown }).__remixContext));
    expect(violations).toEqual([]);

    await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.__injected = true;";
      document.body.append(script);
    });
    await expect.poll(() => violations.some((v) => v.directive === "script-src-elem" && v.blocked === "inline")).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    await context.close();
  });

  it("cannot be framed by another page", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await context.route("http://framer.example/", (route) =>
      route.fulfill({ status: 200, contentType: "text/html", body: `<iframe src="${app.url}/login" title="framed"></iframe>` }),
    );
    // The framing page's load waits for its frame: by then Chromium has refused to render us.
    await page.goto("http://framer.example/");
    const frames = page.frames();
    expect(frames).toHaveLength(2);
    expect(frames[1]!.url()).not.toContain(app.url);
    expect(await frames[1]!.locator("form").count()).toBe(0);
    await context.close();
  });
});
