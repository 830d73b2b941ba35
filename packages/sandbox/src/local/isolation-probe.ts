import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import type { IsolationReport, LanguageId } from "../api/schemas.ts";
import { LANGUAGES } from "../languages/index.ts";
import { type CgroupTree, openCgroupTree } from "./cgroups.ts";
import { type HostRuntime, LAUNCHER_PATH, findExecutable, untraversableAncestors } from "./host-runtime.ts";
import type { HostTools } from "./sandbox-command.ts";

// Start-up detection of what this host can enforce. Every protection is checked on its own
// and reported; the end-to-end self-test (run after this, see local-provider.ts) proves the
// assembled chain really drops privileges and hides the host.

export interface ToolPaths {
  bwrap?: string | null;
  setpriv?: string | null;
  prlimit?: string | null;
  perl?: string;
  env?: string;
  python?: string;
  node?: string;
}

export interface ProbeResult {
  tools: HostTools;
  cgroups: CgroupTree | null;
  useImages: boolean;
  isRoot: boolean;
  enforced: Record<string, boolean>;
  problems: string[];
  languages: Record<LanguageId, boolean>;
}

const PRCTL_SYSCALL: Record<string, number> = { x64: 157, arm64: 167 };

const pick = (override: string | null | undefined, candidates: string[]): string | null =>
  override === null ? null : findExecutable(override ? [override] : candidates);

export function probeHost(options: { dataDir: string; cgroupParent: string; instance: string; tools: ToolPaths; runtime: HostRuntime }): ProbeResult {
  const problems = [...options.runtime.problems];
  const isRoot = process.getuid?.() === 0;
  const perl = pick(options.tools.perl, ["/usr/bin/perl"]);
  const bwrap = pick(options.tools.bwrap, ["/usr/bin/bwrap"]);
  const setpriv = pick(options.tools.setpriv, ["/usr/bin/setpriv"]);
  const prlimit = pick(options.tools.prlimit, ["/usr/bin/prlimit"]);
  const env = pick(options.tools.env, ["/usr/bin/env"]) ?? "/usr/bin/env";
  if (!perl) problems.push("perl is missing: the launcher cannot start (install perl-base)");
  if (!bwrap) problems.push("bwrap is missing (apt-get install bubblewrap): no namespaces, network or filesystem isolation");
  if (!setpriv) problems.push("setpriv is missing (util-linux): code would keep the service's uid");
  if (!prlimit) problems.push("prlimit is missing (util-linux): no CPU-time or file-size limits");
  if (!isRoot) problems.push("the service is not running as root: no uid switch, cgroups or disk quotas");

  const userNamespaces = Number(readText("/proc/sys/user/max_user_namespaces") ?? "0") > 0;
  if (bwrap && !userNamespaces) problems.push("user namespaces are disabled (user.max_user_namespaces = 0)");

  let cgroups: CgroupTree | null = null;
  if (isRoot) {
    const tree = openCgroupTree(options.cgroupParent, options.instance);
    if ("problem" in tree) problems.push(tree.problem);
    else cgroups = tree;
  }

  const mkfs = findExecutable(["/usr/sbin/mkfs.ext4", "/sbin/mkfs.ext4"]);
  const useImages = isRoot && mkfs !== null && fs.existsSync("/dev/loop-control") && findExecutable(["/usr/sbin/fsfreeze", "/sbin/fsfreeze", "/usr/bin/fsfreeze"]) !== null;
  if (isRoot && !useImages) problems.push("no per-workspace disk quota: needs mkfs.ext4 (e2fsprogs), fsfreeze and loop devices");

  const blocked = untraversableAncestors(options.dataDir);
  if (isRoot && blocked.length > 0) {
    problems.push(`the sandbox user cannot reach the data directory ${options.dataDir} (not world-executable: ${blocked.join(", ")}) and it could not be bind-mounted under /run; set SANDBOX_DATA_DIR elsewhere, e.g. /var/lib/interviewlm-sandbox`);
  }

  const prctlSyscall = PRCTL_SYSCALL[os.arch()] ?? null;
  const subreaper = perl !== null && prctlSyscall !== null;
  const enforced: Record<string, boolean> = {
    unprivilegedUser: isRoot && setpriv !== null,
    namespaces: bwrap !== null && userNamespaces,
    noNetwork: bwrap !== null && userNamespaces,
    readOnlySystem: bwrap !== null && userNamespaces,
    seccomp: bwrap !== null && options.runtime.seccompFilter !== null,
    cgroupLimits: cgroups !== null,
    processLimits: prlimit !== null,
    diskQuota: useImages,
    subreaper,
    emptyEnvironment: true,
    dataDirReachable: blocked.length === 0 || !isRoot,
  };

  const python = options.tools.python ?? "/usr/bin/python3";
  const node = options.tools.node ?? "/usr/bin/node";
  const pythonReady = spawnSync(python, ["-c", "import pytest"], { timeout: 15_000 }).status === 0;
  if (!pythonReady) problems.push(`${python} cannot import pytest (apt-get install python3-pytest): Python tests unavailable`);
  const nodeReady = findExecutable([node]) !== null && options.runtime.esbuild !== null;
  if (!nodeReady) problems.push(`${node} or esbuild is missing: JavaScript/TypeScript tests unavailable`);
  const languages = Object.fromEntries(
    Object.keys(LANGUAGES).map((id) => [id, id === "python" ? pythonReady : nodeReady]),
  ) as Record<LanguageId, boolean>;

  return {
    tools: {
      perl: perl ?? "/usr/bin/perl",
      launcher: LAUNCHER_PATH,
      prctlSyscall,
      env,
      prlimit,
      setpriv: isRoot ? setpriv : null,
      bwrap: bwrap && userNamespaces ? bwrap : null,
      seccompFilter: options.runtime.seccompFilter,
      etcDir: options.runtime.etcDir,
    },
    cgroups,
    useImages,
    isRoot,
    enforced,
    problems,
    languages,
  };
}

export function toReport(probe: ProbeResult): IsolationReport {
  const full = Object.values(probe.enforced).every(Boolean);
  return { level: full ? "full" : "weak", enforced: { ...probe.enforced }, problems: [...probe.problems], languages: { ...probe.languages } };
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    return null;
  }
}
