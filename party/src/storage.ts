// Room storage helpers. Durable Object storage keeps values up to 128 KiB, so long strings
// are split into parts under "<key>#<n>"; the item key itself holds the part count. Writes
// issued without an intervening `await` commit atomically together, which is what lets an
// event and the counter that numbered it be written as one.
import type * as Party from "partykit/server";
import { createLogger, errorMessage } from "@interviewlm/infra/log";
import { STORAGE_PART_CHARS } from "./limits.ts";

const log = createLogger({ component: "room.storage" });

export type Storage = Party.Storage;

/**
 * Storage writes are not awaited where atomicity with other writes matters (see the header);
 * a failed write is still logged, never silently dropped.
 */
export function guard(write: Promise<unknown>): void {
  write.catch((error: unknown) => log.error("storage.write_failed", { message: errorMessage(error) }));
}

/** Zero-padded so that keys list in numeric order. */
export function seqKey(prefix: string, n: number): string {
  return `${prefix}${n.toString().padStart(12, "0")}`;
}

export function seqOfKey(prefix: string, key: string): number {
  return Number(key.slice(prefix.length));
}

interface Parted {
  parts: number;
}

/**
 * Writes `value` under `key` (split when long) and returns what the item key now holds, for
 * deleteText. Synchronous on purpose: see the header.
 */
export function putText(storage: Storage, key: string, value: string): unknown {
  if (value.length <= STORAGE_PART_CHARS) {
    guard(storage.put(key, value));
    return value;
  }
  const entries: Record<string, unknown> = {};
  let parts = 0;
  for (let i = 0; i < value.length; i += STORAGE_PART_CHARS) entries[`${key}#${parts++}`] = value.slice(i, i + STORAGE_PART_CHARS);
  entries[key] = { parts } satisfies Parted;
  // put() takes at most 128 entries at once.
  const keys = Object.keys(entries);
  for (let i = 0; i < keys.length; i += 128) {
    guard(storage.put(Object.fromEntries(keys.slice(i, i + 128).map((k) => [k, entries[k]]))));
  }
  return entries[key];
}

/** The stored value of `key` as written by putText, or null. */
export async function readStored(storage: Storage, key: string, value: unknown): Promise<string | null> {
  if (typeof value === "string") return value;
  if (!value || typeof value !== "object" || typeof (value as Parted).parts !== "number") return null;
  const { parts } = value as Parted;
  const partKeys = Array.from({ length: parts }, (_, i) => `${key}#${i}`);
  let text = "";
  for (let i = 0; i < partKeys.length; i += 128) {
    const found = await storage.get<string>(partKeys.slice(i, i + 128));
    for (const partKey of partKeys.slice(i, i + 128)) text += found.get(partKey) ?? "";
  }
  return text;
}

export async function getText(storage: Storage, key: string): Promise<string | null> {
  return readStored(storage, key, await storage.get(key));
}

/** Deletes `key` and its parts. Synchronous like putText. */
export function deleteText(storage: Storage, key: string, value: unknown): void {
  const keys = [key];
  if (value && typeof value === "object" && typeof (value as Parted).parts === "number") {
    for (let i = 0; i < (value as Parted).parts; i++) keys.push(`${key}#${i}`);
  }
  for (let i = 0; i < keys.length; i += 128) guard(storage.delete(keys.slice(i, i + 128)));
}

/** Lists item keys under a prefix (part keys excluded), in key order. */
export async function listItems(storage: Storage, prefix: string, options: { limit?: number; start?: string } = {}): Promise<Map<string, unknown>> {
  const found = await storage.list({ prefix, start: options.start, limit: options.limit === undefined ? undefined : options.limit * 2 + 1 });
  const items = new Map<string, unknown>();
  for (const [key, value] of found) {
    if (key.includes("#")) continue;
    if (options.limit !== undefined && items.size >= options.limit) break;
    items.set(key, value);
  }
  return items;
}

/**
 * The same storage, except that its writes do not hold the room's outgoing messages until
 * they are durable (Durable Objects' output gate, `allowUnconfirmed`). For writes on the
 * keystroke path only: each would otherwise delay every fan-out by a disk commit. They still
 * commit in order with every other write; what such a write protects can be re-sent by its
 * source (the candidate's editor re-syncs whatever the room lost).
 */
export function unconfirmed(storage: Storage): Storage {
  const options = { allowUnconfirmed: true };
  return new Proxy(storage, {
    get(target, property) {
      if (property === "put") {
        return (keyOrEntries: string | Record<string, unknown>, value?: unknown) =>
          typeof keyOrEntries === "string" ? target.put(keyOrEntries, value, options) : target.put(keyOrEntries, options);
      }
      if (property === "delete") return (keys: string | string[]) => (typeof keys === "string" ? target.delete(keys, options) : target.delete(keys, options));
      const member = Reflect.get(target, property, target) as unknown;
      return typeof member === "function" ? (member as (...args: unknown[]) => unknown).bind(target) : member;
    },
  });
}

const WRITES = new Set(["put", "delete", "deleteAll", "setAlarm", "deleteAlarm", "transaction"]);

/**
 * The room's storage as its runtime sees it: once `isErased()` says so, every write becomes a
 * no-op (reads still answer), so timers, flushes and handlers of a runtime still in memory
 * cannot bring back what an erase removed (docs/decisions/0170).
 */
export function erasable(storage: Storage, isErased: () => boolean): Storage {
  return new Proxy(storage, {
    get(target, property) {
      const member = Reflect.get(target, property, target) as unknown;
      if (typeof member !== "function") return member;
      const bound = (member as (...args: unknown[]) => unknown).bind(target);
      if (typeof property === "string" && WRITES.has(property)) {
        return (...args: unknown[]) => (isErased() ? Promise.resolve(property === "delete" ? false : undefined) : bound(...args));
      }
      return bound;
    },
  });
}
