import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";

/** `bytes` of crypto randomness as lower-case base32 without padding (8 bytes → 13 chars). */
export function randomBase32(bytes: number): string {
  const buffer = new Uint8Array(bytes);
  crypto.getRandomValues(buffer);
  return encodeBase32LowerCaseNoPadding(buffer);
}
