// The formats before t1, verified (never signed) so that what is already out there keeps
// working: candidate invite links sit in inboxes for weeks; room (r1) and sandbox service (v1)
// tokens live minutes, but web app, rooms and sandbox service are not deployed at the same
// instant. Remove the r1/v1 path once a deploy has settled; keep the invite path until every
// invite signed before t1 has expired (their longest validity).
import { fromBase64Url } from "./encoding.ts";
import { hmacVerify } from "./hmac.ts";
import { verificationSecrets, type KeyInput } from "./keys.ts";

const decoder = new TextDecoder();

/** "<version>.<base64url JSON>.<base64url HMAC(secret, '<version>.' + payload)>" — room r1, service v1. Null if not valid. */
export async function verifyLegacyVersionedToken(keys: KeyInput, version: "r1" | "v1", token: string): Promise<unknown> {
  const parts = token.split(".");
  if (parts.length !== 3 || parts[0] !== version) return null;
  const [, payload, signature] = parts as [string, string, string];
  for (const secret of verificationSecrets(keys)) {
    if (await hmacVerify(secret, `${version}.${payload}`, signature)) return decodeJson(payload);
  }
  return null;
}

/** "<base64url JSON>.<base64url HMAC(secret, 'interviewlm.candidate-invite.v1.' + payload)>" — invite links. Null if not valid. */
export async function verifyLegacyInviteToken(keys: KeyInput, token: string): Promise<unknown> {
  const parts = token.split(".");
  if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
  const [payload, signature] = parts as [string, string];
  for (const secret of verificationSecrets(keys)) {
    if (await hmacVerify(secret, `interviewlm.candidate-invite.v1.${payload}`, signature)) return decodeJson(payload);
  }
  return null;
}

function decodeJson(payload: string): unknown {
  const bytes = fromBase64Url(payload);
  if (!bytes) return null;
  try {
    return JSON.parse(decoder.decode(bytes)) as unknown;
  } catch {
    return null;
  }
}
