// Every control message is checked here before anything acts on it: the connection's rate
// limit, size, JSON, the shared schema, then the sender's role and the room permissions its
// token carries — cheapest first, so a flood of garbage is refused as cheaply as possible.
import {
  CLIENT_MESSAGE_PERMISSIONS,
  CLIENT_MESSAGE_ROLES,
  ClientMessageSchema,
  MAX_CLIENT_MESSAGE_BYTES,
  type ClientMessage,
  type RoomPermission,
  type RoomRole,
} from "@interviewlm/realtime";
import type { TokenBucket } from "./rate-limit.ts";

export type InboundRejection = { code: "too_large" | "not_text" | "malformed" | "invalid" | "forbidden" | "rate_limited"; message: string };
export type InboundResult = { ok: true; message: ClientMessage } | ({ ok: false } & InboundRejection);

const encoder = new TextEncoder();

export function parseClientMessage(raw: string | ArrayBuffer | ArrayBufferView, sender: { role: RoomRole; perms: readonly RoomPermission[] }, bucket: TokenBucket, now = Date.now()): InboundResult {
  if (!bucket.take(now)) return { ok: false, code: "rate_limited", message: "too many messages; slow down" };
  if (typeof raw !== "string") return { ok: false, code: "not_text", message: "control messages are JSON text" };
  // Cheap upper bound first: a UTF-16 string of n units is at most 3n UTF-8 bytes.
  if (raw.length > MAX_CLIENT_MESSAGE_BYTES || (raw.length * 3 > MAX_CLIENT_MESSAGE_BYTES && encoder.encode(raw).byteLength > MAX_CLIENT_MESSAGE_BYTES)) {
    return { ok: false, code: "too_large", message: `messages are limited to ${MAX_CLIENT_MESSAGE_BYTES} bytes` };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, code: "malformed", message: "message is not JSON" };
  }
  const parsed = ClientMessageSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, code: "invalid", message: `message does not match the contract${issue ? ` (${issue.path.join(".") || "type"}: ${issue.message})` : ""}` };
  }
  const { type } = parsed.data;
  if (!CLIENT_MESSAGE_ROLES[type].includes(sender.role)) {
    return { ok: false, code: "forbidden", message: `a ${sender.role} may not send ${type}` };
  }
  const permission = CLIENT_MESSAGE_PERMISSIONS[type];
  if (permission && !sender.perms.includes(permission)) {
    return { ok: false, code: "forbidden", message: `sending ${type} needs the ${permission} permission, which your role does not have` };
  }
  return { ok: true, message: parsed.data };
}
