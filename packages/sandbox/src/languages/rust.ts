import { libtestEventsToRunnerEvents } from "../results/rust-libtest-json.ts";
import { rustDeclaredTests } from "../secret-tests/rust-declared-tests.ts";
import { runnerScriptCommand } from "./runner-command.ts";
import type { LanguageDefinition } from "./types.ts";

// Debian's rustc (1.63) and cargo on the host — never a rustup toolchain — and the same Debian
// packages in the Modal image on the same release, so versions and paths are the host's. A
// workspace is a Cargo crate (Cargo.toml, src/lib.rs, tests/*.rs), built offline with std only.
// See docs/decisions/0133.
const RUST_TOOLS = { cargo: "/usr/bin/cargo", rustc: "/usr/bin/rustc" };

export const rust: LanguageDefinition = {
  id: "rust",
  displayName: "Rust 1.63",
  sourceExtensions: [".rs"],
  // cargo's integration tests: every tests/*.rs file beside Cargo.toml is a test crate of its own
  // (tests/common/mod.rs and src/**/tests.rs are modules, not test files).
  isTestFile: (path) => /^tests\/[^/]+\.rs$/.test(path),
  localTools: RUST_TOOLS,
  modalImage: {
    registry: "debian:bookworm-slim",
    commands: ["RUN apt-get update && apt-get install -y --no-install-recommends rustc cargo && rm -rf /var/lib/apt/lists/*"],
    tools: RUST_TOOLS,
  },
  testCommand: (paths) => runnerScriptCommand("rust", paths, { CARGO: paths.tools.cargo ?? RUST_TOOLS.cargo, RUSTC: paths.tools.rustc ?? RUST_TOOLS.rustc }),
  // Every run compiles the crate and each test file from scratch (rustc, then the linker): a few
  // seconds of CPU for a small crate, far more on a loaded 2-core machine with 1 CPU per sandbox.
  defaultTestTimeoutMs: 30_000,
  declaredTests: rustDeclaredTests,
  translateEvents: libtestEventsToRunnerEvents,
  // run-tests.sh: 100 = the crate or a test did not build, 101 = no tests, 102 = copy failed;
  // 0 passed, 1 some test failed or a test binary ended abnormally (read from the events).
  statusFromExitCode: (exitCode) => {
    if (exitCode === 100) return "compile_error";
    if (exitCode === 101) return "no_tests";
    if (exitCode === 102) return "error";
    return null;
  },
};
