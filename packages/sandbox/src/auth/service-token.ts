// Service tokens: the product's one signed token (@interviewlm/tokens, purpose
// SERVICE_TOKEN_PURPOSE) with the caller's subject and an optional workspace scope. Web Crypto
// only, so the same code signs in Node and in Cloudflare workerd (the PartyKit room) and
// verifies in the service. SANDBOX_SERVICE_SECRET signs; the previous secret still verifies
// during a rotation. The format before it ("v1.…") is still verified for the minutes such
// tokens live across a deploy.
import { isSignedToken, signToken, TokenError, verifyLegacyVersionedToken, verifyToken, type KeyInput } from "@interviewlm/tokens";
import { z } from "zod";
import { SandboxError } from "../errors.ts";

export const ServiceTokenClaimsSchema = z.object({
  /** Who is calling, e.g. "web" or "room:<sessionId>"; for logs. */
  sub: z.string().min(1).max(200),
  /** Issued-at and expiry, seconds since the epoch. */
  iat: z.number().int(),
  exp: z.number().int(),
  /** When set, the token is only valid for this workspace. */
  ws: z.string().optional(),
});
export type ServiceTokenClaims = z.infer<typeof ServiceTokenClaimsSchema>;

export const SERVICE_TOKEN_PURPOSE = "interviewlm.sandbox-service";
export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;
const CLOCK_SKEW_SECONDS = 30;
const BodySchema = ServiceTokenClaimsSchema.omit({ iat: true, exp: true });

export interface SignServiceTokenOptions {
  secret: KeyInput;
  subject: string;
  ttlSeconds?: number;
  workspaceId?: string;
  now?: number;
}

export async function signServiceToken(options: SignServiceTokenOptions): Promise<string> {
  const ttlSeconds = Math.min(options.ttlSeconds ?? 300, MAX_TOKEN_LIFETIME_SECONDS);
  const body: z.infer<typeof BodySchema> = { sub: options.subject, ...(options.workspaceId ? { ws: options.workspaceId } : {}) };
  return signToken(options.secret, SERVICE_TOKEN_PURPOSE, body, { ttlSeconds, now: options.now });
}

/** Verifies signature and expiry; throws UNAUTHORIZED / TOKEN_EXPIRED with the reason. */
export async function verifyServiceToken(token: string, secret: KeyInput, now = Date.now()): Promise<ServiceTokenClaims> {
  if (!isSignedToken(token)) return verifyLegacy(token, secret, now);
  try {
    const verified = await verifyToken(secret, SERVICE_TOKEN_PURPOSE, token, BodySchema, { now, clockSkewSeconds: CLOCK_SKEW_SECONDS, maxLifetimeSeconds: MAX_TOKEN_LIFETIME_SECONDS });
    return { ...verified.claims, iat: verified.iat!, exp: verified.exp };
  } catch (error) {
    if (!(error instanceof TokenError)) throw error;
    if (error.problem === "expired") throw new SandboxError("TOKEN_EXPIRED", `service ${error.message}`);
    if (error.problem === "too_long_lived") throw new SandboxError("UNAUTHORIZED", "service token lifetime exceeds 24 hours");
    throw new SandboxError("UNAUTHORIZED", `service ${error.message}`);
  }
}

async function verifyLegacy(token: string, secret: KeyInput, now: number): Promise<ServiceTokenClaims> {
  if (!token.startsWith("v1.") || token.split(".").length !== 3) {
    throw new SandboxError("UNAUTHORIZED", "service token is malformed (expected t1.<payload>.<signature>)");
  }
  const payload = await verifyLegacyVersionedToken(secret, "v1", token);
  if (payload === null) throw new SandboxError("UNAUTHORIZED", "service token signature is invalid");
  const parsed = ServiceTokenClaimsSchema.safeParse(payload);
  if (!parsed.success) throw new SandboxError("UNAUTHORIZED", "service token claims are invalid");
  const claims = parsed.data;
  const nowSeconds = Math.floor(now / 1000);
  if (claims.exp - claims.iat > MAX_TOKEN_LIFETIME_SECONDS) throw new SandboxError("UNAUTHORIZED", "service token lifetime exceeds 24 hours");
  if (claims.iat > nowSeconds + CLOCK_SKEW_SECONDS) throw new SandboxError("UNAUTHORIZED", "service token is issued in the future");
  if (claims.exp <= nowSeconds - CLOCK_SKEW_SECONDS) throw new SandboxError("TOKEN_EXPIRED", `service token expired at ${new Date(claims.exp * 1000).toISOString()}`);
  return claims;
}
