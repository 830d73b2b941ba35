import { TOOLCHAIN_ENV } from "../languages/toolchain-env.ts";
import type { ResourceLimits } from "../limits.ts";

// Builds the command chain of SANDBOX.md, outermost first:
//   perl launcher (subreaper; child joins the cgroups; opens the seccomp filter)
//   → env -i (empty environment; bwrap's --clearenv alone leaks through /proc/1/environ)
//   → prlimit (CPU seconds, file size, open files, no core dumps)
//   → setpriv (drop root BEFORE bwrap: bwrap --uid started as root stays root underneath)
//   → bwrap (every namespace, no network, read-only system, private /tmp, seccomp)
//   → the command.
// Layers missing on this host (recorded by the isolation probe) are left out; the provider
// refuses to run code in that case unless weak isolation is explicitly allowed.

export interface HostTools {
  perl: string;
  launcher: string;
  /** prctl(2)'s syscall number on this architecture (the launcher cannot look it up cheaply). */
  prctlSyscall: number | null;
  env: string;
  prlimit: string | null;
  setpriv: string | null;
  bwrap: string | null;
  /** Compiled seccomp filter, or null when it could not be built. */
  seccompFilter: string | null;
  /** Directory holding passwd-<uid> / group-<uid> files for the sandbox user. */
  etcDir: string;
}

export interface BindMount {
  source: string;
  target: string;
  writable: boolean;
}

export interface SandboxCommandSpec {
  argv: string[];
  /** Working directory inside the sandbox. */
  cwd: string;
  env: Record<string, string>;
  binds: BindMount[];
  /** Inside-sandbox directories backed by a fresh size-limited tmpfs (besides /tmp). */
  scratchDirs: { target: string; bytes: number }[];
  limits: ResourceLimits;
  /** Unprivileged identity to run as; null when not running as root. */
  user: { uid: number; gid: number } | null;
  /** false for terminals: job control needs the controlling terminal. */
  newSession: boolean;
  cgroupProcs: string[];
}

export const SANDBOX_PATH = "/usr/local/bin:/usr/bin:/bin";

/**
 * /etc pieces runtimes need; everything else in /etc (shadow, ssh keys, …) stays invisible.
 * Debian's OpenJDK keeps its configuration there (lib/jvm.cfg and conf/ are links into it).
 */
const ETC_FILES = ["ld.so.cache", "alternatives", "localtime", "inputrc", "nsswitch.conf", "mime.types", "ssl/openssl.cnf", "java-17-openjdk"];

export function buildSandboxCommand(spec: SandboxCommandSpec, tools: HostTools, existing: (path: string) => boolean): { file: string; args: string[]; cwd: string } {
  const args: string[] = [tools.launcher];
  if (tools.prctlSyscall !== null) args.push("--prctl", String(tools.prctlSyscall));
  for (const procs of spec.cgroupProcs) args.push("--cgroup", procs);
  if (tools.bwrap && tools.seccompFilter) args.push("--seccomp", tools.seccompFilter);
  args.push("--", tools.env, "-i", `PATH=${SANDBOX_PATH}`);
  if (!tools.bwrap) {
    // Without bwrap the environment is set here rather than inside.
    for (const [key, value] of Object.entries(baseEnv(spec))) args.push(`${key}=${value}`);
  }
  if (tools.prlimit) {
    const { cpuTimeSeconds, maxFileBytes } = spec.limits;
    // soft < hard: SIGXCPU first (reported as a CPU-time verdict), SIGKILL a second later.
    args.push(tools.prlimit, `--cpu=${cpuTimeSeconds}:${cpuTimeSeconds + 1}`, `--fsize=${maxFileBytes}`, "--nofile=256", "--core=0", "--");
  }
  if (tools.setpriv && spec.user) {
    const { uid, gid } = spec.user;
    args.push(tools.setpriv, `--reuid=${uid}`, `--regid=${gid}`, "--clear-groups", "--no-new-privs", "--inh-caps=-all", "--bounding-set=-all", "--");
  }
  if (tools.bwrap) {
    args.push(...bwrapArgs(spec, tools, existing));
  }
  args.push(...spec.argv);
  // bwrap changes directory itself (--chdir); without it the chain starts there.
  return { file: tools.perl, args, cwd: tools.bwrap ? "/" : spec.cwd };
}

function baseEnv(spec: SandboxCommandSpec): Record<string, string> {
  return {
    HOME: spec.cwd,
    LANG: "C.UTF-8",
    TERM: "xterm-256color",
    USER: "sandbox",
    ...TOOLCHAIN_ENV,
    ...spec.env,
  };
}

function bwrapArgs(spec: SandboxCommandSpec, tools: HostTools, existing: (path: string) => boolean): string[] {
  const args = [tools.bwrap as string, "--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent"];
  if (spec.newSession) args.push("--new-session");
  args.push("--hostname", "sandbox", "--clearenv");
  for (const [key, value] of Object.entries({ PATH: SANDBOX_PATH, ...baseEnv(spec) })) args.push("--setenv", key, value);
  args.push("--ro-bind", "/usr", "/usr");
  for (const link of ["bin", "lib", "lib64", "sbin"]) {
    if (existing(`/usr/${link}`)) args.push("--symlink", `usr/${link}`, `/${link}`);
  }
  args.push("--perms", "0755", "--dir", "/etc");
  for (const file of ETC_FILES) {
    if (existing(`/etc/${file}`)) args.push("--ro-bind", `/etc/${file}`, `/etc/${file}`);
  }
  const uid = spec.user?.uid ?? 0;
  args.push("--ro-bind", `${tools.etcDir}/passwd-${uid}`, "/etc/passwd", "--ro-bind", `${tools.etcDir}/group-${uid}`, "/etc/group");
  args.push("--ro-bind", `${tools.etcDir}/hosts`, "/etc/hosts");
  args.push("--dev", "/dev", "--proc", "/proc");
  args.push("--size", String(spec.limits.tmpBytes), "--tmpfs", "/tmp");
  args.push("--size", String(Math.min(spec.limits.tmpBytes, 16 * 1024 * 1024)), "--tmpfs", "/dev/shm");
  for (const scratch of spec.scratchDirs) args.push("--size", String(scratch.bytes), "--tmpfs", scratch.target);
  for (const bind of spec.binds) args.push(bind.writable ? "--bind" : "--ro-bind", bind.source, bind.target);
  args.push("--remount-ro", "/", "--chdir", spec.cwd);
  if (tools.seccompFilter) args.push("--seccomp", "@SECCOMP_FD@");
  args.push("--");
  return args;
}
