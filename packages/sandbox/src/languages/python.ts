import { pythonDeclaredTests } from "../secret-tests/python-declared-tests.ts";
import { runnerScriptCommand } from "./runner-command.ts";
import type { LanguageDefinition } from "./types.ts";

// pytest from Debian's python3-pytest (7.2) on the host; the same major version in the Modal image.
export const python: LanguageDefinition = {
  id: "python",
  displayName: "Python 3",
  sourceExtensions: [".py"],
  isTestFile: (path) => /(^|\/)(test_[^/]*|[^/]*_test)\.py$/.test(path),
  localTools: { python: "/usr/bin/python3" },
  modalImage: {
    registry: "python:3.11-slim-bookworm",
    commands: ["RUN pip install --no-cache-dir pytest==7.2.1"],
    tools: { python: "/usr/local/bin/python3" },
  },
  testCommand: (paths) => runnerScriptCommand("python", paths, { PYTHON: paths.tools.python ?? "/usr/bin/python3" }),
  declaredTests: pythonDeclaredTests,
  // pytest exit codes: 0 passed, 1 failed, 2 interrupted (collection errors), 5 nothing collected.
  statusFromExitCode: (exitCode, hadCollectErrors) => {
    if (hadCollectErrors || exitCode === 2) return "compile_error";
    if (exitCode === 5) return "no_tests";
    if (exitCode === 102 || exitCode === 3 || exitCode === 4) return "error";
    return null;
  },
};
