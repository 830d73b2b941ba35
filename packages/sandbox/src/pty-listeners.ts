import type { PtySession } from "./provider.ts";

// The listener half of a PtySession, shared by the providers: output goes to whoever listens
// now; the exit is remembered, so a listener added after the terminal ended still hears it
// (asynchronously, as it would have).

export type PtyExit = Parameters<Parameters<PtySession["onExit"]>[0]>[0];

export class PtyListeners {
  private readonly data = new Set<(data: string) => void>();
  private readonly exits = new Set<(exit: PtyExit) => void>();
  private ended: PtyExit | null = null;

  get exited(): boolean {
    return this.ended !== null;
  }

  emitData(data: string): void {
    for (const listener of this.data) listener(data);
  }

  /** The first exit counts; later ones are ignored. */
  emitExit(exit: PtyExit): void {
    if (this.ended) return;
    this.ended = exit;
    for (const listener of this.exits) listener(exit);
    this.exits.clear();
  }

  onData(listener: (data: string) => void): () => void {
    this.data.add(listener);
    return () => this.data.delete(listener);
  }

  onExit(listener: (exit: PtyExit) => void): () => void {
    const ended = this.ended;
    if (ended) {
      queueMicrotask(() => listener(ended));
      return () => undefined;
    }
    this.exits.add(listener);
    return () => this.exits.delete(listener);
  }
}
