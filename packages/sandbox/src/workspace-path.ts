import { SandboxError } from "./errors.ts";

// Paths in the API are relative to the workspace root, '/'-separated, and never leave it.
// Checked lexically here (shared by client and service); providers additionally refuse to
// follow symlinks on the host (see local/safe-fs.ts).
const MAX_PATH_BYTES = 1024;
const MAX_SEGMENT_BYTES = 255;
const encoder = new TextEncoder();

export function normalizeWorkspacePath(input: string): string {
  const fail = (why: string): never => {
    throw new SandboxError("INVALID_PATH", `path "${input.slice(0, 200)}" ${why}`);
  };
  if (typeof input !== "string" || input.length === 0) fail("is empty");
  if (input.startsWith("/")) fail("is absolute; paths are relative to the workspace root");
  if (input.includes("\\")) fail("contains a backslash; use '/'");
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(input)) fail("contains a control character");
  if (encoder.encode(input).length > MAX_PATH_BYTES) fail(`is longer than ${MAX_PATH_BYTES} bytes`);
  const segments = input.replace(/\/+$/, "").split("/");
  for (const segment of segments) {
    if (segment === "") fail("contains an empty segment ('//')");
    if (segment === "..") fail("climbs out of the workspace ('..')");
    if (segment === ".") fail("contains a '.' segment");
    if (encoder.encode(segment).length > MAX_SEGMENT_BYTES) fail(`has a segment longer than ${MAX_SEGMENT_BYTES} bytes`);
  }
  return segments.join("/");
}

export function splitWorkspacePath(path: string): { parents: string[]; name: string } {
  const segments = normalizeWorkspacePath(path).split("/");
  const name = segments.pop() as string;
  return { parents: segments, name };
}
