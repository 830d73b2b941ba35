import fs from "node:fs";
import path from "node:path";
import { SandboxError } from "../errors.ts";

const lockedHere = new Set<string>();

// One provider per data directory: two would sweep each other's cgroups and mounts.
export function acquireInstanceLock(dataDir: string): () => void {
  const lockFile = path.join(dataDir, "provider.lock");
  if (lockedHere.has(lockFile)) throw new SandboxError("PROVIDER_FAILURE", `data directory ${dataDir} is in use by process ${process.pid}`);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: "wx", mode: 0o600 });
      lockedHere.add(lockFile);
      return () => {
        lockedHere.delete(lockFile);
        try {
          if (fs.readFileSync(lockFile, "utf8") === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(fs.readFileSync(lockFile, "utf8"));
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new SandboxError("PROVIDER_FAILURE", `data directory ${dataDir} is in use by process ${holder}`);
      }
      fs.unlinkSync(lockFile); // left by a process that died
    }
  }
  throw new SandboxError("PROVIDER_FAILURE", `could not lock data directory ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
