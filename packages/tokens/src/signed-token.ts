// The one signed-token format of the product (room tokens, sandbox service tokens, candidate
// invite links):
//
//   t1.<base64url(JSON { pur, kid, iat?, exp, c })>.<base64url(HMAC-SHA256(secret, "t1.<pur>.<payload>"))>
//
// - `pur` (purpose) is both in the payload and in the signed message, so a token made for one
//   purpose never verifies as another even when the same secret signs both;
// - `kid` names the secret that signed it (keys.ts), so verifiers pick the right one during a
//   rotation and say "unknown key" rather than "bad signature" for a retired one;
// - `exp` (and optional `iat`) are seconds since the epoch; `c` holds the purpose's claims,
//   parsed with the caller's zod schema.
import type { z } from "zod";
import { fromBase64Url, toBase64Url } from "./encoding.ts";
import { hmacSign, hmacVerify } from "./hmac.ts";
import { keyIdOf, keysOf, verificationSecrets, type KeyInput } from "./keys.ts";

const VERSION = "t1";
const DEFAULT_CLOCK_SKEW_SECONDS = 30;
const MAX_TOKEN_CHARS = 8192;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export type TokenProblem = "malformed" | "wrong_purpose" | "unknown_key" | "bad_signature" | "expired" | "not_yet_valid" | "too_long_lived";

export class TokenError extends Error {
  constructor(
    readonly problem: TokenProblem,
    message: string,
  ) {
    super(message);
    this.name = "TokenError";
  }
}

export interface VerifiedToken<C> {
  claims: C;
  /** Seconds since the epoch. */
  exp: number;
  iat: number | undefined;
  kid: string;
}

interface Envelope {
  pur: string;
  kid: string;
  iat?: number;
  exp: number;
  c: unknown;
}

/**
 * Signs `claims` for `purpose`. `expiresAt` (seconds) or `ttlSeconds` sets `exp`; `issuedAt`
 * false leaves `iat` out, which makes the token a pure function of its inputs (an invite link
 * rebuilt later is the same link).
 */
export async function signToken(
  keys: KeyInput,
  purpose: string,
  claims: unknown,
  options: { ttlSeconds: number; now?: number; issuedAt?: boolean } | { expiresAt: number; now?: number; issuedAt?: boolean },
): Promise<string> {
  const { current } = keysOf(keys);
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  const exp = "expiresAt" in options ? options.expiresAt : now + options.ttlSeconds;
  const envelope: Envelope = { pur: purpose, kid: await keyIdOf(current), ...(options.issuedAt === false ? {} : { iat: now }), exp, c: claims };
  const payload = toBase64Url(encoder.encode(JSON.stringify(envelope)));
  return `${VERSION}.${payload}.${await hmacSign(current, signedMessage(purpose, payload))}`;
}

export function isSignedToken(token: string): boolean {
  return token.startsWith(`${VERSION}.`);
}

/** Verifies format, purpose, key, signature, expiry (unless `checkExpiry` is false) and claims. */
export async function verifyToken<S extends z.ZodType>(
  keys: KeyInput,
  purpose: string,
  token: string,
  schema: S,
  options: { now?: number; clockSkewSeconds?: number; maxLifetimeSeconds?: number; checkExpiry?: boolean } = {},
): Promise<VerifiedToken<z.infer<S>>> {
  if (typeof token !== "string" || token.length > MAX_TOKEN_CHARS) throw new TokenError("malformed", "token is malformed");
  const parts = token.split(".");
  if (parts.length !== 3 || parts[0] !== VERSION) throw new TokenError("malformed", `token is malformed (expected ${VERSION}.<payload>.<signature>)`);
  const [, payload, signature] = parts as [string, string, string];
  const envelope = parseEnvelope(payload);
  if (envelope.pur !== purpose) throw new TokenError("wrong_purpose", `token is for ${JSON.stringify(envelope.pur)}, not ${JSON.stringify(purpose)}`);
  let secret: string | undefined;
  for (const candidate of verificationSecrets(keys)) if ((await keyIdOf(candidate)) === envelope.kid) secret = candidate;
  if (!secret) throw new TokenError("unknown_key", "token signature is invalid: signed with a key that is not (or no longer) accepted");
  if (!(await hmacVerify(secret, signedMessage(purpose, payload), signature))) throw new TokenError("bad_signature", "token signature is invalid");

  const now = Math.floor((options.now ?? Date.now()) / 1000);
  const skew = options.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS;
  if (envelope.iat !== undefined && envelope.iat > now + skew) throw new TokenError("not_yet_valid", "token is issued in the future");
  if (options.maxLifetimeSeconds !== undefined && (envelope.iat === undefined || envelope.exp - envelope.iat > options.maxLifetimeSeconds)) {
    throw new TokenError("too_long_lived", `token lifetime exceeds ${options.maxLifetimeSeconds} seconds`);
  }
  if (options.checkExpiry !== false && envelope.exp + skew < now) throw new TokenError("expired", `token expired at ${new Date(envelope.exp * 1000).toISOString()}`);
  const claims = schema.safeParse(envelope.c);
  if (!claims.success) throw new TokenError("malformed", "token claims are malformed");
  return { claims: claims.data, exp: envelope.exp, iat: envelope.iat, kid: envelope.kid };
}

function signedMessage(purpose: string, payload: string): string {
  return `${VERSION}.${purpose}.${payload}`;
}

function parseEnvelope(payload: string): Envelope {
  const bytes = fromBase64Url(payload);
  let value: unknown;
  try {
    value = bytes ? JSON.parse(decoder.decode(bytes)) : null;
  } catch {
    value = null;
  }
  const v = value as Partial<Envelope> | null;
  const int = (n: unknown) => typeof n === "number" && Number.isSafeInteger(n);
  if (!v || typeof v.pur !== "string" || typeof v.kid !== "string" || !int(v.exp) || (v.iat !== undefined && !int(v.iat)) || !("c" in v)) {
    throw new TokenError("malformed", "token payload is malformed");
  }
  return v as Envelope;
}
