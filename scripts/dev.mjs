#!/usr/bin/env node
// `npm run dev`: starts every process the product needs on embedded defaults and
// prints where to open it. Reads .env when present (see .env.example).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
if (existsSync(`${root}.env`)) process.loadEnvFile(`${root}.env`);
process.env.TURBO_TELEMETRY_DISABLED = "1";
process.env.CHECKPOINT_DISABLE = "1";

// Secrets the processes share. Generated once per checkout so links keep working across restarts.
const secretsFile = `${root}.data/dev-secrets.json`;
if (!existsSync(secretsFile)) {
  mkdirSync(`${root}.data`, { recursive: true });
  const secret = () => randomBytes(32).toString("hex");
  writeFileSync(secretsFile, JSON.stringify({ APP_SECRET: secret(), SANDBOX_SERVICE_SECRET: secret(), ROOM_TOKEN_SECRET: secret() }, null, 2), { mode: 0o600 });
}
for (const [key, value] of Object.entries(JSON.parse(readFileSync(secretsFile, "utf8")))) process.env[key] ??= value;
// Room storage survives restarts, beside the rest of the local data.
process.env.PARTYKIT_PERSIST_DIR ??= `${root}.data/partykit`;

const processes = [
  { name: "sandbox", color: 35, command: process.execPath, args: ["--import", "tsx", "apps/sandbox/src/main.ts"] },
  { name: "web", color: 36, command: process.execPath, args: ["--import", "tsx", "apps/web/server/index.ts"] },
  { name: "rooms", color: 33, command: process.execPath, args: ["party/scripts/dev.mjs"] },
];

const children = [];
let exiting = false;

function prefix(name, color, stream, target) {
  let buffered = "";
  stream.on("data", (chunk) => {
    buffered += chunk.toString();
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) target.write(`\x1b[${color}m${name.padEnd(8)}\x1b[0m ${line}\n`);
  });
}

for (const p of processes) {
  const child = spawn(p.command, p.args, { cwd: root, env: process.env, stdio: ["ignore", "pipe", "pipe"] });
  prefix(p.name, p.color, child.stdout, process.stdout);
  prefix(p.name, p.color, child.stderr, process.stderr);
  child.on("exit", (code, signal) => {
    if (exiting) return;
    console.error(`${p.name} exited (${signal ?? code}); stopping the others.`);
    shutdown(code ?? 1);
  });
  children.push(child);
}

function shutdown(code = 0) {
  exiting = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 3000).unref();
  Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.on("exit", r))))).then(() => process.exit(code));
}
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));
