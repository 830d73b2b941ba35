import { goTestEventsToRunnerEvents } from "../results/go-test-json.ts";
import { goDeclaredTests } from "../secret-tests/go-declared-tests.ts";
import { runnerScriptCommand } from "./runner-command.ts";
import type { LanguageDefinition } from "./types.ts";

// Debian's golang-go (1.19) on the host, the same minor version in the Modal image. Std only:
// there is no network, so go.mod may not require modules. See docs/decisions/0130.
export const go: LanguageDefinition = {
  id: "go",
  displayName: "Go 1.19",
  sourceExtensions: [".go"],
  isTestFile: (path) => /_test\.go$/.test(path),
  localTools: { go: "/usr/bin/go" },
  modalImage: {
    registry: "golang:1.19-bookworm",
    commands: [],
    tools: { go: "/usr/local/go/bin/go" },
  },
  testCommand: (paths) => runnerScriptCommand("go", paths, { GO: paths.tools.go ?? "/usr/bin/go" }),
  // Every run compiles and links a test binary (nothing is cached across runs): 3–9 s of CPU
  // on the shared 2-core machine, and a Go room's run took 15.2 s under load — past the 15 s
  // default sized for interpreted runs. Same bound as Java.
  defaultTestTimeoutMs: 30_000,
  declaredTests: goDeclaredTests,
  translateEvents: goTestEventsToRunnerEvents,
  // run-tests.sh: 100 = a package did not build, 101 = no test files, 102 = copy failed;
  // go test itself: 0 passed, 1 some test failed (read from the events), 2 bad flags.
  statusFromExitCode: (exitCode) => {
    if (exitCode === 100) return "compile_error";
    if (exitCode === 101) return "no_tests";
    if (exitCode === 102 || exitCode === 2) return "error";
    return null;
  },
};
