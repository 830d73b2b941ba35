import type { IncomingMessage } from "node:http";
import { SandboxError } from "@interviewlm/sandbox";

/** Reads a JSON body, refusing more than `limit` bytes before buffering them. */
export async function readJsonBody(request: IncomingMessage, limit: number): Promise<unknown> {
  const declared = Number(request.headers["content-length"] ?? "0");
  if (declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new SandboxError("INVALID_REQUEST", "request body is not valid JSON");
  }
}

function tooLarge(limit: number): SandboxError {
  return new SandboxError("FILE_TOO_LARGE", `request body exceeds ${Math.round(limit / 1024 / 1024)} MB`);
}
