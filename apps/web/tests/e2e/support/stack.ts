// The whole product for an end-to-end run: sandbox service, web app and room server,
// each a real process, wired to each other with the run's shared secrets.
import { afterEach } from "vitest";
import { freePort, startAppServer, type AppServer } from "./app-server.ts";
import { startPartyServer, type PartyServer } from "./party-server.ts";
import { startSandboxServer, type SandboxServer } from "./sandbox-server.ts";

export interface Stack {
  sandbox: SandboxServer;
  web: AppServer;
  party: PartyServer;
  stop(): Promise<void>;
}

/** `env` goes to the web app; `roomVars` to the room server. */
export async function startStack(env: Record<string, string> = {}, roomVars: Record<string, string> = {}): Promise<Stack> {
  const sandbox = await startSandboxServer();
  const partyPort = await freePort();
  const web = await startAppServer({ SANDBOX_URL: sandbox.url, ROOM_PUBLIC_URL: `http://127.0.0.1:${partyPort}`, ...env });
  const party = await startPartyServer({ webUrl: web.url, sandboxUrl: sandbox.url, port: partyPort, vars: roomVars });
  return {
    sandbox,
    web,
    party,
    async stop() {
      await party.dispose();
      await web.stop();
      await sandbox.stop();
    },
  };
}

const LOG_TAIL_CHARS = 12_000;

/**
 * After a failed test, prints the end of what each server of the stack logged — a flaky
 * failure in CI is otherwise a guess. Call at the top level of a test file.
 */
export function printStackLogsOnFailure(current: () => Stack | undefined): void {
  afterEach((context) => {
    const stack = current();
    if (!stack || context.task.result?.state !== "fail") return;
    for (const [name, output] of [["room server", stack.party.output()], ["web app", stack.web.output()], ["sandbox service", stack.sandbox.output()]] as const) {
      console.error(`\n--- ${name} (last ${LOG_TAIL_CHARS} characters) ---\n${output.slice(-LOG_TAIL_CHARS)}`);
    }
  });
}
