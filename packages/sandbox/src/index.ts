// @interviewlm/sandbox — provider interface, the local (bubblewrap) and Modal providers,
// language definitions and the API schemas. The HTTP client is at "@interviewlm/sandbox/client".
export * from "./api/schemas.ts";
export * from "./errors.ts";
export { normalizeWorkspacePath } from "./workspace-path.ts";
export { decodeFileInput, encodeFileContent } from "./file-content.ts";
export { DEFAULT_LIMITS, DEFAULT_STORAGE_LIMITS, type ResourceLimits, type StorageLimits } from "./limits.ts";
export type { OpenPtyOptions, ProviderKind, PtySession, SandboxProvider } from "./provider.ts";
export { LANGUAGES, getLanguage, type LanguageDefinition } from "./languages/index.ts";
export { interpretTestRun, type RawTestRun } from "./results/interpret-test-run.ts";
export { checkCodeRuns } from "./code-check.ts";
export { LocalProvider, type LocalProviderOptions } from "./local/local-provider.ts";
export { signServiceToken, verifyServiceToken, type ServiceTokenClaims } from "./auth/service-token.ts";
