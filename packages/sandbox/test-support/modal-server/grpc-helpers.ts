/* eslint-disable @typescript-eslint/no-explicit-any -- gRPC service definitions are generated from Modal's protos */
import type { EventEmitter } from "node:events";
import { ServerError, Status } from "nice-grpc";
import type { ContainerExec } from "./container.ts";

/** Resolves on the event, after `timeoutMs` (null: never) or when the call is cancelled — leaving no listener behind. */
export function until(emitter: EventEmitter, event: string, timeoutMs: number | null, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      if (timer) clearTimeout(timer);
      emitter.off(event, done);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = timeoutMs === null ? null : setTimeout(done, timeoutMs);
    emitter.once(event, done);
    signal.addEventListener("abort", done, { once: true });
  });
}

export function exitOf(exec: ContainerExec): { code?: number; signal?: number } {
  if (!exec.status) return {};
  if (exec.lost) throw new ServerError(Status.NOT_FOUND, "the sandbox of this exec has finished");
  if (exec.status.code !== null) return { code: exec.status.code };
  return { signal: exec.status.signal ?? 9 };
}

/** Methods the provider never calls answer UNIMPLEMENTED, as an older Modal server would. */
export function withUnimplemented(definition: { methods: Record<string, { name: string; responseStream: boolean }> }, implementation: Record<string, unknown>): Record<string, any> {
  const full: Record<string, unknown> = {};
  for (const [key, method] of Object.entries(definition.methods)) {
    full[key] =
      implementation[key] ??
      (method.responseStream
        ? async function* () {
            yield* [];
            throw new ServerError(Status.UNIMPLEMENTED, `${method.name} is not implemented by the local Modal protocol server`);
          }
        : async () => {
            throw new ServerError(Status.UNIMPLEMENTED, `${method.name} is not implemented by the local Modal protocol server`);
          });
  }
  return full;
}
