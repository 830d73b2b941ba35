import { nodeDeclaredTests } from "../secret-tests/node-declared-tests.ts";
import type { LanguageDefinition } from "./types.ts";
import { nodeGeneratedRunnerFiles, nodeModalImage, nodeRunnerTools, nodeStatusFromExitCode, nodeTestCommand } from "./node-runner.ts";

// Types are stripped, not checked: syntax errors are "did not compile", type errors are not
// (a tsc pass costs over a second per run; see the ADR).
export const typescript: LanguageDefinition = {
  id: "typescript",
  displayName: "TypeScript (Node 20)",
  sourceExtensions: [".ts", ".mts", ".js", ".mjs"],
  isTestFile: (path) => /\.(test|spec)\.m?[jt]s$/.test(path),
  localTools: nodeRunnerTools,
  modalImage: nodeModalImage,
  testCommand: nodeTestCommand,
  declaredTests: nodeDeclaredTests,
  statusFromExitCode: nodeStatusFromExitCode,
  generatedRunnerFiles: nodeGeneratedRunnerFiles,
};
