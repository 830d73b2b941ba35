// Short-lived room tokens: minted by the web app for a candidate (from the invite link) or
// a reviewer (from their session), verified by the room in onBeforeConnect.
// Format: "r1.<base64url(JSON claims)>.<base64url(HMAC-SHA256(secret, 'r1.' + payload))>".
import { z } from "zod";
import { fromBase64Url, hmacSign, hmacVerify, toBase64Url } from "./signing.ts";

export const RoomRoleSchema = z.enum(["candidate", "reviewer"]);
export type RoomRole = z.infer<typeof RoomRoleSchema>;

/**
 * What a reviewer may do inside a room: the room-level entries of the permission table in
 * packages/auth (the web app copies them from the reviewer's organisation role into the token,
 * so the room, which cannot ask the database, enforces the same table).
 */
export const ROOM_PERMISSIONS = ["notes:write"] as const;
export const RoomPermissionSchema = z.enum(ROOM_PERMISSIONS);
export type RoomPermission = z.infer<typeof RoomPermissionSchema>;

export const RoomTokenClaimsSchema = z.object({
  /** Interview session id = room id. */
  sid: z.string().min(1).max(64),
  role: RoomRoleSchema,
  /** Candidate id or reviewer user id. */
  uid: z.string().min(1).max(64),
  /** Display name for presence. */
  name: z.string().min(1).max(120),
  /** Room-level permissions; absent means none (tokens minted before permissions existed). */
  perms: z.array(RoomPermissionSchema).max(ROOM_PERMISSIONS.length).default([]),
  /**
   * Reviewers: the version of their membership when the token was minted (its updatedAt, ms).
   * The room refuses tokens older than a revocation it was told about (room-admin.ts).
   */
  mv: z.number().int().nonnegative().optional(),
  iat: z.number().int(),
  exp: z.number().int(),
});
export type RoomTokenClaims = z.infer<typeof RoomTokenClaimsSchema>;

const VERSION = "r1";
export const ROOM_TOKEN_TTL_SECONDS = 10 * 60;
const CLOCK_SKEW_SECONDS = 30;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export async function signRoomToken(
  secret: string,
  claims: Omit<RoomTokenClaims, "iat" | "exp" | "perms"> & { perms?: RoomPermission[] },
  options: { ttlSeconds?: number; now?: number } = {},
): Promise<string> {
  const iat = Math.floor((options.now ?? Date.now()) / 1000);
  const full: RoomTokenClaims = { ...claims, perms: claims.perms ?? [], iat, exp: iat + (options.ttlSeconds ?? ROOM_TOKEN_TTL_SECONDS) };
  const payload = toBase64Url(encoder.encode(JSON.stringify(full)));
  return `${VERSION}.${payload}.${await hmacSign(secret, `${VERSION}.${payload}`)}`;
}

export type RoomTokenProblem = "malformed" | "bad_signature" | "expired" | "wrong_room";

export class RoomTokenError extends Error {
  constructor(readonly problem: RoomTokenProblem, message: string) {
    super(message);
    this.name = "RoomTokenError";
  }
}

/** Verifies signature, expiry and (when given) that the token is for this room. */
export async function verifyRoomToken(
  secret: string,
  token: string,
  options: { roomId?: string; now?: number } = {},
): Promise<RoomTokenClaims> {
  const parts = token.split(".");
  if (parts.length !== 3 || parts[0] !== VERSION) throw new RoomTokenError("malformed", "room token is malformed");
  const [, payload, signature] = parts as [string, string, string];
  if (!(await hmacVerify(secret, `${VERSION}.${payload}`, signature))) {
    throw new RoomTokenError("bad_signature", "room token signature is invalid");
  }
  const bytes = fromBase64Url(payload);
  let claims: RoomTokenClaims;
  try {
    claims = RoomTokenClaimsSchema.parse(JSON.parse(decoder.decode(bytes ?? new Uint8Array())));
  } catch {
    throw new RoomTokenError("malformed", "room token claims are malformed");
  }
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  if (claims.exp + CLOCK_SKEW_SECONDS < now) throw new RoomTokenError("expired", "room token has expired");
  if (options.roomId !== undefined && claims.sid !== options.roomId) {
    throw new RoomTokenError("wrong_room", "room token is for another interview");
  }
  return claims;
}
