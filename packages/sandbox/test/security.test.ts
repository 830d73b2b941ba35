import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalProvider } from "../src/index.ts";
import { expectSandboxError } from "../src/testing/provider-contract.ts";
import { startLocalProvider } from "./helpers.ts";

// The attacks of issue #3, each run as candidate code against the local provider with tight
// limits. Every test checks that the attack was contained AND that it was reported.

const MB = 1024 * 1024;
const SECRET = "interviewlm-service-secret-7f3a9c";

function processesOwnedBy(uid: number): string[] {
  const found: string[] = [];
  for (const pid of fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
      if (new RegExp(`^Uid:\\s+${uid}\\s`, "m").test(status)) found.push(`${pid}: ${fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ")}`);
    } catch {
      // exited meanwhile
    }
  }
  return found;
}

describe("local sandbox security battery", () => {
  let provider: LocalProvider;
  let cleanup: () => Promise<void>;
  let dataDir: string;
  let id: string;
  let uid: number;

  beforeAll(async () => {
    process.env.INTERVIEWLM_BATTERY_SECRET = SECRET; // the service's own environment
    ({ provider, cleanup, dataDir } = await startLocalProvider({
      limits: { memoryBytes: 128 * MB, pids: 64, cpus: 1, cpuTimeSeconds: 2, maxFileBytes: 16 * MB, tmpBytes: 16 * MB, outputBytes: 256 * 1024, defaultTimeoutMs: 5000 },
      storage: { workspaceBytes: 48 * MB },
    }));
    id = (await provider.createWorkspace({ language: "python", files: [{ path: "main.py", content: "print('ok')\n" }] })).id;
    uid = Number((await provider.exec(id, { command: "id -u" })).stdout.trim());
  });
  afterAll(async () => {
    delete process.env.INTERVIEWLM_BATTERY_SECRET;
    await cleanup?.();
  });

  const python = (code: string, timeoutMs?: number) => provider.exec(id, { command: ["python3", "-c", code], timeoutMs });

  it("runs code as an unprivileged per-workspace user with no capabilities and a seccomp filter", async () => {
    expect(uid).toBeGreaterThanOrEqual(200_000); // never root or a host account
    const status = await provider.exec(id, { command: "grep -E '^(CapEff|CapBnd|NoNewPrivs|Seccomp):' /proc/self/status" });
    expect(status.stdout).toMatch(/CapEff:\s+0000000000000000/);
    expect(status.stdout).toMatch(/CapBnd:\s+0000000000000000/);
    expect(status.stdout).toMatch(/NoNewPrivs:\s+1/);
    expect(status.stdout).toMatch(/Seccomp:\s+2/);
  });

  it("contains a fork bomb with the process limit and ends it at the timeout", async () => {
    const result = await python("import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n", 2000);
    expect(["timeout", "killed"]).toContain(result.termination);
    expect(result.pidsLimitHit).toBe(true);
    expect(processesOwnedBy(uid)).toEqual([]);
  });

  it("stops a memory hog at the cgroup limit and reports out of memory", async () => {
    const result = await python("chunks = []\nwhile True:\n    chunks.append(bytearray(8 * 1024 * 1024))\n", 10_000);
    expect(result.termination).toBe("oom");
    expect(result.memoryPeakBytes).toBeLessThanOrEqual(128 * MB + MB);
  });

  it("ends an infinite loop at the wall-clock limit", async () => {
    const result = await provider.exec(id, { command: "while :; do :; done", timeoutMs: 1000 });
    expect(result.termination).toBe("timeout");
  });

  it("ends a CPU spin at the CPU-time limit", async () => {
    const result = await python("while True:\n    pass\n", 20_000);
    expect(result.termination).toBe("cpu_time_limit");
    expect(result.signal).toBe("SIGXCPU");
  });

  it("holds several busy processes to the CPU quota", async () => {
    const result = await provider.exec(id, { command: "for i in 1 2 3 4; do (while :; do :; done) & done; sleep 1.5", timeoutMs: 1500 });
    expect(result.termination).toBe("timeout");
    // 4 spinners for ~1.5 s on a 1-CPU quota: usage is bounded by the quota, not 4 × wall.
    expect(result.cpuTimeMs).toBeLessThan(1.5 * 1000 * 1.0 * 1.5 + 200);
  });

  it("stops a 200 MB file at the file-size limit", async () => {
    const result = await provider.exec(id, { command: "head -c 200M /dev/zero > big.bin; echo status=$?" });
    expect(result.stderr).toMatch(/File size limit exceeded|File too large/);
    const big = (await provider.listFiles(id)).find((f) => f.path === "big.bin");
    expect(big?.size).toBeLessThanOrEqual(16 * MB);
    await provider.deleteFile(id, "big.bin");
    const fromPython = await python("f = open('big2.bin', 'wb')\nfor _ in range(200):\n    f.write(b'0' * 1024 * 1024)\n    f.flush()\n");
    expect(fromPython.stderr).toMatch(/File too large/);
    expect((await provider.listFiles(id)).find((f) => f.path === "big2.bin")?.size).toBeLessThanOrEqual(16 * MB);
    await provider.deleteFile(id, "big2.bin");
  });

  it("caps the whole workspace at its disk quota", async () => {
    const result = await provider.exec(id, { command: "for i in 1 2 3 4 5 6; do head -c 15M /dev/zero > fill$i.bin || exit 9; done" });
    expect(result.exitCode).toBe(9);
    expect(result.stderr).toMatch(/No space left on device/);
    const used = (await provider.listFiles(id)).filter((f) => f.path.startsWith("fill")).reduce((sum, f) => sum + f.size, 0);
    expect(used).toBeLessThanOrEqual(48 * MB);
    await expectSandboxError(provider.writeFile(id, "one-more.txt", new Uint8Array(2 * MB)), "WORKSPACE_FULL");
    await provider.exec(id, { command: "rm -f fill*.bin" });
  });

  it("keeps /tmp and /dev/shm to their size", async () => {
    const result = await provider.exec(id, { command: "for i in 1 2 3; do head -c 10M /dev/zero > /tmp/f$i || break; done; head -c 20M /dev/zero > /dev/shm/x; du -sm /tmp /dev/shm" });
    expect(result.stderr).toMatch(/No space left on device/);
    const sizes = result.stdout.trim().split("\n").map((line) => Number(line.split(/\s+/)[0]));
    expect(sizes.every((mb) => mb <= 16)).toBe(true);
  });

  it("cuts an output flood at the output cap", async () => {
    const result = await provider.exec(id, { command: "cat /dev/urandom >&2", timeoutMs: 10_000 });
    expect(result.termination).toBe("output_limit");
    expect(result.stderrTruncated).toBe(true);
    expect(Buffer.byteLength(result.stderr, "latin1")).toBeLessThanOrEqual(1024 * 1024);
  });

  it("leaves no background process behind after a run", async () => {
    const result = await provider.exec(id, { command: "sleep 300 & (setsid sleep 301 &) ; nohup sleep 302 >/dev/null 2>&1 & echo started" });
    expect(result.stdout).toBe("started\n");
    expect(processesOwnedBy(uid)).toEqual([]);
    const later = await provider.exec(id, { command: "ps -e -o comm= | grep -c sleep || true" });
    expect(later.stdout.trim()).toBe("0");
  });

  it("cannot reach a server on the host's 127.0.0.1 nor a public address", async () => {
    let connections = 0;
    const server = net.createServer((socket) => {
      connections += 1;
      socket.end("hello from the host\n");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const code = [
        "import socket",
        `for target in [('127.0.0.1', ${port}), ('1.1.1.1', 80), ('8.8.8.8', 53)]:`,
        "    try:",
        "        socket.create_connection(target, timeout=2).recv(100)",
        "        print('CONNECTED', target)",
        "    except OSError as error:",
        "        print('blocked', target, error.errno)",
        "try:",
        "    socket.getaddrinfo('example.com', 80)",
        "    print('RESOLVED')",
        "except OSError:",
        "    print('no dns')",
      ].join("\n");
      const result = await python(code);
      expect(result.stdout).not.toMatch(/CONNECTED|RESOLVED/);
      expect(result.stdout.match(/blocked/g)).toHaveLength(3);
      expect(connections).toBe(0);
    } finally {
      server.close();
    }
  });

  it("cannot read /etc/shadow, /root, the host's /tmp or the service's environment", async () => {
    const marker = path.join(os.tmpdir(), `interviewlm-host-marker-${process.pid}`);
    fs.writeFileSync(marker, SECRET);
    try {
      const result = await provider.exec(id, {
        command: `cat /etc/shadow; ls /root; ls ${marker}; cat /proc/1/environ /proc/self/environ /proc/*/environ 2>/dev/null | tr '\\0' '\\n'; env; grep -r ${SECRET} /tmp /workspace 2>/dev/null; echo done`,
      });
      expect(result.stdout + result.stderr).not.toContain(SECRET);
      expect(result.stderr).toMatch(/\/etc\/shadow: No such file/);
      expect(result.stderr).toMatch(/\/root.*No such file/);
      expect(result.stdout).toContain("done");
    } finally {
      fs.rmSync(marker);
    }
  });

  it("cannot write outside the workspace", async () => {
    const result = await provider.exec(id, {
      command: "for f in /usr/x /etc/x /x /opt/interviewlm/runners/x /run/x /home/x; do touch $f 2>/dev/null && echo WROTE $f; done; echo checked",
    });
    expect(result.stdout).toBe("checked\n");
    expect(fs.existsSync("/usr/x") || fs.existsSync("/x")).toBe(false);
  });

  it("never follows a symlink planted in the workspace out of it through the file API", async () => {
    const hostSecret = path.join(dataDir, "host-only.txt");
    fs.writeFileSync(hostSecret, SECRET, { mode: 0o600 });
    await provider.exec(id, { command: `ln -s /etc/shadow leak && ln -s ${hostSecret} leak2 && ln -s / rootlink && mkdir -p d && ln -s /etc d/etc && ln /etc/passwd hard 2>/dev/null; echo linked` });
    await expectSandboxError(provider.readFile(id, "leak"), "INVALID_PATH");
    await expectSandboxError(provider.readFile(id, "leak2"), "INVALID_PATH");
    await expectSandboxError(provider.readFile(id, "rootlink/etc/shadow"), "INVALID_PATH");
    await expectSandboxError(provider.readFile(id, "d/etc/passwd"), "INVALID_PATH");
    await expectSandboxError(provider.writeFile(id, `rootlink${dataDir}/planted.txt`, new TextEncoder().encode("x")), "INVALID_PATH");
    await expectSandboxError(provider.renameFile(id, "main.py", "rootlink/tmp/stolen.py"), "INVALID_PATH");
    expect(fs.existsSync(path.join(dataDir, "planted.txt"))).toBe(false);
    const listing = await provider.listFiles(id);
    expect(listing.find((f) => f.path === "leak")?.type).toBe("symlink");
    expect(listing.some((f) => f.path.startsWith("rootlink/"))).toBe(false);
    expect(listing.some((f) => f.path === "hard")).toBe(false);
    await provider.exec(id, { command: "mkfifo pipe" });
    await expectSandboxError(provider.readFile(id, "pipe"), "NOT_A_FILE"); // and does not hang
    await provider.deleteFile(id, "pipe");
    await provider.deleteFile(id, "rootlink"); // removes the link, not what it points to
    await provider.deleteFile(id, "d");
    expect(fs.existsSync("/etc/passwd")).toBe(true);
    expect(fs.readFileSync(hostSecret, "utf8")).toBe(SECRET);
  });

  it("cannot create nested namespaces, mount, or ptrace", async () => {
    const result = await provider.exec(id, {
      command: [
        "unshare --user --map-root-user id 2>&1 | head -1",
        "unshare --mount true 2>&1 | head -1",
        "mount -t tmpfs none /tmp 2>&1 | head -1",
        "python3 -c \"import ctypes; print('ptrace', ctypes.CDLL(None).ptrace(0, 0, 0, 0))\"",
        "sleep 5 & python3 -c \"import ctypes,sys; print('attach', ctypes.CDLL(None).ptrace(16, int(sys.argv[1]), 0, 0))\" $!",
      ].join("; "),
    });
    expect(result.stdout).not.toMatch(/uid=0/);
    expect(result.stdout).toMatch(/unshare.*Operation not permitted/);
    expect(result.stdout).toMatch(/mount.*(permission denied|must be superuser|Operation not permitted)/i);
    expect(result.stdout).toContain("ptrace -1");
    expect(result.stdout).toContain("attach -1");
  });

  it("leaves no cgroups or processes once the runs are over", async () => {
    // Other test files run providers in parallel: look at this provider's instance only.
    const instance = createHash("sha256").update(path.resolve(dataDir)).digest("hex").slice(0, 12);
    const leftovers = ["memory", "pids", "cpu", "unified"].flatMap((controller) => {
      const dir = `/sys/fs/cgroup/${controller}/interviewlm-sandbox/${instance}`;
      return fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `${dir}/${e.name}`) : [];
    });
    expect(leftovers).toEqual([]);
    expect(processesOwnedBy(uid)).toEqual([]);
  });
});
