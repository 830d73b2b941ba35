import { execFile } from "node:child_process";
import fs from "node:fs";
import { promisify } from "node:util";

// A sandbox's (or an image's) writable filesystem: one host directory per writable tree,
// bind-mounted at the same place in every container started from it. Everything else
// (/usr, the few /etc files) is the host's, read-only — the "base image" of every sandbox.

export const LAYER_DIRS = {
  workspace: "/workspace",
  tmp: "/tmp",
  opt: "/opt",
  "usr-local": "/usr/local",
  root: "/root",
} as const;
export type LayerDir = keyof typeof LAYER_DIRS;

const run = promisify(execFile);

export function createEmptyLayer(dir: string): void {
  for (const name of Object.keys(LAYER_DIRS)) fs.mkdirSync(`${dir}/${name}`, { recursive: true, mode: 0o755 });
  fs.chmodSync(`${dir}/tmp`, 0o1777);
}

/** Copies a layer (a filesystem snapshot, or an image into a new sandbox) keeping modes, links and times. */
export async function copyLayer(from: string, to: string, owner: number | null): Promise<void> {
  fs.mkdirSync(to, { recursive: true, mode: 0o711 });
  await run("cp", ["-a", "--reflink=auto", "--", ...Object.keys(LAYER_DIRS).map((name) => `${from}/${name}`), `${to}/`]);
  // Each sandbox runs as its own uid: it owns its copy.
  if (owner !== null) await run("chown", ["-R", "-h", `${owner}:${owner}`, "--", to]);
  fs.chmodSync(to, 0o711);
}

/** Host path of an absolute in-sandbox path when it lies in the writable layer, else null. */
export function hostPathIn(layer: string, inside: string): string | null {
  for (const [dir, target] of Object.entries(LAYER_DIRS)) {
    if (inside === target || inside.startsWith(`${target}/`)) return `${layer}/${dir}${inside.slice(target.length)}`;
  }
  return null;
}
