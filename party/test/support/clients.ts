// Node-side clients of a room, as the browser has them: a control socket (raw `ws`, so tests
// can also send what a well-behaved client never would) and the editor's Yjs provider.
import { ServerMessageSchema, signRoomToken, type ClientMessage, type RoomPermission, type RoomRole, type ServerMessage } from "@interviewlm/realtime";
import YProvider from "y-partykit/provider";
import WebSocket from "ws";
import * as Y from "yjs";

/** A reviewer's token carries notes:write unless `perms` says otherwise (a viewer has none). */
export async function roomToken(
  secret: string,
  sessionId: string,
  role: RoomRole,
  uid: string,
  options: { ttlSeconds?: number; now?: number; perms?: RoomPermission[]; mv?: number } = {},
): Promise<string> {
  const { perms = role === "reviewer" ? ["notes:write"] : [], mv, ...timing } = options;
  return signRoomToken(secret, { sid: sessionId, role, uid, name: `${role} ${uid}`, perms, ...(mv !== undefined ? { mv } : {}) }, timing);
}

export function roomUrl(base: string, sessionId: string, query: Record<string, string>): string {
  const url = new URL(`/parties/main/${encodeURIComponent(sessionId)}`, base.replace(/^http/, "ws"));
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.toString();
}

/** Resolves with the HTTP status a WebSocket upgrade was refused with, or 101 if accepted. */
export function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.on("open", () => {
      socket.close();
      resolve(101);
    });
    socket.on("unexpected-response", (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.on("error", (error) => reject(error));
  });
}

export class ControlClient {
  readonly messages: ServerMessage[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly waiters = new Set<() => void>();

  private constructor(readonly socket: WebSocket) {
    socket.on("message", (data) => {
      this.messages.push(ServerMessageSchema.parse(JSON.parse(data.toString())));
      for (const wake of [...this.waiters]) wake();
    });
    this.closed = new Promise((resolve) => socket.on("close", (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  static connect(base: string, sessionId: string, token: string, options: { id?: string; rid?: string } = {}): Promise<ControlClient> {
    const socket = new WebSocket(roomUrl(base, sessionId, { token, channel: "control", ...(options.id ? { _pk: options.id } : {}), ...(options.rid ? { rid: options.rid } : {}) }));
    const client = new ControlClient(socket);
    return new Promise((resolve, reject) => {
      socket.once("open", () => resolve(client));
      socket.once("unexpected-response", (_request, response) => reject(new Error(`refused with ${response.statusCode}`)));
      socket.once("error", reject);
    });
  }

  send(message: ClientMessage): void {
    this.socket.send(JSON.stringify(message));
  }

  sendRaw(data: string | Buffer): void {
    this.socket.send(data);
  }

  /** The first message (from the start of the connection) that matches, waiting if needed. */
  waitFor<T extends ServerMessage["type"]>(type: T, predicate: (message: Extract<ServerMessage, { type: T }>) => boolean = () => true, timeoutMs = 15_000): Promise<Extract<ServerMessage, { type: T }>> {
    const find = () => this.messages.find((m): m is Extract<ServerMessage, { type: T }> => m.type === type && predicate(m as Extract<ServerMessage, { type: T }>));
    const found = find();
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const wake = () => {
        const match = find();
        if (!match) return;
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(match);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(wake);
        reject(new Error(`no ${type} message in ${timeoutMs} ms; got: ${this.messages.map((m) => m.type).join(", ")}`));
      }, timeoutMs);
      this.waiters.add(wake);
    });
  }

  ofType<T extends ServerMessage["type"]>(type: T): Extract<ServerMessage, { type: T }>[] {
    return this.messages.filter((m): m is Extract<ServerMessage, { type: T }> => m.type === type);
  }

  /** All terminal output received so far (welcome scrollback excluded). */
  terminalText(): string {
    return this.ofType("terminal.output").map((m) => m.data).join("");
  }

  close(): Promise<{ code: number; reason: string }> {
    this.socket.close();
    return this.closed;
  }
}

export class YjsClient {
  readonly doc = new Y.Doc();
  readonly provider: YProvider;

  constructor(base: string, sessionId: string, token: string) {
    const url = new URL(base);
    this.provider = new YProvider(url.host, sessionId, this.doc, {
      party: "main",
      protocol: "ws",
      params: { token, channel: "yjs" },
      disableBc: true,
      maxBackoffTime: 500,
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    });
  }

  get files(): Y.Map<Y.Text> {
    return this.doc.getMap<Y.Text>("files");
  }

  synced(timeoutMs = 15_000): Promise<void> {
    if (this.provider.synced) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the Yjs provider did not sync")), timeoutMs);
      const onSync = (synced: boolean) => {
        if (!synced) return;
        clearTimeout(timer);
        this.provider.off("sync", onSync);
        resolve();
      };
      this.provider.on("sync", onSync);
    });
  }

  text(path: string): string | undefined {
    return this.files.get(path)?.toString();
  }

  /**
   * Resolves once the room has handled everything this client sent so far: an awareness
   * marker sent after it on the same socket has reached `observer`. For proving that something
   * the room should ignore was ignored, without waiting a fixed time.
   */
  async passedThroughRoom(observer: YjsClient, timeoutMs = 15_000): Promise<void> {
    const marker = `${this.doc.clientID}-${Date.now()}-${Math.random()}`;
    this.provider.awareness.setLocalStateField("testMarker", marker);
    await eventually(() => observer.provider.awareness.getStates().get(this.doc.clientID)?.testMarker, (seen) => seen === marker, timeoutMs, "an awareness marker to pass through the room");
  }

  destroy(): void {
    this.provider.destroy();
    this.doc.destroy();
  }
}

/** Polls `read` until `accept` says yes (or fails with the last value seen). */
export async function eventually<T>(read: () => T | Promise<T>, accept: (value: T) => boolean, timeoutMs = 15_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T;
  for (;;) {
    last = await read();
    if (accept(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)?.slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
