// Short-lived room tokens: minted by the web app for a candidate (from the invite link) or
// a reviewer (from their session), verified by the room in onBeforeConnect. The format is the
// product's one signed token (@interviewlm/tokens, purpose ROOM_TOKEN_PURPOSE); ROOM_TOKEN_SECRET
// signs, and ROOM_TOKEN_SECRET_PREVIOUS still verifies during a rotation. The format before it
// ("r1.…") is still verified for the few minutes such tokens live across a deploy.
import { isSignedToken, signToken, TokenError, verifyLegacyVersionedToken, verifyToken, type KeyInput } from "@interviewlm/tokens";
import { z } from "zod";

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

export const ROOM_TOKEN_PURPOSE = "interviewlm.room";
export const ROOM_TOKEN_TTL_SECONDS = 10 * 60;
const CLOCK_SKEW_SECONDS = 30;

/** The claims inside the signed envelope (which carries iat and exp itself). */
const RoomTokenBodySchema = RoomTokenClaimsSchema.omit({ iat: true, exp: true });

export async function signRoomToken(
  keys: KeyInput,
  claims: Omit<RoomTokenClaims, "iat" | "exp" | "perms"> & { perms?: RoomPermission[] },
  options: { ttlSeconds?: number; now?: number } = {},
): Promise<string> {
  const body: z.input<typeof RoomTokenBodySchema> = { ...claims, perms: claims.perms ?? [] };
  return signToken(keys, ROOM_TOKEN_PURPOSE, body, { ttlSeconds: options.ttlSeconds ?? ROOM_TOKEN_TTL_SECONDS, now: options.now });
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
  keys: KeyInput,
  token: string,
  options: { roomId?: string; now?: number } = {},
): Promise<RoomTokenClaims> {
  const claims = isSignedToken(token) ? await verifySigned(keys, token, options.now) : await verifyLegacy(keys, token, options.now);
  if (options.roomId !== undefined && claims.sid !== options.roomId) {
    throw new RoomTokenError("wrong_room", "room token is for another interview");
  }
  return claims;
}

async function verifySigned(keys: KeyInput, token: string, now: number | undefined): Promise<RoomTokenClaims> {
  try {
    const verified = await verifyToken(keys, ROOM_TOKEN_PURPOSE, token, RoomTokenBodySchema, { now, clockSkewSeconds: CLOCK_SKEW_SECONDS });
    return { ...verified.claims, iat: verified.iat ?? verified.exp, exp: verified.exp };
  } catch (error) {
    if (!(error instanceof TokenError)) throw error;
    if (error.problem === "expired") throw new RoomTokenError("expired", "room token has expired");
    if (error.problem === "malformed") throw new RoomTokenError("malformed", "room token is malformed");
    throw new RoomTokenError("bad_signature", `room token is not valid (${error.problem})`);
  }
}

/** "r1." tokens minted before the shared format; they live ten minutes. */
async function verifyLegacy(keys: KeyInput, token: string, nowMs: number | undefined): Promise<RoomTokenClaims> {
  if (!token.startsWith("r1.") || token.split(".").length !== 3) throw new RoomTokenError("malformed", "room token is malformed");
  const payload = await verifyLegacyVersionedToken(keys, "r1", token);
  if (payload === null) throw new RoomTokenError("bad_signature", "room token signature is invalid");
  const claims = RoomTokenClaimsSchema.safeParse(payload);
  if (!claims.success) throw new RoomTokenError("malformed", "room token claims are malformed");
  const now = Math.floor((nowMs ?? Date.now()) / 1000);
  if (claims.data.exp + CLOCK_SKEW_SECONDS < now) throw new RoomTokenError("expired", "room token has expired");
  return claims.data;
}
