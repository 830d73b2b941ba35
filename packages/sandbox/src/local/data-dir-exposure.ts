import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { mountedPaths, runHostCommand } from "./host-commands.ts";
import { untraversableAncestors } from "./host-runtime.ts";

// bwrap runs as the workspace's uid (privileges are dropped before it, see
// sandbox-command.ts) and opens every bind source by path, so the sandbox user must be able to
// traverse each parent of the data directory. A repository cloned into a private directory
// (root's home, `mktemp -d`: mode 700) cannot offer that, and bwrap's --bind-fd does not help:
// it re-resolves the descriptor's path to mount it. So such a data directory is bind-mounted
// at a root-owned, traversable place under /run, and the provider works through that path.

export const EXPOSURE_ROOT = "/run/interviewlm-sandbox";

export interface DataDirExposure {
  /** Where the provider reaches the data directory (the directory itself when it is reachable). */
  path: string;
  /** Removes the bind mount (nothing when none was made). */
  release(): Promise<void>;
}

export async function exposeDataDir(dataDir: string, options: { isRoot: boolean; root?: string }): Promise<DataDirExposure> {
  const root = options.root ?? EXPOSURE_ROOT;
  // Only root can bind-mount; without root there is no uid switch and nothing to reach.
  if (!options.isRoot || untraversableAncestors(dataDir).length === 0) return { path: dataDir, release: async () => undefined };
  await sweepStaleExposures(root);
  fs.mkdirSync(root, { recursive: true, mode: 0o711 });
  fs.chmodSync(root, 0o711);
  const exposed = path.join(root, createHash("sha256").update(dataDir).digest("hex").slice(0, 16));
  fs.mkdirSync(exposed, { recursive: true, mode: 0o700 });
  // A previous process that died keeps its bind mount: the same directory is reused as it is.
  if (!sameDirectory(exposed, dataDir)) {
    try {
      await runHostCommand("mount", ["--bind", dataDir, exposed]);
    } catch {
      // The isolation probe reports the unreachable data directory (and code does not run).
      return { path: dataDir, release: async () => undefined };
    }
  }
  return {
    path: exposed,
    release: async () => {
      try {
        await runHostCommand("umount", [exposed]);
        fs.rmdirSync(exposed);
      } catch {
        // still busy (a workspace mount left behind): the next start reuses it
      }
    },
  };
}

function sameDirectory(a: string, b: string): boolean {
  const [sa, sb] = [fs.statSync(a), fs.statSync(b)];
  return sa.dev === sb.dev && sa.ino === sb.ino;
}

/** Bind mounts whose data directory was deleted (a removed clone) are detached. */
async function sweepStaleExposures(root: string): Promise<void> {
  if (!fs.existsSync(root)) return;
  const mountinfo = fs.readFileSync("/proc/self/mountinfo", "utf8");
  const mounted = mountedPaths(mountinfo);
  for (const name of fs.readdirSync(root)) {
    const exposed = path.join(root, name);
    const line = mountinfo.split("\n").find((l) => l.split(" ")[4] === exposed);
    if (mounted.has(exposed) && line?.split(" ")[3]?.endsWith("//deleted")) {
      await runHostCommand("umount", ["-l", exposed]).catch(() => undefined);
      try {
        fs.rmdirSync(exposed);
      } catch {
        // not empty or still mounted: left alone
      }
    }
  }
}
