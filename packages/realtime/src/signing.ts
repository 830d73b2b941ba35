// Signing lives in @interviewlm/tokens (one module for every signed thing); re-exported here
// for the room and web code that imports it from realtime.
export { fromBase64Url, hmacSign, hmacVerify, sha256Hex, toBase64Url } from "@interviewlm/tokens";
