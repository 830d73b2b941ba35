// Fan-out of document updates to the Yjs sockets. y-partykit sends every update to every
// socket as its own message; at keystroke rates with many reviewers that is one WebSocket
// send per update per socket, and the room falls behind. Here each socket handed to
// y-partykit is wrapped so that y-partykit's per-update broadcasts (sync "update" messages)
// are dropped, and the room sends the updates itself on the next turn of its event loop:
// one update alone when the room keeps up, or all that arrived while it was busy merged into
// one (a Yjs update merged with Y.mergeUpdates means exactly what the separate ones meant).
// The busier the room, the fewer sends per update, so it cannot fall further and further
// behind. Everything else y-partykit sends (sync steps, awareness) passes through untouched.
import * as encoding from "lib0/encoding";
import type * as Party from "partykit/server";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";

const MESSAGE_SYNC = 0;
const isSyncUpdate = (message: unknown): boolean => message instanceof Uint8Array && message[0] === MESSAGE_SYNC && message[1] === syncProtocol.messageYjsUpdate;

export class YjsFanout {
  private readonly sockets = new Set<Party.Connection>();
  private pending: Uint8Array[] = [];
  private scheduled = false;

  constructor(private readonly doc: Y.Doc) {
    doc.on("update", this.onUpdate);
  }

  detach(): void {
    this.doc.off("update", this.onUpdate);
  }

  /**
   * The socket as y-partykit should see it: identical, except for update broadcasts. `base`
   * is what the wrapper forwards to (e.g. the frame guard over `conn`); fan-out sends on `conn`.
   */
  wrap(conn: Party.Connection, base: Party.Connection = conn): Party.Connection {
    this.sockets.add(conn);
    return new Proxy(base, {
      get(target, property) {
        if (property === "send") return (message: unknown) => (isSyncUpdate(message) ? undefined : target.send(message as string));
        const value = Reflect.get(target, property, target) as unknown;
        return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  }

  remove(conn: Party.Connection): void {
    this.sockets.delete(conn);
  }

  private readonly onUpdate = (update: Uint8Array): void => {
    this.pending.push(update);
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => this.flush(), 0);
  };

  private flush(): void {
    this.scheduled = false;
    const updates = this.pending;
    this.pending = [];
    if (updates.length === 0) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates));
    const message = encoding.toUint8Array(encoder);
    for (const socket of this.sockets) {
      try {
        socket.send(message);
      } catch {
        // closing; onClose removes it
      }
    }
  }
}
