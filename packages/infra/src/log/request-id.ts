// Request ids follow one request across processes in the `x-request-id` header: the browser's
// request to the web app, the room's calls to the web app and the sandbox service, and the web
// app's calls to the sandbox service. An id that arrives is kept if it looks like one of ours
// (or a proxy's); anything else is replaced, so a header cannot inject text into the logs.
export { REQUEST_ID_HEADER } from "../http/request-json.ts";

const ACCEPTABLE = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * A fresh id: random, URL- and log-safe. crypto.randomUUID exists in Node 20 and workerd, but
 * browsers offer it only on secure origins; getRandomValues works everywhere.
 */
export function newRequestId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** The incoming id when it is acceptable, otherwise a fresh one. */
export function requestIdFrom(incoming: string | null | undefined): string {
  return incoming && ACCEPTABLE.test(incoming) ? incoming : newRequestId();
}
