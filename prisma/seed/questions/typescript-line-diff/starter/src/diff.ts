export type Edit = { op: "keep" | "delete" | "insert"; line: string };

/** A minimal edit script from `before` to `after`, line by line. See the statement. */
export function diffLines(before: string, after: string): Edit[] {
  throw new Error("Not implemented");
}
