export interface WordCount {
  word: string;
  count: number;
}

/** The k most frequent words of `text`, most frequent first, ties alphabetical. */
export function topWords(text: string, k: number, options: { stopWords?: Iterable<string> } = {}): WordCount[] {
  throw new Error("Not implemented");
}
