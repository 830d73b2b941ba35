import { loadEnv } from "./env.ts";
import { createProvider } from "./provider-factory.ts";
import { createSandboxService } from "./server.ts";

// Entry point: `npm run dev` / `npm start` in apps/sandbox.
const env = loadEnv();
const logger = { info: (message: string) => console.log(message), warn: (message: string) => console.warn(message) };
if (env.usingDevSecret) logger.warn("sandbox: SANDBOX_SERVICE_SECRET is not set; using the development secret (refused in production)");

const provider = await createProvider(env, logger);
const service = createSandboxService({
  provider,
  secret: { current: env.serviceSecret, previous: env.previousServiceSecret ? [env.previousServiceSecret] : [] },
  idleTtlMs: env.idleTtlSeconds * 1000,
  allowWeakIsolation: env.allowWeakIsolation,
  logger,
});
const url = await service.listen(env.port, env.host);
console.log(`sandbox service (${env.provider} provider) listening on ${url}`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`sandbox: ${signal} received, stopping`);
    service.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
