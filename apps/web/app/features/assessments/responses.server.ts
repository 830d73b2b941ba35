// Loaders and action-only routes have no form to show an error beside, so a refused call
// becomes the HTTP answer the root error boundary renders (404 page, 403 message…).
import { TRPCError } from "@trpc/server";

const answers: Partial<Record<TRPCError["code"], [status: number, title: string]>> = {
  BAD_REQUEST: [400, "Invalid request"],
  UNAUTHORIZED: [401, "Log in to continue"],
  FORBIDDEN: [403, "Not allowed"],
  NOT_FOUND: [404, "Not Found"],
  CONFLICT: [409, "Conflict"],
  PRECONDITION_FAILED: [412, "Cannot do that now"],
  TOO_MANY_REQUESTS: [429, "Too many requests"],
};

/** Rethrows a tRPC error as a Response with the matching status; anything else as is. */
export function throwAsResponse(error: unknown): never {
  if (error instanceof TRPCError) {
    const [status, statusText] = answers[error.code] ?? [500, "Something went wrong"];
    throw new Response(error.message, { status, statusText });
  }
  throw error;
}
