// The interview room: one PartyKit room per interview session (room id = session id), at
// /parties/main/<sessionId>. Two sockets per browser, chosen by `?channel=`:
//   yjs     — the editor document, synced by y-partykit (read-only for reviewers);
//   control — JSON messages of packages/realtime (welcome, terminal, tests, session, notes…).
// Both need `?token=<room token>`; onBeforeConnect refuses anything else with 401.
// The HTTP endpoints are the web app's signed access revocation (access.ts) and erasure
// (erasure.ts); an erased room refuses every connection and runs nothing.
import type * as Party from "partykit/server";
import { CLOSE_ACCESS_REVOKED, CLOSE_ROOM_ERASED, ROOM_ADMIN_PATHS } from "@interviewlm/realtime";
import { createLogger } from "@interviewlm/infra/log";
import { authorizeConnection, roomKeysOf, verifiedConnectionOf } from "./auth.ts";
import { ControlChannel } from "./control-channel.ts";
import { handleEraseRequest, isEraseRequest, isRoomErased } from "./erasure.ts";
import { readRoomEnv } from "./env.ts";
import { RoomRuntime } from "./room-runtime.ts";
import { erasable } from "./storage.ts";

export default class InterviewRoom implements Party.Server {
  private ready: Promise<{ runtime: RoomRuntime; control: ControlChannel }> | null = null;
  /** Read from storage once; set by an erase. */
  private erased: Promise<boolean> | null = null;
  /** Set the moment a verified erase begins: the runtime's storage drops writes from then on. */
  private erasing = false;

  constructor(readonly room: Party.Room) {}

  static async onBeforeConnect(request: Party.Request, lobby: Party.Lobby): Promise<Party.Request | Response> {
    // Party.Request is Cloudflare's Request type; the runtime object is the standard one.
    return (await authorizeConnection(request as unknown as Request, lobby.env, lobby.id)) as Party.Request | Response;
  }

  /** Only the access revocation and the erasure reach the room (verified there, where the body is read). */
  static onBeforeRequest(request: Party.Request, lobby: Party.Lobby): Party.Request | Response {
    const { pathname } = new URL(request.url);
    if (request.method === "POST" && pathname === ROOM_ADMIN_PATHS.revokeAccess(lobby.id)) return request;
    if (isEraseRequest(request, lobby.id)) return request;
    return new Response("Not found", { status: 404 });
  }

  async onRequest(request: Party.Request): Promise<Response> {
    // Erasing must not start the runtime: that would reconnect the workspace it is about to lose.
    if (isEraseRequest(request, this.room.id)) {
      const env = readRoomEnv(this.room.env);
      const response = await handleEraseRequest(request as unknown as Request, this.room, roomKeysOf(env), createLogger({ room: this.room.id }), () => {
        this.erasing = true;
        this.erased = Promise.resolve(true);
      });
      return response as unknown as Response;
    }
    if (await this.isErased()) return new Response(JSON.stringify({ error: "this room was erased" }), { status: 410 }) as unknown as Response;
    const { runtime } = await this.start();
    return (await runtime.access.handle(request as unknown as Request, runtime.sessionId, roomKeysOf(runtime.env))) as unknown as Response;
  }

  async onStart(): Promise<void> {
    if (await this.isErased()) return;
    await this.start();
  }

  private isErased(): Promise<boolean> {
    this.erased ??= isRoomErased(this.room.storage).catch((error: unknown) => {
      this.erased = null;
      throw error;
    });
    return this.erased;
  }

  /**
   * PartyKit does not hold other events while onStart runs, so every handler awaits the same
   * start; a failed start is retried by the next event instead of poisoning the room.
   */
  private start() {
    this.ready ??= RoomRuntime.start(this.room, erasable(this.room.storage, () => this.erasing))
      .then((runtime) => ({ runtime, control: new ControlChannel(runtime) }))
      .catch((error: unknown) => {
        this.ready = null;
        throw error;
      });
    return this.ready;
  }

  async onConnect(conn: Party.Connection, ctx: Party.ConnectionContext): Promise<void> {
    const verified = verifiedConnectionOf(ctx.request as unknown as Request);
    if (!verified) {
      conn.close(1008, "unauthorized");
      return;
    }
    if (await this.isErased()) {
      conn.close(CLOSE_ROOM_ERASED, "the interview's data was erased");
      return;
    }
    const { runtime, control } = await this.start();
    // A token verified at the edge may belong to a member removed since (see access.ts).
    if (runtime.access.isRevoked(verified.claims)) {
      conn.close(CLOSE_ACCESS_REVOKED, "access revoked");
      return;
    }
    if (verified.channel === "control") return control.connect(conn, verified.claims, verified.requestId);
    await runtime.connectYjs(conn, verified.claims, this.room);
  }

  async onMessage(message: string | ArrayBuffer | ArrayBufferView, sender: Party.Connection): Promise<void> {
    if (await this.isErased()) return;
    const { runtime, control } = await this.start();
    // Yjs sockets are y-partykit's alone: it registered its own listener in connectYjs.
    const entry = runtime.connections.controlOf(sender);
    if (entry) await control.receive(entry, message);
  }

  async onClose(conn: Party.Connection): Promise<void> {
    if (await this.isErased()) return;
    const { runtime, control } = await this.start();
    control.disconnect(conn);
    // workerd does not answer a client's close frame by itself (y-partykit does it for its
    // sockets); without this the client waits for its close timeout.
    try {
      conn.close();
    } catch {
      // already closed
    }
    runtime.disconnectYjs(conn);
  }

  async onError(conn: Party.Connection): Promise<void> {
    await this.onClose(conn);
  }

  async onAlarm(): Promise<void> {
    if (await this.isErased()) return;
    const { runtime } = await this.start();
    runtime.onAlarm();
  }
}

InterviewRoom satisfies Party.Worker;
