// Everything the web process owns for its lifetime: the database, the outbox, evaluation and
// retention workers and the dependencies handed to tRPC and to Remix loaders through the load context.
import type { ApiDeps } from "@interviewlm/api";
import { createAnthropicClient } from "@interviewlm/ai";
import { billingDepsFromEnv } from "@interviewlm/core/billing";
import { startRetentionWorker } from "@interviewlm/core/data-protection/erase";
import { startEvaluationWorker } from "@interviewlm/core/evaluation";
import { loadQuestionBank, seedQuestionBank } from "@interviewlm/core/questions";
import { startGenerationWorker } from "@interviewlm/core/questions/generation";
import { openDatabase, type Database } from "@interviewlm/db";
import { startOutboxWorker, type OutboxWorker } from "@interviewlm/emails";
import { createRoomAdminClient } from "@interviewlm/realtime";
import { createSandboxClient, type SandboxClient, type WebSocketConstructor } from "@interviewlm/sandbox/client";
import WebSocket from "ws";
import type { Logger } from "@interviewlm/infra/log";
import type { WebEnv } from "./env.ts";
import { currentRequestId } from "./request-context.ts";
import { startMaintenance } from "./maintenance.ts";
import type { ReadinessProbe } from "./health.ts";

export interface WebServices {
  env: WebEnv;
  db: Database;
  deps: ApiDeps;
  /** The sandbox service, or null when SANDBOX_SERVICE_SECRET is not configured. */
  sandbox: SandboxClient | null;
  /** True when the dev mailbox page may show the outbox. */
  devMailbox: boolean;
  /** What GET /readyz checks (server/health.ts). */
  probes: ReadinessProbe[];
  stop(): Promise<void>;
}

export async function startServices(env: WebEnv, log: Logger): Promise<WebServices> {
  const db = await openDatabase({ url: env.DATABASE_URL, pgliteDir: env.PGLITE_DATA_DIR });
  log.info("database.opened", { database: db.describe });
  const seeded = await seedQuestionBank(db.prisma, loadQuestionBank());
  log.info("question_bank.seeded", { added: seeded.created.length, updated: seeded.updated.length, unchanged: seeded.unchanged.length, retired: seeded.retired.length });

  const sandbox = env.SANDBOX_SERVICE_SECRET
    ? createSandboxClient({
        baseUrl: env.SANDBOX_URL,
        auth: { secret: env.SANDBOX_SERVICE_SECRET, subject: "web" },
        requestId: currentRequestId,
        // Probe terminals (probe-terminal-route.ts): Node 20 has no global WebSocket.
        WebSocket: WebSocket as unknown as WebSocketConstructor,
      })
    : null;
  if (!sandbox) log.warn("sandbox.not_configured", { message: "SANDBOX_SERVICE_SECRET is not set — candidates cannot start interviews" });

  const billing = billingDepsFromEnv(env.billing);
  log.info("billing.mode", {
    billing: billing ? "stripe" : "off",
    message: billing ? "credits required to invite; packs sold through Stripe Checkout" : "no STRIPE_SECRET_KEY — billing is off and inviting needs no credits",
  });

  const appOrigin = new URL(env.APP_URL).origin;
  const extraOrigins = (env.ALLOWED_ORIGINS ?? "").split(",").map((o) => o.trim()).filter(Boolean);
  const deps: ApiDeps = {
    db: db.prisma,
    appUrl: env.APP_URL,
    appSecret: env.APP_SECRET,
    ...(env.APP_SECRET_PREVIOUS ? { appSecretPrevious: env.APP_SECRET_PREVIOUS } : {}),
    emailFrom: env.email.EMAIL_FROM,
    secureCookies: appOrigin.startsWith("https://"),
    allowedOrigins: [appOrigin, ...extraOrigins],
    oauthProviders: env.oauth.configured,
    sandbox,
    roomHost: env.ROOM_PUBLIC_URL.replace(/\/$/, ""),
    roomTokenSecret: env.ROOM_TOKEN_SECRET,
    rooms: roomAccess(env, log),
    ...(billing ? { billing } : {}),
  };

  const worker = env.email.RESEND_API_KEY
    ? startOutboxWorker({ db: db.prisma, apiKey: env.email.RESEND_API_KEY, baseUrl: env.email.RESEND_BASE_URL, logger: log })
    : null;
  log.info("email.mode", {
    delivery: worker ? "resend" : "outbox",
    message: worker ? "delivering through Resend" : "no RESEND_API_KEY — messages stay in the outbox; read them at /dev/mailbox",
  });
  // The evaluation worker always runs: without ANTHROPIC_API_KEY it stores the measured part
  // and says the rubric needs the key (docs/decisions/0140).
  const evaluations = startEvaluationWorker({
    db: db.prisma,
    judge: env.ai.enabled ? { client: createAnthropicClient(env.ai, { timeoutMs: 5 * 60_000 }), model: env.ai.model, samples: env.EVALUATION_JUDGE_SAMPLES } : null,
    appUrl: deps.appUrl,
    emailFrom: deps.emailFrom,
    logger: log,
  });
  log.info("evaluation.mode", { rubric: env.ai.enabled ? "claude" : "off", samples: env.EVALUATION_JUDGE_SAMPLES, message: env.ai.enabled ? "measured part and Claude rubric" : "no ANTHROPIC_API_KEY — evaluations hold the measured part only" });
  // Generated questions (docs/decisions/0151): Claude writes, the sandbox proves. Without the
  // key or the sandbox a job fails with the reason, so the worker always runs.
  const generations = startGenerationWorker({
    db: db.prisma,
    model: env.ai.enabled ? { client: createAnthropicClient(env.ai, { timeoutMs: 5 * 60_000 }), model: env.ai.model } : null,
    sandbox,
    logger: log,
  });
  // Erases candidates past their organisation's retention and retries pending erasures (docs/decisions/0170).
  const retention = startRetentionWorker({ db: db.prisma, sandbox, rooms: deps.rooms, logger: log });
  const maintenance = startMaintenance(deps, log);
  const devMailbox = env.NODE_ENV !== "production" || env.ENABLE_DEV_MAILBOX;

  return {
    env,
    db,
    deps,
    sandbox,
    devMailbox,
    probes: readinessProbes({ db, sandbox, worker, devMailbox }),
    async stop() {
      maintenance.stop();
      // The workers finish what they hold (a claimed evaluation or generation, a batch of mail, an erasure) first.
      await Promise.all([worker?.stop(), evaluations.stop(), generations.stop(), retention.stop()]);
      await db.close();
    },
  };
}

