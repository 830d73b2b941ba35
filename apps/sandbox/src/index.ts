export { createSandboxService, type SandboxService, type SandboxServiceOptions } from "./server.ts";
export { loadEnv, DEV_SERVICE_SECRET, type SandboxServiceEnv } from "./env.ts";
