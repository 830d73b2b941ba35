#!/usr/bin/env node
// `npm run dev -w @interviewlm/party`: the rooms on http://127.0.0.1:1999 under
// `partykit dev`. PartyKit rooms do not see process.env, so the variables they need are
// taken from this process's environment and handed over in a private config file (never as
// command-line arguments, which `ps` shows): see partykit-launch.mjs.
import { spawn } from "node:child_process";
import { partykitDevCommand, PARTY_DIR } from "./partykit-launch.mjs";

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
// The AI agent is on only with a key; the model and endpoint are optional (packages/ai/src/env.ts).
const optionalVars = ["ROOM_TOKEN_SECRET_PREVIOUS", "TERMINAL_RECORDING_LIMIT_CHARS", "ANTHROPIC_API_KEY", "ANTHROPIC_MODEL", "ANTHROPIC_BASE_URL"];
for (const optional of optionalVars) if (process.env[optional]) vars[optional] = process.env[optional];

const command = partykitDevCommand({
  vars,
  port: process.env.PARTYKIT_PORT ?? "1999",
  persistDir: process.env.PARTYKIT_PERSIST_DIR,
  host: process.env.PARTYKIT_HOST,
});
// The secrets stay out of the child's environment too: the config file carries them.
const env = { ...process.env, ...command.env, CI: "1" };
for (const key of Object.keys(vars)) if (key.includes("SECRET") || key.endsWith("_API_KEY")) delete env[key];

const child = spawn(process.execPath, command.args, { cwd: PARTY_DIR, stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => {
  command.cleanup();
  process.exit(code ?? (signal ? 1 : 0));
});
