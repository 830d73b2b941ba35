// Loaders and actions call the same tRPC procedures as the browser does, through a
// server-side caller: one place for validation, authorisation and tenancy.
import { createApiContext, createCaller, type ErrorShapeData } from "@interviewlm/api";
import type { AppLoadContext } from "@remix-run/node";
import { TRPCError } from "@trpc/server";
import { errorShapeData, httpStatusOf } from "@interviewlm/api/errors";
import "../../server/load-context.ts";

export async function serverApi(request: Request, context: AppLoadContext) {
  const resHeaders = new Headers();
  const ctx = await createApiContext({
    deps: context.services.deps,
    request,
    resHeaders,
    ipAddress: context.clientIp,
    auth: context.auth,
  });
  return { api: createCaller(ctx), auth: ctx.auth, resHeaders };
}

export interface ActionFailure extends ErrorShapeData {
  ok: false;
  code: string;
  /** The HTTP status of the refusal, from the one map every endpoint uses (packages/api errors.ts). */
  status: number;
  message: string;
}

/** Turns a tRPC error into what a form shows: a summary line and per-field messages. */
export function toActionFailure(error: unknown): ActionFailure {
  if (error instanceof TRPCError) {
    const data = errorShapeData(error.cause);
    const message = data.fieldErrors && error.code === "BAD_REQUEST" && !data.retryAfterSeconds
      ? "Some fields need attention."
      : error.message;
    return { ok: false, code: error.code, status: httpStatusOf(error), message, ...data };
  }
  throw error;
}

// Reason phrases for the root error boundary's title (pages inside /app word their own).
const STATUS_TITLES: Record<number, string> = {
  400: "Invalid request",
  401: "Log in to continue",
  403: "Not allowed",
  404: "Not Found",
  409: "Conflict",
  412: "Cannot do that now",
  429: "Too many requests",
  503: "Not available right now",
};

/** A refused call as the HTTP answer an error boundary renders: its status, and the procedure's message for people. */
export function failureResponse(failure: ActionFailure): Response {
  return new Response(failure.message, { status: failure.status, statusText: STATUS_TITLES[failure.status] ?? "Something went wrong" });
}

/** For loaders and action-only routes, which have no form to show an error beside; anything but a refused call is rethrown as is. */
export function throwAsResponse(error: unknown): never {
  throw failureResponse(toActionFailure(error));
}
