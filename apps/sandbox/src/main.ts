import { createLogger } from "@interviewlm/infra/log";
import { loadEnv } from "./env.ts";
import { createProvider } from "./provider-factory.ts";
import { createSandboxService } from "./server.ts";

// Entry point: `npm run dev` / `npm start` in apps/sandbox.
const env = loadEnv();
const logger = createLogger({ service: "sandbox" });
if (env.usingDevSecret) logger.warn("sandbox.dev_secret", { message: "SANDBOX_SERVICE_SECRET is not set; using the development secret (refused in production)" });

const provider = await createProvider(env, logger);
const service = createSandboxService({
  provider,
  secret: { current: env.serviceSecret, previous: env.previousServiceSecret ? [env.previousServiceSecret] : [] },
  idleTtlMs: env.idleTtlSeconds * 1000,
  allowWeakIsolation: env.allowWeakIsolation,
  logger,
});
const url = await service.listen(env.port, env.host);
// A plain line on purpose: people and scripts wait for "listening on <url>".
console.log(`sandbox service (${env.provider} provider) listening on ${url}`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info("service.stopping", { signal });
    service.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error("service.stop_failed", { error });
        process.exit(1);
      },
    );
  });
}
