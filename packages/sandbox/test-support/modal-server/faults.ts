import { ServerError, Status } from "nice-grpc";

// Fault injection for tests: what goes wrong on a real network and a real Modal, on demand.
//   failNext("SandboxCreate", Status.UNAVAILABLE)  the next call(s) of a method fail with a status
//   delay("TaskExecStart", 300)                    every call of a method waits first
//   slowStreams({ chunkBytes: 7, pauseMs: 5 })     exec output arrives in small, spaced pieces
// Methods are named as in Modal's protos (PascalCase), for both the control plane and the router.

export class Faults {
  private readonly failures = new Map<string, { status: Status; message: string; remaining: number }>();
  private readonly delays = new Map<string, number>();
  private slow: { chunkBytes: number; pauseMs: number } | null = null;
  /** Every method called, in order: lets a test see what the SDK really did. */
  readonly calls: string[] = [];

  failNext(method: string, status: Status, options: { times?: number; message?: string } = {}): void {
    this.failures.set(method, { status, message: options.message ?? `injected ${Status[status]}`, remaining: options.times ?? 1 });
  }

  delay(method: string, ms: number): void {
    this.delays.set(method, ms);
  }

  slowStreams(options: { chunkBytes: number; pauseMs: number } | null): void {
    this.slow = options;
  }

  reset(): void {
    this.failures.clear();
    this.delays.clear();
    this.slow = null;
  }

  async before(method: string): Promise<void> {
    this.calls.push(method);
    const delay = this.delays.get(method);
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    const failure = this.failures.get(method);
    if (failure && failure.remaining > 0) {
      failure.remaining -= 1;
      throw new ServerError(failure.status, failure.message);
    }
  }

  *pieces(data: Buffer): Generator<Buffer> {
    const slow = this.slow; // a reset() mid-stream does not change this stream's pieces
    if (!slow) {
      yield data;
      return;
    }
    for (let at = 0; at < data.length; at += slow.chunkBytes) yield data.subarray(at, at + slow.chunkBytes);
  }

  async beforeChunk(): Promise<void> {
    if (this.slow) await new Promise((resolve) => setTimeout(resolve, this.slow?.pauseMs ?? 0));
  }
}
