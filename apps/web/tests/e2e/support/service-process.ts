// Starts one of the product's real processes for an end-to-end test and waits until it
// says it is ready; stop() ends it (SIGTERM, then SIGKILL after 10 s).
import { spawn, type ChildProcess } from "node:child_process";

export interface ServiceProcess {
  output(): string;
  stop(): Promise<void>;
}

export async function startServiceProcess(options: {
  name: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  ready: RegExp;
  timeoutMs?: number;
}): Promise<ServiceProcess> {
  // The deadline only catches a process that never becomes ready: start-up (migrations,
  // seeding the bank, Vite) takes well over a minute on a loaded 2-core machine.
  const child: ChildProcess = spawn(process.execPath, options.args, {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: process.env.HOME ?? "/tmp", ...options.env } as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d.toString()));
  child.stderr?.on("data", (d) => (output += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${options.name} did not start in time:\n${output}`)), options.timeoutMs ?? 180_000);
    const check = () => {
      if (options.ready.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", check);
    child.stderr?.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited with ${code}:\n${output}`));
    });
  });
  return {
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
