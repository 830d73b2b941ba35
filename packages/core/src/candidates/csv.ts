// A small RFC 4180 reader for the bulk-invite file. Spreadsheet exports differ in the
// details (CRLF or LF, a UTF-8 BOM, a trailing newline, `;` from some European locales),
// so those are accepted; anything structurally broken is reported with its line.
import { badRequest } from "../shared/errors.ts";

export interface CsvRecord {
  /** 1-based line on which the record starts (what a spreadsheet user sees). */
  line: number;
  fields: string[];
}

/** Splits CSV text into records of fields. Blank lines are skipped. */
export function parseCsv(text: string, delimiter = ","): CsvRecord[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let fieldStarted = false;

  const endRecord = () => {
    fields.push(field);
    const blank = fields.length === 1 && fields[0] === "" && !fieldStarted;
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
    field = "";
    fieldStarted = false;
  };

  for (let i = 0; i < input.length; i += 1) {
    const ch = input[i]!;
    if (quoted) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i += 1;
        } else {
          quoted = false;
        }
      } else {
        if (ch === "\n") line += 1;
        field += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (field.trim() !== "") {
        throw badRequest(`Line ${line}: a quote may only start a field; double it ("") to write one inside a field.`);
      }
      field = "";
      quoted = true;
      fieldStarted = true;
    } else if (ch === delimiter) {
      fields.push(field);
      field = "";
      fieldStarted = true;
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && input[i + 1] === "\n") i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      field += ch;
    }
  }
  if (quoted) throw badRequest(`Line ${recordLine}: a quoted field is never closed.`);
  if (field !== "" || fields.length > 0 || fieldStarted) endRecord();
  return records;
}

/** Picks `,` unless the first line only makes sense split on `;` or a tab. */
export function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  if (firstLine.includes(",")) return ",";
  if (firstLine.includes(";")) return ";";
  if (firstLine.includes("\t")) return "\t";
  return ",";
}
