// The smallest WebSocket surface shared by browsers, Cloudflare workerd and the `ws` package
// (Node 20 has no global WebSocket: pass `WebSocket` from "ws").

export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each implementation types its events differently
  addEventListener(type: "open" | "close" | "error" | "message", listener: (event: any) => void): void;
}

export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocketLike;

const OPEN = 1;
/**
 * Creates the socket without waiting for it to open: callers attach their message listeners
 * at once, because the service's first message can arrive in the same packet as the
 * handshake and would be dispatched before a listener added after an `await`.
 */
export function connectSocket(WebSocketImpl: WebSocketConstructor, url: string): WebSocketLike {
  return new WebSocketImpl(url);
}

export function sendIfOpen(socket: WebSocketLike, message: unknown): void {
  if (socket.readyState === OPEN) socket.send(JSON.stringify(message));
}

export function messageText(data: unknown): string | null {
  if (typeof data === "string") return data;
  if (data instanceof ArrayBuffer) return new TextDecoder().decode(data);
  if (ArrayBuffer.isView(data)) return new TextDecoder().decode(data);
  return null;
}
