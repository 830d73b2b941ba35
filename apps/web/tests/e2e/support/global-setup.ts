// Builds the app once for all end-to-end files (they start it themselves).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

export default function setup() {
  const webRoot = fileURLToPath(new URL("../../..", import.meta.url));
  if (process.env.E2E_SKIP_BUILD === "1" && existsSync(`${webRoot}/build/server/index.js`)) return;
  const started = Date.now();
  const remixCli = createRequire(`${webRoot}/package.json`).resolve("@remix-run/dev/dist/cli.js");
  const result = spawnSync(process.execPath, [remixCli, "vite:build"], {
    cwd: webRoot,
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
    // Vitest marks its environment; the app's vite config would then leave out the Remix plugin.
    env: { ...withoutVitestMarks(process.env), NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error(`remix vite:build failed:\n${result.stdout}\n${result.stderr}`);
  console.info(`e2e: built the web app in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function withoutVitestMarks(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith("VITEST") && key !== "TEST")) as NodeJS.ProcessEnv;
}
