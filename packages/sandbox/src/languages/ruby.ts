import { rubyDeclaredTests } from "../secret-tests/ruby-declared-tests.ts";
import { runnerScriptCommand } from "./runner-command.ts";
import type { LanguageDefinition } from "./types.ts";

// Debian's ruby (3.1) and ruby-minitest (5.17) on the host; the Modal image installs the same
// Debian packages on the same release. Minitest with the runner's reporter, which streams the
// common JSON-lines events itself. See docs/decisions/0132.
const RUBY_TOOLS = { ruby: "/usr/bin/ruby" };

export const ruby: LanguageDefinition = {
  id: "ruby",
  displayName: "Ruby 3.1",
  sourceExtensions: [".rb"],
  isTestFile: (path) => /(^|\/)(test_[^/]*|[^/]*_test)\.rb$/.test(path),
  localTools: RUBY_TOOLS,
  modalImage: {
    registry: "debian:bookworm-slim",
    commands: ["RUN apt-get update && apt-get install -y --no-install-recommends ruby ruby-minitest && rm -rf /var/lib/apt/lists/*"],
    tools: RUBY_TOOLS,
  },
  testCommand: (paths) => runnerScriptCommand("ruby", paths, { RUBY: paths.tools.ruby ?? RUBY_TOOLS.ruby }),
  declaredTests: rubyDeclaredTests,
  // run-tests.sh / interviewlm_minitest.rb: 0 passed, 1 some test failed (read from the events),
  // 2 a file did not load (its collect_error), 101 no test files, 102 copy failed.
  statusFromExitCode: (exitCode, hadCollectErrors) => {
    if (hadCollectErrors || exitCode === 2) return "compile_error";
    if (exitCode === 101) return "no_tests";
    if (exitCode === 102) return "error";
    return null;
  },
};
