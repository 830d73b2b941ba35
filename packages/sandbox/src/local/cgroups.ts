import fs from "node:fs";
import path from "node:path";

// cgroups for one sandboxed process tree: memory, pids and CPU limits, plus cgroup v2's
// cgroup.kill to end the tree at once. Two host layouts are supported:
//  - hybrid: v1 controllers (memory, pids, cpu) + a v2 mount with no controllers, used for
//    cgroup.kill, cgroup.events and cpu.stat (the project's microVMs);
//  - unified: cgroup v2 with the controllers enabled (current distributions, CI runners).
// Each provider instance owns <parent>/<instance>/ in every hierarchy; run groups live below it.

export interface CgroupLimits {
  memoryBytes: number;
  pids: number;
  cpus: number;
}

export interface CgroupStats {
  oomKilled: boolean;
  memoryPeakBytes: number | null;
  pidsLimitHit: boolean;
  cpuTimeMs: number | null;
}

export interface RunCgroup {
  /** cgroup.procs files the launcher's child joins before exec. */
  readonly procsFiles: string[];
  kill(): void;
  waitUntilEmpty(timeoutMs: number): Promise<boolean>;
  stats(): CgroupStats;
  remove(): Promise<void>;
}

export interface CgroupTree {
  readonly layout: "hybrid" | "unified";
  create(name: string, limits: CgroupLimits): RunCgroup;
  /** Kills and removes run groups left behind by a previous (crashed) instance. */
  sweep(): Promise<number>;
  /** Removes this instance's directories (after all runs ended). */
  dispose(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const read = (file: string): string | null => {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
};
const keyed = (text: string | null, key: string): number | null => {
  const match = text ? new RegExp(`^${key} (\\d+)$`, "m").exec(text) : null;
  return match ? Number(match[1]) : null;
};

interface MountInfo {
  v1: Map<string, string>; // controller -> mount point
  v2: string | null;
}

export function readCgroupMounts(mountinfo = read("/proc/self/mountinfo") ?? ""): MountInfo {
  const info: MountInfo = { v1: new Map(), v2: null };
  for (const line of mountinfo.split("\n")) {
    const [left, right] = line.split(" - ");
    if (!left || !right) continue;
    const mountPoint = left.split(" ")[4];
    const [fsType, , superOptions] = right.split(" ");
    if (!mountPoint) continue;
    if (fsType === "cgroup2" && info.v2 === null) info.v2 = mountPoint;
    if (fsType === "cgroup") for (const option of (superOptions ?? "").split(",")) info.v1.set(option, mountPoint);
  }
  return info;
}

/** Picks the layout this host offers, or explains why none is usable. */
export function openCgroupTree(parent: string, instance: string, mounts = readCgroupMounts()): CgroupTree | { problem: string } {
  const v1Memory = mounts.v1.get("memory");
  const v1Pids = mounts.v1.get("pids");
  const v1Cpu = mounts.v1.get("cpu");
  try {
    if (v1Memory && v1Pids && v1Cpu && mounts.v2) {
      return new HybridTree({ memory: v1Memory, pids: v1Pids, cpu: v1Cpu, unified: mounts.v2 }, parent, instance);
    }
    if (mounts.v2) {
      const controllers = (read(path.join(mounts.v2, "cgroup.controllers")) ?? "").split(/\s+/);
      if (["memory", "pids", "cpu"].every((c) => controllers.includes(c))) return new UnifiedTree(mounts.v2, parent, instance);
      return { problem: `cgroup v2 at ${mounts.v2} lacks memory/pids/cpu controllers and no cgroup v1 controllers are mounted` };
    }
    return { problem: "no cgroup hierarchy is mounted" };
  } catch (error) {
    return { problem: `cgroups are not writable: ${(error as Error).message}` };
  }
}

abstract class BaseTree implements CgroupTree {
  abstract readonly layout: "hybrid" | "unified";
  protected abstract instanceDirs(): string[];
  protected abstract killDir(dir: string): string;
  abstract create(name: string, limits: CgroupLimits): RunCgroup;

  async sweep(): Promise<number> {
    const names = new Set<string>();
    for (const dir of this.instanceDirs()) {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) names.add(entry.name);
    }
    for (const name of names) {
      const dirs = this.instanceDirs().map((dir) => path.join(dir, name));
      const killFile = path.join(this.killDir(name), "cgroup.kill");
      if (fs.existsSync(killFile)) fs.writeFileSync(killFile, "1");
      await removeDirs(dirs, 2000);
    }
    return names.size;
  }

  async dispose(): Promise<void> {
    await this.sweep();
    for (const dir of this.instanceDirs()) {
      await removeDirs([dir], 500);
      await removeDirs([path.dirname(dir)], 0).catch(() => undefined); // shared parent: only if empty
    }
  }
}

class HybridTree extends BaseTree {
  readonly layout = "hybrid" as const;
  private readonly dirs: { memory: string; pids: string; cpu: string; unified: string };

