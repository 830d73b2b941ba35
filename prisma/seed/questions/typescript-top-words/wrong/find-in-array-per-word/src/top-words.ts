export interface WordCount {
  word: string;
  count: number;
}

const WORD = /[a-z0-9]+(?:'[a-z0-9]+)*/g;

/** The k most frequent words of `text`, most frequent first, ties alphabetical. */
export function topWords(text: string, k: number, options: { stopWords?: Iterable<string> } = {}): WordCount[] {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be an integer >= 0, got ${k}`);
  const stop = new Set(Array.from(options.stopWords ?? [], (word) => word.toLowerCase()));
  // Wrong: right counts, but each word is looked up by scanning every word so far — O(n × distinct).
  const counts: WordCount[] = [];
  for (const [word] of text.toLowerCase().matchAll(WORD)) {
    if (stop.has(word)) continue;
    const entry = counts.find((c) => c.word === word);
    if (entry) entry.count++;
    else counts.push({ word, count: 1 });
  }
  return counts
    .sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
    .slice(0, k);
}
