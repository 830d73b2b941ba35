// Performance budget of the production build (docs/decisions/0120, issue 16): the landing page
// and the signed-in dashboard next to a static file served by the same Express server in the
// same run — the floor every page pays (TCP, Node, Express, compression). Two measures:
// - time to first byte, from Node (no browser in the way), 60 alternating rounds;
// - time to interactive in Chromium (Debian's, driven by playwright-core): navigation start to
//   the app's hydration mark (app/lib/hydration-mark.ts: React has hydrated the page and run its
//   effects), on a first visit (a fresh browser context: empty cache) and on a second visit
//   (cached assets); the static file's figure is its load event.
// Requires `npm run build -w @interviewlm/web` first.
//
//   npm run bench:production -w @interviewlm/bench   (BENCH_ROUNDS=60, BENCH_BROWSER_ROUNDS=20)
//
// With TEST_DATABASE_URL (an admin URL) it runs on a fresh PostgreSQL database; otherwise on
// embedded PGlite. Rounds alternate the three URLs so machine load hits them alike.
import { createSession, SESSION_COOKIE_NAME, setActiveOrganization } from "@interviewlm/auth";
import { openDatabase } from "@interviewlm/db";
import { freePort } from "@interviewlm/infra/net";
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createEmptyPostgresDatabase } from "@interviewlm/db/testing";
import { chromium, type Browser, type Page } from "playwright-core";

const webRoot = fileURLToPath(new URL("../../apps/web/", import.meta.url));
const rounds = Number(process.env.BENCH_ROUNDS ?? 60);
const browserRounds = Number(process.env.BENCH_BROWSER_ROUNDS ?? 20);
const HYDRATED_MARK = "interviewlm:hydrated"; // apps/web/app/lib/hydration-mark.ts
const secret = (c: string) => c.repeat(40);

if (!existsSync(join(webRoot, "build/server/index.js"))) {
  console.error("bench:production: build the web app first (npm run build -w @interviewlm/web)");
  process.exit(1);
}

async function database(dataDir: string): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return { env: { PGLITE_DATA_DIR: join(dataDir, "pglite") }, drop: async () => {} };
  const database = await createEmptyPostgresDatabase(adminUrl, "ilm_bench_prod");
  return { env: { DATABASE_URL: database.url }, drop: database.drop };
}

/** A verified owner of an organisation with a signed-in session, written before the server starts (PGlite is one process's). */
async function seedSignedInOwner(env: Record<string, string>): Promise<string> {
  const db = await openDatabase({ url: env.DATABASE_URL, pgliteDir: env.PGLITE_DATA_DIR });
  try {
    const user = await db.prisma.user.create({ data: { email: "bench@example.com", name: "Bench Owner", emailVerifiedAt: new Date() } });
    const organization = await db.prisma.organization.create({ data: { name: "Bench Org", slug: "bench-org" } });
    await db.prisma.membership.create({ data: { organizationId: organization.id, userId: user.id, role: "OWNER" } });
    const { token, session } = await createSession(db.prisma, user.id);
    await setActiveOrganization(db.prisma, session.id, organization.id);
    return `${SESSION_COOKIE_NAME}=${token}`;
  } finally {
    await db.close();
  }
}

/** Milliseconds to the response's headers (first byte); the body is read to the end. */
function ttfb(url: string, cookie?: string): Promise<{ ms: number; status: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get(url, { headers: { "accept-encoding": "gzip", ...(cookie ? { cookie } : {}) }, agent: false }, (response) => {
      const ms = performance.now() - started;
      response.resume();
      response.on("end", () => resolve({ ms, status: response.statusCode ?? 0 }));
    });
    request.on("error", reject);
  });
}

interface BrowserTiming {
  /** Navigation start to the response's first byte, as Chromium saw it. */
  ttfb: number;
  /** Navigation start to the hydration mark (pages) or the load event (the static file). */
  tti: number;
}

/** One navigation in `page`, timed by the Performance API. */
async function visit(page: Page, url: string, hydrates: boolean): Promise<BrowserTiming> {
  const response = await page.goto(url, { waitUntil: "load" });
  if (response?.status() !== 200) throw new Error(`${url} answered ${response?.status()} in Chromium`);
  if (hydrates) await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, HYDRATED_MARK, { polling: 10 });
  return page.evaluate(
    ({ mark, hydrates }) => {
      const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const tti = hydrates ? performance.getEntriesByName(mark)[0]!.startTime : navigation.loadEventEnd;
      return { ttfb: navigation.responseStart - navigation.startTime, tti };
    },
    { mark: HYDRATED_MARK, hydrates },
  );
}

