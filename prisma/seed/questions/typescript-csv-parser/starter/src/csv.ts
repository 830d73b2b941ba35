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

/** Every record of `text` as an array of fields. */
export function parseCsv(text: string, options: CsvOptions = {}): string[][] {
  throw new Error("Not implemented");
}

/** The records after the header, as objects keyed by the header's names. */
export function parseCsvRecords(text: string, options: CsvOptions = {}): Record<string, string>[] {
  throw new Error("Not implemented");
}
