// A candidate typing steadily into the editor, for tests that change things mid-typing.
import type * as Y from "yjs";
import { eventually } from "./clients.ts";

export interface Typist {
  readonly typed: number;
  /** Resolves once `count` more characters have been typed. */
  typedMore(count: number, what: string): Promise<number>;
  /** Stops typing; returns how many characters were typed. */
  stop(): number;
}

/** Appends a letter to `target()` every `everyMs` — a typing pace, not a wait. */
export function startTyping(target: () => Y.Text | undefined, everyMs = 15): Typist {
  let typed = 0;
  const timer = setInterval(() => {
    const text = target();
    if (!text) return;
    text.insert(text.length, String.fromCharCode(97 + (typed % 26)));
    typed++;
  }, everyMs);
  return {
    get typed() {
      return typed;
    },
    typedMore(count, what) {
      const target = typed + count;
      return eventually(() => typed, (now) => now >= target, 15_000, what);
    },
    stop() {
      clearInterval(timer);
      return typed;
    },
  };
}
