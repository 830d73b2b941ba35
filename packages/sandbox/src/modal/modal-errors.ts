import {
  NotFoundError,
  ResourceExhaustedError,
  SandboxFilesystemFileTooLargeError,
  SandboxFilesystemIsADirectoryError,
  SandboxFilesystemNotADirectoryError,
  SandboxFilesystemNotFoundError,
  SandboxFilesystemPathAlreadyExistsError,
  SandboxFilesystemPermissionError,
} from "modal";
import { ClientError, Status } from "nice-grpc";
import { SandboxError } from "../errors.ts";

/** Modal SDK errors in our vocabulary; `path` is the workspace-relative path involved. */
export function fromModalError(error: unknown, path: string | null): SandboxError {
  if (error instanceof SandboxError) return error;
  const subject = path === null ? "the workspace" : `"${path}"`;
  if (error instanceof SandboxFilesystemNotFoundError) return new SandboxError("FILE_NOT_FOUND", `${subject} does not exist`);
  if (error instanceof SandboxFilesystemIsADirectoryError) return new SandboxError("NOT_A_FILE", `${subject} is a directory`);
  if (error instanceof SandboxFilesystemNotADirectoryError) return new SandboxError("NOT_A_DIRECTORY", `a parent of ${subject} is not a directory`);
  if (error instanceof SandboxFilesystemFileTooLargeError) return new SandboxError("FILE_TOO_LARGE", `${subject} is too large to read`);
  if (error instanceof SandboxFilesystemPathAlreadyExistsError) return new SandboxError("ALREADY_EXISTS", `${subject} already exists`);
  if (error instanceof SandboxFilesystemPermissionError) return new SandboxError("INVALID_PATH", `${subject} is not accessible`);
  if (error instanceof ResourceExhaustedError) return new SandboxError("LIMIT_REACHED", `Modal resources exhausted: ${error.message}`);
  // Quotas Modal reports on a call (e.g. too many sandboxes) come as a gRPC status, not an SDK error class.
  if (error instanceof ClientError && error.code === Status.RESOURCE_EXHAUSTED) return new SandboxError("LIMIT_REACHED", `Modal resources exhausted: ${error.details}`);
  if (error instanceof NotFoundError) return new SandboxError("WORKSPACE_NOT_FOUND", `Modal could not find ${subject}: ${error.message}`);
  return new SandboxError("PROVIDER_FAILURE", `Modal request failed: ${(error as Error).message ?? String(error)}`, { cause: error });
}
