// The control channel of one interview room: a partysocket (reconnects with backoff by
// itself) carrying JSON messages. Everything received is parsed with the shared contract;
// everything sent is checked against it first. Framework-free so it can be tested in Node.
import { CLOSE_ACCESS_REVOKED, ClientMessageSchema, MAX_CLIENT_MESSAGE_BYTES, ServerMessageSchema, type ClientMessage } from "@interviewlm/realtime";
import PartySocket from "partysocket";
import { roomEndpoint } from "./room-host";
import { INITIAL_ROOM_STATE, roomReducer, type RoomEvent, type RoomState } from "./room-state";
import { TerminalStream } from "./terminal-stream";
import { createLogger, newRequestId } from "@interviewlm/infra/log";

// The same JSON lines as the servers write, in the browser console.
const log = createLogger({ component: "room-client" });

export interface RoomClientOptions {
  roomHost: string;
  sessionId: string;
  /** Read on every (re)connect, so the page can swap in a fresh token before the old one expires. */
  getToken: () => string;
  /** Node has no global WebSocket (tests pass the `ws` package's). */
  WebSocket?: unknown;
  /** How often to ping: keeps the clock offset fresh and idle proxies from closing the socket. */
  pingIntervalMs?: number;
  pongTimeoutMs?: number;
  /**
   * The room closed the socket because this person's access changed (removed, or a new role):
   * the page should get a fresh token now rather than retry the refused one until it expires.
   */
  onAccessRevoked?: () => void;
}

type Listener = () => void;
const encoder = new TextEncoder();

/**
 * A socket can stay "open" while nothing gets through (Wi-Fi switched, laptop woke up).
 * Nothing received for this long after a ping means the connection is dead: reconnect.
 */
const PONG_TIMEOUT_MS = 8_000;

export class RoomClient {
  readonly terminal = new TerminalStream();
  private state: RoomState = INITIAL_ROOM_STATE;
  private readonly listeners = new Set<Listener>();
  private readonly socket: PartySocket;
  private readonly pingTimer: ReturnType<typeof setInterval>;
  private pendingPingAt: number | null = null;
  private pongTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly pongTimeoutMs: number;
  private readonly detachNetworkListeners: () => void;

  constructor(options: RoomClientOptions) {
    const { host, protocol } = roomEndpoint(options.roomHost);
    this.socket = new PartySocket({
      host,
      protocol,
      party: "main",
      room: options.sessionId,
      // A fresh id per (re)connection: the room's log lines about this socket carry it.
      query: () => ({ token: options.getToken(), channel: "control", rid: newRequestId() }),
      WebSocket: options.WebSocket,
      minReconnectionDelay: 500,
      maxReconnectionDelay: 10_000,
      reconnectionDelayGrowFactor: 1.6,
      // Messages are refused while closed (see send), so nothing should ever queue.
      maxEnqueuedMessages: 0,
    });
    this.socket.addEventListener("message", (event) => this.receive(event.data));
    this.socket.addEventListener("close", (event) => {
      if ((event as { code?: number }).code === CLOSE_ACCESS_REVOKED) options.onAccessRevoked?.();
      this.apply({ kind: "closed" });
    });
    this.pongTimeoutMs = options.pongTimeoutMs ?? PONG_TIMEOUT_MS;
    this.pingTimer = setInterval(() => this.ping(), options.pingIntervalMs ?? 20_000);
    this.detachNetworkListeners = this.followNetwork();
  }

  getState = (): RoomState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Sends when the room has welcomed us; false otherwise (the caller shows it is offline).
   * Buttons are disabled while reconnecting, so a queued "finish" can never fire later.
   */
  send = (message: ClientMessage): boolean => {
    if (this.state.connection !== "open") return false;
    const parsed = ClientMessageSchema.safeParse(message);
    if (!parsed.success) {
      log.error("room_client.send_refused", { reason: "outside the contract", issues: parsed.error.issues });
      return false;
    }
    const text = JSON.stringify(parsed.data);
    if (encoder.encode(text).byteLength > MAX_CLIENT_MESSAGE_BYTES) {
      log.error("room_client.send_refused", { reason: "too large", type: message.type, maxBytes: MAX_CLIENT_MESSAGE_BYTES });
      return false;
    }
    this.socket.send(text);
    return true;
  };

  /** Reconnect now instead of waiting for the next backoff step (the banner's "Retry"). */
  reconnect(): void {
    this.socket.reconnect();
  }

  close(): void {
    clearInterval(this.pingTimer);
    clearTimeout(this.pongTimer);
    this.detachNetworkListeners();
    this.socket.close();
    this.listeners.clear();
  }

  private ping(): void {
    const at = Date.now();
    if (!this.send({ type: "ping", at })) return;
    this.pendingPingAt = at;
    clearTimeout(this.pongTimer);
    this.pongTimer = setTimeout(() => {
      if (this.state.connection === "open") this.socket.reconnect();
    }, this.pongTimeoutMs);
  }

  /**
   * The browser knows before the socket does: going offline drops the connection at once
   * (the banner shows), coming back online retries now instead of after the backoff.
   */
  private followNetwork(): () => void {
    if (typeof window === "undefined") return () => {};
    const offline = () => this.socket.reconnect();
    const online = () => this.state.connection !== "open" && this.socket.reconnect();
    window.addEventListener("offline", offline);
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("offline", offline);
      window.removeEventListener("online", online);
    };
  }

  private receive(data: unknown): void {
    // Anything at all proves the connection alive (a ping may be rate-limited away).
    clearTimeout(this.pongTimer);
    if (typeof data !== "string") return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      log.warn("room_client.message_dropped", { reason: "not JSON" });
      return;
    }
    const parsed = ServerMessageSchema.safeParse(json);
    if (!parsed.success) {
      log.warn("room_client.message_dropped", { reason: "outside the contract", issues: parsed.error.issues });
      return;
    }
    const message = parsed.data;
    const receivedAt = Date.now();
    if (message.type === "welcome") {
      this.terminal.reset(message.terminalScrollback);
      this.apply({ kind: "message", message, receivedAt });
      // A first clock sample with a round trip, better than the welcome's one-way stamp.
      this.ping();
      return;
    }
    if (message.type === "terminal.output") {
      this.terminal.append(message.data);
      return;
    }
    let rttMs: number | undefined;
    if (message.type === "pong" && message.at === this.pendingPingAt) {
      rttMs = receivedAt - message.at;
      this.pendingPingAt = null;
    }
    this.apply({ kind: "message", message, receivedAt, rttMs });
  }

  private apply(event: RoomEvent): void {
    const next = roomReducer(this.state, event);
    if (next === this.state) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}
