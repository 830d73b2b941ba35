// Loaders and actions call the same tRPC procedures as the browser does, through a
// server-side caller: one place for validation, authorisation and tenancy.
import { createApiContext, createCaller, type ErrorShapeData } from "@interviewlm/api";
import type { AppLoadContext } from "@remix-run/node";
import { TRPCError } from "@trpc/server";
import { errorShapeData } from "@interviewlm/api/errors";
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
  message: string;
}

/** Turns a tRPC error into what a form shows: a summary line and per-field messages. */
export function toActionFailure(error: unknown): ActionFailure {
  if (error instanceof TRPCError) {
    const data = errorShapeData(error.cause);
    const message = data.fieldErrors && error.code === "BAD_REQUEST" && !data.retryAfterSeconds
      ? "Some fields need attention."
      : error.message;
    return { ok: false, code: error.code, message, ...data };
  }
  throw error;
}
