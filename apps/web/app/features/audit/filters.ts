import { isAuditCategory, type AuditCategory } from "@interviewlm/core/audit/schemas";

export interface AuditFilters {
  category: AuditCategory | "";
  actorUserId: string;
  from: string;
  to: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The audit log's filters from a URL (the page and the CSV export share them). Values that
 * cannot be valid are dropped here; a reversed date range is left for audit.list to refuse
 * with its message.
 */
export function auditFiltersFrom(params: URLSearchParams): AuditFilters {
  const category = params.get("category") ?? "";
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  return {
    category: isAuditCategory(category) ? category : "",
    actorUserId: (params.get("actor") ?? "").slice(0, 64),
    from: DAY.test(from) ? from : "",
    to: DAY.test(to) ? to : "",
  };
}

/** The input of audit.list for these filters (empty ones left out). */
export function auditListInput(filters: AuditFilters, cursor?: string | null) {
  return {
    ...(filters.category ? { category: filters.category } : {}),
    ...(filters.actorUserId ? { actorUserId: filters.actorUserId } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
    ...(cursor ? { cursor } : {}),
  };
}

/** The same filters as URL parameters, for links (older page, CSV) that keep them. */
export function auditSearchParams(filters: AuditFilters, extra: Record<string, string> = {}): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.category) params.set("category", filters.category);
  if (filters.actorUserId) params.set("actor", filters.actorUserId);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params;
}

export const hasAuditFilters = (filters: AuditFilters) => Boolean(filters.category || filters.actorUserId || filters.from || filters.to);
