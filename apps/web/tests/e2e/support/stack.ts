// The whole product for an end-to-end run: sandbox service, web app and room server,
// each a real process, wired to each other with the run's shared secrets.
import { freePort, startAppServer, type AppServer } from "./app-server.ts";
import { startPartyServer, type PartyServer } from "./party-server.ts";
import { startSandboxServer, type SandboxServer } from "./sandbox-server.ts";

export interface Stack {
  sandbox: SandboxServer;
  web: AppServer;
  party: PartyServer;
  stop(): Promise<void>;
}

export async function startStack(env: Record<string, string> = {}): Promise<Stack> {
  const sandbox = await startSandboxServer();
  const partyPort = await freePort();
  const web = await startAppServer({ SANDBOX_URL: sandbox.url, ROOM_PUBLIC_URL: `http://127.0.0.1:${partyPort}`, ...env });
  const party = await startPartyServer({ webUrl: web.url, sandboxUrl: sandbox.url, port: partyPort });
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
