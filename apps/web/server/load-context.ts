import type { RequestAuth } from "@interviewlm/api";
import type { Logger } from "@interviewlm/infra/log";
import type { WebServices } from "./services.ts";

declare module "@remix-run/node" {
  interface AppLoadContext {
    services: WebServices;
    /** The client's IP as Express sees it (proxy-aware when TRUST_PROXY is set). */
    clientIp: string | null;
    /** The session, validated once per request by the server (null when signed out). */
    auth: RequestAuth | null;
    /** This response's Content-Security-Policy nonce (server/security-headers.ts). */
    cspNonce: string;
    /** This request's id (x-request-id), also on every line `log` writes while serving it. */
    requestId: string;
    log: Logger;
  }
}

export {};
