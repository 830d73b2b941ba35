// Who may connect: `?token=` must be a room token for this room (signature, expiry, room id),
// `?channel=` says which socket this is. Runs in the edge worker before the room sees the
// request; the verified claims travel to onConnect in a header the client cannot forge,
// because any header of that name coming from the client is dropped first.
import { RoomTokenClaimsSchema, RoomTokenError, verifyRoomToken, type RoomTokenClaims } from "@interviewlm/realtime";
import { fromBase64Url, toBase64Url } from "@interviewlm/realtime";
import { createLogger, errorMessage, requestIdFrom } from "@interviewlm/infra/log";
import { z } from "zod";
import { readRoomEnv, RoomEnvError, type RoomEnv } from "./env.ts";

export const CLAIMS_HEADER = "x-interviewlm-room-claims";
export const ChannelSchema = z.enum(["control", "yjs"]);
export type Channel = z.infer<typeof ChannelSchema>;

export interface VerifiedConnection {
  claims: RoomTokenClaims;
  channel: Channel;
  /** The browser's id for this connection (`?rid=`), on the room's log lines about it. */
  requestId: string;
}

const log = createLogger({ component: "room.auth" });
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Returns the request to forward to the room, or the response that refuses it. */
export async function authorizeConnection(request: Request, env: Record<string, unknown>, roomId: string): Promise<Request | Response> {
  let keys: ReturnType<typeof roomKeysOf>;
  try {
    keys = roomKeysOf(readRoomEnv(env));
  } catch (error) {
    log.error("room.misconfigured", { roomId, message: error instanceof RoomEnvError ? error.message : errorMessage(error) });
    return new Response("The room server is not configured", { status: 500 });
  }
  const url = new URL(request.url);
  const requestId = requestIdFrom(url.searchParams.get("rid"));
  const channel = ChannelSchema.safeParse(url.searchParams.get("channel") ?? "control");
  if (!channel.success) return refuse(400, "unknown_channel", roomId, requestId);
  const token = url.searchParams.get("token");
  if (!token) return refuse(401, "missing_token", roomId, requestId);
  let claims: RoomTokenClaims;
  try {
    claims = await verifyRoomToken(keys, token, { roomId });
  } catch (error) {
    if (error instanceof RoomTokenError) return refuse(401, error.problem, roomId, requestId);
    throw error;
  }
  const forwarded = new Request(request);
  forwarded.headers.delete(CLAIMS_HEADER);
  const verified: VerifiedConnection = { claims, channel: channel.data, requestId };
  forwarded.headers.set(CLAIMS_HEADER, toBase64Url(encoder.encode(JSON.stringify(verified))));
  return forwarded;
}

function refuse(status: number, problem: string, roomId: string, requestId: string): Response {
  log.warn("connection.refused", { room: roomId, requestId, status, problem });
  return new Response(`Connection refused: ${problem}`, { status });
}

/** Reads what authorizeConnection verified; null when the header is missing or mangled. */
export function verifiedConnectionOf(request: Request): VerifiedConnection | null {
  const header = request.headers.get(CLAIMS_HEADER);
  const bytes = header ? fromBase64Url(header) : null;
  if (!bytes) return null;
  try {
    const value = JSON.parse(decoder.decode(bytes)) as { claims?: unknown; channel?: unknown; requestId?: unknown };
    const claims = RoomTokenClaimsSchema.safeParse(value.claims);
    const channel = ChannelSchema.safeParse(value.channel);
    const requestId = requestIdFrom(typeof value.requestId === "string" ? value.requestId : null);
    return claims.success && channel.success ? { claims: claims.data, channel: channel.data, requestId } : null;
  } catch {
    return null;
  }
}

/** ROOM_TOKEN_SECRET, and during a rotation the previous one: what the room verifies with. */
export function roomKeysOf(env: Pick<RoomEnv, "ROOM_TOKEN_SECRET" | "ROOM_TOKEN_SECRET_PREVIOUS">): { current: string; previous: string[] } {
  return { current: env.ROOM_TOKEN_SECRET, previous: env.ROOM_TOKEN_SECRET_PREVIOUS ? [env.ROOM_TOKEN_SECRET_PREVIOUS] : [] };
}

/** "candidate:<id>" / "reviewer:<userId>", the recording's actor names. */
export function actorOf(claims: RoomTokenClaims): string {
  return `${claims.role}:${claims.uid}`;
}
