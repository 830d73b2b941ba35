// /parties/check/<any>: a WebSocket that answers once and closes, so the candidate portal's
// system check can prove the live connection gets through (proxies and firewalls that block
// WebSockets fail here, before the interview starts, not in the middle of it). It needs no
// token, keeps no state and touches no interview room.
import type * as Party from "partykit/server";

export default class ConnectivityCheck implements Party.Server {
  constructor(readonly room: Party.Room) {}

  static onBeforeRequest(): Response {
    return new Response("Not found", { status: 404 });
  }

  onConnect(connection: Party.Connection): void {
    connection.send(JSON.stringify({ type: "connectivity", serverTime: Date.now() }));
    connection.close(1000, "checked");
  }
}
