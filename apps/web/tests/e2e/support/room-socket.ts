// The page's own control socket to the interview room, with the test in the middle: every
// message the room sends is kept (and passed on to the page), and the test can send a message
// as the page — one the page's UI would never send — over the page's authenticated connection.
import type { BrowserContext, WebSocketRoute } from "playwright-core";
import { expect } from "vitest";

export interface RoomMessage {
  type: string;
  [field: string]: unknown;
}

export interface RoomSocketTap {
  /** Every JSON message the room sent to the context's pages, in order. */
  received: RoomMessage[];
  /** Sends `message` to the room on the most recent control socket. */
  send(message: Record<string, unknown>): void;
  /** Resolves with the first matching message at index `since` or later of `received`. */
  waitFor(match: (message: RoomMessage) => boolean, options?: { since?: number; timeoutMs?: number }): Promise<RoomMessage>;
  /** Sends `message` and resolves with the room's first matching answer after it. */
  exchange(message: Record<string, unknown>, match: (message: RoomMessage) => boolean): Promise<RoomMessage>;
}

/** Call before the context opens the interview: only sockets opened later are tapped. */
export async function tapRoomSocket(context: BrowserContext): Promise<RoomSocketTap> {
  const received: RoomMessage[] = [];
  let room: WebSocketRoute | null = null;
  await context.routeWebSocket(
    (url) => url.searchParams.get("channel") === "control",
    (page) => {
      const server = page.connectToServer();
      room = server;
      page.onMessage((message) => server.send(message));
      server.onMessage((message) => {
        if (typeof message === "string") received.push(JSON.parse(message) as RoomMessage);
        page.send(message);
      });
    },
  );
  const waitFor: RoomSocketTap["waitFor"] = async (match, { since = 0, timeoutMs = 30_000 } = {}) => {
    const found = () => received.slice(since).find(match);
    await expect.poll(() => found() !== undefined, { timeout: timeoutMs }).toBe(true);
    return found()!;
  };
  const tap: RoomSocketTap = {
    received,
    send(message) {
      if (!room) throw new Error("the page has not opened its room socket yet");
      room.send(JSON.stringify(message));
    },
    waitFor,
    exchange(message, match) {
      const since = received.length;
      tap.send(message);
      return waitFor(match, { since });
    },
  };
  return tap;
}
