import type { ContainerProcess, Sandbox } from "modal";
import type { Termination } from "../api/schemas.ts";
import type { FinishedCommand } from "../exec-result.ts";
import { newRunId } from "../ids.ts";
import type { ResourceLimits } from "../limits.ts";

// Running one command in a Modal sandbox with the same limits as the local provider where
// Modal allows: prlimit (util-linux is Essential in Debian images) for CPU time and file size,
// coreutils `timeout` for wall clock, and output caps on our side. Modal's own exec timeout
// takes whole seconds only and, when it fires, the SDK fails the output streams with "deadline
// exceeded" instead of ending them; so the wall clock is kept inside the sandbox (`timeout`
// puts the command in its own process group and kills the group), and Modal's timeout is only
// a backstop a few seconds later. Modal has no "kill this exec" either: the wrapper records
// the group's id, so past the output cap the group is killed by a second exec.

const SIGNAL_BY_CODE: Record<number, string> = { 129: "SIGHUP", 130: "SIGINT", 134: "SIGABRT", 137: "SIGKILL", 139: "SIGSEGV", 143: "SIGTERM", 152: "SIGXCPU", 153: "SIGXFSZ" };

export type ModalRun = FinishedCommand;

export function limitedArgv(argv: string[], limits: ResourceLimits): string[] {
  return ["prlimit", `--cpu=${limits.cpuTimeSeconds}:${limits.cpuTimeSeconds + 1}`, `--fsize=${limits.maxFileBytes}`, "--nofile=256", "--core=0", "--", ...argv];
}

/** Seconds Modal's own exec timeout waits beyond ours before it steps in. */
const BACKSTOP_SECONDS = 5;

/** The command under `timeout -s KILL`, its process group id written to `groupFile` first. */
export function timedArgv(argv: string[], timeoutMs: number, groupFile: string): string[] {
  return ["/bin/sh", "-c", 'echo $$ > "$0" && exec timeout -s KILL "$@"', groupFile, (timeoutMs / 1000).toFixed(3), ...argv];
}

export async function runInSandbox(
  sandbox: Sandbox,
  argv: string[],
  options: { env: Record<string, string>; stdin?: Uint8Array; timeoutMs: number; outputBytes: number; workdir: string },
): Promise<ModalRun> {
  const started = performance.now();
  const groupFile = `/tmp/.interviewlm-exec-${newRunId().slice(4)}`;
  const process = (await sandbox.exec(timedArgv(argv, options.timeoutMs, groupFile), {
    mode: "binary",
    workdir: options.workdir,
    timeoutMs: (Math.ceil(options.timeoutMs / 1000) + BACKSTOP_SECONDS) * 1000,
    env: options.env,
  })) as ContainerProcess<Uint8Array>;
  const feed = (async () => {
    if (options.stdin) await process.stdin.writeBytes(options.stdin);
    await process.stdin.close();
  })().catch(() => undefined);
  let killed: Promise<unknown> | null = null;
  const killGroup = () => {
    killed ??= sandbox
      .exec(["/bin/sh", "-c", 'kill -KILL "-$(cat "$0")" 2>/dev/null; true', groupFile])
      .then((p) => p.wait())
      .catch(() => undefined);
  };
  // A stream that fails (the sandbox ended, Modal's backstop deadline) ends the run with what was read.
  const [stdout, stderr] = await Promise.all([readCapped(process.stdout, options.outputBytes, killGroup), readCapped(process.stderr, options.outputBytes, killGroup)]);
  // An exec that Modal ends at its timeout, or whose sandbox ended, may not report an exit code.
  const exitCode = await process.wait().catch(() => null);
  await feed;
  await killed;
  void sandbox
    .exec(["rm", "-f", groupFile])
    .then((p) => p.wait())
    .catch(() => undefined);
  const durationMs = Math.round(performance.now() - started);
  const signal = exitCode === null ? null : (SIGNAL_BY_CODE[exitCode] ?? null);
  let termination: Termination = "exited";
  if (stdout.truncated || stderr.truncated) termination = "output_limit";
  else if (durationMs >= options.timeoutMs) termination = "timeout";
  else if (exitCode === null) termination = "killed";
  else if (signal === "SIGXCPU") termination = "cpu_time_limit";
  else if (signal === "SIGXFSZ") termination = "file_size_limit";
  // Inside a Modal sandbox nothing but the memory limit sends SIGKILL (timeouts are caught above).
  else if (signal === "SIGKILL") termination = "oom";
  return { exitCode, signal, termination, stdout: stdout.bytes, stderr: stderr.bytes, stdoutTruncated: stdout.truncated, stderrTruncated: stderr.truncated, durationMs };
}

async function readCapped(stream: ReadableStream<Uint8Array>, cap: number, onCap: () => void): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  try {
    for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
      if (size >= cap) {
        truncated = true;
        onCap();
        continue;
      }
      const room = cap - size;
      if (chunk.length > room) {
        truncated = true;
        onCap();
      }
      const kept = chunk.length > room ? chunk.subarray(0, room) : chunk;
      chunks.push(kept);
      size += kept.length;
    }
  } catch {
    // the stream broke off: keep what arrived
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { bytes, truncated };
}
