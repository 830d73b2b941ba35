export { recordAudit } from "./audit-log.ts";
export type { AuditEntry } from "./audit-log.ts";
export { listAuditLog, ListAuditInput } from "./list.ts";
export type { AuditRow, AuditPage } from "./list.ts";
export { AUDIT_CATEGORIES, AUDIT_CATEGORY_KEYS, describeAuditAction, isAuditCategory } from "./actions.ts";
export type { AuditCategory } from "./actions.ts";
