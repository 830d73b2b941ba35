// Each request's id: taken from x-request-id when a caller (a room, a proxy) sent an acceptable
// one, otherwise new; echoed on the response; on every log line written while the request is
// served; and sent on to the sandbox service by the sandbox client. AsyncLocalStorage carries it
// through the async work of the request without threading it through every call.
import { AsyncLocalStorage } from "node:async_hooks";
import { createLogger, REQUEST_ID_HEADER, requestIdFrom, type Logger } from "@interviewlm/infra/log";
import type { RequestHandler } from "express";

const current = new AsyncLocalStorage<{ requestId: string }>();

export function currentRequestId(): string | undefined {
  return current.getStore()?.requestId;
}

/** The web process's logger: every line written during a request carries its id. */
export const log: Logger = createLogger({ service: "web" }, { context: () => ({ requestId: currentRequestId() }) });

// Paths that carry a credential (invite links, password resets, email verification, candidate
// data links) are logged without it.
const CREDENTIAL_PATHS = /^\/(i|invitations|reset-password|verify-email|your-data\/(?:download|archive|erase)|your-data)\/[^/]+/;

export function loggablePath(path: string): string {
  return path.replace(CREDENTIAL_PATHS, (_match, prefix: string) => `/${prefix}/:token`);
}

export function requestContext(options: { skip(path: string, status: number): boolean }): RequestHandler {
  return (req, res, next) => {
    const requestId = requestIdFrom(req.get(REQUEST_ID_HEADER));
    res.setHeader(REQUEST_ID_HEADER, requestId);
    res.locals.requestId = requestId;
    const started = performance.now();
    res.on("finish", () => {
      if (options.skip(req.path, res.statusCode)) return;
      const fields = { requestId, method: req.method, path: loggablePath(req.path), status: res.statusCode, ms: Math.round(performance.now() - started) };
      if (res.statusCode >= 500) log.warn("http.request", fields);
      else log.info("http.request", fields);
    });
    current.run({ requestId }, next);
  };
}
