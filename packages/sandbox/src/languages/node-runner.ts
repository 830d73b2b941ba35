import { runnerScriptCommand } from "./runner-command.ts";
import { VITEST_COMPAT_FILE, vitestCompatBundle } from "./vitest-compat/bundle.ts";
import type { LanguageDefinition, TestRunPaths } from "./types.ts";

// JavaScript and TypeScript share one runner: esbuild bundles the test files (stripping types,
// resolving extensionless imports), node:test runs them in one process. Chosen for start-up
// time; measurements in docs/decisions/0006-sandbox-typescript-test-runner.md.
export const ESBUILD_VERSION = "0.28.2";

export const nodeRunnerTools = { node: "/usr/bin/node", esbuild: "esbuild" } as const;

export const nodeModalImage = {
  registry: "node:20-bookworm-slim",
  commands: [`RUN npm install --global --no-fund --no-audit esbuild@${ESBUILD_VERSION}`],
  tools: { node: "/usr/local/bin/node", esbuild: "/usr/local/bin/esbuild" },
} as const;

export function nodeTestCommand(paths: TestRunPaths): { argv: string[]; env: Record<string, string> } {
  return runnerScriptCommand("node", paths, { NODE: paths.tools.node ?? "/usr/bin/node", ESBUILD: paths.tools.esbuild ?? "esbuild" });
}

/** The Vitest/Jest compatibility module the runner's `vitest.mjs` and `jest-globals.mjs` import. */
export const nodeGeneratedRunnerFiles = () => ({ [`node/${VITEST_COMPAT_FILE}`]: vitestCompatBundle() });

// run-tests.sh: 100 = esbuild failed (did not compile), 101 = no test files, 102 = copy failed.
export const nodeStatusFromExitCode: LanguageDefinition["statusFromExitCode"] = (exitCode) => {
  if (exitCode === 100) return "compile_error";
  if (exitCode === 101) return "no_tests";
  if (exitCode === 102) return "error";
  return null;
};
