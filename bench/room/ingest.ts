// Recording ingest: rows/s through the web app's endpoint (signed POST /internal/recordings,
// 1000-event batches, one at a time like a room sends them) next to PostgreSQL COPY of the
// same rows in 1000-row batches into the same table of the same database.
import { INTERNAL_PATHS, signInternalRequest, type RecordingEvent } from "@interviewlm/realtime";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";

export const BATCH = 1000;

/** A room's typical mix: editor updates, terminal chunks and input, the odd file sync. */
export function recordingEvents(firstSeq: number, count: number): RecordingEvent[] {
  const events: RecordingEvent[] = [];
  const now = Date.now();
  for (let i = 0; i < count; i++) {
    const seq = firstSeq + i;
    const kind = i % 10;
    if (kind < 6) events.push({ seq, at: now + i, type: "yjs.update", actor: "candidate:cand_bench", payload: { update: Buffer.from(`update-${seq}-`.repeat(3)).toString("base64") } });
    else if (kind < 8) events.push({ seq, at: now + i, type: "terminal.output", actor: "room", payload: { data: `$ python main.py\r\nline ${seq} of output\r\n`.repeat(2) } });
    else if (kind < 9) events.push({ seq, at: now + i, type: "terminal.input", actor: "candidate:cand_bench", payload: { data: "l" } });
    else events.push({ seq, at: now + i, type: "file.sync", actor: "room", payload: { path: "main.py", kind: "modified", origin: "editor" } });
  }
  return events;
}

export async function ingestThroughEndpoint(webUrl: string, secret: string, sessionId: string, batches: RecordingEvent[][]): Promise<number> {
  const started = performance.now();
  for (const events of batches) {
    const body = JSON.stringify({ sessionId, events });
    const path = INTERNAL_PATHS.recordings;
    const headers = await signInternalRequest(secret, { method: "POST", path, body });
    const response = await fetch(new URL(path, webUrl), { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
    if (!response.ok) throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
    await response.text();
  }
  return performance.now() - started;
}

const escapeCopy = (value: string) => value.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");

export async function ingestWithCopy(databaseUrl: string, sessionId: string, batches: RecordingEvent[][]): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const started = performance.now();
    for (const events of batches) {
      const rows = events.map((e) => [sessionId, String(e.seq), new Date(e.at).toISOString(), e.type, e.actor, JSON.stringify(e.payload)].map(escapeCopy).join("\t") + "\n");
      const stream = client.query(copyFrom(`COPY "RecordingEvent" ("sessionId", "seq", "at", "type", "actor", "payload") FROM STDIN`));
      await pipeline(Readable.from([rows.join("")]), stream);
    }
    return performance.now() - started;
  } finally {
    await client.end();
  }
}

export async function countRows(databaseUrl: string, sessionId: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ count: string }>(`SELECT count(*) FROM "RecordingEvent" WHERE "sessionId" = $1`, [sessionId]);
    return Number(result.rows[0]?.count ?? 0);
  } finally {
    await client.end();
  }
}
