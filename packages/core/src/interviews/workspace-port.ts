// What the interview services need from the sandbox service. Structural, so core does not
// depend on the sandbox package: the web app passes its SandboxClient, tests may pass a
// LocalProvider directly.
export interface WorkspaceFile {
  path: string;
  content: string;
}

export type InterviewLanguage = "python" | "javascript" | "typescript" | "go" | "java" | "ruby" | "cpp" | "rust";

/** The parts of a sandbox test run the evaluation keeps (a subset of the sandbox's TestRunResult). */
export interface WorkspaceTestRun {
  status: string;
  summary: string;
  totals: { total: number; passed: number; failed: number; errored: number; skipped: number };
  tests: { name: string; file: string | null; status: string; durationMs: number; message: string | null; hidden: boolean }[];
  durationMs: number;
}

export interface WorkspacePort {
  createWorkspace(request: { language: InterviewLanguage; files: WorkspaceFile[]; label?: string }): Promise<{ id: string }>;
  runTests(workspaceId: string, request: { hiddenTests: WorkspaceFile[]; timeoutMs?: number }): Promise<WorkspaceTestRun>;
  /** Whether code of `language` runs now — the sandbox answers with a real test run (`problem` is for operators). */
  checkCodeRuns(request: { language: InterviewLanguage }): Promise<{ ok: boolean; code: string | null; problem: string | null }>;
  /**
   * Removes the workspace and its snapshots (erasure, docs/decisions/0170). Optional so test
   * doubles of the interview flow need not implement it; erasure waits (and says so) without it.
   */
  destroyWorkspace?(workspaceId: string): Promise<void>;
}
