import type { TestRunPaths } from "./types.ts";

/**
 * The command every language's `runners/<runner>/run-tests.sh` is started with: the script, the
 * run's directories in the variables every runner reads, and the language's tool paths
 * (`toolEnv`, e.g. `{ GO: "/usr/bin/go" }`) in the variables its script reads.
 */
export function runnerScriptCommand(runner: string, paths: TestRunPaths, toolEnv: Record<string, string>): { argv: string[]; env: Record<string, string> } {
  return {
    argv: ["/bin/sh", `${paths.runnersDir}/${runner}/run-tests.sh`],
    env: {
      SOURCE_DIR: paths.sourceDir,
      WORK_DIR: paths.workDir,
      HIDDEN_DIR: paths.hiddenDir ?? "",
      ONLY_HIDDEN: paths.onlyHidden ? "1" : "",
      RUNNERS_DIR: paths.runnersDir,
      ...toolEnv,
    },
  };
}
