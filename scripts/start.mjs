#!/usr/bin/env node
// `npm start`: runs the product in production mode on one host after `npm run build`
// (docs/deploy.md, docs/decisions/0120). Unlike `npm run dev` it generates no secrets and
// serves the built web bundle (no Vite): every process validates its own environment and
// refuses to start on a half configuration, naming each problem.
//
// Stop order matters: the rooms flush their recordings to the web app and need the sandbox
// service, so on SIGTERM/SIGINT the rooms stop first, then the web app drains its in-flight
// requests and lets the outbox finish its batch, then the sandbox service stops.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
if (existsSync(`${root}.env`)) process.loadEnvFile(`${root}.env`);
process.env.NODE_ENV = "production";
process.env.TURBO_TELEMETRY_DISABLED = "1";
process.env.CHECKPOINT_DISABLE = "1";

if (!existsSync(`${root}apps/web/build/server/index.js`)) {
  console.error("start: apps/web/build is missing; run `npm run build` first.");
  process.exit(1);
}

// Which processes this host runs (comma-separated); the others run elsewhere (docs/deploy.md).
const only = (process.env.START_PROCESSES ?? "sandbox,web,rooms").split(",").map((name) => name.trim());
const all = [
  { name: "sandbox", color: 35, args: ["--import", "tsx", "apps/sandbox/src/main.ts"] },
  { name: "web", color: 36, args: ["--import", "tsx", "apps/web/server/index.ts"] },
  // The rooms in the same local Workers runtime `npm run dev` uses (partykit dev on workerd);
  // a deployment ships them with `partykit deploy` instead.
  { name: "rooms", color: 33, args: ["party/scripts/dev.mjs"] },
];
const unknown = only.filter((name) => !all.some((p) => p.name === name));
if (unknown.length > 0) {
  console.error(`start: START_PROCESSES names unknown processes: ${unknown.join(", ")} (known: sandbox, web, rooms)`);
  process.exit(1);
}
const processes = all.filter((p) => only.includes(p.name));

/** How long each process may take to stop before it is killed. */
const STOP_TIMEOUT_MS = Number(process.env.START_STOP_TIMEOUT_MS ?? 30_000);

function prefix(name, color, stream, target) {
  let buffered = "";
  stream.on("data", (chunk) => {
    buffered += chunk.toString();
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) target.write(`\x1b[${color}m${name.padEnd(8)}\x1b[0m ${line}\n`);
  });
  stream.on("end", () => {
    if (buffered) target.write(`\x1b[${color}m${name.padEnd(8)}\x1b[0m ${buffered}\n`);
  });
}

const children = new Map();
let exiting = false;

for (const p of processes) {
  const child = spawn(process.execPath, p.args, { cwd: root, env: process.env, stdio: ["ignore", "pipe", "pipe"] });
  prefix(p.name, p.color, child.stdout, process.stdout);
  prefix(p.name, p.color, child.stderr, process.stderr);
  child.exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  child.exited.then(({ code, signal }) => {
    if (exiting) return;
    console.error(`${p.name} exited (${signal ?? code}); stopping the others.`);
    void shutdown(code || 1);
  });
  children.set(p.name, child);
}

async function stop(name) {
  const child = children.get(name);
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => {
    console.error(`${name} did not stop within ${STOP_TIMEOUT_MS} ms; killing it.`);
    child.kill("SIGKILL");
  }, STOP_TIMEOUT_MS);
  await child.exited;
  clearTimeout(timer);
}

async function shutdown(code = 0) {
  if (exiting) return;
  exiting = true;
  for (const name of ["rooms", "web", "sandbox"]) await stop(name);
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
