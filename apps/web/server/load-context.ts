import type { RequestAuth } from "@interviewlm/api";
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
  }
}

export {};
