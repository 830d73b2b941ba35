// Replay benchmark (`npm run bench:replay -w @interviewlm/bench`): a synthetic 60-minute
// session of 200k events (typing, terminal output, test runs, AI) ingested through the real
// ingest; keyframes built once; then, in rounds, with medians:
//   - first frame at minute 0 and at minute 55 (replayFrame, cold: nothing is cached between
//     calls; one query for the session, the keyframe and what follows it, side state folded,
//     files from the keyframe's edits, terminal as the keyframe's screen + the output after it)
//     ÷ a raw fetch of the same rows (the keyframe row and every event after it up to T,
//     undecoded) from the same database in the same run;
//   - seek p99 at minute 55 ÷ seek p99 at minute 1 (position independence);
//   - memory: server heap/RSS during seeks, and what a browser holds (one frame, one page of events).
// PostgreSQL at BENCH_DATABASE_URL / TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres),
// PGlite when it is not reachable.
import { createTestDatabase } from "@interviewlm/db/testing";
import { ingestRecording } from "@interviewlm/core/interviews";
import { ensureKeyframes, replayEvents, replayFrame } from "@interviewlm/core/replay";
import { syntheticSession } from "@interviewlm/core/replay/testing";
import pg from "pg";
import { median, ms, percentile, table, timed } from "../sandbox/stats.ts";

