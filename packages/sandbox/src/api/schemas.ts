import { z } from "zod";

// Wire shapes of the sandbox service API. Both sides validate with these: the service parses
// every request, the client parses every response. Types used by providers derive from them.

export const LanguageIdSchema = z.enum(["python", "javascript", "typescript", "go", "java", "ruby", "cpp", "rust"]);
export type LanguageId = z.infer<typeof LanguageIdSchema>;

export const FileEncodingSchema = z.enum(["utf8", "base64"]);
export type FileEncoding = z.infer<typeof FileEncodingSchema>;

export const FileInputSchema = z.object({
  path: z.string().min(1).max(1024),
  content: z.string(),
  encoding: FileEncodingSchema.default("utf8"),
});
export type FileInput = z.input<typeof FileInputSchema>;

export const CreateWorkspaceRequestSchema = z.object({
  language: LanguageIdSchema,
  files: z.array(FileInputSchema).max(2000).default([]),
  /** Free-form label for logs and metrics, e.g. the interview session id. */
  label: z.string().max(200).optional(),
});
export type CreateWorkspaceRequest = z.input<typeof CreateWorkspaceRequestSchema>;

export const WorkspaceStatusSchema = z.enum(["active", "suspended"]);

export const WorkspaceInfoSchema = z.object({
  id: z.string(),
  language: LanguageIdSchema,
  provider: z.enum(["local", "modal"]),
  status: WorkspaceStatusSchema,
  label: z.string().nullable(),
  createdAt: z.string(),
  diskBytesLimit: z.number().int().nullable(),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfoSchema>;

export const FileEntrySchema = z.object({
  path: z.string(),
  type: z.enum(["file", "directory", "symlink"]),
  size: z.number().int().nonnegative(),
  /** Modification time in ms since the epoch; with size, a cheap change detector for polling. */
  mtimeMs: z.number(),
});
export type FileEntry = z.infer<typeof FileEntrySchema>;

export const ListFilesResponseSchema = z.object({ files: z.array(FileEntrySchema) });

export const FileContentSchema = z.object({
  path: z.string(),
  content: z.string(),
  encoding: FileEncodingSchema,
  size: z.number().int().nonnegative(),
  mtimeMs: z.number(),
});
export type FileContent = z.infer<typeof FileContentSchema>;

export const WriteFileRequestSchema = FileInputSchema;
export const RenameFileRequestSchema = z.object({ from: z.string().min(1), to: z.string().min(1) });

export const ExecRequestSchema = z.object({
  /** argv, or a string run by /bin/sh -c. */
  command: z.union([z.string().min(1), z.array(z.string()).min(1)]),
  stdin: z.string().max(1024 * 1024).optional(),
  timeoutMs: z.number().int().positive().optional(),
  env: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), z.string().max(4096)).optional(),
});
export type ExecRequest = z.input<typeof ExecRequestSchema>;

/** How a process tree ended. */
export const TerminationSchema = z.enum([
  "exited", // ran to completion (any exit code)
  "timeout", // wall-clock limit
  "cpu_time_limit", // RLIMIT_CPU (SIGXCPU)
  "oom", // memory limit
  "output_limit", // stdout/stderr cap
  "file_size_limit", // RLIMIT_FSIZE (SIGXFSZ)
  "killed", // any other signal
]);
export type Termination = z.infer<typeof TerminationSchema>;

export const ExecResultSchema = z.object({
  exitCode: z.number().int().nullable(),
  signal: z.string().nullable(),
  termination: TerminationSchema,
  stdout: z.string(),
  stderr: z.string(),
  stdoutTruncated: z.boolean(),
  stderrTruncated: z.boolean(),
  durationMs: z.number(),
  cpuTimeMs: z.number().nullable(),
  memoryPeakBytes: z.number().nullable(),
  /** A fork failed because the process limit was reached. */
  pidsLimitHit: z.boolean(),
});
export type ExecResult = z.infer<typeof ExecResultSchema>;

export const RunTestsRequestSchema = z.object({
  /** Test files supplied by the question; never written into the candidate's workspace. */
  hiddenTests: z.array(FileInputSchema).max(200).default([]),
  timeoutMs: z.number().int().positive().optional(),
  /**
   * The injected tests' source is secret from whoever reads the result (a RESULTS_ONLY
   * interview). Only the injected tests run, and the result holds only what the service
   * derives itself: test ids read from the injected files, statuses, coarse durations — no
   * output, messages or tracebacks (docs/decisions/0030-sandbox-secret-test-runs.md).
   */
  secretTests: z.boolean().default(false),
});
export type RunTestsRequest = z.input<typeof RunTestsRequestSchema>;

export const TestCaseResultSchema = z.object({
  /** Full name: suites and test joined with " > ". */
  name: z.string(),
  file: z.string().nullable(),
  status: z.enum(["passed", "failed", "error", "skipped"]),
  durationMs: z.number(),
  /** Short assertion or error message. */
  message: z.string().nullable(),
  /** Traceback / stack, when the runner gives one. */
  details: z.string().nullable(),
  /** stdout + stderr printed while this test ran. */
  output: z.string(),
  /** The test comes from a hidden test file. */
  hidden: z.boolean(),
});
export type TestCaseResult = z.infer<typeof TestCaseResultSchema>;

