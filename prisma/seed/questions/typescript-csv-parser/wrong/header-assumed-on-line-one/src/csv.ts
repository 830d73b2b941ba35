/** A malformed CSV text; line and column are 1-based. */
export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${message} (line ${line}, column ${column})`);
    this.name = "CsvError";
  }
}

export interface CsvOptions {
  /** Field separator, one character; default ",". */
  delimiter?: string;
}

interface ScannedRecord {
  fields: string[];
  line: number;
  /** Line and column where each field starts, for error messages about the header. */
  lines: number[];
  columns: number[];
}

/** Every record of `text` as an array of fields. */
export function parseCsv(text: string, options: CsvOptions = {}): string[][] {
  return scan(text, delimiterOf(options)).map((record) => record.fields);
}

/** The records after the header, as objects keyed by the header's names. */
export function parseCsvRecords(text: string, options: CsvOptions = {}): Record<string, string>[] {
  const [header, ...records] = scan(text, delimiterOf(options));
  if (!header) return [];
  const seen = new Set<string>();
  header.fields.forEach((name, i) => {
    // Wrong: assumes the header is always the text's first line.
    if (name === "") throw new CsvError("empty column name", 1, header.columns[i]!);
    if (seen.has(name)) throw new CsvError(`repeated column name "${name}"`, 1, header.columns[i]!);
    seen.add(name);
  });
  return records.map((record) => {
    if (record.fields.length !== header.fields.length) {
      throw new CsvError(`expected ${header.fields.length} fields, found ${record.fields.length}`, record.line, 1);
    }
    // fromEntries defines own properties, so "__proto__" is a column, not the prototype.
    return Object.fromEntries(header.fields.map((name, i) => [name, record.fields[i]!]));
  });
}

function delimiterOf(options: CsvOptions): string {
  const delimiter = options.delimiter ?? ",";
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === "\r" || delimiter === "\n") {
    throw new RangeError(`delimiter must be one character other than a quote or a line break, got ${JSON.stringify(delimiter)}`);
  }
  return delimiter;
}

/** One pass over the text; fields are sliced out of it, never built a character at a time. */
function scan(text: string, delimiter: string): ScannedRecord[] {
  const records: ScannedRecord[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const lineBreakAt = (at: number) => (text[at] === "\n" ? 1 : text[at] === "\r" && text[at + 1] === "\n" ? 2 : 0);
  const newLine = (breakLength: number) => {
    i += breakLength;
    line++;
    lineStart = i;
  };

  while (i < n) {
    const emptyLine = lineBreakAt(i);
    if (emptyLine > 0) {
      newLine(emptyLine);
      continue;
    }
    const record: ScannedRecord = { fields: [], line, lines: [], columns: [] };
    records.push(record);
    for (;;) {
      // A field can start on a later line than its record (after a quoted line break).
      record.lines.push(line);
      record.columns.push(i - lineStart + 1);
      if (text[i] === '"') {
        const openLine = line;
        const openColumn = i - lineStart + 1;
        const parts: string[] = [];
        let chunkStart = ++i;
        for (;;) {
          if (i >= n) throw new CsvError("quoted field is never closed", openLine, openColumn);
          const char = text[i];
          if (char === '"') {
            parts.push(text.slice(chunkStart, i));
            if (text[i + 1] === '"') {
              parts.push('"');
              i += 2;
              chunkStart = i;
              continue;
            }
            i++;
            break;
          }
          if (char === "\n") {
            line++;
            lineStart = i + 1;
          }
          i++;
        }
        record.fields.push(parts.join(""));
        if (i < n && text[i] !== delimiter && lineBreakAt(i) === 0) {
          throw new CsvError(`unexpected ${JSON.stringify(text[i])} after a closing quote`, line, i - lineStart + 1);
        }
      } else {
        const start = i;
        while (i < n && text[i] !== delimiter && lineBreakAt(i) === 0) {
          if (text[i] === '"') throw new CsvError('a quote inside an unquoted field (quote the whole field and double the quote: "")', line, i - lineStart + 1);
          i++;
        }
        record.fields.push(text.slice(start, i));
      }
      if (i >= n) break;
      if (text[i] === delimiter) {
        i++;
        continue;
      }
      newLine(lineBreakAt(i));
      break;
    }
  }
  return records;
}