/** Tells the live rooms about removed members and role changes; a room it cannot reach is logged. */
function roomAccess(env: WebEnv, log: Pick<Console, "warn">): ApiDeps["rooms"] {
  const client = createRoomAdminClient({ baseUrl: env.ROOM_INTERNAL_URL ?? env.ROOM_PUBLIC_URL, secret: env.ROOM_TOKEN_SECRET });
  return {
    async revokeAccess(sessionIds, request) {
      const result = await client.revokeAccess(sessionIds, request);
      if (result.failed.length > 0) {
        log.warn(`rooms: could not revoke access of user ${request.userId} in ${result.failed.length} room(s) (${result.failed.join(", ")}); their tokens lapse within 10 minutes`);
      }
      return result;
    },
    // Throws when the room cannot confirm: the erasure stays pending and the retention job retries.
    eraseRoom: (sessionId, request) => client.eraseRoom(sessionId, request),
  };
}

/** A pass starts at least every few seconds; a worker quiet for this long has died or hangs. */
const OUTBOX_STALE_AFTER_MS = 60_000;

function readinessProbes(parts: { db: Database; sandbox: SandboxClient | null; worker: OutboxWorker | null; devMailbox: boolean }): ReadinessProbe[] {
  return [
    {
      name: "database",
      async check() {
        await parts.db.prisma.$queryRaw`SELECT 1`;
        return { ok: true };
      },
    },
    {
      name: "sandbox",
      async check() {
        if (!parts.sandbox) return { ok: false, detail: "SANDBOX_SERVICE_SECRET is not set" };
        // The service's /healthz carries its isolation self-test (docs/decisions/0004, 0032).
        const health = await parts.sandbox.health();
        if (!health.runsCode) return { ok: false, detail: `isolation self-test failed (${health.isolation.level}); the service refuses to run code` };
        return { ok: true, detail: `${health.provider} provider, ${health.isolation.level} isolation` };
      },
    },
    {
      name: "outbox",
      async check() {
        if (!parts.worker) return parts.devMailbox ? { ok: true, detail: "no RESEND_API_KEY: mail stays in the dev mailbox" } : { ok: false, detail: "no RESEND_API_KEY: nothing delivers mail" };
        const quietMs = Date.now() - parts.worker.lastActivityAt();
        return quietMs < OUTBOX_STALE_AFTER_MS ? { ok: true } : { ok: false, detail: `the outbox worker has been quiet for ${Math.round(quietMs / 1000)} s` };
      },
    },
  ];
}
