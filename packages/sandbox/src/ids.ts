import { SandboxError } from "./errors.ts";

// Ids end up in file paths, cgroup names and Modal sandbox names, so they are checked on every
// use, not only when created: 'ws_' or 'snap_' + 24 lowercase base32 characters.
const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
const WORKSPACE_ID = /^ws_[a-z2-7]{24}$/;
const SNAPSHOT_ID = /^snap_[a-z2-7]{24}$/;

function randomSuffix(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  let out = "";
  for (const byte of bytes) out += ALPHABET[byte % 32];
  return out;
}

export const newWorkspaceId = (): string => `ws_${randomSuffix()}`;
export const newSnapshotId = (): string => `snap_${randomSuffix()}`;
export const newRunId = (): string => `run_${randomSuffix()}`;

export function requireWorkspaceId(id: string): string {
  if (!WORKSPACE_ID.test(id)) throw new SandboxError("WORKSPACE_NOT_FOUND", `workspace "${id.slice(0, 64)}" does not exist`);
  return id;
}

/** A caller-chosen id for a new workspace (recreating a lost one): the same form as generated ids. */
export function newWorkspaceIdFrom(id: string | undefined): string {
  if (id === undefined) return newWorkspaceId();
  if (!WORKSPACE_ID.test(id)) throw new SandboxError("INVALID_REQUEST", `"${id.slice(0, 64)}" is not a workspace id (ws_ + 24 of a-z2-7)`);
  return id;
}

export function requireSnapshotId(id: string): string {
  if (!SNAPSHOT_ID.test(id)) throw new SandboxError("SNAPSHOT_NOT_FOUND", `snapshot "${id.slice(0, 64)}" does not exist`);
  return id;
}
