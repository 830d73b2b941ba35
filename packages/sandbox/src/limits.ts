// Resource limits for one sandboxed process tree (an exec, a test run or a terminal).
// Defaults are sized for interview exercises: small programs, fast feedback.
export interface ResourceLimits {
  /** cgroup memory limit; also counts tmpfs (/tmp) and page cache. */
  memoryBytes: number;
  /** cgroup pids limit; counts threads (tsx needs ~32, javac ~25). */
  pids: number;
  /** CPU bandwidth (cgroup quota) in cores. */
  cpus: number;
  /** RLIMIT_CPU per process, seconds. */
  cpuTimeSeconds: number;
  /** RLIMIT_FSIZE: largest single file a process may write. */
  maxFileBytes: number;
  /** Size of the private /tmp tmpfs. */
  tmpBytes: number;
  /** Bytes kept per output stream (stdout, stderr); more ends the run as "output_limit". */
  outputBytes: number;
  /** Default and maximum wall-clock time for exec and test runs. */
  defaultTimeoutMs: number;
  maxTimeoutMs: number;
}

export const DEFAULT_LIMITS: ResourceLimits = {
  memoryBytes: 512 * 1024 * 1024,
  pids: 128,
  cpus: 1,
  cpuTimeSeconds: 30,
  maxFileBytes: 32 * 1024 * 1024,
  tmpBytes: 64 * 1024 * 1024,
  outputBytes: 1024 * 1024,
  defaultTimeoutMs: 15_000,
  maxTimeoutMs: 120_000,
};

/** Per-workspace storage limits. */
export interface StorageLimits {
  /** Total size of the workspace filesystem. */
  workspaceBytes: number;
  /** Largest file accepted through the file API. */
  apiFileBytes: number;
  /** Most files accepted when creating a workspace. */
  maxInitialFiles: number;
}

export const DEFAULT_STORAGE_LIMITS: StorageLimits = {
  workspaceBytes: 64 * 1024 * 1024,
  apiFileBytes: 2 * 1024 * 1024,
  maxInitialFiles: 500,
};

export function clampTimeout(limits: ResourceLimits, requested: number | undefined): number {
  if (requested === undefined) return limits.defaultTimeoutMs;
  return Math.max(1, Math.min(requested, limits.maxTimeoutMs));
}
