// The room against the real web app (apps/web on PostgreSQL): session info from the database,
// and the recording's durability checked where it ends up — every event exactly once, in
// order, in PostgreSQL, through a web-app restart and a room restart. Skipped (with a note)
// when no PostgreSQL is reachable (TEST_DATABASE_URL or 127.0.0.1:5432).
import pg from "pg";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ControlClient, eventually, roomToken, YjsClient } from "./support/clients.ts";
import { startPartykit, startSandboxService, TEST_SANDBOX_SECRET, type PartykitProcess, type SandboxProcess } from "./support/processes.ts";
import { PYTHON_QUESTIONS, TEST_ROOM_SECRET } from "./support/stack.ts";
import { reachablePostgres, startRealWebApp, type RealWebApp } from "./support/web-app.ts";

const adminUrl = await reachablePostgres();
if (!adminUrl) console.warn("real-web room tests skipped: no PostgreSQL reachable (set TEST_DATABASE_URL)");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!adminUrl)("the room with the real web app", () => {
  let web: RealWebApp;
  let sandbox: SandboxProcess;
  let party: PartykitProcess;
  beforeAll(async () => {
    sandbox = await startSandboxService();
    web = await startRealWebApp({ adminUrl: adminUrl!, roomSecret: TEST_ROOM_SECRET, sandboxUrl: sandbox.url, sandboxSecret: TEST_SANDBOX_SECRET });
    party = await startPartykit({ vars: { ROOM_TOKEN_SECRET: TEST_ROOM_SECRET, SANDBOX_URL: sandbox.url, SANDBOX_SERVICE_SECRET: TEST_SANDBOX_SECRET, WEB_INTERNAL_URL: web.url } });
  }, 240_000);
  afterAll(async () => {
    await party?.stop();
    await web?.dispose();
    await sandbox?.stop();
  });

  async function storedEvents(sessionId: string) {
    const client = new pg.Client({ connectionString: web.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ seq: number; type: string; payload: Record<string, unknown> }>(`SELECT seq, type, payload FROM "RecordingEvent" WHERE "sessionId" = $1 ORDER BY seq`, [sessionId]);
      return rows;
    } finally {
      await client.end();
    }
  }

  it("records every event exactly once in PostgreSQL through a web-app restart and a room restart", async () => {
    const question = PYTHON_QUESTIONS[0]!;
    const { id: workspaceId } = await sandbox.client.createWorkspace({ language: "python", files: question.files });
    const sessionId = await web.seedSession({ workspaceId, starterFiles: question.files, visibleTests: question.runTestFiles });
    const token = await roomToken(TEST_ROOM_SECRET, sessionId, "candidate", "cand_1");
    const editor = new YjsClient(party.url, sessionId, token);
    await editor.synced();
    const calc = await eventually(() => editor.files.get("calc.py"), (text) => text !== undefined);
    let control = await ControlClient.connect(party.url, sessionId, token);
    expect((await control.waitFor("welcome")).session).toMatchObject({ sessionId, status: "ACTIVE", question: { title: "Add two numbers" } });

    let typing = true;
    const typed = (async () => {
      for (let i = 0; typing; i++) {
        calc!.insert(calc!.length, String.fromCharCode(97 + (i % 26)));
        await sleep(15);
      }
    })();
    await sleep(1000);
    await web.stop();
    control.send({ type: "terminal.input", data: "echo while-web-down\r" });
    await sleep(2500);
    await web.start();
    await sleep(1000);
    await party.restart();
    control = await ControlClient.connect(party.url, sessionId, token);
    await control.waitFor("welcome");
    control.send({ type: "terminal.input", data: "echo after-room-restart\r" });
    await sleep(1500);
    typing = false;
    await typed;
    await control.close();
    const expected = editor.text("calc.py");

    const rows = await eventually(
      () => storedEvents(sessionId),
      (all) => {
        if (all.length === 0 || all[all.length - 1]!.seq !== all.length) return false;
        const doc = new Y.Doc();
        for (const row of all) if (row.type === "yjs.update") Y.applyUpdate(doc, Buffer.from(String(row.payload.update), "base64"));
        return doc.getMap<Y.Text>("files").get("calc.py")?.toString() === expected;
      },
      60_000,
      "the recording in PostgreSQL to be complete",
    );
    expect(rows.map((row) => row.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.filter((row) => row.type === "terminal.input").map((row) => row.payload.data)).toEqual(["echo while-web-down\r", "echo after-room-restart\r"]);
    editor.destroy();
  });
});
