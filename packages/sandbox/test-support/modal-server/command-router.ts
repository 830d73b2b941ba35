/* eslint-disable @typescript-eslint/no-explicit-any -- requests and responses are Modal's generated message types, which the SDK does not export */
import { type CallContext, ServerError, Status } from "nice-grpc";
import type { ContainerExec } from "./container.ts";
import { exitOf, until } from "./grpc-helpers.ts";
import type { Method, ModalServerHost, SandboxState } from "./host.ts";

// The task command router (Modal's TaskCommandRouter service): exec, stdio, stdin and
// filesystem snapshots inside a running sandbox, authorised by the task's JWT.

export function commandRouterMethods(host: ModalServerHost): Record<string, Method> {
  return {
    taskExecStart: async (request, context) => {
      const sandbox = await host.routerGate("TaskExecStart", context, request.taskId);
      if (host.execs.has(request.execId)) return {}; // a retried start
      // Exec variables arrive as inline secret sources (StringMap); stored secrets are not supported.
      if ((request.secretSources ?? []).some((source: any) => source.secretId)) throw new ServerError(Status.UNIMPLEMENTED, "stored secrets are not supported by the local Modal protocol server");
      const env = Object.fromEntries((request.secretSources ?? []).flatMap((source: any) => Object.entries(source.env?.contents ?? {})));
      const pty = request.ptyInfo?.enabled ? { rows: request.ptyInfo.winszRows || 24, cols: request.ptyInfo.winszCols || 80 } : null;
      const exec = sandbox.container.start(request.execId, {
        argv: request.commandArgs,
        env: { PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", ...(pty ? { TERM: request.ptyInfo.envTerm || "xterm-256color" } : {}), ...env },
        cwd: request.workdir || sandbox.container.options.workdir,
        pty,
        timeoutSecs: request.timeoutSecs || null,
      });
      host.execs.set(request.execId, { sandbox, exec });
      return {};
    },
    taskExecStdioRead: async function* (request: any, context: CallContext) {
      await host.routerGate("TaskExecStdioRead", context, request.taskId);
      const { exec } = host.exec(request.execId);
      const buffer = request.fileDescriptor === 1 ? exec.stderr : exec.stdout;
      let offset = Number(request.offset);
      while (true) {
        const data = buffer.readFrom(offset);
        if (data === null) throw new ServerError(Status.OUT_OF_RANGE, `output before offset ${offset} is no longer available`);
        if (data.length > 0) {
          for (const piece of host.faults.pieces(data)) {
            await host.faults.beforeChunk();
            if (context.signal.aborted) return;
            yield { data: piece };
            offset += piece.length;
            buffer.consumed(offset);
          }
          continue;
        }
        if (buffer.ended) return;
        await new Promise<void>((resolve) => {
          const done = () => {
            buffer.off("change", done);
            context.signal.removeEventListener("abort", done);
            resolve();
          };
          buffer.on("change", done);
          context.signal.addEventListener("abort", done, { once: true });
        });
        if (context.signal.aborted) return;
      }
    },
    taskExecStdinWrite: async (request, context) => {
      const sandbox = await host.routerGate("TaskExecStdinWrite", context, request.taskId);
      const { exec } = host.exec(request.execId);
      if (Number(request.offset) !== exec.stdinWritten) {
        // A retried write the agent already has: skip what it has seen.
        const skip = exec.stdinWritten - Number(request.offset);
        if (skip < 0) throw new ServerError(Status.INVALID_ARGUMENT, `stdin offset ${request.offset} is past ${exec.stdinWritten}`);
        sandbox.container.writeStdin(exec, request.data.subarray(Math.min(skip, request.data.length)), request.eof);
      } else sandbox.container.writeStdin(exec, request.data, request.eof);
      return {};
    },
    taskExecStdinWriteStream: async (requests: AsyncIterable<any>, context: CallContext) => {
      let target: { sandbox: SandboxState; exec: ContainerExec } | null = null;
      for await (const request of requests) {
        if (request.start) {
          await host.routerGate("TaskExecStdinWriteStream", context, request.start.taskId);
          target = host.exec(request.start.execId);
          if (Number(request.start.offset) !== target.exec.stdinWritten) throw new ServerError(Status.FAILED_PRECONDITION, `stdin is at ${target.exec.stdinWritten}, not ${request.start.offset}`);
        } else if (!target) throw new ServerError(Status.INVALID_ARGUMENT, "the stream must begin with start");
        else if (request.data) target.sandbox.container.writeStdin(target.exec, request.data, false);
        else if (request.end) target.sandbox.container.writeStdin(target.exec, new Uint8Array(0), true);
      }
      return {};
    },
    taskExecStdinStatus: async (request, context) => {
      await host.routerGate("TaskExecStdinStatus", context, request.taskId);
      const { exec } = host.exec(request.execId);
      return { numBytesWritten: exec.stdinWritten, closed: exec.stdinClosed };
    },
    taskExecPoll: async (request, context) => {
      await host.routerGate("TaskExecPoll", context, request.taskId);
      return exitOf(host.exec(request.execId).exec);
    },
    taskExecWait: async (request, context) => {
      await host.routerGate("TaskExecWait", context, request.taskId);
      const { exec } = host.exec(request.execId);
      if (!exec.status) await until(exec, "exit", null, context.signal);
      if (!exec.status) throw new ServerError(Status.DEADLINE_EXCEEDED, "still running");
      return exitOf(exec);
    },
    taskSnapshotFilesystem: async (request, context) => {
      const sandbox = await host.routerGate("TaskSnapshotFilesystem", context, request.taskId);
      const image = await host.images.fromLayer(sandbox.layer);
      return { imageId: image.imageId };
    },
  };
}
