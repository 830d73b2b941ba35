// Erasure and retention (docs/decisions/0170): the public surface of this part of data-protection.
export * from "./erase-schemas.ts";
export { eraseCandidate, runErasure, claimNextErasure, erasureRetryDelayMs, ERASURE_LEASE_MS } from "./erase-candidate.ts";
export type { ErasureDeps, ErasureOutcome } from "./erase-candidate.ts";
export { ERASED_NAME } from "./erase-rows.ts";
export { deleteOrganization } from "./erase-organization.ts";
export { previewRetention, requestExpiredErasures, runRetention, runRetentionNow, ERASE_NOW_MAX } from "./retention.ts";
export type { RetentionPreview, RetentionRunResult } from "./retention.ts";
export { startRetentionWorker, RETENTION_INTERVAL_MS, type RetentionWorker } from "./retention-worker.ts";
export { viewCandidateErasureRequest, requestCandidateErasure, viewCandidateErasureConfirm, confirmCandidateErasure, ERASED_FOR_CANDIDATE } from "./erase-by-candidate.ts";
export type { ErasureRequestView } from "./erase-by-candidate.ts";
