import type { LanguageId, TestRunStatus } from "../api/schemas.ts";
import type { DeclaredTest } from "../secret-tests/declared-tests.ts";

/** Where a test run finds things, as seen from inside the sandbox. */
export interface TestRunPaths {
  /** The candidate's workspace, read-only during test runs. */
  sourceDir: string;
  /** Empty writable directory the runner copies the workspace (+ hidden tests) into. */
  workDir: string;
  /** Hidden test files laid out as in a workspace, or null. */
  hiddenDir: string | null;
  /** Run the hidden test files only (a secret run: the candidate's own tests would be a way out). */
  onlyHidden: boolean;
  /** packages/sandbox/runners as mounted in the sandbox. */
  runnersDir: string;
  /** Toolchain binaries, from the provider's toolchain resolution. */
  tools: Record<string, string>;
}

/**
 * Everything about one language, in one place: what toolchain it needs (locally and as a Modal
 * image), which files are tests, how to run them and how to read the runner's exit status.
 * Both runners stream the same JSON-lines events (see results/test-events.ts).
 */
export interface LanguageDefinition {
  id: LanguageId;
  displayName: string;
  sourceExtensions: readonly string[];
  isTestFile(path: string): boolean;
  /** Host binaries needed by the local provider, by tool name. Must live under /usr (visible in the sandbox). */
  localTools: Readonly<Record<string, string>>;
  /** Modal image: a registry base plus Dockerfile commands; tool paths inside that image. */
  modalImage: { registry: string; commands: readonly string[]; tools: Readonly<Record<string, string>> };
  testCommand(paths: TestRunPaths): { argv: string[]; env: Record<string, string> };
  /**
   * Wall-clock time of a test run whose request names none, when the provider's default is too
   * short for the language's build (within the provider's maximum); absent = the provider's default.
   */
  defaultTestTimeoutMs?: number;
  /** The tests a test file declares, read from its text by the service (secret runs name tests from these). */
  declaredTests(file: string, source: string): DeclaredTest[] | Promise<DeclaredTest[]>;
  /**
   * Turns the runner's results stream into the common JSON-lines events, for a runner that
   * writes its tool's own machine format (go test -json); absent = the stream already is events.
   */
  translateEvents?(text: string): string;
  /**
   * Runner files built on the host rather than kept in runners/ (path under the runners directory →
   * content), written beside the others by each provider: e.g. the Vitest/Jest compatibility bundle.
   */
  generatedRunnerFiles?(): Readonly<Record<string, string>>;
  /** Statuses implied by the runner's exit code alone (compile errors, no tests); null = decide from the test events. */
  statusFromExitCode(exitCode: number | null, hadCollectErrors: boolean): TestRunStatus | null;
}
