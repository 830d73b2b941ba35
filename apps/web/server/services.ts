// Everything the web process owns for its lifetime: the database, the outbox worker
// and the dependencies handed to tRPC and to Remix loaders through the load context.
import type { ApiDeps } from "@interviewlm/api";
import { billingDepsFromEnv } from "@interviewlm/core/billing";
import { loadQuestionBank, seedQuestionBank } from "@interviewlm/core/questions";
import { openDatabase, type Database } from "@interviewlm/db";
import { startOutboxWorker } from "@interviewlm/emails";
import { createRoomAdminClient } from "@interviewlm/realtime";
import { createSandboxClient, type SandboxClient } from "@interviewlm/sandbox/client";
import type { Logger } from "@interviewlm/infra/log";
import type { WebEnv } from "./env.ts";
import { currentRequestId } from "./request-context.ts";
import { startMaintenance } from "./maintenance.ts";

export interface WebServices {
  env: WebEnv;
  db: Database;
  deps: ApiDeps;
  /** The sandbox service, or null when SANDBOX_SERVICE_SECRET is not configured. */
  sandbox: SandboxClient | null;
  /** True when the dev mailbox page may show the outbox. */
  devMailbox: boolean;
  stop(): Promise<void>;
}

export async function startServices(env: WebEnv, log: Logger): Promise<WebServices> {
  const db = await openDatabase({ url: env.DATABASE_URL, pgliteDir: env.PGLITE_DATA_DIR });
  log.info("database.opened", { database: db.describe });
  const seeded = await seedQuestionBank(db.prisma, loadQuestionBank());
  log.info("question_bank.seeded", { added: seeded.created.length, updated: seeded.updated.length, unchanged: seeded.unchanged.length, retired: seeded.retired.length });

  const sandbox = env.SANDBOX_SERVICE_SECRET
    ? createSandboxClient({ baseUrl: env.SANDBOX_URL, auth: { secret: env.SANDBOX_SERVICE_SECRET, subject: "web" }, requestId: currentRequestId })
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
  const maintenance = startMaintenance(deps, log);

  return {
    env,
    db,
    deps,
    sandbox,
    devMailbox: env.NODE_ENV !== "production" || env.ENABLE_DEV_MAILBOX,
    async stop() {
      maintenance.stop();
      await worker?.stop();
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
  };
}
