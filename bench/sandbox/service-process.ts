import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const SERVICE_DIR = fileURLToPath(new URL("../../apps/sandbox", import.meta.url));

export interface ServiceProcess {
  url: string;
  stop(): Promise<void>;
}

/** Starts the real sandbox service (the `npm start` entry point) on a random port. */
export function startServiceProcess(env: Record<string, string>): Promise<ServiceProcess> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: SERVICE_DIR,
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", NODE_ENV: "test", SANDBOX_PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    let log = "";
    const onData = (chunk: Buffer) => {
      if (log.length < 100_000) log += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(log);
      if (match?.[1] && !resolved) {
        resolved = true;
        resolve({
          url: match[1],
          stop: async () => {
            child.kill("SIGTERM");
            await exited;
          },
        });
      }
    };
    let resolved = false;
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    void exited.then(() => {
      if (!resolved) reject(new Error(`sandbox service exited during start-up:\n${log}`));
    });
  });
}
