import type { ContainerProcess, Sandbox } from "modal";
import type { Termination } from "../api/schemas.ts";
import type { FinishedCommand } from "../exec-result.ts";
import type { ResourceLimits } from "../limits.ts";

// Running one command in a Modal sandbox with the same limits as the local provider where
// Modal allows: prlimit (util-linux is Essential in Debian images) for CPU time and file size,
// the exec timeout for wall clock, and output caps on our side. Modal has no "kill this exec";
// past the output cap the rest is drained and dropped until the command ends or times out.

const SIGNAL_BY_CODE: Record<number, string> = { 129: "SIGHUP", 130: "SIGINT", 134: "SIGABRT", 137: "SIGKILL", 139: "SIGSEGV", 143: "SIGTERM", 152: "SIGXCPU", 153: "SIGXFSZ" };

export type ModalRun = FinishedCommand;

export function limitedArgv(argv: string[], limits: ResourceLimits): string[] {
  return ["prlimit", `--cpu=${limits.cpuTimeSeconds}:${limits.cpuTimeSeconds + 1}`, `--fsize=${limits.maxFileBytes}`, "--nofile=256", "--core=0", "--", ...argv];
}

export async function runInSandbox(
  sandbox: Sandbox,
  argv: string[],
  options: { env: Record<string, string>; stdin?: Uint8Array; timeoutMs: number; outputBytes: number; workdir: string },
): Promise<ModalRun> {
  const started = performance.now();
  const process = (await sandbox.exec(argv, { mode: "binary", workdir: options.workdir, timeoutMs: options.timeoutMs, env: options.env })) as ContainerProcess<Uint8Array>;
  const feed = (async () => {
    if (options.stdin) await process.stdin.writeBytes(options.stdin);
    await process.stdin.close();
  })().catch(() => undefined);
  const [stdout, stderr] = await Promise.all([readCapped(process.stdout, options.outputBytes), readCapped(process.stderr, options.outputBytes)]);
  // An exec that Modal ends at its timeout may not report an exit code.
  const exitCode = await process.wait().catch(() => null);
  await feed;
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

async function readCapped(stream: ReadableStream<Uint8Array>, cap: number): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
    if (size >= cap) {
      truncated = true;
      continue;
    }
    const room = cap - size;
    if (chunk.length > room) truncated = true;
    const kept = chunk.length > room ? chunk.subarray(0, room) : chunk;
    chunks.push(kept);
    size += kept.length;
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { bytes, truncated };
}
