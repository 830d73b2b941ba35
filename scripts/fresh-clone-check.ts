// CI's fresh-clone check (README "Quick start" from a private directory): clones this
// repository into a `mktemp -d` directory (mode 700, like root's home), runs `npm run setup`
// and `npm run dev` there on free ports, and drives the README's journey in Chromium — sign
// up, verify, create an assessment, invite, open the invitation, pass the system check, start
// — through to a test run and a terminal command in the interview. Every wait is for a
// condition; every process it starts is stopped and the directory removed, also on failure.
//   node --import tsx scripts/fresh-clone-check.ts
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { stripVTControlCharacters } from "node:util";
import type { Browser } from "playwright-core";
import { freePort } from "../apps/web/tests/e2e/support/app-server.ts";
import { launchBrowser } from "../apps/web/tests/e2e/support/browser.ts";
import { inviteCandidate, signUpVerified, startInterview } from "../apps/web/tests/e2e/support/people.ts";

const repo = fileURLToPath(new URL("..", import.meta.url));
const started = Date.now();
const log = (message: string) => console.log(`fresh-clone (${Math.round((Date.now() - started) / 1000)}s): ${message}`);

/** Runs a command to completion with its output going to ours; throws on failure. */
function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "inherit", "inherit"] });
    child.once("error", reject);
    child.once("exit", (code, signal) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} ended with ${signal ?? code}`))));
  });
}

/** `npm run dev` in its own process group, so that stopping it stops everything it started. */
function startDev(cwd: string, env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string; waitFor(pattern: RegExp, timeoutMs: number): Promise<void> } {
  const child = spawn("npm", ["run", "dev"], { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const waiters = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    for (const wake of [...waiters]) wake();
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  return {
    child,
    output: () => output,
    waitFor: (pattern, timeoutMs) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => done(new Error(`npm run dev never printed ${pattern} in ${timeoutMs / 1000} s`)), timeoutMs);
        const onExit = () => done(new Error(`npm run dev exited before printing ${pattern}`));
        const check = () => pattern.test(output) && done(null);
        function done(error: Error | null) {
          clearTimeout(timer);
          waiters.delete(check);
          child.off("exit", onExit);
          if (error) reject(error);
          else resolve();
        }
        waiters.add(check);
        child.once("exit", onExit);
        check();
      }),
  };
}

const groupAlive = (pgid: number) => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * SIGTERM to the whole group (npm, dev.mjs, the three services) and a wait until every one
 * has exited — the sandbox unmounts its workspaces on the way out, after dev.mjs is gone —
 * then SIGKILL for whatever is still there after 60 s.
 */
async function stopGroup(child: ChildProcess): Promise<void> {
  const pgid = child.pid;
  if (pgid === undefined || !groupAlive(pgid)) return;
  process.kill(-pgid, "SIGTERM");
  const deadline = Date.now() + 60_000;
  while (groupAlive(pgid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  if (groupAlive(pgid)) {
    console.error("fresh-clone: npm run dev did not stop within 60 s of SIGTERM; killing it");
    process.kill(-pgid, "SIGKILL");
  }
}

/** Mounts the sandbox of the clone made: its /run exposure of the data directory and everything under it. */
function mountsOf(parent: string): string[] {
  const lines = readFileSync("/proc/self/mountinfo", "utf8").split("\n").filter(Boolean);
  const roots = lines.filter((line) => line.includes(parent)).map((line) => line.split(" ")[4]!);
  return lines.map((line) => line.split(" ")[4]!).filter((point) => roots.some((root) => point === root || point.startsWith(`${root}/`)));
}

/**
 * The helpers open their own contexts; in development mode the first visit of each route
 * compiles it, so every context of this check waits longer than Playwright's 30 s default.
 */
function patient(browser: Browser): Browser {
  const newContext = async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(120_000);
    context.setDefaultNavigationTimeout(180_000);
    return context;
  };
  return { newContext } as unknown as Browser;
}

async function journey(launched: Browser, appUrl: string): Promise<void> {
  const browser = patient(launched);
  const owner = await signUpVerified(browser, appUrl, { name: "Fresh Clone", email: "owner@fresh-clone.test", organization: "Fresh Clone Co" });
  const recruiter = await owner.newPage();
  const { link } = await inviteCandidate(recruiter, appUrl, { name: "Cara Clone", email: "cara@fresh-clone.test" });
  log("assessment created and candidate invited");

  const candidate = await startInterview(await browser.newContext(), link);
  log("candidate passed the system check and started");
  const tests = candidate.getByRole("region", { name: "Tests" });
  await tests.getByRole("button", { name: /Run tests/ }).click();
  await tests.getByText(/Some tests failed|All tests passed/).first().waitFor();
  log("tests ran in the interview");
  await candidate.getByRole("textbox", { name: "Terminal" }).focus();
  await candidate.keyboard.type("echo fresh-$((40+2))\n");
  await candidate.locator(".xterm-rows").getByText("fresh-42").first().waitFor();
  log("the terminal ran a command");
}

/**
 * Vite pre-bundles the browser's dependencies when the dev server starts; one it discovers
 * later makes it reload every open page, which can land in the middle of a user's step (an
 * email verification link was reloaded that way). Every such package belongs in
 * `optimizeDeps.include` (browser code) or `optimizeDeps.exclude` (server-only) of
 * apps/web/vite.config.ts.
 */
function assertNoLateDependencies(output: string): void {
  // Vite colours its log lines; strip the escapes before reading the package list.
  const plain = stripVTControlCharacters(output);
  const late = [...plain.matchAll(/new dependencies optimized: (.+)/g)].flatMap((match) => match[1]!.split(",").map((name) => name.trim()));
  if (late.length > 0) {
    throw new Error(`the dev server discovered dependencies after start-up and reloaded the page: ${[...new Set(late)].join(", ")} — add each to optimizeDeps.include (browser) or optimizeDeps.exclude (server-only) in apps/web/vite.config.ts`);
  }
}

async function main(): Promise<void> {
  const parent = mkdtempSync(join(tmpdir(), "interviewlm-fresh-"));
  if ((statSync(parent).mode & 0o777) !== 0o700) throw new Error(`${parent} is not mode 700`);
  const clone = join(parent, "interviewlm");
  let dev: ReturnType<typeof startDev> | null = null;
  let browser: Browser | null = null;
  try {
    execFileSync("git", ["clone", "--quiet", repo, clone], { stdio: "inherit" });
    log(`cloned into ${clone} (parent mode 700)`);
    // The package cache is warm from CI's own install: no registry round trips needed.
    const env = { ...process.env, CI: "true", npm_config_prefer_offline: "true", npm_config_audit: "false", npm_config_fund: "false" };
    await run("npm", ["run", "setup"], { cwd: clone, env });
    log("npm run setup done");

    const [web, sandbox, rooms] = [await freePort(), await freePort(), await freePort()];
    const appUrl = `http://localhost:${web}`;
    dev = startDev(clone, {
      ...env,
      PORT: String(web),
      SANDBOX_PORT: String(sandbox),
      SANDBOX_URL: `http://127.0.0.1:${sandbox}`,
      PARTYKIT_PORT: String(rooms),
      ROOM_PUBLIC_URL: `http://127.0.0.1:${rooms}`,
    });
    // Starting from a fresh clone transpiles every server module and seeds the bank: 3 minutes was
    // not enough for the web app under a load average of 30 on 2 cores. The bound only catches a hang.
    const starting = 600_000;
    await Promise.all([dev.waitFor(/InterviewLM is running at/, starting), dev.waitFor(/sandbox service .* listening on/, starting), dev.waitFor(/Ready on http/, starting)]);
    if (/WEAK isolation/.test(dev.output())) throw new Error("the sandbox started with weak isolation");
    log("npm run dev is up");

    browser = await launchBrowser();
    await journey(browser, appUrl);
    assertNoLateDependencies(dev.output());
    log("passed");
  } catch (error) {
    if (dev) console.error(`--- npm run dev (last 12000 characters) ---\n${dev.output().slice(-12_000)}`);
    throw error;
  } finally {
    await browser?.close().catch(() => undefined);
    if (dev) {
      await stopGroup(dev.child);
      log("npm run dev stopped");
    }
    // A stopped sandbox has unmounted its workspaces and its /run exposure; leftovers are
    // removed here (innermost first) and reported as a failure.
    const leftovers = mountsOf(parent).reverse();
    for (const point of leftovers) execFileSync("umount", ["-l", point]);
    rmSync(parent, { recursive: true, force: true });
    log("the clone is removed");
    if (leftovers.length > 0) {
      console.error(`fresh-clone: npm run dev left mounts behind: ${leftovers.join(", ")}`);
      process.exitCode = 1;
    }
  }
}

await main();
