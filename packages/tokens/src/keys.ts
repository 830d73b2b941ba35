// Signing keys with rotation: tokens are signed with the current secret and name it by a key
// id; verifiers also accept the previous secret (`*_PREVIOUS`) until every token signed with
// it has expired. The key id is derived from the secret (not configured), so it cannot drift
// from the secret it names, and it reveals nothing about it.
import { sha256Hex } from "./hmac.ts";

export interface SigningKeys {
  /** Signs new tokens. */
  current: string;
  /** Still verifies tokens signed before a rotation. */
  previous?: readonly string[];
}

/** A plain secret, or a secret with its predecessors. */
export type KeyInput = string | SigningKeys;

export function keysOf(input: KeyInput): SigningKeys {
  return typeof input === "string" ? { current: input } : input;
}

/** The secrets to try when verifying: current first. Empty strings never count. */
export function verificationSecrets(input: KeyInput): string[] {
  const keys = keysOf(input);
  return [keys.current, ...(keys.previous ?? [])].filter((secret) => secret.length > 0);
}

const ids = new Map<string, Promise<string>>();

/** 8 hex characters of SHA-256 over a domain-separated secret. */
export function keyIdOf(secret: string): Promise<string> {
  let id = ids.get(secret);
  if (!id) {
    id = sha256Hex(`interviewlm.key-id.${secret}`).then((hex) => hex.slice(0, 8));
    ids.set(secret, id);
  }
  return id;
}