  constructor(mounts: { memory: string; pids: string; cpu: string; unified: string }, parent: string, instance: string) {
    super();
    this.dirs = {
      memory: path.join(mounts.memory, parent, instance),
      pids: path.join(mounts.pids, parent, instance),
      cpu: path.join(mounts.cpu, parent, instance),
      unified: path.join(mounts.unified, parent, instance),
    };
    for (const dir of Object.values(this.dirs)) fs.mkdirSync(dir, { recursive: true });
    if (!fs.existsSync(path.join(this.dirs.unified, "cgroup.kill"))) throw new Error("cgroup v2 has no cgroup.kill (needs Linux 5.14+)");
  }

  protected instanceDirs(): string[] {
    return Object.values(this.dirs);
  }

  protected killDir(name: string): string {
    return path.join(this.dirs.unified, name);
  }

  create(name: string, limits: CgroupLimits): RunCgroup {
    const memory = path.join(this.dirs.memory, name);
    const pids = path.join(this.dirs.pids, name);
    const cpu = path.join(this.dirs.cpu, name);
    const unified = path.join(this.dirs.unified, name);
    for (const dir of [memory, pids, cpu, unified]) fs.mkdirSync(dir);
    fs.writeFileSync(path.join(memory, "memory.limit_in_bytes"), String(limits.memoryBytes));
    const memsw = path.join(memory, "memory.memsw.limit_in_bytes");
    if (fs.existsSync(memsw)) fs.writeFileSync(memsw, String(limits.memoryBytes));
    fs.writeFileSync(path.join(pids, "pids.max"), String(limits.pids));
    fs.writeFileSync(path.join(cpu, "cpu.cfs_period_us"), "100000");
    fs.writeFileSync(path.join(cpu, "cpu.cfs_quota_us"), String(Math.max(1000, Math.round(limits.cpus * 100000))));
    return new Group([memory, pids, cpu, unified], unified, () => ({
      oomKilled: (keyed(read(path.join(memory, "memory.oom_control")), "oom_kill") ?? 0) > 0,
      memoryPeakBytes: numberOrNull(read(path.join(memory, "memory.max_usage_in_bytes"))),
      pidsLimitHit: (keyed(read(path.join(pids, "pids.events")), "max") ?? 0) > 0,
      cpuTimeMs: usageMs(read(path.join(unified, "cpu.stat"))),
    }));
  }
}

class UnifiedTree extends BaseTree {
  readonly layout = "unified" as const;
  private readonly dir: string;

  constructor(mount: string, parent: string, instance: string) {
    super();
    const parentDir = path.join(mount, parent);
    this.dir = path.join(parentDir, instance);
    fs.mkdirSync(this.dir, { recursive: true });
    // Controllers must be delegated down every level to the run groups.
    for (const dir of [mount, parentDir, this.dir]) fs.writeFileSync(path.join(dir, "cgroup.subtree_control"), "+memory +pids +cpu");
  }

  protected instanceDirs(): string[] {
    return [this.dir];
  }

  protected killDir(name: string): string {
    return path.join(this.dir, name);
  }

  create(name: string, limits: CgroupLimits): RunCgroup {
    const dir = path.join(this.dir, name);
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "memory.max"), String(limits.memoryBytes));
    if (fs.existsSync(path.join(dir, "memory.swap.max"))) fs.writeFileSync(path.join(dir, "memory.swap.max"), "0");
    fs.writeFileSync(path.join(dir, "pids.max"), String(limits.pids));
    fs.writeFileSync(path.join(dir, "cpu.max"), `${Math.max(1000, Math.round(limits.cpus * 100000))} 100000`);
    return new Group([dir], dir, () => ({
      oomKilled: (keyed(read(path.join(dir, "memory.events")), "oom_kill") ?? 0) > 0,
      memoryPeakBytes: numberOrNull(read(path.join(dir, "memory.peak"))),
      pidsLimitHit: (keyed(read(path.join(dir, "pids.events")), "max") ?? 0) > 0,
      cpuTimeMs: usageMs(read(path.join(dir, "cpu.stat"))),
    }));
  }
}

class Group implements RunCgroup {
  readonly procsFiles: string[];

  constructor(
    private readonly dirs: string[],
    private readonly v2Dir: string,
    readonly stats: () => CgroupStats,
  ) {
    this.procsFiles = dirs.map((dir) => path.join(dir, "cgroup.procs"));
  }

  kill(): void {
    try {
      fs.writeFileSync(path.join(this.v2Dir, "cgroup.kill"), "1");
    } catch {
      // already removed
    }
  }

  async waitUntilEmpty(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const events = read(path.join(this.v2Dir, "cgroup.events"));
      if (events === null || keyed(events, "populated") === 0) return true;
      if (Date.now() > deadline) return false;
      await sleep(5);
    }
  }

  async remove(): Promise<void> {
    await removeDirs(this.dirs, 2000);
  }
}

async function removeDirs(dirs: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const dir of dirs) {
    for (;;) {
      try {
        fs.rmdirSync(dir);
        break;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "ENOENT") break;
        if (code !== "EBUSY" || Date.now() > deadline) throw error;
        await sleep(10);
      }
    }
  }
}

function numberOrNull(text: string | null): number | null {
  const value = text === null ? NaN : Number(text.trim());
  return Number.isFinite(value) ? value : null;
}

function usageMs(cpuStat: string | null): number | null {
  const usec = keyed(cpuStat, "usage_usec");
  return usec === null ? null : Math.round(usec / 1000);
}
