/* eslint-disable @typescript-eslint/no-explicit-any -- requests and responses are Modal's generated message types, which the SDK does not export */
import { type CallContext, ServerError, Status } from "nice-grpc";
import { until } from "./grpc-helpers.ts";
import { GENERIC_STATUS, type Method, type ModalServerHost } from "./host.ts";
import { randomId } from "./images.ts";

// The control plane (Modal's ModalClient service): authentication, apps, images and the
// sandbox lifecycle calls the SDK makes.

export function controlPlaneMethods(host: ModalServerHost): Record<string, Method> {
  const methods: Record<string, (request: any, context: CallContext) => unknown> = {
    authTokenGet: async (_request, context) => {
      await host.gate("AuthTokenGet", context, { authToken: false });
      return { token: host.sign({ sub: host.tokenId, exp: Math.floor(Date.now() / 1000) + 3600 }) };
    },
    environmentGetOrCreate: async (request, context) => {
      await host.gate("EnvironmentGetOrCreate", context);
      const name = request.deploymentName || "main";
      return { environmentId: `en-${name}`, metadata: { name, settings: { imageBuilderVersion: "2025.06", webhookSuffix: "" } } };
    },
    appGetOrCreate: async (request, context) => {
      await host.gate("AppGetOrCreate", context);
      const key = `${request.environmentName}/${request.appName}`;
      let appId = host.apps.get(key);
      if (!appId) {
        if (request.objectCreationType !== 1) throw new ServerError(Status.NOT_FOUND, `App '${request.appName}' not found`);
        appId = `ap-${randomId()}`;
        host.apps.set(key, appId);
      }
      return { appId };
    },
    imageGetOrCreate: async (request, context) => {
      await host.gate("ImageGetOrCreate", context);
      const image = host.images.getOrCreate(request.image.dockerfileCommands, request.image.baseImages ?? [], request.forceBuild);
      return { imageId: image.imageId, result: image.status === "built" ? { status: GENERIC_STATUS.SUCCESS } : undefined };
    },
    imageJoinStreaming: async function* (request: any, context: CallContext) {
      await host.gate("ImageJoinStreaming", context);
      const image = host.images.get(request.imageId);
      if (!image) throw new ServerError(Status.NOT_FOUND, `Could not find image with ID ${request.imageId}`);
      let sent = Number(request.lastEntryId || 0);
      while (true) {
        while (sent < image.log.length) {
          sent += 1;
          yield { entryId: String(sent), taskLogs: [{ data: image.log[sent - 1], fileDescriptor: 1 }] };
        }
        if (image.status !== "building") {
          yield { entryId: String(sent), result: image.status === "built" ? { status: GENERIC_STATUS.SUCCESS } : { status: GENERIC_STATUS.FAILURE, exception: image.exception } };
          return;
        }
        await new Promise((resolve) => host.images.once("change", resolve));
      }
    },
    imageFromId: async (request, context) => {
      await host.gate("ImageFromId", context);
      if (host.images.get(request.imageId)?.status !== "built") throw new ServerError(Status.NOT_FOUND, `Could not find image with ID ${request.imageId}`);
      return { imageId: request.imageId };
    },
    sandboxCreate: async (request, context) => {
      await host.gate("SandboxCreate", context);
      return { sandboxId: (await host.createSandbox(request, "v1")).sandboxId };
    },
    // The SDK's default since 0.10: the response carries the task and its router access,
    // and exec variables arrive as secret sources of the create request.
    sandboxCreateV2: async (request, context) => {
      await host.gate("SandboxCreateV2", context);
      const sandbox = await host.createSandbox(request, "v2");
      return { sandboxId: sandbox.sandboxId, taskId: sandbox.taskId, commandRouterAccess: host.routerAccess(sandbox) };
    },
    sandboxGetCommandRouterAccess: async (request, context) => {
      await host.gate("SandboxGetCommandRouterAccess", context);
      return host.routerAccess(host.sandbox(request.sandboxId));
    },
    sandboxGetTaskId: async (request, context) => {
      await host.gate("SandboxGetTaskId", context);
      const sandbox = host.sandbox(request.sandboxId);
      if (sandbox.result) return { taskResult: sandbox.result };
      return { taskId: sandbox.taskId };
    },
    sandboxWait: async (request, context) => {
      await host.gate("SandboxWait", context);
      const sandbox = host.sandbox(request.sandboxId);
      if (!sandbox.result && request.timeout > 0) await until(sandbox.container, "finished", request.timeout * 1000, context.signal);
      return { result: sandbox.result ?? undefined };
    },
    sandboxTerminate: async (request, context) => {
      await host.gate("SandboxTerminate", context);
      const sandbox = host.sandbox(request.sandboxId);
      await host.finish(sandbox, { status: GENERIC_STATUS.TERMINATED, exception: "", exitcode: 0 });
      return {};
    },
    sandboxGetExitSnapshot: async (request, context) => {
      await host.gate("SandboxGetExitSnapshot", context);
      const sandbox = host.sandbox(request.sandboxId);
      if (!sandbox.exitSnapshot) throw new ServerError(Status.INVALID_ARGUMENT, "exit snapshots were not enabled for this sandbox");
      if (!sandbox.snapshot) {
        // Still running: long-poll until it ends or the request's timeout passes.
        await until(sandbox.container, "finished", Math.max(0, request.timeout) * 1000, context.signal);
      }
      if (!sandbox.snapshot) return { pending: {} };
      try {
        return { success: { imageId: (await sandbox.snapshot).imageId } };
      } catch (error) {
        return { error: { errorCode: 3, message: (error as Error).message } };
      }
    },
    taskGetCommandRouterAccess: async (request, context) => {
      await host.gate("TaskGetCommandRouterAccess", context);
      const sandbox = host.byTask.get(request.taskId);
      if (!sandbox) throw new ServerError(Status.NOT_FOUND, `task ${request.taskId} not found`);
      return host.routerAccess(sandbox);
    },
  };
  // V2 sandboxes use the same calls under V2 names.
  for (const name of ["sandboxWait", "sandboxGetTaskId", "sandboxTerminate", "sandboxGetExitSnapshot"]) methods[`${name}V2`] = methods[name] as (request: any, context: CallContext) => unknown;
  return methods;
}
