import type { CallContext } from "nice-grpc";
import type { CgroupTree } from "../../src/local/cgroups.ts";
import type { ContainerExec, LocalContainer } from "./container.ts";
import type { Faults } from "./faults.ts";
import type { ImageRecord, ImageStore } from "./images.ts";

// What the two gRPC services (control-plane.ts, command-router.ts) need from the server that
// owns the sandboxes: its state, its checks and its sandbox lifecycle.

export const GENERIC_STATUS = { SUCCESS: 1, FAILURE: 2, TERMINATED: 3, TIMEOUT: 4 } as const;

export interface SandboxState {
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

/** A gRPC method implementation over Modal's generated message types. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Modal's generated message types are not exported by the SDK
export type Method = (request: any, context: CallContext) => unknown;

export interface ModalServerHost {
  readonly tokenId: string;
  readonly faults: Faults;
  readonly images: ImageStore;
  /** App ids by "<environment>/<app name>". */
  readonly apps: Map<string, string>;
  readonly byTask: Map<string, SandboxState>;
  readonly execs: Map<string, { sandbox: SandboxState; exec: ContainerExec }>;
  /** Control-plane authentication (token id + secret, then the short-lived auth token) and fault injection. */
  gate(method: string, context: CallContext, options?: { authToken?: boolean }): Promise<void>;
  /** Command-router authentication (the task's JWT) and fault injection; the task's running sandbox. */
  routerGate(method: string, context: CallContext, taskId: string): Promise<SandboxState>;
  sandbox(sandboxId: string): SandboxState;
  exec(execId: string): { sandbox: SandboxState; exec: ContainerExec };
  routerAccess(sandbox: SandboxState): { url: string; jwt: string };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a SandboxCreate(V2) request
  createSandbox(request: any, version: "v1" | "v2"): Promise<SandboxState>;
  finish(sandbox: SandboxState, result: NonNullable<SandboxState["result"]>, options?: { snapshot?: boolean }): Promise<void>;
  sign(claims: Record<string, unknown>): string;
}
