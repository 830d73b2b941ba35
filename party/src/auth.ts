// Who may connect: `?token=` must be a room token for this room (signature, expiry, room id),
// `?channel=` says which socket this is. Runs in the edge worker before the room sees the
// request; the verified claims travel to onConnect in a header the client cannot forge,
// because any header of that name coming from the client is dropped first.
import { RoomTokenClaimsSchema, RoomTokenError, verifyRoomToken, type RoomTokenClaims } from "@interviewlm/realtime";
import { fromBase64Url, toBase64Url } from "@interviewlm/realtime";
import { z } from "zod";
import { readRoomEnv, RoomEnvError, type RoomEnv } from "./env.ts";

export const CLAIMS_HEADER = "x-interviewlm-room-claims";
export const ChannelSchema = z.enum(["control", "yjs"]);
export type Channel = z.infer<typeof ChannelSchema>;

export interface VerifiedConnection {
  claims: RoomTokenClaims;
  channel: Channel;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Returns the request to forward to the room, or the response that refuses it. */
export async function authorizeConnection(request: Request, env: Record<string, unknown>, roomId: string): Promise<Request | Response> {
  let keys: ReturnType<typeof roomKeysOf>;
  try {
    keys = roomKeysOf(readRoomEnv(env));
  } catch (error) {
    console.error(error instanceof RoomEnvError ? error.message : error);
    return new Response("The room server is not configured", { status: 500 });
  }
  const url = new URL(request.url);
  const channel = ChannelSchema.safeParse(url.searchParams.get("channel") ?? "control");
  if (!channel.success) return refuse(400, "unknown_channel", roomId);
  const token = url.searchParams.get("token");
  if (!token) return refuse(401, "missing_token", roomId);
  let claims: RoomTokenClaims;
  try {
    claims = await verifyRoomToken(keys, token, { roomId });
  } catch (error) {
    if (error instanceof RoomTokenError) return refuse(401, error.problem, roomId);
    throw error;
  }
  const forwarded = new Request(request);
  forwarded.headers.delete(CLAIMS_HEADER);
  const verified: VerifiedConnection = { claims, channel: channel.data };
  forwarded.headers.set(CLAIMS_HEADER, toBase64Url(encoder.encode(JSON.stringify(verified))));
  return forwarded;
}

function refuse(status: number, problem: string, roomId: string): Response {
  console.warn(JSON.stringify({ level: "warn", event: "connection.refused", room: roomId, status, problem }));
  return new Response(`Connection refused: ${problem}`, { status });
}

/** Reads what authorizeConnection verified; null when the header is missing or mangled. */
export function verifiedConnectionOf(request: Request): VerifiedConnection | null {
  const header = request.headers.get(CLAIMS_HEADER);
  const bytes = header ? fromBase64Url(header) : null;
  if (!bytes) return null;
  try {
    const value = JSON.parse(decoder.decode(bytes)) as { claims?: unknown; channel?: unknown };
    const claims = RoomTokenClaimsSchema.safeParse(value.claims);
    const channel = ChannelSchema.safeParse(value.channel);
    return claims.success && channel.success ? { claims: claims.data, channel: channel.data } : null;
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
