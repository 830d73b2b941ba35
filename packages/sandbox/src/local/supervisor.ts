import { spawn } from "node:child_process";
import os from "node:os";
import type { Termination } from "../api/schemas.ts";
import type { CgroupStats, RunCgroup } from "./cgroups.ts";

// Runs one sandbox command chain to completion: feeds stdin, keeps at most `outputBytes` of
// stdout and stderr (and of the runner's result pipe on fd 3), enforces the wall-clock limit,
// and ends the whole tree through cgroup.kill. The launcher is outside the cgroup, reaps
// everything and exits last, so its exit means nothing of the run is left.

export interface SuperviseOptions {
  file: string;
  args: string[];
  cwd: string;
  stdin?: Uint8Array;
  timeoutMs: number;
  outputBytes: number;
  /** Open a result pipe on fd 3 keeping at most this many bytes. */
  resultsBytes?: number;
  cgroup: RunCgroup | null;
  /** CPU-time limit per process, to recognise a SIGKILL from RLIMIT_CPU's hard limit. */
  cpuTimeSeconds: number;
}

export interface SupervisedRun {
  exitCode: number | null;
  signal: string | null;
  termination: Termination;
  stdout: Buffer;
  stderr: Buffer;
  results: Buffer | null;
  stdoutTruncated: boolean;
  stderrTruncated: boolean;
  durationMs: number;
  stats: CgroupStats | null;
}

class CappedBuffer {
  private chunks: Buffer[] = [];
  private size = 0;
  truncated = false;

  constructor(private readonly limit: number) {}

  /** Returns false once the limit is exceeded. */
  push(chunk: Buffer): boolean {
    const room = this.limit - this.size;
    if (chunk.length > room) {
      if (room > 0) this.chunks.push(chunk.subarray(0, room));
      this.size = this.limit;
      this.truncated = true;
      return false;
    }
    this.chunks.push(chunk);
    this.size += chunk.length;
    return true;
  }

  value(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

const SIGNAL_NAMES = new Map(Object.entries(os.constants.signals).map(([name, number]) => [number, name]));

export function superviseSandboxRun(options: SuperviseOptions): Promise<SupervisedRun> {
  const started = performance.now();
  const stdio: ("pipe" | "ignore")[] = [options.stdin ? "pipe" : "ignore", "pipe", "pipe"];
  if (options.resultsBytes !== undefined) stdio.push("pipe");
  const child = spawn(options.file, options.args, { stdio, cwd: options.cwd, env: { PATH: "/usr/bin:/bin" } });
  const stdout = new CappedBuffer(options.outputBytes);
  const stderr = new CappedBuffer(options.outputBytes);
  const results = options.resultsBytes !== undefined ? new CappedBuffer(options.resultsBytes) : null;
  let timedOut = false;
  let outputLimitHit = false;
  let killed = false;

  const killTree = () => {
    if (killed) return;
    killed = true;
    if (options.cgroup) options.cgroup.kill();
    else child.kill("SIGTERM"); // the launcher turns this into SIGKILL for the chain
  };
  const timer = setTimeout(() => {
    timedOut = true;
    killTree();
  }, options.timeoutMs);

  const collect = (buffer: CappedBuffer) => (chunk: Buffer) => {
    if (!buffer.push(chunk) && !outputLimitHit) {
      outputLimitHit = true;
      killTree();
    }
  };
  child.stdout?.on("data", collect(stdout));
  child.stderr?.on("data", collect(stderr));
  const resultsStream = child.stdio[3];
  if (results && resultsStream) resultsStream.on("data", collect(results));
  if (options.stdin && child.stdin) {
    child.stdin.on("error", () => undefined); // the program may exit without reading stdin
    child.stdin.end(Buffer.from(options.stdin));
  }

  return new Promise((resolve, reject) => {
    child.on("error", (error) => {
      clearTimeout(timer);
      void options.cgroup?.remove().catch(() => undefined);
      reject(error);
    });
    child.on("close", async (code, signalName) => {
      clearTimeout(timer);
      let stats: CgroupStats | null = null;
      if (options.cgroup) {
        if (!(await options.cgroup.waitUntilEmpty(500))) {
          options.cgroup.kill();
          await options.cgroup.waitUntilEmpty(2000);
        }
        stats = options.cgroup.stats();
        await options.cgroup.remove().catch(() => undefined);
      }
      const signal = signalName ?? (code !== null && code > 128 && code < 160 ? (SIGNAL_NAMES.get(code - 128) ?? null) : null);
      resolve({
        exitCode: code,
        signal,
        termination: classify({ timedOut, outputLimitHit, stats, signal, cpuTimeSeconds: options.cpuTimeSeconds }),
        stdout: stdout.value(),
        stderr: stderr.value(),
        results: results ? results.value() : null,
        stdoutTruncated: stdout.truncated,
        stderrTruncated: stderr.truncated,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        stats,
      });
    });
  });
}

function classify(run: { timedOut: boolean; outputLimitHit: boolean; stats: CgroupStats | null; signal: string | null; cpuTimeSeconds: number }): Termination {
  if (run.outputLimitHit) return "output_limit";
  if (run.timedOut) return "timeout";
  if (run.stats?.oomKilled) return "oom";
  if (run.signal === "SIGXCPU") return "cpu_time_limit";
  if (run.signal === "SIGXFSZ") return "file_size_limit";
  if (run.signal === "SIGKILL") {
    const cpuMs = run.stats?.cpuTimeMs ?? 0;
    return cpuMs >= run.cpuTimeSeconds * 1000 ? "cpu_time_limit" : "killed";
  }
  return "exited";
}
