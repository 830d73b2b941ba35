import { nodeDeclaredTests } from "../secret-tests/node-declared-tests.ts";
import type { LanguageDefinition } from "./types.ts";
import { nodeGeneratedRunnerFiles, nodeModalImage, nodeRunnerTools, nodeStatusFromExitCode, nodeTestCommand } from "./node-runner.ts";

export const javascript: LanguageDefinition = {
  id: "javascript",
  displayName: "JavaScript (Node 20)",
  sourceExtensions: [".js", ".mjs", ".cjs"],
  isTestFile: (path) => /\.(test|spec)\.m?js$/.test(path),
  localTools: nodeRunnerTools,
  modalImage: nodeModalImage,
  testCommand: nodeTestCommand,
  declaredTests: nodeDeclaredTests,
  statusFromExitCode: nodeStatusFromExitCode,
  generatedRunnerFiles: nodeGeneratedRunnerFiles,
};
