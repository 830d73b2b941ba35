// Generates the Prisma client into packages/db/src/generated (runs on `npm install`).
// `prisma generate` is WASM-only but first checks that a native schema engine exists
// and would download one; pointing PRISMA_SCHEMA_ENGINE_BINARY at any executable
// satisfies that check offline (see STACK-NOTES.md).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
const schema = fileURLToPath(new URL("../../../prisma/schema.prisma", import.meta.url));
const result = spawnSync(process.execPath, [cli, "generate", "--schema", schema], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});
process.exit(result.status ?? 1);
