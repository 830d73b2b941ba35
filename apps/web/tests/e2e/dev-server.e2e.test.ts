// `npm run dev`'s web process (Vite in middleware mode) in Chromium: it starts and hot-reloads
// even when Vite's usual HMR port (24678) is held by something else — another checkout's dev
// server, say — and its pages run under the Content-Security-Policy without a violation.
import { createServer, type Server } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "./support/app-server.ts";
import { launchBrowser } from "./support/browser.ts";
import { watchCspViolations } from "./support/csp.ts";

const VITE_DEFAULT_HMR_PORT = 24678;
let squatter: Server | null = null;
let app: AppServer;
let browser: Browser;

/** Holds the port unless something already does (then it is taken either way). */
function holdPort(port: number): Promise<Server | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(null));
    server.listen(port, () => resolve(server));
  });
}

// Vite's development server optimises dependencies before it answers: minutes on a loaded machine.
beforeAll(async () => {
  squatter = await holdPort(VITE_DEFAULT_HMR_PORT);
  [app, browser] = await Promise.all([startAppServer({ NODE_ENV: "development" }, { readyTimeoutMs: 240_000 }), launchBrowser()]);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await new Promise((resolve) => (squatter ? squatter.close(resolve) : resolve(null)));
});

describe("the development server", () => {
  it("connects Vite's hot reload on the app's own port while 24678 is taken, with no CSP violation", { timeout: 300_000 }, async () => {
    const context = await browser.newContext();
    const violations = await watchCspViolations(context);
    const page = await context.newPage();
    // Vite's client says either; waiting for both fails fast when the socket cannot connect.
    const hmr = page.waitForEvent("console", { predicate: (m) => /\[vite\] (connected|failed to connect)/.test(m.text()), timeout: 240_000 });
    hmr.catch(() => undefined); // awaited below; a failed goto must not leave it unhandled
    // The first request compiles the app on demand: generous, for a loaded machine.
    await page.goto(`${app.url}/login`, { timeout: 240_000 });
    expect((await hmr).text()).toContain("[vite] connected");
    await page.getByRole("heading", { name: "Log in" }).waitFor();
    await page.waitForLoadState("networkidle");

    expect(violations).toEqual([]);
    expect(app.output()).not.toMatch(/already in use|WebSocket server error/i);
    await context.close();
  });
});
