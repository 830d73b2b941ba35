// /parties/health/healthz and /parties/health/readyz: the rooms' probes, the same shape as the
// web app's and the sandbox service's (docs/decisions/0120). Answered before any room is
// touched (onBeforeRequest), with no token: they reveal only whether each dependency answers.
// Ready means the room's variables are valid and the two services every interview needs answer:
// the web app (recording ingest, session state) and the sandbox service (its isolation self-test).
import type * as Party from "partykit/server";
import { readRoomEnv } from "./env.ts";

type ProbeResult = { ok: boolean; detail?: string };

const PROBE_TIMEOUT_MS = 3000;

async function probe(url: string): Promise<ProbeResult> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    return response.ok ? { ok: true } : { ok: false, detail: `${new URL(url).pathname} answered ${response.status}` };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

export async function roomReadiness(env: Record<string, unknown>): Promise<{ ready: boolean; checks: Record<string, ProbeResult> }> {
  let roomEnv;
  try {
    roomEnv = readRoomEnv(env as Record<string, string | undefined>);
  } catch (error) {
    return { ready: false, checks: { environment: { ok: false, detail: error instanceof Error ? error.message : String(error) } } };
  }
  const [web, sandbox] = await Promise.all([probe(`${roomEnv.WEB_INTERNAL_URL}/healthz`), probe(`${roomEnv.SANDBOX_URL}/readyz`)]);
  const checks = { environment: { ok: true }, web, sandbox };
  return { ready: Object.values(checks).every((check) => check.ok), checks };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", "cache-control": "no-store" } });

export default class Health implements Party.Server {
  constructor(readonly room: Party.Room) {}

  // Never reached: every request and connection is answered before a room exists.
  onRequest(): Response {
    return new Response("Not found", { status: 404 });
  }

  static async onBeforeRequest(request: Party.Request, lobby: Party.Lobby): Promise<Response> {
    const path = new URL(request.url).pathname;
    if (path.endsWith("/healthz")) return json(200, { status: "ok" });
    if (path.endsWith("/readyz")) {
      const readiness = await roomReadiness(lobby.env);
      return json(readiness.ready ? 200 : 503, { status: readiness.ready ? "ready" : "not_ready", checks: readiness.checks });
    }
    return new Response("Not found", { status: 404 });
  }

  static onBeforeConnect(): Response {
    return new Response("Not found", { status: 404 });
  }
}
