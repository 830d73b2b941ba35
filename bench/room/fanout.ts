// One candidate stream fanned out to N reviewers, measured from the clients' side: the
// candidate sends one event per millisecond, each reviewer timestamps every event it gets.
// Through the room the events are the editor's own traffic — y-protocol update messages on
// the Yjs channel, which the room authenticates, applies, persists, records and fans out —
// and the raw relay gets byte-for-byte the same messages.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import WebSocket from "ws";
import * as Y from "yjs";
import { percentile } from "../sandbox/stats.ts";

export interface FanoutResult {
  reviewers: number;
  sent: number;
  /** Deliveries received over deliveries expected (sent × reviewers). */
  delivered: number;
  p50: number;
  p99: number;
}

/**
 * `count` y-protocol update messages, each typing one character into files["bench.txt"]:
 * event k is the candidate's struct with clock k, so a receiver knows which events an update
 * carries from its clock range alone — also when the room merged several into one message.
 */
export function candidateStream(count: number): { clientId: number; messages: Buffer[] } {
  const doc = new Y.Doc();
  const messages: Buffer[] = [];
  doc.on("update", (update: Uint8Array) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0); // messageSync
    syncProtocol.writeUpdate(encoder, update);
    messages.push(Buffer.from(encoding.toUint8Array(encoder)));
  });
  const text = new Y.Text();
  doc.getMap<Y.Text>("files").set("bench.txt", text);
  for (let i = 0; i < count; i++) text.insert(text.length, String.fromCharCode(97 + (i % 26)));
  return { clientId: doc.clientID, messages };
}

/** The candidate's clock reached by a sync-update message (messageSync 0, messageYjsUpdate 2), or -1. */
function clockReached(data: Buffer, clientId: number): number {
  if (data.length < 3 || data[0] !== 0 || data[1] !== 2) return -1;
  const decoder = decoding.createDecoder(data);
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
  return Y.parseUpdateMeta(decoding.readVarUint8Array(decoder)).to.get(clientId) ?? -1;
}

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once("open", () => resolve(socket));
    socket.once("error", reject);
    socket.once("unexpected-response", (_req, res) => reject(new Error(`refused: ${res.statusCode}`)));
  });
}

/** The first `warmup` events are sent like the rest but not measured (JIT, first storage writes). */
export async function measureFanout(options: { candidateUrl: string; reviewerUrls: string[]; stream: { clientId: number; messages: Buffer[] }; warmup: number; drainMs?: number }): Promise<FanoutResult> {
  const { messages, clientId } = options.stream;
  // received[r][k]: when reviewer r first had event k (the map entry is clock 0, the first character clock 1).
  const received = options.reviewerUrls.map(() => [] as number[]);
  const reviewers = await Promise.all(options.reviewerUrls.map((url) => open(url)));
  reviewers.forEach((socket, r) =>
    socket.on("message", (data: Buffer, isBinary: boolean) => {
      if (!isBinary) return;
      const reached = Math.min(clockReached(data, clientId), messages.length);
      const times = received[r]!;
      if (reached <= times.length) return;
      const now = performance.now();
      while (times.length < reached) times.push(now);
    }),
  );
  const candidate = await open(options.candidateUrl);
  await new Promise((resolve) => setTimeout(resolve, 300));

  const sentAt: number[] = [];
  const started = performance.now();
  await new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(messages.length, Math.floor(performance.now() - started) + 1);
      while (sentAt.length < due) {
        sentAt.push(performance.now());
        candidate.send(messages[sentAt.length - 1]!);
      }
      if (sentAt.length < messages.length) setTimeout(tick, 1);
      else resolve();
    };
    tick();
  });
  const deadline = performance.now() + (options.drainMs ?? 10_000);
  while (performance.now() < deadline && received.some((times) => times.length < messages.length)) await new Promise((resolve) => setTimeout(resolve, 20));

  const { warmup } = options;
  const latencies: number[] = [];
  for (const times of received) for (let k = warmup; k < Math.min(times.length, sentAt.length); k++) latencies.push(times[k]! - sentAt[k]!);
  for (const socket of [candidate, ...reviewers]) socket.terminate();
  const measured = messages.length - warmup;
  const deliveries = received.reduce((sum, times) => sum + Math.max(0, Math.min(times.length, messages.length) - warmup), 0);
  return { reviewers: reviewers.length, sent: measured, delivered: deliveries / (measured * reviewers.length), p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}
