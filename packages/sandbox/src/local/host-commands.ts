import { execFile } from "node:child_process";
import { SandboxError } from "../errors.ts";

/** Runs a host administration command (mkfs, mount, cp…) and fails with its stderr. */
export function runHostCommand(file: string, args: string[], timeoutMs = 30_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: timeoutMs, env: { PATH: "/usr/sbin:/usr/bin:/sbin:/bin", LC_ALL: "C" } }, (error, stdout, stderr) => {
      if (error) {
        const detail = (stderr || error.message).trim().split("\n").slice(-3).join(" ");
        reject(new SandboxError("PROVIDER_FAILURE", `${file} ${args[0] ?? ""} failed: ${detail}`, { cause: error }));
      } else {
        resolve(stdout);
      }
    });
  });
}

/** Mount points currently mounted (from /proc/self/mountinfo, octal escapes decoded). */
export function mountedPaths(mountinfo: string): Set<string> {
  const mounted = new Set<string>();
  for (const line of mountinfo.split("\n")) {
    const mountPoint = line.split(" ")[4];
    if (mountPoint) mounted.add(mountPoint.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8))));
  }
  return mounted;
}
