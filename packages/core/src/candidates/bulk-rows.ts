// Turns a bulk-invite CSV into candidate rows, each either valid or carrying the reason
// it is not. The header is optional; with one, columns are found by name (so exports
// with extra columns work), without one the address is whichever field has an "@".
import { badRequest } from "../shared/errors.ts";
import { detectDelimiter, parseCsv, type CsvRecord } from "./csv.ts";
import { BULK_MAX_ROWS, CandidateEmailSchema, CandidateNameSchema } from "./schemas.ts";

export interface CandidateRow {
  /** The line in the file, as a spreadsheet shows it (the header is line 1). */
  row: number;
  name: string;
  email: string;
  /** Set when the row cannot be invited as written. */
  invalidReason?: string;
  /** Set when an earlier row of the same file has this address. */
  duplicateOf?: number;
}

const EMAIL_HEADERS = new Set(["email", "e-mail", "email address", "e-mail address", "mail"]);
const NAME_HEADERS = new Set(["name", "full name", "candidate", "candidate name"]);
const FIRST_NAME_HEADERS = new Set(["first name", "given name", "firstname"]);
const LAST_NAME_HEADERS = new Set(["last name", "surname", "family name", "lastname"]);

interface Columns {
  email: number;
  name?: number;
  first?: number;
  last?: number;
}

function headerColumns(record: CsvRecord): Columns | null {
  const names = record.fields.map((f) => f.trim().toLowerCase().replace(/[_\s]+/g, " "));
  const email = names.findIndex((n) => EMAIL_HEADERS.has(n));
  if (email < 0) return null;
  const index = (set: Set<string>) => {
    const i = names.findIndex((n) => set.has(n));
    return i < 0 ? undefined : i;
  };
  return { email, name: index(NAME_HEADERS), first: index(FIRST_NAME_HEADERS), last: index(LAST_NAME_HEADERS) };
}

function rawValues(fields: string[], columns: Columns | null): { name: string; email: string } {
  if (columns) {
    const at = (i: number | undefined) => (i === undefined ? "" : (fields[i] ?? ""));
    const name = columns.name !== undefined ? at(columns.name) : `${at(columns.first)} ${at(columns.last)}`;
    return { name: name.trim(), email: at(columns.email).trim() };
  }
  // No header: "name,email" is documented, but "email,name" is common enough to accept.
  const [first = "", second = ""] = fields;
  if (first.includes("@") && !second.includes("@")) return { name: second.trim(), email: first.trim() };
  return { name: first.trim(), email: second.trim() };
}

function firstMessage(result: { success: boolean; error?: { issues: { message: string }[] } }): string {
  return result.error?.issues[0]?.message ?? "Not valid";
}

/** Parses and checks every row; throws only when the file as a whole cannot be used. */
export function readCandidateRows(csv: string): CandidateRow[] {
  const records = parseCsv(csv, detectDelimiter(csv));
  const columns = records[0] ? headerColumns(records[0]) : null;
  const data = columns ? records.slice(1) : records;
  if (data.length === 0) throw badRequest("The file has no candidates. Put one candidate per line: name,email.", { csv: ["No candidate rows found."] });
  if (data.length > BULK_MAX_ROWS) {
    throw badRequest(`The file has ${data.length} candidates; invite at most ${BULK_MAX_ROWS} at a time.`, {
      csv: [`At most ${BULK_MAX_ROWS} rows per file.`],
    });
  }

  const firstRowOf = new Map<string, number>();
  return data.map((record) => {
    const raw = rawValues(record.fields, columns);
    const name = CandidateNameSchema.safeParse(raw.name);
    const email = CandidateEmailSchema.safeParse(raw.email);
    const row: CandidateRow = { row: record.line, name: name.success ? name.data : raw.name, email: email.success ? email.data : raw.email };
    if (!email.success) row.invalidReason = raw.email ? firstMessage(email) : "The email address is missing.";
    else if (!name.success) row.invalidReason = raw.name ? firstMessage(name) : "The name is missing.";
    if (row.invalidReason) return row;
    const earlier = firstRowOf.get(row.email);
    if (earlier !== undefined) row.duplicateOf = earlier;
    else firstRowOf.set(row.email, row.row);
    return row;
  });
}
