// The real PartyKit room server (`partykit dev`, workerd) for an end-to-end run.
// Launched like `npm run dev` does: variables in a private config file, not on the command line.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PARTY_DIR, partykitDevCommand } from "../../../../../party/scripts/partykit-launch.mjs";
import { E2E_SECRETS, freePort } from "./app-server.ts";
import { startServiceProcess, type ServiceProcess } from "./service-process.ts";

export interface PartyServer {
  url: string;
  /** Everything the room server printed, across restarts. */
  output(): string;
  /** Stops the room server; start() brings it back on the same port and storage. */
  stop(): Promise<void>;
  start(): Promise<void>;
  dispose(): Promise<void>;
}

/** `vars`: more room variables (the AI agent's ANTHROPIC_* pointing at a test server). */
export async function startPartyServer(options: { webUrl: string; sandboxUrl: string; port?: number; vars?: Record<string, string> }): Promise<PartyServer> {
  const port = options.port ?? (await freePort());
  const persistDir = await mkdtemp(join(tmpdir(), "ilm-e2e-party-"));
  const vars = {
    ROOM_TOKEN_SECRET: E2E_SECRETS.ROOM_TOKEN_SECRET,
    SANDBOX_SERVICE_SECRET: E2E_SECRETS.SANDBOX_SERVICE_SECRET,
    SANDBOX_URL: options.sandboxUrl,
    WEB_INTERNAL_URL: options.webUrl,
    ...options.vars,
  };
  const command = partykitDevCommand({ vars, port, persistDir });
  let current: ServiceProcess | null = null;
  let previousOutput = "";
  const start = async () => {
    current = await startServiceProcess({
      name: "partykit",
      args: command.args,
      cwd: PARTY_DIR,
      env: { CI: "1", ...command.env },
      ready: /Ready on http/,
      timeoutMs: 90_000,
    });
  };
  await start();
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => previousOutput + (current?.output() ?? ""),
    start,
    async stop() {
      await current?.stop();
      previousOutput += current?.output() ?? "";
      current = null;
    },
    async dispose() {
      await current?.stop();
      command.cleanup();
      await rm(persistDir, { recursive: true, force: true });
    },
  };
}
