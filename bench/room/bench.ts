// Room benchmark: `npm run bench:room -w @interviewlm/bench`. Prints tables; asserts nothing.
//  1. Fan-out: a candidate stream of one event per millisecond (the editor's Yjs updates)
//     through a real room (partykit dev, sandbox workspace, recording on) to 1, 10 and 50
//     reviewers, next to a plain `ws` relay process measured in the same run.
//  2. Recording ingest: rows/s through the real web app's ingest endpoint next to
//     PostgreSQL COPY in 1000-row batches on the same database (needs PostgreSQL, see
//     BENCH_DATABASE_URL; skipped with a note when it is not reachable).
// Tails of a few milliseconds on a small machine swing from run to run, so each measurement
// is repeated BENCH_ROUNDS times (default 3), room and baseline alternating, and the table
// gives the median of the rounds next to each round's ratio.
// BENCH_EVENTS (default 3000) sets the events per fan-out run. BENCH_ROOM_STORAGE chooses where
// the room's storage lives: "memory" (default, /dev/shm: what is measured is the fan-out, not
// this machine's disk commits, which the room's storage writes wait for) or "disk".
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ControlClient, reachablePostgres, roomToken, roomUrl, startRealWebApp, startRoomStack, TEST_ROOM_SECRET } from "@interviewlm/party/testing";
import { ms, percentile, table } from "../sandbox/stats.ts";
import { candidateStream, measureFanout, type FanoutResult } from "./fanout.ts";
import { BATCH, countRows, ingestThroughEndpoint, ingestWithCopy, recordingEvents } from "./ingest.ts";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 3000);
const WARMUP = 500;
const REVIEWERS = (process.env.BENCH_REVIEWERS ?? "1,10,50").split(",").map(Number);
const INGEST_BATCHES = Number(process.env.BENCH_INGEST_BATCHES ?? 20);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

const pct = (value: number) => `${(value * 100).toFixed(value === 1 ? 0 : 2)}%`;
const ratio = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : "n/a");
const median = (values: number[]) => percentile(values, 50);
const rounds = (values: number[]) => values.map((value) => value.toFixed(2)).join(" / ");

async function startRawRelay(): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(new URL("./raw-relay.ts", import.meta.url))], { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (ws:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`relay exited with ${code}`)));
  });
  return { url, stop: () => child.kill("SIGTERM") };
}

async function fanout(): Promise<void> {
  console.log(`Fan-out, ${ROUNDS} rounds: ${EVENTS} candidate events (after ${WARMUP} unmeasured) at 1/ms to 1, 10 and 50 reviewers (room: partykit dev + sandbox + recording; baseline: plain ws relay process)\n`);
  const onDisk = process.env.BENCH_ROOM_STORAGE === "disk" || !existsSync("/dev/shm");
  const stack = await startRoomStack(onDisk ? {} : { persistDir: mkdtempSync(path.join("/dev/shm", "interviewlm-bench-room-")) });
  console.log(`room storage: ${onDisk ? "disk (temporary directory)" : "memory (/dev/shm)"}\n`);
  const relay = await startRawRelay();
  const rows: (string | number)[][] = [];
  try {
    for (const count of REVIEWERS) {
      const room: FanoutResult[] = [];
      const raw: FanoutResult[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        // A fresh stream (its own Yjs client) and session per round: a room ignores updates it already has.
        const stream = candidateStream(WARMUP + EVENTS);
        const sessionId = await stack.newSession();
        // The candidate's control socket, as in the browser; measuring starts once the room is
        // fully up (workspace synced, terminal attached), not during its start.
        const control = await ControlClient.connect(stack.party.url, sessionId, await roomToken(TEST_ROOM_SECRET, sessionId, "candidate", "cand_bench"));
        await control.waitFor("terminal.status", (m) => m.state === "ready", 60_000);
        const candidateUrl = roomUrl(stack.party.url, sessionId, { token: await roomToken(TEST_ROOM_SECRET, sessionId, "candidate", "cand_bench"), channel: "yjs" });
        const reviewerUrls = await Promise.all(Array.from({ length: count }, async (_, i) => roomUrl(stack.party.url, sessionId, { token: await roomToken(TEST_ROOM_SECRET, sessionId, "reviewer", `rev_${i}`), channel: "yjs" })));
        room.push(await measureFanout({ candidateUrl, reviewerUrls, stream, warmup: WARMUP }));
        await control.close();
        raw.push(await measureFanout({ candidateUrl: relay.url, reviewerUrls: reviewerUrls.map(() => relay.url), stream, warmup: WARMUP }));
      }
      const at = (results: FanoutResult[], key: "p50" | "p99") => median(results.map((result) => result[key]));
      const delivered = (results: FanoutResult[]) => Math.min(...results.map((result) => result.delivered));
      rows.push([
        count,
        pct(delivered(room)), ms(at(room, "p50")), ms(at(room, "p99")),
        pct(delivered(raw)), ms(at(raw, "p50")), ms(at(raw, "p99")),
        ratio(at(room, "p50") / at(raw, "p50")), ratio(at(room, "p99") / at(raw, "p99")),
        rounds(room.map((result, i) => result.p99 / raw[i]!.p99)),
      ]);
    }
  } finally {
    relay.stop();
    await stack.stop();
  }
  console.log(table(["reviewers", "room delivered", "room p50", "room p99", "ws delivered", "ws p50", "ws p99", "p50 room/ws", "p99 room/ws", "p99 ratio by round"], rows));
  console.log(`\nLatencies are the median over ${ROUNDS} rounds; delivered is the worst round.`);
  console.log("\nGoals: 0 loss (100% delivered), p99 ≤ 2× raw ws.\n");
}

