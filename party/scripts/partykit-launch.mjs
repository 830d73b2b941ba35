// How `partykit dev` is started, by `npm run dev` and by the tests alike:
// - The room's variables (secrets among them) go into a generated config file readable only
//   by this user, never into `--var K=V` arguments that `ps` shows to every user of the host.
// - The server listens on 127.0.0.1 (PARTYKIT_HOST to change it), like the web app in
//   development. partykit 0.0.115 hard-codes 0.0.0.0 for Miniflare, so the child process is
//   started with a module hook (listen-host-hook.mjs) that sets Miniflare's `host` instead.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const PARTY_DIR = fileURLToPath(new URL("..", import.meta.url));

/** partykit's package exports do not include its CLI; npm workspaces hoist it upward. */
export function findPartykitBin(from = PARTY_DIR) {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", "partykit", "dist", "bin.mjs");
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error("partykit is not installed (npm ci)");
  }
}

/**
 * Writes the config (partykit.json with absolute paths and the variables) into a fresh private
 * directory and returns the node arguments and env to spawn `partykit dev` with, plus `cleanup`.
 * @param {{ vars: Record<string, string>, port: number | string, persistDir?: string, host?: string }} options
 */
export function partykitDevCommand(options) {
  const base = JSON.parse(readFileSync(path.join(PARTY_DIR, "partykit.json"), "utf8"));
  const absolute = (file) => path.resolve(PARTY_DIR, file);
  const config = {
    ...base,
    main: absolute(base.main),
    parties: Object.fromEntries(Object.entries(base.parties ?? {}).map(([name, file]) => [name, absolute(file)])),
    vars: { ...base.vars, ...options.vars },
  };
  const dir = mkdtempSync(path.join(os.tmpdir(), "interviewlm-partykit-"));
  const configPath = path.join(dir, "partykit.json");
  writeFileSync(configPath, JSON.stringify(config), { mode: 0o600 });
  const hook = pathToFileURL(fileURLToPath(new URL("./listen-host-hook.mjs", import.meta.url))).href;
  // Without --persist, partykit keeps state beside the config file, which is temporary here.
  const persistDir = options.persistDir ?? path.join(PARTY_DIR, ".partykit", "state");
  const args = ["--import", hook, findPartykitBin(), "dev", "--config", configPath, "--port", String(options.port), "--no-hotkeys", "--disable-request-cf-fetch", "--persist", persistDir];
  return {
    args,
    env: { PARTYKIT_HOST: options.host ?? "127.0.0.1" },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
