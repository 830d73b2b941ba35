import type { EventsServerMessage, SandboxProvider } from "@interviewlm/sandbox";
import type { WebSocket } from "ws";

/** Streams a workspace's file changes to a socket until either side stops. */
export async function streamFileEvents(socket: WebSocket, provider: SandboxProvider, workspaceId: string): Promise<void> {
  const controller = new AbortController();
  socket.on("close", () => controller.abort());
  const changes = await provider.watch(workspaceId, { signal: controller.signal });
  send(socket, { type: "ready" });
  for await (const events of changes) send(socket, { type: "changes", events });
  if (socket.readyState === socket.OPEN) socket.close(1000, "workspace stopped");
}

function send(socket: WebSocket, message: EventsServerMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}
