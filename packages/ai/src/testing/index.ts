export * from "./anthropic-test-server.ts";
export { reply } from "./sse.ts";
export * from "./directory-workspace.ts";
