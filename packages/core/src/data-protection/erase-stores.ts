// The stores outside the database that hold a candidate's data: the sandbox workspace (files and
// snapshots) and the room (editor document, recording buffer, terminal, notes). They are erased
// BEFORE the database rows, so a failure leaves the erasure pending — the job retries — instead of
// a workspace nobody can find any more (docs/decisions/0170). Both calls are idempotent.
import type { WorkspacePort } from "../interviews/workspace-port.ts";
import type { RoomAccessPort } from "../shared/deps.ts";
import type { ErasureReason } from "./erase-schemas.ts";

export interface ExternalStores {
  /** The sandbox service; null when it is not configured. */
  sandbox: Pick<WorkspacePort, "destroyWorkspace"> | null;
  rooms?: Pick<RoomAccessPort, "eraseRoom">;
}

export interface ExternalErasure {
  workspaceDestroyed: boolean;
  roomErased: boolean;
}

export class ExternalStoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ExternalStoreError";
  }
}

/** Erases the session's workspace and room; throws ExternalStoreError naming what is left. */
export async function eraseExternalStores(stores: ExternalStores, session: { id: string; workspaceId: string | null }, reason: ErasureReason): Promise<ExternalErasure> {
  const problems: string[] = [];
  let workspaceDestroyed = false;
  if (session.workspaceId) {
    try {
      workspaceDestroyed = await destroyWorkspace(stores, session.workspaceId);
    } catch (error) {
      problems.push(`sandbox workspace ${session.workspaceId}: ${messageOf(error)}`);
    }
  }
  let roomErased = false;
  try {
    if (!stores.rooms?.eraseRoom) throw new Error("the room service is not configured");
    await stores.rooms.eraseRoom(session.id, { reason });
    roomErased = true;
  } catch (error) {
    problems.push(`room ${session.id}: ${messageOf(error)}`);
  }
  if (problems.length > 0) throw new ExternalStoreError(`Could not erase ${problems.join("; ")}.`);
  return { workspaceDestroyed, roomErased };
}

/** True when it destroyed the workspace now, false when it was already gone. */
async function destroyWorkspace(stores: ExternalStores, workspaceId: string): Promise<boolean> {
  if (!stores.sandbox?.destroyWorkspace) throw new Error("the sandbox service is not configured");
  try {
    await stores.sandbox.destroyWorkspace(workspaceId);
    return true;
  } catch (error) {
    // Already destroyed (an earlier attempt got this far): that is the goal.
    // (Checked structurally: core does not depend on the sandbox package, see workspace-port.ts.)
    if ((error as { code?: unknown } | null)?.code === "WORKSPACE_NOT_FOUND") return false;
    throw error;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
