// The control channel against a real WebSocket server on localhost that speaks the contract.
import { CLOSE_ACCESS_REVOKED, type ServerMessage } from "@interviewlm/realtime";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import WebSocket, { type WebSocketServer as WebSocketServerType } from "ws";
import { RoomClient } from "./room-client";

// apps/web resolves an older ws (7.x, via Remix's dev tools) where the server is `ws.Server`.
// (ws 8's types describe the newer named export only.)
const WebSocketServer = (WebSocket as unknown as { Server: typeof WebSocketServerType }).Server;

interface Connection {
  socket: WebSocket;
  url: URL;
  received: unknown[];
}

let server: InstanceType<typeof WebSocketServer>;
let connections: Connection[];
let nextConnection: Promise<Connection>;
let resolveNext: (connection: Connection) => void;
const clients: RoomClient[] = [];

const armNext = () => (nextConnection = new Promise((resolve) => (resolveNext = resolve)));

beforeEach(async () => {
  connections = [];
  armNext();
  server = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  await new Promise((resolve) => server.once("listening", resolve));
  server.on("connection", (socket, request) => {
    const connection: Connection = { socket, url: new URL(request.url ?? "/", "http://x"), received: [] };
    socket.on("message", (data) => connection.received.push(JSON.parse(String(data))));
    connections.push(connection);
    resolveNext(connection);
  });
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  for (const c of connections) c.socket.terminate();
  await new Promise((resolve) => server.close(resolve));
  vi.restoreAllMocks();
});

function connect(getToken: () => string = () => "token-1", timing = { pingIntervalMs: 60_000, pongTimeoutMs: 8_000 }) {
  const port = (server.address() as { port: number }).port;
  const client = new RoomClient({ roomHost: `http://127.0.0.1:${port}`, sessionId: "sess-1", getToken, WebSocket, ...timing });
  clients.push(client);
  return client;
}

const welcome: ServerMessage = {
  type: "welcome",
  role: "candidate",
  connectionId: "c1",
  serverTime: Date.now(),
  session: {
    sessionId: "sess-1",
    status: "ACTIVE",
    deadlineAt: Date.now() + 60_000,
    language: "python",
    aiAssistance: "OFF",
    testVisibility: "VISIBLE",
    question: null,
  },
  participants: [],
  terminalScrollback: "$ ls\r\n",
  testRuns: [],
};

const until = async (check: () => boolean, timeoutMs = 3000) => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe("RoomClient", () => {
  it("connects to the room's control channel with the token and opens on the welcome", async () => {
    const client = connect();
    const server = await nextConnection;
    expect(server.url.pathname).toBe("/parties/main/sess-1");
    expect(server.url.searchParams.get("token")).toBe("token-1");
    expect(server.url.searchParams.get("channel")).toBe("control");
    expect(client.getState().connection).toBe("connecting");

    server.socket.send(JSON.stringify(welcome));
    await until(() => client.getState().connection === "open");
    expect(client.terminal.snapshot()).toBe("$ ls\r\n");
    // It pings right away to measure the clock.
    await until(() => server.received.some((m) => (m as { type: string }).type === "ping"));
  });

  it("drops messages that are not JSON or not in the contract, and keeps working", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const client = connect();
    const server = await nextConnection;
    server.socket.send("not json");
    server.socket.send(JSON.stringify({ type: "welcome", role: "admin" }));
    server.socket.send(JSON.stringify(welcome));
    server.socket.send(JSON.stringify({ type: "terminal.output", data: "hello" }));
    await until(() => client.terminal.snapshot().endsWith("hello"));
    expect(client.getState().connection).toBe("open");
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it("sends only contract messages, only while open", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const client = connect();
    const server = await nextConnection;
    expect(client.send({ type: "tests.run" })).toBe(false);
    server.socket.send(JSON.stringify(welcome));
    await until(() => client.getState().connection === "open");

    expect(client.send({ type: "tests.run" })).toBe(true);
    // A resize outside the contract's bounds never leaves the browser.
    expect(client.send({ type: "terminal.resize", cols: 2, rows: 1 })).toBe(false);
    expect(client.send({ type: "note.add", text: "x".repeat(70_000) })).toBe(false);
    await until(() => server.received.some((m) => (m as { type: string }).type === "tests.run"));
    expect(server.received.filter((m) => (m as { type: string }).type !== "ping")).toEqual([{ type: "tests.run" }]);
    expect(error).toHaveBeenCalledTimes(2);
  });

  it("reconnects after the room drops it, with the page's newest token, and takes the new welcome", async () => {
    let token = "token-1";
    const client = connect(() => token);
    const first = await nextConnection;
    first.socket.send(JSON.stringify(welcome));
    await until(() => client.getState().connection === "open");

    armNext();
    token = "token-2";
    first.socket.close(1012, "restart");
    await until(() => client.getState().connection === "reconnecting");
    expect(client.send({ type: "tests.run" })).toBe(false);

    const second = await nextConnection;
    expect(second.url.searchParams.get("token")).toBe("token-2");
    second.socket.send(JSON.stringify({ ...welcome, terminalScrollback: "fresh" }));
    await until(() => client.getState().connection === "open");
    // The scrollback replaces the old screen rather than repeating it.
    expect(client.terminal.snapshot()).toBe("fresh");
  });

  it("asks the page for a fresh token when the room revokes its access (4403), and not on other closes", async () => {
    let revoked = 0;
    const port = (server.address() as { port: number }).port;
    const client = new RoomClient({ roomHost: `http://127.0.0.1:${port}`, sessionId: "sess-1", getToken: () => "token-1", WebSocket, pingIntervalMs: 60_000, onAccessRevoked: () => revoked++ });
    clients.push(client);
    const first = await nextConnection;
    first.socket.send(JSON.stringify(welcome));
    await until(() => client.getState().connection === "open");
    armNext();
    first.socket.close(1012, "restart");
    const second = await nextConnection;
    expect(revoked).toBe(0);
    armNext();
    second.socket.close(CLOSE_ACCESS_REVOKED, "access revoked");
    await until(() => revoked === 1);
    await nextConnection;
  });

  it("treats an unanswered ping as a dead connection and reconnects", async () => {
    const client = connect(() => "token-1", { pingIntervalMs: 60_000, pongTimeoutMs: 200 });
    const silent = await nextConnection;
    armNext();
    silent.socket.send(JSON.stringify(welcome));
    await until(() => client.getState().connection === "open");
    // The server never answers the welcome's ping: the client gives up on this socket.
    await until(() => client.getState().connection === "reconnecting");
    const fresh = await nextConnection;
    fresh.socket.send(JSON.stringify(welcome));
    await until(() => client.getState().connection === "open");
  });
});
