import { z } from "zod";
import { SandboxError } from "../errors.ts";

// Service tokens: "v1.<base64url(JSON claims)>.<base64url(HMAC-SHA256(secret, 'v1.' + payload))>".
// Only Web Crypto, TextEncoder and atob/btoa, so the same code signs in Node, browsers and
// Cloudflare workerd (the PartyKit room) and verifies in the service.

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

const VERSION = "v1";
export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;
const CLOCK_SKEW_SECONDS = 30;
const encoder = new TextEncoder();
const keyCache = new Map<string, Promise<CryptoKey>>();

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keyCache.get(secret);
  if (!key) {
    key = crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
    keyCache.set(secret, key);
  }
  return key;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const padded = text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4);
  try {
    return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

export interface SignServiceTokenOptions {
  secret: string;
  subject: string;
  ttlSeconds?: number;
  workspaceId?: string;
  now?: number;
}

export async function signServiceToken(options: SignServiceTokenOptions): Promise<string> {
  const iat = Math.floor((options.now ?? Date.now()) / 1000);
  const ttl = Math.min(options.ttlSeconds ?? 300, MAX_TOKEN_LIFETIME_SECONDS);
  const claims: ServiceTokenClaims = { sub: options.subject, iat, exp: iat + ttl, ...(options.workspaceId ? { ws: options.workspaceId } : {}) };
  const payload = toBase64Url(encoder.encode(JSON.stringify(claims)));
  const signature = await crypto.subtle.sign("HMAC", await hmacKey(options.secret), encoder.encode(`${VERSION}.${payload}`));
  return `${VERSION}.${payload}.${toBase64Url(new Uint8Array(signature))}`;
}

/** Verifies signature and expiry; throws UNAUTHORIZED / TOKEN_EXPIRED with the reason. */
export async function verifyServiceToken(token: string, secret: string, now = Date.now()): Promise<ServiceTokenClaims> {
  const parts = token.split(".");
  if (parts.length !== 3 || parts[0] !== VERSION) {
    throw new SandboxError("UNAUTHORIZED", "service token is malformed (expected v1.<claims>.<signature>)");
  }
  const [, payload, signaturePart] = parts as [string, string, string];
  const signature = fromBase64Url(signaturePart);
  const payloadBytes = fromBase64Url(payload);
  if (!signature || !payloadBytes) throw new SandboxError("UNAUTHORIZED", "service token is not base64url");
  // crypto.subtle.verify compares in constant time.
  const valid = await crypto.subtle.verify("HMAC", await hmacKey(secret), signature, encoder.encode(`${VERSION}.${payload}`));
  if (!valid) throw new SandboxError("UNAUTHORIZED", "service token signature is invalid");
  let claims: ServiceTokenClaims;
  try {
    claims = ServiceTokenClaimsSchema.parse(JSON.parse(new TextDecoder().decode(payloadBytes)));
  } catch {
    throw new SandboxError("UNAUTHORIZED", "service token claims are invalid");
  }
  const nowSeconds = Math.floor(now / 1000);
  if (claims.exp - claims.iat > MAX_TOKEN_LIFETIME_SECONDS) throw new SandboxError("UNAUTHORIZED", "service token lifetime exceeds 24 hours");
  if (claims.iat > nowSeconds + CLOCK_SKEW_SECONDS) throw new SandboxError("UNAUTHORIZED", "service token is issued in the future");
  if (claims.exp <= nowSeconds - CLOCK_SKEW_SECONDS) throw new SandboxError("TOKEN_EXPIRED", `service token expired at ${new Date(claims.exp * 1000).toISOString()}`);
  return claims;
}
