export * from "./messages.ts";
export * from "./recording.ts";
export * from "./recording-codec.ts";
export * from "./room-token.ts";
export * from "./internal-auth.ts";
export * from "./internal-api.ts";
export { hmacSign, hmacVerify, sha256Hex, toBase64Url, fromBase64Url } from "./signing.ts";
export * from "./agent.ts";
