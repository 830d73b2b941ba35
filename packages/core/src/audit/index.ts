export { recordAudit } from "./audit-log.ts";
export type { AuditEntry } from "./audit-log.ts";
export { listAuditLog } from "./list.ts";
export type { AuditRow, AuditPage } from "./list.ts";
export * from "./schemas.ts";
