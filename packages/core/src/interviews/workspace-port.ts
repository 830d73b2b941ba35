// What the interview services need from the sandbox service. Structural, so core does not
// depend on the sandbox package: the web app passes its SandboxClient, tests may pass a
// LocalProvider directly.
export interface WorkspaceFile {
  path: string;
  content: string;
}

export interface WorkspacePort {
  createWorkspace(request: { language: "python" | "javascript" | "typescript"; files: WorkspaceFile[]; label?: string }): Promise<{ id: string }>;
}
