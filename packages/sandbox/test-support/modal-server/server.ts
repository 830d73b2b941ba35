/* eslint-disable @typescript-eslint/no-explicit-any -- requests and responses are Modal's generated message types, which the SDK does not export */
import { createHash, createHmac, randomBytes, randomUUID } from "node:crypto";
import type { EventEmitter } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type CallContext, type Server, ServerError, Status, createServer } from "nice-grpc";
import type { CgroupTree } from "../../src/local/cgroups.ts";
import { prepareHostRuntime } from "../../src/local/host-runtime.ts";
import { probeHost } from "../../src/local/isolation-probe.ts";
import type { HostTools } from "../../src/local/sandbox-command.ts";
import { type ContainerExec, LocalContainer } from "./container.ts";
import { Faults } from "./faults.ts";
import { type BuildSession, type ImageRecord, ImageStore, randomId } from "./images.ts";
import { copyLayer } from "./layers.ts";
import { loadModalProtocol } from "./protocol.ts";

// A local server speaking Modal's gRPC API — the control plane (ModalClient service) and the
// task command router (TaskCommandRouter service) on one plaintext port — for the calls the
// Modal SDK makes on behalf of packages/sandbox/src/modal. Point the SDK at it the way an
// operator points it at Modal: MODAL_SERVER_URL=http://127.0.0.1:<port> plus the token
// id/secret this server was started with. See docs/decisions/0110-modal-local-protocol-server.md
// for what is faithful to Modal and what is not.

const GENERIC_STATUS = { SUCCESS: 1, FAILURE: 2, TERMINATED: 3, TIMEOUT: 4 } as const;
const IN_SANDBOX_DIR = fileURLToPath(new URL("./in-sandbox/", import.meta.url));

export interface ModalTestServerOptions {
  tokenId?: string;
  tokenSecret?: string;
  /** Where images and sandbox layers live; a fresh temporary directory by default. */
  stateDir?: string;
  /** First uid of the per-sandbox uids. */
  uidBase?: number;
}

interface SandboxState {
  sandboxId: string;
  taskId: string;
  appId: string;
  container: LocalContainer;
  layer: string;
  cgroup: ReturnType<CgroupTree["create"]> | null;
  exitSnapshot: boolean;
  /** Set once the sandbox has finished. */
  result: { status: number; exception: string; exitcode: number } | null;
  snapshot: Promise<ImageRecord> | null;
  timers: NodeJS.Timeout[];
  tags: Record<string, string>;
}

export class ModalTestServer {
  readonly faults = new Faults();
  readonly tokenId: string;
  readonly tokenSecret: string;
  private readonly jwtKey = randomBytes(32);
  private readonly apps = new Map<string, string>();
  private readonly sandboxes = new Map<string, SandboxState>();
  private readonly byTask = new Map<string, SandboxState>();
  private readonly execs = new Map<string, { sandbox: SandboxState; exec: ContainerExec }>();
  private nextUid: number;
  /** Image builds run as this uid; each sandbox gets its own. */
  private readonly buildUid: number;
  private port = 0;

  private constructor(
    private readonly server: Server,
    private readonly stateDir: string,
    private readonly ownsStateDir: boolean,
    private readonly tools: HostTools,
    private readonly cgroups: CgroupTree | null,
    private readonly agentDir: string,
    readonly images: ImageStore,
    options: ModalTestServerOptions,
  ) {
    this.tokenId = options.tokenId ?? `ak-${randomId()}`;
    this.tokenSecret = options.tokenSecret ?? `as-${randomId()}`;
    // Above the local provider's test ranges (200 000 + up to 4 000 × 100), so a local
    // provider's "no process of this uid is left" checks never see these sandboxes.
    this.buildUid = options.uidBase ?? 700_000 + (process.pid % 1000) * 200;
    this.nextUid = this.buildUid + 1;
  }