/** A first visit (fresh context: empty cache, no service worker) and then a second one in the same context. */
async function firstAndSecondVisit(browser: Browser, url: string, hydrates: boolean, cookie?: { name: string; value: string }): Promise<[BrowserTiming, BrowserTiming]> {
  const context = await browser.newContext();
  try {
    if (cookie) await context.addCookies([{ ...cookie, url }]);
    const page = await context.newPage();
    const first = await visit(page, url, hydrates);
    const second = await visit(page, url, hydrates);
    return [first, second];
  } finally {
    await context.close();
  }
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};

const dataDir = await mkdtemp(join(tmpdir(), "ilm-bench-prod-"));
const db = await database(dataDir);
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
let server: ReturnType<typeof spawn> | undefined;
try {
  const cookie = await seedSignedInOwner(db.env);
  server = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: webRoot,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_URL: base,
      APP_SECRET: secret("a"),
      ROOM_TOKEN_SECRET: secret("r"),
      SANDBOX_SERVICE_SECRET: secret("s"),
      METRICS_TOKEN: secret("m"),
      ENABLE_DEV_MAILBOX: "1",
      ...db.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  server.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const check = () => /InterviewLM is running at/.test(output) && resolve();
    server!.stdout?.on("data", check);
    server!.once("exit", (code) => reject(new Error(`web app exited with ${code}:\n${output}`)));
  });

  const staticFile = `/assets/${readdirSync(join(webRoot, "build/client/assets")).find((name) => name.endsWith(".css"))}`;
  const targets = [
    { name: `static file (${staticFile.slice(0, 24)}…)`, url: `${base}${staticFile}` },
    { name: "landing page /", url: `${base}/` },
    { name: "dashboard /app (signed in)", url: `${base}/app`, cookie },
  ];
  for (const target of targets) {
    const { status } = await ttfb(target.url, target.cookie);
    if (status !== 200) throw new Error(`${target.url} answered ${status}`);
    for (let i = 0; i < 5; i++) await ttfb(target.url, target.cookie); // warm-up
  }
  const samples = targets.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    for (const [i, target] of targets.entries()) samples[i]!.push((await ttfb(target.url, target.cookie)).ms);
  }
  const floor = quantile(samples[0]!, 0.5);
  console.log(`\nTime to first byte, production build, ${rounds} alternating rounds (${db.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})\n`);
  console.log("| URL | median ms | p95 ms | ratio to static (median) |");
  console.log("|---|---|---|---|");
  for (const [i, target] of targets.entries()) {
    const median = quantile(samples[i]!, 0.5);
    console.log(`| ${target.name} | ${median.toFixed(1)} | ${quantile(samples[i]!, 0.95).toFixed(1)} | ${(median / floor).toFixed(1)}× |`);
  }

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const [cookieName, cookieValue] = cookie.split("=") as [string, string];
    const pages = targets.map((target, i) => ({ ...target, hydrates: i > 0, cookie: target.cookie ? { name: cookieName, value: cookieValue } : undefined }));
    for (const target of pages) await firstAndSecondVisit(browser, target.url, target.hydrates, target.cookie); // warm-up
    const first = pages.map(() => ({ ttfb: [] as number[], tti: [] as number[] }));
    const second = pages.map(() => ({ ttfb: [] as number[], tti: [] as number[] }));
    for (let round = 0; round < browserRounds; round++) {
      for (const [i, target] of pages.entries()) {
        const [a, b] = await firstAndSecondVisit(browser, target.url, target.hydrates, target.cookie);
        first[i]!.ttfb.push(a.ttfb);
        first[i]!.tti.push(a.tti);
        second[i]!.ttfb.push(b.ttfb);
        second[i]!.tti.push(b.tti);
      }
    }
    const firstFloor = quantile(first[0]!.tti, 0.5);
    const secondFloor = quantile(second[0]!.tti, 0.5);
    console.log(`\nTime to interactive in Chromium, ${browserRounds} alternating rounds (static file: its load event; pages: the hydration mark)\n`);
    console.log("| URL | visit | TTFB median ms | TTI median ms | TTI p95 ms | TTI ratio to static (median) |");
    console.log("|---|---|---|---|---|---|");
    for (const [visitName, timings, floorMs] of [["first", first, firstFloor], ["second", second, secondFloor]] as const) {
      for (const [i, target] of pages.entries()) {
        const median = quantile(timings[i]!.tti, 0.5);
        console.log(
          `| ${target.name} | ${visitName} | ${quantile(timings[i]!.ttfb, 0.5).toFixed(1)} | ${median.toFixed(1)} | ${quantile(timings[i]!.tti, 0.95).toFixed(1)} | ${(median / floorMs).toFixed(1)}× |`,
        );
      }
    }
  } finally {
    await browser.close();
  }
} finally {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  await db.drop();
  await rm(dataDir, { recursive: true, force: true });
}