async function ingest(): Promise<void> {
  console.log(`Recording ingest, ${ROUNDS} rounds: ${INGEST_BATCHES} batches × ${BATCH} events, web app endpoint vs COPY, one batch at a time, same PostgreSQL database\n`);
  if (!(await reachablePostgres(DATABASE_URL))) {
    console.log(`skipped: PostgreSQL is not reachable at ${DATABASE_URL} (set BENCH_DATABASE_URL)\n`);
    return;
  }
  const web = await startRealWebApp({ adminUrl: DATABASE_URL, roomSecret: TEST_ROOM_SECRET });
  try {
    const batches = (first: number) => Array.from({ length: INGEST_BATCHES }, (_, b) => recordingEvents(first + b * BATCH, BATCH));
    const rows = INGEST_BATCHES * BATCH;
    const endpointRates: number[] = [];
    const copyRates: number[] = [];
    let stored = [0, 0];
    for (let round = 0; round < ROUNDS; round++) {
      const endpointSession = await web.seedSession({ workspaceId: null });
      const copySession = await web.seedSession({ workspaceId: null });
      // Warm-up (route compilation, connection pools, plans): one batch each, not measured.
      await ingestThroughEndpoint(web.url, TEST_ROOM_SECRET, endpointSession, batches(1).slice(0, 1));
      await ingestWithCopy(web.databaseUrl, copySession, batches(1).slice(0, 1));
      const endpointMs = await ingestThroughEndpoint(web.url, TEST_ROOM_SECRET, endpointSession, batches(BATCH + 1));
      const copyMs = await ingestWithCopy(web.databaseUrl, copySession, batches(BATCH + 1));
      endpointRates.push(rows / (endpointMs / 1000));
      copyRates.push(rows / (copyMs / 1000));
      const counted = [await countRows(web.databaseUrl, endpointSession), await countRows(web.databaseUrl, copySession)];
      stored = [stored[0]! + counted[0]! - BATCH, stored[1]! + counted[1]! - BATCH];
    }
    const endpointRate = median(endpointRates);
    const copyRate = median(copyRates);
    console.log(
      table(
        ["path", "rows", "rows stored", "rows/s (median)", "vs COPY", "ratio by round"],
        [
          [`web ingest endpoint (${web.mode} build)`, rows * ROUNDS, stored[0]!, Math.round(endpointRate), ratio(endpointRate / copyRate), rounds(endpointRates.map((rate, i) => rate / copyRates[i]!))],
          ["PostgreSQL COPY", rows * ROUNDS, stored[1]!, Math.round(copyRate), ratio(1), ""],
        ],
      ),
    );
    console.log("\nGoal: ingest ≥ 0.5× COPY.\n");
  } finally {
    await web.dispose();
  }
}

const only = process.argv[2];
if (only !== "ingest") await fanout();
if (only !== "fanout") await ingest();
