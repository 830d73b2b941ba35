// Lossless recording through outages, checked in PostgreSQL: the candidate keeps typing
// while the web app is stopped and started again, then while the room server restarts;
// every event must arrive exactly once, in order, and replaying the recorded editor
// updates must rebuild exactly the text the candidate typed.
import pg from "pg";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import YProvider from "y-partykit/provider";
import * as Y from "yjs";
import { launchBrowser } from "./support/browser.ts";
import { inviteCandidate, signUpVerified } from "./support/people.ts";
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

    let typed = 0;
    let typing = true;
    const typist = (async () => {
      while (typing) {
        text.insert(text.length, `x${typed++ % 10}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

    await pause(1500);
    await stack.web.kill(); // ingest unreachable: the room must keep everything
    await pause(3000);
    await stack.web.start();
    await pause(1500);
    await stack.party.stop(); // the room goes away; the client keeps typing offline
    await pause(2000);
    await stack.party.start();
    await expect.poll(() => provider.wsconnected, { timeout: 30_000 }).toBe(true);
    await pause(1500);
    typing = false;
    await typist;
    const finalText = text.toString();
    expect(typed).toBeGreaterThan(100);

    // Everything arrives, exactly once and in order.
    const db = new pg.Client({ connectionString: stack.web.databaseUrl! });
    await db.connect();
    try {
      const replayed = async () => {
        const { rows } = await db.query<{ seq: number; at: Date; type: string; payload: { update?: string } }>(
          `SELECT seq, at, type, payload FROM "RecordingEvent" WHERE "sessionId" = $1 ORDER BY seq`,
          [room.sessionId],
        );
        const replay = new Y.Doc();
        for (const row of rows) if (row.type === "yjs.update" && row.payload.update) Y.applyUpdate(replay, Buffer.from(row.payload.update, "base64"));
        return { rows, text: replay.getMap<Y.Text>("files").get(path)?.toString() ?? "" };
      };
      await expect.poll(async () => (await replayed()).text, { timeout: 60_000, interval: 1000 }).toBe(finalText);
      const { rows } = await replayed();
      expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
      expect(rows.filter((r) => r.type === "yjs.update").length).toBeGreaterThan(10);
      // Room time never runs backwards within the recording.
      for (let i = 1; i < rows.length; i++) expect(rows[i]!.at.getTime()).toBeGreaterThanOrEqual(rows[i - 1]!.at.getTime() - 1000);
    } finally {
      await db.end();
      provider.destroy();
    }
  });
});
