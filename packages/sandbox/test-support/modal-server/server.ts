/* eslint-disable @typescript-eslint/no-explicit-any -- requests and responses are Modal's generated message types, which the SDK does not export */
import { createHash, createHmac, randomBytes, randomUUID } from "node:crypto";
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
import { controlPlaneMethods } from "./control-plane.ts";
import { commandRouterMethods } from "./command-router.ts";
import { withUnimplemented } from "./grpc-helpers.ts";
import { GENERIC_STATUS, type ModalServerHost, type SandboxState } from "./host.ts";
import { loadModalProtocol } from "./protocol.ts";

// A local server speaking Modal's gRPC API — the control plane (ModalClient service) and the
// task command router (TaskCommandRouter service) on one plaintext port — for the calls the
// Modal SDK makes on behalf of packages/sandbox/src/modal. Point the SDK at it the way an
// operator points it at Modal: MODAL_SERVER_URL=http://127.0.0.1:<port> plus the token
// id/secret this server was started with. See docs/decisions/0110-modal-local-protocol-server.md
// for what is faithful to Modal and what is not.

const IN_SANDBOX_DIR = fileURLToPath(new URL("./in-sandbox/", import.meta.url));

export interface ModalTestServerOptions {
  tokenId?: string;
  tokenSecret?: string;
  /** Where images and sandbox layers live; a fresh temporary directory by default. */
  stateDir?: string;
  /** First uid of the per-sandbox uids. */
  uidBase?: number;
}

export class ModalTestServer implements ModalServerHost {
  readonly faults = new Faults();
  readonly tokenId: string;
  readonly tokenSecret: string;
  private readonly jwtKey = randomBytes(32);
  readonly apps = new Map<string, string>();
  private readonly sandboxes = new Map<string, SandboxState>();
  readonly byTask = new Map<string, SandboxState>();
  readonly execs = new Map<string, { sandbox: SandboxState; exec: ContainerExec }>();
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
    grpcServer.add(protocol.ModalClientDefinition, withUnimplemented(protocol.ModalClientDefinition, controlPlaneMethods(self)));
    grpcServer.add(protocol.TaskCommandRouterDefinition, withUnimplemented(protocol.TaskCommandRouterDefinition, commandRouterMethods(self)));
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

  routerAccess(sandbox: SandboxState): { url: string; jwt: string } {
    // The SDK insists on https and dials localhost without TLS: the same port, plaintext.
    return { url: `https://127.0.0.1:${this.port}`, jwt: this.sign({ task: sandbox.taskId, exp: Math.floor(Date.now() / 1000) + 3600 }) };
  }

  // ── sandboxes ──────────────────────────────────────────────────────────────

  async createSandbox(request: any, version: "v1" | "v2"): Promise<SandboxState> {
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
  async finish(sandbox: SandboxState, result: NonNullable<SandboxState["result"]>, options: { snapshot?: boolean } = {}): Promise<void> {
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
  async gate(method: string, context: CallContext, options: { authToken?: boolean } = {}): Promise<void> {
    const id = context.metadata.get("x-modal-token-id");
    const secret = context.metadata.get("x-modal-token-secret");
    if (id !== this.tokenId || secret !== this.tokenSecret) throw new ServerError(Status.UNAUTHENTICATED, "Token ID or secret is invalid");
    if (options.authToken !== false && !this.verify(String(context.metadata.get("x-modal-auth-token") ?? ""))) throw new ServerError(Status.UNAUTHENTICATED, "auth token missing or expired");
    await this.faults.before(method);
  }

  async routerGate(method: string, context: CallContext, taskId: string): Promise<SandboxState> {
    const bearer = /^Bearer (.+)$/.exec(String(context.metadata.get("authorization") ?? ""))?.[1] ?? "";
    const claims = this.verify(bearer);
    if (!claims || claims.task !== taskId) throw new ServerError(Status.UNAUTHENTICATED, "command router token invalid for this task");
    await this.faults.before(method);
    const sandbox = this.byTask.get(taskId);
    if (!sandbox) throw new ServerError(Status.NOT_FOUND, `task ${taskId} not found`);
    if (sandbox.result) throw new ServerError(Status.NOT_FOUND, `task ${taskId} has finished`);
    return sandbox;
  }

  sandbox(sandboxId: string): SandboxState {
    const sandbox = this.sandboxes.get(sandboxId);
    if (!sandbox) throw new ServerError(Status.NOT_FOUND, `Sandbox ${sandboxId} not found`);
    return sandbox;
  }

  exec(execId: string): { sandbox: SandboxState; exec: ContainerExec } {
    const entry = this.execs.get(execId);
    if (!entry) throw new ServerError(Status.NOT_FOUND, `exec ${execId} not found`);
    return entry;
  }

  sign(claims: Record<string, unknown>): string {
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
