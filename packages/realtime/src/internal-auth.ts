// Requests between the rooms and the web app's internal endpoints (recording ingest,
// session info, next question, finish) are signed: HMAC over method, path, timestamp and
// a SHA-256 of the body, with the shared ROOM_TOKEN_SECRET. A request older than the
// tolerance is refused, so a captured request cannot be replayed later. During a rotation the
// verifier also accepts the previous secret (ROOM_TOKEN_SECRET_PREVIOUS), so rooms and the web
// app need not switch at the same instant.
import { verificationSecrets, type KeyInput } from "@interviewlm/tokens";
import { hmacSign, hmacVerify, sha256Hex } from "./signing.ts";

export const INTERNAL_SIGNATURE_HEADER = "x-interviewlm-signature";
export const INTERNAL_TIMESTAMP_HEADER = "x-interviewlm-timestamp";
const TOLERANCE_SECONDS = 300;

async function canonical(method: string, path: string, timestamp: string, body: string): Promise<string> {
  return `${method.toUpperCase()}\n${path}\n${timestamp}\n${await sha256Hex(body)}`;
}

export async function signInternalRequest(
  secret: string,
  request: { method: string; path: string; body: string },
  now = Date.now(),
): Promise<Record<string, string>> {
  const timestamp = String(Math.floor(now / 1000));
  return {
    [INTERNAL_TIMESTAMP_HEADER]: timestamp,
    [INTERNAL_SIGNATURE_HEADER]: await hmacSign(secret, await canonical(request.method, request.path, timestamp, request.body)),
  };
}

export async function verifyInternalRequest(
  secret: KeyInput,
  request: { method: string; path: string; body: string; headers: Headers },
  now = Date.now(),
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const timestamp = request.headers.get(INTERNAL_TIMESTAMP_HEADER);
  const signature = request.headers.get(INTERNAL_SIGNATURE_HEADER);
  if (!timestamp || !signature) return { ok: false, reason: "missing signature headers" };
  if (!/^\d+$/.test(timestamp) || Math.abs(Math.floor(now / 1000) - Number(timestamp)) > TOLERANCE_SECONDS) {
    return { ok: false, reason: "timestamp outside the allowed window" };
  }
  const message = await canonical(request.method, request.path, timestamp, request.body);
  let valid = false;
  for (const candidate of verificationSecrets(secret)) if (!valid) valid = await hmacVerify(candidate, message, signature);
  return valid ? { ok: true } : { ok: false, reason: "signature does not match" };
}