const EVENTS = Number(process.env.BENCH_REPLAY_EVENTS ?? 200_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SEEKS = Number(process.env.BENCH_REPLAY_SEEKS ?? 40);
const HOUR = 3_600_000;
const MINUTE = 60_000;
const START = Date.UTC(2026, 0, 5, 9, 0, 0);

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
if (await reachable(url)) process.env.TEST_DATABASE_URL = url;
else delete process.env.TEST_DATABASE_URL;
const db = await createTestDatabase();
console.log(`database: ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite (PostgreSQL not reachable)"}`);

try {
  const org = await db.prisma.organization.create({ data: { name: "Bench", slug: "bench-replay" } });
  const user = await db.prisma.user.create({ data: { name: "Bench", email: "bench@replay.test", emailVerifiedAt: new Date() } });
  const actor = { userId: user.id, organizationId: org.id, role: "VIEWER" as const };
  const assessment = await db.prisma.assessment.create({
    data: { organizationId: org.id, title: "Bench", role: "Engineer", seniority: "MID", languages: ["python"], durationMinutes: 60, questionCount: 1, questionSelection: "AUTO" },
  });
  const candidate = await db.prisma.candidate.create({ data: { organizationId: org.id, assessmentId: assessment.id, name: "C", email: "c@bench.test", inviteNonce: "bench", expiresAt: new Date(START + 86_400_000) } });
  const sessionId = (
    await db.prisma.interviewSession.create({
      data: { organizationId: org.id, assessmentId: assessment.id, candidateId: candidate.id, status: "COMPLETED", language: "python", startedAt: new Date(START), deadlineAt: new Date(START + HOUR), completedAt: new Date(START + HOUR) },
    })
  ).id;

  const { events } = syntheticSession({ events: EVENTS, durationMs: HOUR, seed: 11, startAt: START });
  const ingestMs = await timed(async () => {
    for (let i = 0; i < events.length; i += 2000) await ingestRecording(db.prisma, { sessionId, events: events.slice(i, i + 2000) });
  });
  const buildMs = await timed(() => ensureKeyframes(db.prisma, sessionId));
  const keyframes = await db.prisma.replayKeyframe.count({ where: { sessionId } });
  const keyframeBytes = await db.prisma.$queryRaw<{ bytes: bigint }[]>`SELECT coalesce(sum(octet_length("doc") + octet_length("terminal") + octet_length("state"::text)), 0)::bigint AS bytes FROM "ReplayKeyframe" WHERE "sessionId" = ${sessionId}`;
  console.log(`${events.length} events over 60 min: ingest ${ms(ingestMs)}, keyframes built once in ${ms(buildMs)} (${keyframes} keyframes, ${(Number(keyframeBytes[0]!.bytes) / 1e6).toFixed(1)} MB)\n`);

  /** The floor: the rows a frame at T reads, fetched raw (the keyframe row's columns a frame uses — not the document — then the events after it up to T). */
  async function rawFetch(t: number): Promise<void> {
    const at = new Date(START + t);
    const [keyframe] = await db.prisma.$queryRaw<{ seq: number; terminal: Uint8Array; state: unknown }[]>`
      SELECT "seq", "terminal", "state" FROM "ReplayKeyframe" WHERE "sessionId" = ${sessionId} AND "at" <= ${at} ORDER BY "seq" DESC LIMIT 1`;
    await db.prisma.$queryRaw`SELECT "seq", "at", "type", "actor", "payload" FROM "RecordingEvent" WHERE "sessionId" = ${sessionId} AND "seq" > ${keyframe?.seq ?? 0} AND "at" <= ${at} ORDER BY "seq"`;
  }
  const frameAt = (t: number) => replayFrame(db.prisma, actor, { sessionId, t });

  const rows: (string | number)[][] = [];
  const firstFrame: Record<string, number[]> = { "0": [], "55": [] };
  const rawFloor: Record<string, number[]> = { "0": [], "55": [] };
  const p99: Record<string, number[]> = { "1": [], "55": [] };
  let peakHeap = 0;
  let peakRss = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const minute of ["0", "55"] as const) {
      const t = Number(minute) * MINUTE + 1000;
      // Alternate which runs first so neither always gets a warm cache.
      if (round % 2 === 0) {
        firstFrame[minute]!.push(await timed(() => frameAt(t)));
        rawFloor[minute]!.push(await timed(() => rawFetch(t)));
      } else {
        rawFloor[minute]!.push(await timed(() => rawFetch(t)));
        firstFrame[minute]!.push(await timed(() => frameAt(t)));
      }
    }
    for (const minute of ["1", "55"] as const) {
      const samples: number[] = [];
      for (let i = 0; i < SEEKS; i++) {
        const t = Number(minute) * MINUTE + Math.floor(Math.random() * MINUTE);
        samples.push(await timed(() => frameAt(t)));
        const memory = process.memoryUsage();
        peakHeap = Math.max(peakHeap, memory.heapUsed);
        peakRss = Math.max(peakRss, memory.rss);
      }
      p99[minute]!.push(percentile(samples, 99));
    }
  }
  for (const minute of ["0", "55"] as const) {
    const frame = median(firstFrame[minute]!);
    const raw = median(rawFloor[minute]!);
    rows.push([`first frame at minute ${minute}`, ms(frame), ms(raw), `${(frame / raw).toFixed(2)}×`, "≤ 1.5×"]);
  }
  const late = median(p99["55"]!);
  const early = median(p99["1"]!);
  rows.push(["seek p99 at 55 ÷ at 1", ms(late), ms(early), `${(late / early).toFixed(2)}`, "≤ 1.2"]);
  console.log(table(["measure", "replay", "floor / reference", "ratio", "goal"], rows));

  const frame = await frameAt(55 * MINUTE);
  const page = await replayEvents(db.prisma, actor, { sessionId, limit: 100, tracks: ["terminal", "tests", "ai", "signals", "notes", "questions"] });
  console.log(
    `\nmemory: server heap peak ${(peakHeap / 1e6).toFixed(0)} MB, RSS peak ${(peakRss / 1e6).toFixed(0)} MB during seeks; ` +
      `a browser holds one frame (${(JSON.stringify(frame).length / 1e3).toFixed(0)} kB at minute 55) and pages of events ` +
      `(${(JSON.stringify(page).length / 1e3).toFixed(0)} kB per 100), never the session's ${events.length} events. ${ROUNDS} rounds, ${SEEKS} seeks per position per round, medians.`,
  );
} finally {
  await db.close();
}
