// Where the room lives and how to reach it. The web app hands out `roomHost` as a URL
// ("http://127.0.0.1:1999", "https://rooms.example.com") or a bare host; partysocket and
// y-partykit guess ws/wss from private-network prefixes only, so we decide from the scheme.
import { fromBase64Url } from "@interviewlm/realtime";

export interface RoomEndpoint {
  /** host[:port] without scheme, as partysocket and y-partykit expect. */
  host: string;
  protocol: "ws" | "wss" | undefined;
}

export function roomEndpoint(roomHost: string): RoomEndpoint {
  const match = /^(https?|wss?):\/\//i.exec(roomHost);
  const host = roomHost.replace(/^(https?|wss?):\/\//i, "").replace(/\/+$/, "");
  if (!match) return { host, protocol: undefined };
  const scheme = match[1]!.toLowerCase();
  return { host, protocol: scheme === "https" || scheme === "wss" ? "wss" : "ws" };
}

/**
 * When the room token stops being accepted (ms since the epoch), read from its claims.
 * Only for scheduling a refresh: the room verifies the signature, the browser cannot.
 */
export function roomTokenExpiresAt(token: string): number | null {
  const payload = token.split(".")[1];
  const bytes = payload ? fromBase64Url(payload) : null;
  if (!bytes) return null;
  try {
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    const exp = (claims as { exp?: unknown }).exp;
    return typeof exp === "number" ? exp * 1000 : null;
  } catch {
    return null;
  }
}
