// Liveness and readiness of the web process (docs/decisions/0120).
// - GET /healthz: the process answers HTTP. Nothing else: a load balancer or systemd restarts
//   a process that fails it, and a database outage must not restart every web instance.
// - GET /readyz: this instance can serve an interview now: the database answers, the sandbox
//   service answers and its isolation self-test passes, the outbox worker is alive. While the
//   process drains for a shutdown it answers 503 so the load balancer stops sending traffic.
import type { Express } from "express";

export interface ProbeResult {
  ok: boolean;
  /** Why it failed, or what was found (e.g. the isolation level); never a secret. */
  detail?: string;
}

export interface ReadinessProbe {
  name: string;
  check(): Promise<ProbeResult>;
}

export interface Readiness {
  ready: boolean;
  checks: Record<string, ProbeResult>;
}

/** A probe that does not answer within the timeout counts as failed: readiness must answer fast. */
export async function checkReadiness(probes: readonly ReadinessProbe[], timeoutMs = 3000): Promise<Readiness> {
  const results = await Promise.all(
    probes.map(async (probe): Promise<[string, ProbeResult]> => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<ProbeResult>((resolve) => {
        timer = setTimeout(() => resolve({ ok: false, detail: `no answer within ${timeoutMs} ms` }), timeoutMs);
      });
      try {
        const result = await Promise.race([probe.check(), timeout]);
        return [probe.name, result];
      } catch (error) {
        return [probe.name, { ok: false, detail: error instanceof Error ? error.message : String(error) }];
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const checks = Object.fromEntries(results);
  return { ready: results.every(([, result]) => result.ok), checks };
}

export function mountHealth(app: Express, options: { probes: readonly ReadinessProbe[]; draining(): boolean; timeoutMs?: number }): void {
  app.get("/healthz", (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res, next) => {
    try {
      res.setHeader("Cache-Control", "no-store");
      if (options.draining()) {
        res.status(503).json({ status: "draining", checks: {} });
        return;
      }
      const readiness = await checkReadiness(options.probes, options.timeoutMs);
      res.status(readiness.ready ? 200 : 503).json({ status: readiness.ready ? "ready" : "not_ready", checks: readiness.checks });
    } catch (error) {
      next(error);
    }
  });
}
