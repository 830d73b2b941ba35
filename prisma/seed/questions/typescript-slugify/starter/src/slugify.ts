export interface SlugifyOptions {
  /** Longest slug to produce; default 60. */
  maxLength?: number;
  /** Word separator; default "-". */
  separator?: "-" | "_" | ".";
}

/** A URL-safe slug for `title`. The rules are in the statement. */
export function slugify(title: string, options: SlugifyOptions = {}): string {
  throw new Error("Not implemented");
}
