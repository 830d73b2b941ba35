// The baseline: a plain Node `ws` server that re-broadcasts every message to every other
// socket. Run as its own process (like the room runs in workerd), it prints its URL.
import { WebSocketServer, WebSocket } from "ws";

const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
server.on("connection", (socket) => {
  socket.on("message", (data, isBinary) => {
    for (const client of server.clients) if (client !== socket && client.readyState === WebSocket.OPEN) client.send(data, { binary: isBinary });
  });
});
server.on("listening", () => {
  const address = server.address();
  if (typeof address === "object" && address) console.log(`relay listening on ws://127.0.0.1:${address.port}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
