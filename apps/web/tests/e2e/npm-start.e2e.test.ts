// `npm start` (scripts/start.mjs, docs/deploy.md) on the production build: the three processes
// come up with NODE_ENV=production, the web app reports ready (database, sandbox isolation
// self-test, outbox), the rooms answer, and SIGTERM stops rooms → web → sandbox and exits 0.
// (The smoke journey on the same host: production-journey.e2e.test.ts.)
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { startProductionHost, type ProductionHost } from "./support/production-host.ts";

describe("npm start", () => {
  let host: ProductionHost | undefined;
  afterEach((context) => {
    if (host && context.task.result?.state === "fail") console.error(`\n--- npm start output ---\n${host.output().slice(-12_000)}`);
  });
  afterAll(async () => {
    await host?.dispose();
  });

  it("runs sandbox, web and rooms in production mode and stops them in order on SIGTERM", async () => {
    // The database pass gives it PostgreSQL (a fresh database of its own); otherwise a deliberate embedded database.
    host = await startProductionHost({ RESEND_API_KEY: "re_e2e_unused", RESEND_BASE_URL: "http://127.0.0.1:9" });
    await expect.poll(() => /Ready on http:\/\/127\.0\.0\.1:\d+/.test(host!.output()), { timeout: 60_000 }).toBe(true);
    expect((await fetch(`${host.webUrl}/dev/mailbox`)).status).toBe(404);
    // The rooms' probes: the web app and the sandbox service answer them.
    expect(await (await fetch(`${host.roomsUrl}/parties/health/healthz`)).json()).toEqual({ status: "ok" });
    const roomsReady = await fetch(`${host.roomsUrl}/parties/health/readyz`);
    expect(await roomsReady.json()).toEqual({ status: "ready", checks: { environment: { ok: true }, web: { ok: true }, sandbox: { ok: true } } });
    expect(roomsReady.status).toBe(200);

    expect(await host.stop(), host.output()).toBe(0);
    // start.mjs prefixes each line with the process name; the JSON log lines stay intact.
    const plain = host.output();
    const webStopping = plain.indexOf('"event":"web.stopping"');
    const webStopped = plain.indexOf('"event":"web.stopped"');
    const sandboxStopping = plain.indexOf('"event":"service.stopping"');
    expect(webStopping).toBeGreaterThan(-1);
    // The sandbox service is told to stop only once the web app has finished.
    expect(sandboxStopping).toBeGreaterThan(webStopped);
    expect(webStopped).toBeGreaterThan(webStopping);
  }, 300_000);
});