  static async start(options: ModalTestServerOptions = {}): Promise<ModalTestServer> {
    const protocol = await loadModalProtocol();
    const ownsStateDir = !options.stateDir;
    const stateDir = options.stateDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "interviewlm-modal-server-"));
    fs.mkdirSync(stateDir, { recursive: true });
    fs.chmodSync(stateDir, 0o711); // per-sandbox uids reach their layers through it
    const runtime = prepareHostRuntime(stateDir, "/usr/bin/python3");
    const instance = createHash("sha256").update(stateDir).digest("hex").slice(0, 12);
    const probe = probeHost({ dataDir: stateDir, cgroupParent: "interviewlm-modal-server", instance, tools: {}, runtime });
    if (!probe.isRoot || !probe.tools.bwrap || !probe.tools.setpriv) throw new Error(`the local Modal server needs root, bwrap and setpriv: ${probe.problems.join("; ")}`);
    if (probe.cgroups) await probe.cgroups.sweep();
    const agentDir = path.join(stateDir, "modal-bin");
    fs.mkdirSync(agentDir, { recursive: true, mode: 0o755 });
    for (const name of fs.readdirSync(IN_SANDBOX_DIR)) {
      fs.copyFileSync(path.join(IN_SANDBOX_DIR, name), path.join(agentDir, name));
      fs.chmodSync(path.join(agentDir, name), 0o755);
    }
    const grpcServer = createServer({ "grpc.max_receive_message_length": 100 * 1024 * 1024, "grpc.max_send_message_length": 100 * 1024 * 1024 });
    let self: ModalTestServer | null = null;
    const images = new ImageStore(path.join(stateDir, "images"), (image) => (self as ModalTestServer).startBuild(image));
    self = new ModalTestServer(grpcServer, stateDir, ownsStateDir, probe.tools, probe.cgroups, agentDir, images, options);
    grpcServer.add(protocol.ModalClientDefinition, withUnimplemented(protocol.ModalClientDefinition, self.controlPlane()));
    grpcServer.add(protocol.TaskCommandRouterDefinition, withUnimplemented(protocol.TaskCommandRouterDefinition, self.commandRouter()));
    self.port = await grpcServer.listen("127.0.0.1:0");
    return self;
  }

  /** What the SDK reads from its environment (or a .modal.toml profile) to find this server. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get env(): Record<string, string> {
    return { MODAL_SERVER_URL: this.url, MODAL_TOKEN_ID: this.tokenId, MODAL_TOKEN_SECRET: this.tokenSecret };
  }

  /** Ends a sandbox from outside, as Modal does on preemption or an out-of-memory kill. */
  async killSandbox(sandboxId: string): Promise<void> {
    const sandbox = this.sandboxes.get(sandboxId);
    if (sandbox) await this.finish(sandbox, { status: GENERIC_STATUS.FAILURE, exception: "the sandbox was killed", exitcode: 137 });
  }

  runningSandboxIds(): string[] {
    return [...this.sandboxes.values()].filter((s) => s.result === null).map((s) => s.sandboxId);
  }

  /** Running sandboxes carrying a tag (the provider tags each with its workspace id). */
  runningSandboxesTagged(name: string, value: string): string[] {
    return [...this.sandboxes.values()].filter((s) => s.result === null && s.tags[name] === value).map((s) => s.sandboxId);
  }

  async close(): Promise<void> {
    this.server.forceShutdown();
    for (const sandbox of this.sandboxes.values()) await this.finish(sandbox, { status: GENERIC_STATUS.TERMINATED, exception: "server shut down", exitcode: 0 }, { snapshot: false });
    await this.cgroups?.dispose().catch(() => undefined);
    if (this.ownsStateDir) fs.rmSync(this.stateDir, { recursive: true, force: true });
  }

  // ── control plane ──────────────────────────────────────────────────────────

  private controlPlane(): Record<string, (request: any, context: CallContext) => unknown> {
    const methods: Record<string, (request: any, context: CallContext) => unknown> = {
      authTokenGet: async (_request, context) => {
        await this.gate("AuthTokenGet", context, { authToken: false });
        return { token: this.sign({ sub: this.tokenId, exp: Math.floor(Date.now() / 1000) + 3600 }) };
      },
      environmentGetOrCreate: async (request, context) => {
        await this.gate("EnvironmentGetOrCreate", context);
        const name = request.deploymentName || "main";
        return { environmentId: `en-${name}`, metadata: { name, settings: { imageBuilderVersion: "2025.06", webhookSuffix: "" } } };
      },
      appGetOrCreate: async (request, context) => {
        await this.gate("AppGetOrCreate", context);
        const key = `${request.environmentName}/${request.appName}`;
        let appId = this.apps.get(key);
        if (!appId) {
          if (request.objectCreationType !== 1) throw new ServerError(Status.NOT_FOUND, `App '${request.appName}' not found`);
          appId = `ap-${randomId()}`;
          this.apps.set(key, appId);
        }
        return { appId };
      },
      imageGetOrCreate: async (request, context) => {
        await this.gate("ImageGetOrCreate", context);
        const image = this.images.getOrCreate(request.image.dockerfileCommands, request.image.baseImages ?? [], request.forceBuild);
        return { imageId: image.imageId, result: image.status === "built" ? { status: GENERIC_STATUS.SUCCESS } : undefined };
      },
      imageJoinStreaming: async function* (this: ModalTestServer, request: any, context: CallContext) {
        await this.gate("ImageJoinStreaming", context);
        const image = this.images.get(request.imageId);
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
          await new Promise((resolve) => this.images.once("change", resolve));
        }
      }.bind(this),
      imageFromId: async (request, context) => {
        await this.gate("ImageFromId", context);
        if (this.images.get(request.imageId)?.status !== "built") throw new ServerError(Status.NOT_FOUND, `Could not find image with ID ${request.imageId}`);
        return { imageId: request.imageId };
      },
      sandboxCreate: async (request, context) => {
        await this.gate("SandboxCreate", context);
        return { sandboxId: (await this.createSandbox(request, "v1")).sandboxId };
      },
      // The SDK's default since 0.10: the response carries the task and its router access,
      // and exec variables arrive as secret sources of the create request.
      sandboxCreateV2: async (request, context) => {
        await this.gate("SandboxCreateV2", context);
        const sandbox = await this.createSandbox(request, "v2");
        return { sandboxId: sandbox.sandboxId, taskId: sandbox.taskId, commandRouterAccess: this.routerAccess(sandbox) };
      },
      sandboxGetCommandRouterAccess: async (request, context) => {
        await this.gate("SandboxGetCommandRouterAccess", context);
        return this.routerAccess(this.sandbox(request.sandboxId));
      },
      sandboxGetTaskId: async (request, context) => {
        await this.gate("SandboxGetTaskId", context);
        const sandbox = this.sandbox(request.sandboxId);
        if (sandbox.result) return { taskResult: sandbox.result };
        return { taskId: sandbox.taskId };
      },
      sandboxWait: async (request, context) => {
        await this.gate("SandboxWait", context);
        const sandbox = this.sandbox(request.sandboxId);
        if (!sandbox.result && request.timeout > 0) await until(sandbox.container, "finished", request.timeout * 1000, context.signal);
        return { result: sandbox.result ?? undefined };
      },
      sandboxTerminate: async (request, context) => {
        await this.gate("SandboxTerminate", context);
        const sandbox = this.sandbox(request.sandboxId);
        await this.finish(sandbox, { status: GENERIC_STATUS.TERMINATED, exception: "", exitcode: 0 });
        return {};
      },
      sandboxGetExitSnapshot: async (request, context) => {
        await this.gate("SandboxGetExitSnapshot", context);
        const sandbox = this.sandbox(request.sandboxId);
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
        await this.gate("TaskGetCommandRouterAccess", context);
        const sandbox = this.byTask.get(request.taskId);
        if (!sandbox) throw new ServerError(Status.NOT_FOUND, `task ${request.taskId} not found`);
        return this.routerAccess(sandbox);
      },
    };
    // V2 sandboxes use the same calls under V2 names.
    for (const name of ["sandboxWait", "sandboxGetTaskId", "sandboxTerminate", "sandboxGetExitSnapshot"]) methods[`${name}V2`] = methods[name] as (request: any, context: CallContext) => unknown;
    return methods;
  }

  private routerAccess(sandbox: SandboxState): { url: string; jwt: string } {
    // The SDK insists on https and dials localhost without TLS: the same port, plaintext.
    return { url: `https://127.0.0.1:${this.port}`, jwt: this.sign({ task: sandbox.taskId, exp: Math.floor(Date.now() / 1000) + 3600 }) };
  }

  // ── task command router ────────────────────────────────────────────────────

  private commandRouter(): Record<string, (request: any, context: CallContext) => unknown> {
    return {
      taskExecStart: async (request, context) => {
        const sandbox = await this.routerGate("TaskExecStart", context, request.taskId);
        if (this.execs.has(request.execId)) return {}; // a retried start
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
        this.execs.set(request.execId, { sandbox, exec });
        return {};
      },
      taskExecStdioRead: async function* (this: ModalTestServer, request: any, context: CallContext) {
        await this.routerGate("TaskExecStdioRead", context, request.taskId);
        const { exec } = this.exec(request.execId);
        const buffer = request.fileDescriptor === 1 ? exec.stderr : exec.stdout;
        let offset = Number(request.offset);
        while (true) {
          const data = buffer.readFrom(offset);
          if (data === null) throw new ServerError(Status.OUT_OF_RANGE, `output before offset ${offset} is no longer available`);
          if (data.length > 0) {
            for (const piece of this.faults.pieces(data)) {
              await this.faults.beforeChunk();
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
      }.bind(this),
      taskExecStdinWrite: async (request, context) => {
        const sandbox = await this.routerGate("TaskExecStdinWrite", context, request.taskId);
        const { exec } = this.exec(request.execId);
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
            await this.routerGate("TaskExecStdinWriteStream", context, request.start.taskId);
            target = this.exec(request.start.execId);
            if (Number(request.start.offset) !== target.exec.stdinWritten) throw new ServerError(Status.FAILED_PRECONDITION, `stdin is at ${target.exec.stdinWritten}, not ${request.start.offset}`);
          } else if (!target) throw new ServerError(Status.INVALID_ARGUMENT, "the stream must begin with start");
          else if (request.data) target.sandbox.container.writeStdin(target.exec, request.data, false);
          else if (request.end) target.sandbox.container.writeStdin(target.exec, new Uint8Array(0), true);
        }
        return {};
      },
      taskExecStdinStatus: async (request, context) => {
        await this.routerGate("TaskExecStdinStatus", context, request.taskId);
        const { exec } = this.exec(request.execId);
        return { numBytesWritten: exec.stdinWritten, closed: exec.stdinClosed };
      },
      taskExecPoll: async (request, context) => {
        await this.routerGate("TaskExecPoll", context, request.taskId);
        return exitOf(this.exec(request.execId).exec);
      },
      taskExecWait: async (request, context) => {
        await this.routerGate("TaskExecWait", context, request.taskId);
        const { exec } = this.exec(request.execId);
        if (!exec.status) await until(exec, "exit", null, context.signal);
        if (!exec.status) throw new ServerError(Status.DEADLINE_EXCEEDED, "still running");
        return exitOf(exec);
      },
      taskSnapshotFilesystem: async (request, context) => {
        const sandbox = await this.routerGate("TaskSnapshotFilesystem", context, request.taskId);
        const image = await this.images.fromLayer(sandbox.layer);
        return { imageId: image.imageId };
      },
    };
  }

  // ── sandboxes ──────────────────────────────────────────────────────────────

  private async createSandbox(request: any, version: "v1" | "v2"): Promise<SandboxState> {
    const definition = request.definition;
    const image = this.images.get(definition.imageId);
    if (image?.status !== "built") throw new ServerError(Status.NOT_FOUND, `Could not find image with ID ${definition.imageId}`);
    // The SDK tells V1 from V2 sandboxes by the id's shape (V1: "sb-" + 22 characters).
    const sandboxId = version === "v1" ? `sb-${randomId()}` : `sb-${randomId()}${randomId().slice(0, 4)}`;
    const uid = this.nextUid++;
    const layer = path.join(this.stateDir, "sandboxes", sandboxId);
    await copyLayer(image.layer, layer, uid);
    const resources = definition.resources ?? {};
    const cgroup = this.cgroups
      ? this.cgroups.create(sandboxId, {
          memoryBytes: (resources.memoryMbMax || resources.memoryMb || 1024) * 1024 * 1024,
          pids: 512,
          cpus: (resources.milliCpuMax || resources.milliCpu || 1000) / 1000,
        })
      : null;
    const container = new LocalContainer({ id: sandboxId, layer, uid, tools: this.tools, agentDir: this.agentDir, cgroup, workdir: definition.workdir || "/" });
    const options = definition.experimentalOptionsV2 ?? definition.experimentalOptions ?? {};
    const sandbox: SandboxState = {
      sandboxId,
      taskId: `ta-${randomId()}`,
      appId: request.appId,
      container,
      layer,
      cgroup,
      exitSnapshot: options.enable_exit_snapshot === "true",
      result: null,
      snapshot: null,
      timers: [],
      tags: Object.fromEntries((request.tags ?? []).map((t: { tagName: string; tagValue: string }) => [t.tagName, t.tagValue])),
    };
    this.sandboxes.set(sandboxId, sandbox);
    this.byTask.set(sandbox.taskId, sandbox);
    container.on("exit", () => void this.finish(sandbox, { status: GENERIC_STATUS.FAILURE, exception: "the sandbox's container exited", exitcode: 1 }));
    try {
      await container.whenReady();
    } catch (error) {
      await this.finish(sandbox, { status: GENERIC_STATUS.FAILURE, exception: (error as Error).message, exitcode: 1 });
      throw new ServerError(Status.INTERNAL, (error as Error).message);
    }
    if (definition.timeoutSecs > 0) {
      sandbox.timers.push(setTimeout(() => void this.finish(sandbox, { status: GENERIC_STATUS.TIMEOUT, exception: "", exitcode: 0 }), definition.timeoutSecs * 1000).unref());
    }
    if (definition.idleTimeoutSecs > 0) {
      // Idle = no exec started for idleTimeoutSecs and none running, as Modal counts it.
      const idleMs = definition.idleTimeoutSecs * 1000;
      const check = setInterval(() => {
        const busy = [...this.execs.values()].some((e) => e.sandbox === sandbox && !e.exec.status);
        if (!busy && Date.now() - container.lastActivity >= idleMs) void this.finish(sandbox, { status: GENERIC_STATUS.TIMEOUT, exception: "idle timeout", exitcode: 0 });
      }, Math.min(1000, idleMs / 4));
      sandbox.timers.push(check.unref());
    }
    return sandbox;
  }

  /** Ends a sandbox once: kills its container, takes its exit snapshot when enabled, frees its cgroup. */
  private async finish(sandbox: SandboxState, result: NonNullable<SandboxState["result"]>, options: { snapshot?: boolean } = {}): Promise<void> {
    if (sandbox.result) return;
    sandbox.result = result;
    for (const timer of sandbox.timers) clearTimeout(timer);
    await sandbox.container.terminate();
    if (sandbox.exitSnapshot && options.snapshot !== false) sandbox.snapshot = this.images.fromLayer(sandbox.layer);
    sandbox.snapshot?.catch(() => undefined);
    await sandbox.snapshot?.catch(() => undefined);
    await sandbox.cgroup?.remove().catch(() => undefined);
    for (const [execId, entry] of this.execs) if (entry.sandbox === sandbox) this.execs.delete(execId);
    fs.rmSync(sandbox.layer, { recursive: true, force: true });
    sandbox.container.emit("finished");
  }

  /** A build container over the image's layer, owned by the build uid while it builds. */
  private async startBuild(image: ImageRecord): Promise<BuildSession> {
    const uid = this.buildUid;
    await copyLayer(image.layer, `${image.layer}.build`, uid);
    fs.rmSync(image.layer, { recursive: true, force: true });
    fs.renameSync(`${image.layer}.build`, image.layer);
    const container = new LocalContainer({ id: `build-${image.imageId}`, layer: image.layer, uid, tools: this.tools, agentDir: this.agentDir, cgroup: null, workdir: "/" });
    await container.whenReady().catch(async (error: unknown) => {
      await container.terminate();
      throw error;
    });
    return {
      run: async (command) => {
        const exec = container.start(randomUUID(), { argv: ["/bin/sh", "-c", command], env: { PATH: "/usr/local/bin:/usr/bin:/bin", HOME: "/root" }, cwd: "/", pty: null, timeoutSecs: 600 });
        container.writeStdin(exec, new Uint8Array(0), true);
        const status = await new Promise<{ code: number | null }>((resolve) => exec.once("exit", resolve));
        const stderr = exec.stderr.readFrom(0)?.toString() ?? "";
        image.log.push(exec.stdout.readFrom(0)?.toString() ?? "", stderr);
        if (status.code !== 0) throw new Error(`RUN ${command.slice(0, 120)} exited with ${status.code}: ${stderr.slice(-500)}`);
      },
      close: () => container.terminate(),
    };
  }

  // ── checks ────────────────────────────────────────────────────────────────

  /** Control-plane authentication (token id + secret, then the short-lived auth token) and fault injection. */
  private async gate(method: string, context: CallContext, options: { authToken?: boolean } = {}): Promise<void> {
    const id = context.metadata.get("x-modal-token-id");
    const secret = context.metadata.get("x-modal-token-secret");
    if (id !== this.tokenId || secret !== this.tokenSecret) throw new ServerError(Status.UNAUTHENTICATED, "Token ID or secret is invalid");
    if (options.authToken !== false && !this.verify(String(context.metadata.get("x-modal-auth-token") ?? ""))) throw new ServerError(Status.UNAUTHENTICATED, "auth token missing or expired");
    await this.faults.before(method);
  }

  private async routerGate(method: string, context: CallContext, taskId: string): Promise<SandboxState> {
    const bearer = /^Bearer (.+)$/.exec(String(context.metadata.get("authorization") ?? ""))?.[1] ?? "";
    const claims = this.verify(bearer);
    if (!claims || claims.task !== taskId) throw new ServerError(Status.UNAUTHENTICATED, "command router token invalid for this task");
    await this.faults.before(method);
    const sandbox = this.byTask.get(taskId);
    if (!sandbox) throw new ServerError(Status.NOT_FOUND, `task ${taskId} not found`);
    if (sandbox.result) throw new ServerError(Status.NOT_FOUND, `task ${taskId} has finished`);
    return sandbox;
  }

  private sandbox(sandboxId: string): SandboxState {
    const sandbox = this.sandboxes.get(sandboxId);
    if (!sandbox) throw new ServerError(Status.NOT_FOUND, `Sandbox ${sandboxId} not found`);
    return sandbox;
  }

  private exec(execId: string): { sandbox: SandboxState; exec: ContainerExec } {
    const entry = this.execs.get(execId);
    if (!entry) throw new ServerError(Status.NOT_FOUND, `exec ${execId} not found`);
    return entry;
  }

  private sign(claims: Record<string, unknown>): string {
    const body = `${Buffer.from(JSON.stringify({ alg: "HS256", typ: "JWT" })).toString("base64url")}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}`;
    return `${body}.${createHmac("sha256", this.jwtKey).update(body).digest("base64url")}`;
  }

  private verify(token: string): Record<string, unknown> | null {
    const [header, payload, signature] = token.split(".");
    if (!header || !payload || !signature) return null;
    if (createHmac("sha256", this.jwtKey).update(`${header}.${payload}`).digest("base64url") !== signature) return null;
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as { exp?: number };
    return (claims.exp ?? 0) * 1000 > Date.now() ? claims : null;
  }
}

/** Resolves on the event, after `timeoutMs` (null: never) or when the call is cancelled — leaving no listener behind. */
function until(emitter: EventEmitter, event: string, timeoutMs: number | null, signal: AbortSignal): Promise<void> {
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

function exitOf(exec: ContainerExec): { code?: number; signal?: number } {
  if (!exec.status) return {};
  if (exec.lost) throw new ServerError(Status.NOT_FOUND, "the sandbox of this exec has finished");
  if (exec.status.code !== null) return { code: exec.status.code };
  return { signal: exec.status.signal ?? 9 };
}

/** Methods the provider never calls answer UNIMPLEMENTED, as an older Modal server would. */
function withUnimplemented(definition: { methods: Record<string, { name: string; responseStream: boolean }> }, implementation: Record<string, unknown>): Record<string, any> {
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
