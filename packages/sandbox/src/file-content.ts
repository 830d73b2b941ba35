import type { FileEncoding, FileInput } from "./api/schemas.ts";
import { SandboxError } from "./errors.ts";
import { normalizeWorkspacePath } from "./workspace-path.ts";

// File contents travel as UTF-8 text when they are valid UTF-8, base64 otherwise. No node:
// imports: the client (browsers, workerd) uses this too.

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const encoder = new TextEncoder();

export function decodeFileInput(file: FileInput, maxBytes: number): { path: string; content: Uint8Array } {
  const path = normalizeWorkspacePath(file.path);
  // Reject before decoding: a base64 string is 4/3 of its bytes, UTF-8 at most 3 bytes a char.
  if (file.content.length > maxBytes * 4) throw tooLarge(path, maxBytes);
  const content = (file.encoding ?? "utf8") === "base64" ? fromBase64(file.content, path) : encoder.encode(file.content);
  if (content.byteLength > maxBytes) throw tooLarge(path, maxBytes, content.byteLength);
  return { path, content };
}

export function encodeFileContent(bytes: Uint8Array): { content: string; encoding: FileEncoding } {
  try {
    return { content: strictUtf8.decode(bytes), encoding: "utf8" };
  } catch {
    return { content: toBase64(bytes), encoding: "base64" };
  }
}

export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string, path: string): Uint8Array {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    throw new SandboxError("INVALID_REQUEST", `content of "${path}" is not valid base64`);
  }
}

function tooLarge(path: string, maxBytes: number, actual?: number): SandboxError {
  const size = actual === undefined ? "too large" : `${actual} bytes`;
  return new SandboxError("FILE_TOO_LARGE", `"${path}" is ${size}; files are limited to ${maxBytes} bytes`);
}