export const TestRunStatusSchema = z.enum([
  "passed", // every test passed
  "failed", // some tests failed or errored
  "compile_error", // the code did not compile / the test files could not be loaded
  "timeout",
  "oom",
  "output_limit",
  "no_tests",
  "error", // the runner itself failed (see stderr)
]);
export type TestRunStatus = z.infer<typeof TestRunStatusSchema>;

export const TestRunResultSchema = z.object({
  status: TestRunStatusSchema,
  summary: z.string(),
  tests: z.array(TestCaseResultSchema),
  totals: z.object({
    total: z.number().int(),
    passed: z.number().int(),
    failed: z.number().int(),
    errored: z.number().int(),
    skipped: z.number().int(),
  }),
  /** Compiler or collection errors when status is compile_error. */
  compileOutput: z.string().nullable(),
  exitCode: z.number().int().nullable(),
  termination: TerminationSchema,
  durationMs: z.number(),
  stdout: z.string(),
  stderr: z.string(),
});
export type TestRunResult = z.infer<typeof TestRunResultSchema>;

export const SnapshotInfoSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  createdAt: z.string(),
});
export type SnapshotInfo = z.infer<typeof SnapshotInfoSchema>;

export const RestoreSnapshotRequestSchema = z.object({ snapshotId: z.string().min(1) });

export const FileChangeKindSchema = z.enum(["created", "modified", "deleted"]);
export const FileChangeEventSchema = z.object({
  path: z.string(),
  kind: FileChangeKindSchema,
  type: z.enum(["file", "directory", "symlink"]).nullable(),
});
export type FileChangeEvent = z.infer<typeof FileChangeEventSchema>;

// WebSocket messages. PTY: /v1/workspaces/:id/pty ; file changes: /v1/workspaces/:id/events.
export const PtyClientMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("input"), data: z.string().max(64 * 1024) }),
  z.object({ type: z.literal("resize"), cols: z.number().int().min(1).max(1000), rows: z.number().int().min(1).max(1000) }),
]);
export type PtyClientMessage = z.infer<typeof PtyClientMessageSchema>;

export const PtyServerMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready"), ptyId: z.string(), cols: z.number().int(), rows: z.number().int() }),
  z.object({ type: z.literal("output"), data: z.string() }),
  z.object({ type: z.literal("exit"), exitCode: z.number().int().nullable(), signal: z.string().nullable() }),
  z.object({ type: z.literal("error"), code: z.string(), message: z.string() }),
]);
export type PtyServerMessage = z.infer<typeof PtyServerMessageSchema>;

export const EventsServerMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready") }),
  z.object({ type: z.literal("changes"), events: z.array(FileChangeEventSchema) }),
  z.object({ type: z.literal("error"), code: z.string(), message: z.string() }),
]);
export type EventsServerMessage = z.infer<typeof EventsServerMessageSchema>;

export const IsolationReportSchema = z.object({
  level: z.enum(["full", "weak"]),
  /** Each protection and whether this host enforces it. */
  enforced: z.record(z.string(), z.boolean()),
  problems: z.array(z.string()),
  languages: z.record(z.string(), z.boolean()),
});
export type IsolationReport = z.infer<typeof IsolationReportSchema>;

export const HealthResponseSchema = z.object({
  ok: z.boolean(),
  provider: z.enum(["local", "modal"]),
  isolation: IsolationReportSchema,
  runsCode: z.boolean(),
});
export type HealthResponse = z.infer<typeof HealthResponseSchema>;

export const CodeCheckRequestSchema = z.object({ language: LanguageIdSchema });
export type CodeCheckRequest = z.input<typeof CodeCheckRequestSchema>;

/** Whether code of a language runs in this sandbox now, found by running a known-good test. */
export const CodeCheckResultSchema = z.object({
  language: LanguageIdSchema,
  ok: z.boolean(),
  /** The sandbox error code of the step that failed, or CHECK_FAILED; null when ok. */
  code: z.string().nullable(),
  /** What went wrong, for operators (may name host paths; not for candidates). */
  problem: z.string().nullable(),
  durationMs: z.number(),
  checkedAt: z.string(),
});
export type CodeCheckResult = z.infer<typeof CodeCheckResultSchema>;

export const MetricsResponseSchema = z.object({
  activeWorkspaces: z.number().int(),
  openPtys: z.number().int(),
  runs: z.object({ exec: z.number().int(), tests: z.number().int(), running: z.number().int() }),
  failures: z.object({
    requests: z.number().int(),
    timeouts: z.number().int(),
    oom: z.number().int(),
    outputLimit: z.number().int(),
  }),
  reapedWorkspaces: z.number().int(),
  uptimeSeconds: z.number(),
});
export type MetricsResponse = z.infer<typeof MetricsResponseSchema>;

export const ApiErrorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
