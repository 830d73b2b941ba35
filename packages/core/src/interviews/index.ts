export { startInterview, StartInterviewInput, type InterviewDeps } from "./start-interview.ts";
export { getInterviewState, type InterviewState } from "./interview-state.ts";
export type { WorkspacePort, WorkspaceFile } from "./workspace-port.ts";
