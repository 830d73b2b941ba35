// Where one cold frame at minute 55 spends its time (`npx tsx replay/profile.ts` in bench/):
// the same synthetic session as bench.ts, keyframes built, then each step of a full seek (with
// the Yjs document) timed alone, and the frame path that skips the document.
import { createTestDatabase } from "@interviewlm/db/testing";
import { ingestRecording } from "@interviewlm/core/interviews";
import { ensureKeyframes, frameStateAt, ReplayState } from "@interviewlm/core/replay";
import { syntheticSession } from "@interviewlm/core/replay/testing";
import * as Y from "yjs";
import { timed, ms } from "../sandbox/stats.ts";
import { nearestKeyframe } from "../../packages/core/src/replay/keyframes.ts";
import { readEventsAfter } from "../../packages/core/src/replay/event-rows.ts";

process.env.TEST_DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/postgres";
const HOUR = 3_600_000;
const START = Date.UTC(2026, 0, 5, 9, 0, 0);
const db = await createTestDatabase();
try {
  const org = await db.prisma.organization.create({ data: { name: "P", slug: "profile-replay" } });
  const assessment = await db.prisma.assessment.create({ data: { organizationId: org.id, title: "P", role: "E", seniority: "MID", languages: ["python"], durationMinutes: 60, questionCount: 1, questionSelection: "AUTO" } });
  const candidate = await db.prisma.candidate.create({ data: { organizationId: org.id, assessmentId: assessment.id, name: "C", email: "c@p.test", inviteNonce: "p", expiresAt: new Date(START + 86_400_000) } });
  const sessionId = (await db.prisma.interviewSession.create({ data: { organizationId: org.id, assessmentId: assessment.id, candidateId: candidate.id, status: "COMPLETED", language: "python", startedAt: new Date(START), deadlineAt: new Date(START + HOUR), completedAt: new Date(START + HOUR) } })).id;
  const { events } = syntheticSession({ events: Number(process.env.BENCH_REPLAY_EVENTS ?? 200_000), durationMs: HOUR, seed: 11, startAt: START });
  for (let i = 0; i < events.length; i += 2000) await ingestRecording(db.prisma, { sessionId, events: events.slice(i, i + 2000) });
  await ensureKeyframes(db.prisma, sessionId);
  for (let round = 0; round < 3; round++) {
    const at = START + 55 * 60_000 + 30_000;
    let keyframe: Awaited<ReturnType<typeof nearestKeyframe>> = null;
    const load = await timed(async () => void (keyframe = await nearestKeyframe(db.prisma, sessionId, { at })));
    const kf = keyframe!;
    const doc = new Y.Doc();
    const decode = await timed(async () => Y.applyUpdate(doc, kf.doc!));
    const restore = await timed(async () => (await ReplayState.restore(kf)).dispose());
    const state = await ReplayState.restore(kf);
    let events: Awaited<ReturnType<typeof readEventsAfter>> = [];
    const read = await timed(async () => void (events = await readEventsAfter(db.prisma, sessionId, kf.seq, 5000, at)));
    const fold = await timed(async () => {
      for (const e of events) state.apply(e);
      await state.settled();
    });
    const files = await timed(async () => void state.files());
    const screen = await timed(async () => void (await state.screen()));
    console.log(`keyframe seq ${kf.seq}: doc ${(kf.doc!.length / 1e3).toFixed(0)} kB, terminal ${(kf.terminal.length / 1e3).toFixed(0)} kchars; load ${ms(load)}, Yjs decode ${ms(decode)}, restore doc+xterm ${ms(restore)}, read ${events.length} events ${ms(read)}, fold ${ms(fold)}, files ${ms(files)}, serialize screen ${ms(screen)}`);
    state.dispose();
    const frame = await timed(async () => void (await frameStateAt(db.prisma, sessionId, at)));
    let light: Awaited<ReturnType<typeof nearestKeyframe>> = null;
    const loadLight = await timed(async () => void (light = await nearestKeyframe(db.prisma, sessionId, { at, withDocument: false })));
    let lightState: ReplayState | null = null;
    const restoreLight = await timed(async () => void (lightState = await ReplayState.restore(light!)));
    const foldLight = await timed(async () => {
      for (const e of events) lightState!.apply(e);
      await lightState!.settled();
    });
    lightState!.dispose();
    console.log(`  the frame path (keyframe texts + edits, no document): ${ms(frame)} — row without document ${ms(loadLight)} (${light!.edits?.length ?? 0} edits), xterm restore ${ms(restoreLight)}, fold without document ${ms(foldLight)}`);
  }
} finally {
  await db.close();
}
