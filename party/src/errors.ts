// A refusal the client should hear about: sent back as an `error` message with this code.
export class RoomError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RoomError";
  }
}

/** Serializes workspace operations (test runs, question changes, finishing) so they never interleave. */
export class WorkspaceLock {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.tail.then(operation, operation);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
