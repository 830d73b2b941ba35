// argon2id with the OWASP Password Storage Cheat Sheet's first configuration
// (m=19456 KiB, t=2, p=1): ~20 MiB and a few tens of ms per hash on a server core.
import { hash, parseOptions, verify } from "@node-rs/argon2";

export { PasswordSchema, EmailSchema, NameSchema, PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH } from "./schemas.ts";

export const PASSWORD_HASH_OPTIONS = {
  // @node-rs/argon2 declares Algorithm as an ambient const enum, which isolatedModules
  // cannot reference; 2 is Algorithm.Argon2id.
  algorithm: 2,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const;

/** A PHC string, `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`, with a fresh random salt. */
export async function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_OPTIONS);
}

/** Whether `password` matches `hash`. A malformed stored hash is a mismatch, not a crash. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await verify(hash, password);
  } catch {
    return false;
  }
}

/** True when a hash was made with weaker/different parameters: rehash after a successful login. */
export function passwordNeedsRehash(hash: string): boolean {
  try {
    const options = parseOptions(hash);
    return (
      options.algorithm !== PASSWORD_HASH_OPTIONS.algorithm ||
      options.memoryCost !== PASSWORD_HASH_OPTIONS.memoryCost ||
      options.timeCost !== PASSWORD_HASH_OPTIONS.timeCost ||
      options.parallelism !== PASSWORD_HASH_OPTIONS.parallelism
    );
  } catch {
    return true;
  }
}
