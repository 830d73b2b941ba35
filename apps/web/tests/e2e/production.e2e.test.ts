// Production mode (docs/decisions/0120) on the real processes and the built bundle: the probes
// a load balancer and systemd use, the metrics a scraper reads, the dev mailbox gone, and a
// half configuration refused at start-up with every problem named. The smoke journey (sign up →
// assessment → invite → candidate → run → watch → finish) on a host started by `npm start`, and
// SIGTERM in the middle of an interview: production-journey.e2e.test.ts.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { E2E_SECRETS } from "./support/app-server.ts";
import { printStackLogsOnFailure, startStack, type Stack } from "./support/stack.ts";

let stack: Stack | undefined;
printStackLogsOnFailure(() => stack);

beforeAll(async () => {
  // The dev mailbox is off, as on a real deployment (the stack turns it on for the journeys).
  stack = await startStack({ ENABLE_DEV_MAILBOX: "0", RESEND_API_KEY: "re_e2e_unused", RESEND_BASE_URL: "http://127.0.0.1:9" });
});
afterAll(async () => {
  await stack?.stop();
});

describe("production mode", () => {
  it("answers liveness, and readiness once the database, the sandbox's isolation self-test and the outbox worker pass", async () => {
    const live = await fetch(`${stack!.web.url}/healthz`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: "ok" });

    const ready = await fetch(`${stack!.web.url}/readyz`);
    const body = (await ready.json()) as { status: string; checks: Record<string, { ok: boolean; detail?: string }> };
    expect(body.checks.database).toEqual({ ok: true });
    expect(body.checks.sandbox?.ok).toBe(true);
    expect(body.checks.sandbox?.detail).toMatch(/isolation/);
    expect(body.checks.outbox).toEqual({ ok: true });
    expect(ready.status).toBe(200);
    expect(body.status).toBe("ready");
  });

  it("serves /metrics only to the bearer of METRICS_TOKEN", async () => {
    expect((await fetch(`${stack!.web.url}/metrics`)).status).toBe(401);
    const scrape = await fetch(`${stack!.web.url}/metrics`, { headers: { authorization: `Bearer ${E2E_SECRETS.METRICS_TOKEN}` } });
    expect(scrape.status).toBe(200);
    const text = await scrape.text();
    expect(text).toMatch(/^http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+$/m);
    expect(text).toMatch(/^interviewlm_outbox_queue_depth\{status="QUEUED"\} \d+$/m);
    expect(text).toMatch(/^interviewlm_sandbox_runs\{kind="exec"\} \d+$/m);
  });

  it("has no dev mailbox", async () => {
    expect((await fetch(`${stack!.web.url}/dev/mailbox`)).status).toBe(404);
  });

  it("refuses to start on a half configuration, naming each problem", async () => {
    const webRoot = fileURLToPath(new URL("../..", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
      cwd: webRoot,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", APP_SECRET: E2E_SECRETS.APP_SECRET, ROOM_TOKEN_SECRET: E2E_SECRETS.ROOM_TOKEN_SECRET },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).not.toBe(0);
    for (const key of ["APP_URL", "DATABASE_URL", "RESEND_API_KEY", "SANDBOX_SERVICE_SECRET", "METRICS_TOKEN"]) {
      expect(output).toMatch(new RegExp(`${key}: is required in production`));
    }
    expect(output).not.toMatch(/InterviewLM is running/);
  });
});
