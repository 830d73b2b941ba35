// Lossless recording through outages, checked in PostgreSQL: the candidate keeps typing
// while the web app is stopped and started again, then while the room server restarts;
// every event must arrive exactly once, in order, and replaying the recorded editor
// updates must rebuild exactly the text the candidate typed.
import { decodeRecordingEvent, type RecordingEvent, type StoredRecordingEvent } from "@interviewlm/realtime";
import pg from "pg";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import YProvider from "y-partykit/provider";
import * as Y from "yjs";
import { launchBrowser } from "./support/browser.ts";
import { inviteCandidate, signUpVerified } from "./support/people.ts";
import { expectReplayEndsAsWorkspace } from "./support/replay-check.ts";
import { printStackLogsOnFailure, startStack, type Stack } from "./support/stack.ts";

const postgres = Boolean(process.env.TEST_DATABASE_URL);

describe.skipIf(!postgres)("recording durability (PostgreSQL suite)", () => {
  let stack: Stack;
  printStackLogsOnFailure(() => stack);
  let browser: Browser;
  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function trpc<T>(path: string, input: unknown): Promise<T> {
    const response = await fetch(`${stack.web.url}/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: stack.web.url },
      body: JSON.stringify({ json: input }),
    });
    const body = (await response.json()) as { result?: { data: { json: T } }; error?: unknown };
    if (!body.result) throw new Error(`${path} failed: ${JSON.stringify(body.error)}`);
    return body.result.data.json;
  }

  it("loses and duplicates nothing when the web app and then the room restart mid-typing", async () => {
    const owner = await signUpVerified(browser, stack.web.url, { name: "Dora Durable", email: "dora@durable.test", organization: "Durable Co" });
    const { link } = await inviteCandidate(await owner.newPage(), stack.web.url, { name: "Tom Typist", email: "tom@cand.test", template: /Backend Python/ });
    const token = decodeURIComponent(link.split("/i/")[1]!);
    await trpc("interview.start", { token, language: "python" });
    const room = await trpc<{ sessionId: string; roomToken: string; roomHost: string }>("interview.room", { token });

    // The candidate's editor, as a Yjs client of the room.
    const doc = new Y.Doc();
    const provider = new YProvider(room.roomHost.replace(/^http/, "ws"), room.sessionId, doc, {
      party: "main",
      params: { token: room.roomToken, channel: "yjs" },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    });
    await new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once("synced", () => resolve())));
    const files = doc.getMap<Y.Text>("files");
    await expect.poll(() => files.size, { timeout: 30_000 }).toBeGreaterThan(0);
    const path = [...files.keys()].find((p) => !/test/.test(p)) ?? [...files.keys()][0]!;
    const text = files.get(path)!;

    // A fast typist: one keystroke pair every 20 ms, whatever happens around it.
    let typed = 0;
    const typist = setInterval(() => text.insert(text.length, `x${typed++ % 10}`), 20);
    const typedMore = async (count: number) => {
      const target = typed + count;
      await expect.poll(() => typed, { timeout: 15_000 }).toBeGreaterThanOrEqual(target);
    };

    const db = new pg.Client({ connectionString: stack.web.databaseUrl! });
    await db.connect();
    try {
      /** The session's recording as the replay reads it. */
      const recorded = async () => {
        const { rows } = await db.query<StoredRecordingEvent>(`SELECT seq, at, type, actor, payload FROM "RecordingEvent" WHERE "sessionId" = $1 ORDER BY seq`, [room.sessionId]);
        return rows.map(decodeRecordingEvent);
      };
      const replayedText = (events: RecordingEvent[]) => {
        const replay = new Y.Doc();
        for (const event of events) if (event.type === "yjs.update") Y.applyUpdate(replay, Buffer.from(String(event.payload.update), "base64"));
        return replay.getMap<Y.Text>("files").get(path)?.toString() ?? "";
      };

      await expect.poll(async () => (await recorded()).length, { timeout: 30_000 }).toBeGreaterThan(0);
      await stack.web.kill(); // ingest unreachable: the room must keep everything
      const beforeOutage = (await recorded()).length;
      await typedMore(100);
      await stack.web.start();
      await expect.poll(async () => (await recorded()).length, { timeout: 60_000 }).toBeGreaterThan(beforeOutage);
      await stack.party.stop(); // the room goes away; the client keeps typing offline
      await typedMore(50);
      await stack.party.start();
      await expect.poll(() => provider.wsconnected && provider.synced, { timeout: 30_000 }).toBe(true);
      await typedMore(50);
      clearInterval(typist);
      const finalText = text.toString();

      // Everything arrives, exactly once and in order.
      await expect.poll(async () => replayedText(await recorded()), { timeout: 60_000, interval: 1000 }).toBe(finalText);
      const events = await recorded();
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      expect(events.filter((e) => e.type === "yjs.update").length).toBeGreaterThan(10);
      // Room time never runs backwards within the recording.
      for (let i = 1; i < events.length; i++) expect(events[i]!.at).toBeGreaterThanOrEqual(events[i - 1]!.at - 1000);
      // And the replay, read as a reviewer reads it, ends with every file of the workspace.
      expect(await expectReplayEndsAsWorkspace(stack, owner, room.sessionId)).toContain(path);
    } finally {
      clearInterval(typist);
      await db.end();
      provider.destroy();
    }
  });
});
