export { fromBase64Url, toBase64Url } from "./encoding.ts";
export { hmacSign, hmacVerify, sha256Hex } from "./hmac.ts";
export { keyIdOf, keysOf, verificationSecrets, type KeyInput, type SigningKeys } from "./keys.ts";
export { verifyLegacyInviteToken, verifyLegacyVersionedToken } from "./legacy.ts";
export { isSignedToken, signToken, TokenError, verifyToken, type TokenProblem, type VerifiedToken } from "./signed-token.ts";
