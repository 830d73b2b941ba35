import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../limits.ts";
import { buildSandboxCommand, type HostTools, type SandboxCommandSpec } from "./sandbox-command.ts";

const tools: HostTools = {
  perl: "/usr/bin/perl",
  launcher: "/r/launcher.pl",
  prctlSyscall: 157,
  env: "/usr/bin/env",
  prlimit: "/usr/bin/prlimit",
  setpriv: "/usr/bin/setpriv",
  bwrap: "/usr/bin/bwrap",
  seccompFilter: "/d/seccomp.bpf",
  etcDir: "/d/etc",
};
const spec: SandboxCommandSpec = {
  argv: ["python3", "main.py"],
  cwd: "/workspace",
  env: { SECRET_LOOKING: "given by the caller" },
  binds: [{ source: "/d/ws/root", target: "/workspace", writable: true }],
  scratchDirs: [],
  limits: DEFAULT_LIMITS,
  user: { uid: 200_001, gid: 200_001 },
  newSession: true,
  cgroupProcs: ["/sys/fs/cgroup/memory/x/cgroup.procs"],
};

describe("the sandbox command chain", () => {
  it("starts with an empty environment and drops root before bwrap", () => {
    const { file, args } = buildSandboxCommand(spec, tools, () => true);
    expect(file).toBe("/usr/bin/perl");
    const order = ["/r/launcher.pl", "/usr/bin/env", "/usr/bin/prlimit", "/usr/bin/setpriv", "/usr/bin/bwrap", "python3"].map((tool) => args.indexOf(tool));
    expect(order.every((index, i) => index >= 0 && (i === 0 || index > (order[i - 1] as number)))).toBe(true);
    expect(args[args.indexOf("/usr/bin/env") + 1]).toBe("-i");
    expect(args).toContain("--reuid=200001");
    expect(args).toEqual(expect.arrayContaining(["--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent", "--new-session", "--clearenv"]));
    expect(args.join(" ")).toContain("--ro-bind /usr /usr");
    expect(args.join(" ")).toContain("--remount-ro /");
    expect(args.join(" ")).toContain("--seccomp @SECCOMP_FD@");
    expect(args.join(" ")).toContain("--cgroup /sys/fs/cgroup/memory/x/cgroup.procs");
  });

  it("never binds the host's /etc wholesale or any secret file", () => {
    const { args } = buildSandboxCommand(spec, tools, () => true);
    const sources = args.flatMap((arg, i) => (arg === "--ro-bind" || arg === "--bind" ? [args[i + 1]] : []));
    expect(sources).not.toContain("/etc");
    expect(sources.filter((s) => s?.startsWith("/etc/"))).not.toContain("/etc/shadow");
    expect(sources).not.toContain("/etc/passwd"); // a synthetic one is mounted instead
  });

  it("keeps the terminal's session for ptys and leaves out tools the host lacks", () => {
    const { args, cwd } = buildSandboxCommand({ ...spec, newSession: false }, { ...tools, bwrap: null, setpriv: null }, () => true);
    expect(args).not.toContain("--new-session");
    expect(args).not.toContain("/usr/bin/setpriv");
    expect(args).toContain("HOME=/workspace");
    expect(cwd).toBe("/workspace");
  });
});
