#!/usr/bin/env node
// `npm run dev -w @interviewlm/party`: the rooms on http://127.0.0.1:1999 under
// `partykit dev`. PartyKit rooms do not see process.env, so the variables they need are
// passed from this process's environment as --var flags (the room validates them: src/env.ts).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const cwd = fileURLToPath(new URL("..", import.meta.url));
// partykit's package exports do not include its CLI; npm workspaces hoist it upward.
function findPartykitBin(from) {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", "partykit", "dist", "bin.mjs");
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error("partykit is not installed (npm ci)");
  }
}
const partykitBin = findPartykitBin(cwd);

const vars = {
  ROOM_TOKEN_SECRET: process.env.ROOM_TOKEN_SECRET,
  SANDBOX_SERVICE_SECRET: process.env.SANDBOX_SERVICE_SECRET,
  SANDBOX_URL: process.env.SANDBOX_URL ?? "http://127.0.0.1:4100",
  WEB_INTERNAL_URL: process.env.WEB_INTERNAL_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`,
};
const missing = Object.entries(vars).filter(([, value]) => !value).map(([key]) => key);
if (missing.length > 0) {
  console.error(`party: set ${missing.join(", ")} (npm run dev at the repository root generates them into .data/dev-secrets.json)`);
  process.exit(1);
}

const port = process.env.PARTYKIT_PORT ?? "1999";
const args = [partykitBin, "dev", "--port", port, "--no-hotkeys", "--disable-request-cf-fetch"];
for (const [key, value] of Object.entries(vars)) args.push("--var", `${key}=${value}`);
// The AI agent is on only with a key; the model and endpoint are optional (packages/ai/src/env.ts).
for (const key of ["ANTHROPIC_API_KEY", "ANTHROPIC_MODEL", "ANTHROPIC_BASE_URL"]) if (process.env[key]) args.push("--var", `${key}=${process.env[key]}`);
if (process.env.PARTYKIT_PERSIST_DIR) args.push("--persist", process.env.PARTYKIT_PERSIST_DIR);

const child = spawn(process.execPath, args, { cwd, stdio: "inherit", env: { ...process.env, CI: "1" } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
