// Single-use opaque tokens (email verification, password reset, invitations). The link
// carries the token; the database keeps only its SHA-256, so a leaked table cannot be used
// to verify, reset or join. Lookup is by the hash's unique index: with 200 bits of entropy
// there is nothing to learn from timing, so no constant-time compare is needed.
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { randomBase32 } from "./random.ts";

/** 25 random bytes = 200 bits, as 40 lower-case base32 chars: URL-safe without escaping. */
export function generateOpaqueToken(): string {
  return randomBase32(25);
}

/**
 * SHA-256 hex of the token: the value stored in `tokenHash` columns. Base32 is
 * case-insensitive, so a token re-cased by a mail client or typed by hand still matches.
 */
export function hashOpaqueToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token.trim().toLowerCase())));
}
