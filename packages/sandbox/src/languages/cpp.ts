import { gtestReportToRunnerEvents } from "../results/gtest-xml.ts";
import { cppDeclaredTests } from "../secret-tests/cpp-declared-tests.ts";
import { runnerScriptCommand } from "./runner-command.ts";
import type { LanguageDefinition } from "./types.ts";

// Debian's g++ (GCC 12) and libgtest-dev (GoogleTest 1.12: headers and the static libgtest.a
// and libgtest_main.a) on the host; the Modal image installs the same Debian packages on the
// same release, so the paths are the same. No build system: g++ compiles every .cpp/.cc file
// of the workspace with the test files into one binary. See docs/decisions/0134.
const CPP_TOOLS = { cxx: "/usr/bin/g++" };

export const cpp: LanguageDefinition = {
  id: "cpp",
  displayName: "C++17",
  sourceExtensions: [".cpp", ".cc", ".hpp", ".h"],
  isTestFile: (path) => /(^|\/)[^/]*_test\.(cpp|cc)$/.test(path),
  localTools: CPP_TOOLS,
  modalImage: {
    registry: "debian:bookworm-slim",
    commands: ["RUN apt-get update && apt-get install -y --no-install-recommends g++ libgtest-dev && rm -rf /var/lib/apt/lists/*"],
    tools: CPP_TOOLS,
  },
  testCommand: (paths) => runnerScriptCommand("cpp", paths, { CXX: paths.tools.cxx ?? CPP_TOOLS.cxx }),
  // Every run compiles the test files against gtest.h, which alone takes ≈ 2 s of CPU on an idle
  // core (heavier includes up to 10 s); on a loaded 2-core machine the 15 s default is too short.
  defaultTestTimeoutMs: 30_000,
  declaredTests: cppDeclaredTests,
  translateEvents: gtestReportToRunnerEvents,
  // run-tests.sh: 100 = g++ failed, 101 = no tests, 102 = copy failed; the test binary itself:
  // 0 passed, 1 some test failed (read from the report), anything else without a report = the
  // binary ended part-way, a crash or exit() (decided from the missing end of the report).
  statusFromExitCode: (exitCode) => {
    if (exitCode === 100) return "compile_error";
    if (exitCode === 101) return "no_tests";
    if (exitCode === 102) return "error";
    return null;
  },
};
