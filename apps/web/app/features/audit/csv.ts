// CSV for the audit log export (RFC 4180), safe to open in a spreadsheet.

// A cell a spreadsheet would read as a formula (CSV injection): = + - @, and tab / carriage
// return, which some spreadsheets strip before looking for those.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: formula-looking text is prefixed with ' and anything with , " or a line break is quoted. */
export function csvCell(value: string | null | undefined): string {
  let text = value ?? "";
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: readonly (string | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

export const AUDIT_CSV_HEADER = ["Time (UTC)", "Actor name", "Actor email", "Action", "Action code", "Target", "IP address"] as const;

export interface AuditCsvRow {
  createdAt: Date | string;
  action: string;
  label: string;
  actor: { name: string | null; email: string } | null;
  actorOutside: boolean;
  target: string | null;
  ipAddress: string | null;
}

export function auditCsvLine(row: AuditCsvRow): string {
  return csvLine([
    new Date(row.createdAt).toISOString(),
    row.actor?.name ?? (row.actorOutside ? "Someone outside the organization" : "System or candidate"),
    row.actor?.email ?? "",
    row.label,
    row.action,
    row.target ?? "",
    row.ipAddress ?? "",
  ]);
}
