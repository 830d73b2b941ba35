export * from "./shared/errors.ts";
export type { CoreDeps, OrgActor } from "./shared/deps.ts";
export { recordAudit } from "./audit/audit-log.ts";
export type { AuditEntry } from "./audit/audit-log.ts";
