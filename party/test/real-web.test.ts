// The room against the real web app (apps/web on PostgreSQL): session info from the database,
// and the recording's durability checked where it ends up — every event exactly once, in
// order, in PostgreSQL, through a web-app restart and a room restart, whatever bytes the
// candidate types. Skipped (with a note) when no PostgreSQL is reachable (TEST_DATABASE_URL or
// 127.0.0.1:5432).
import { joinLiveSession } from "@interviewlm/core/interviews";
import { changeMemberRole, removeMember } from "@interviewlm/core/organizations";
import { CLOSE_ACCESS_REVOKED, createRoomAdminClient, decodeRecordingEvent, INTERNAL_PATHS, signInternalRequest, type RecordingEvent } from "@interviewlm/realtime";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ControlClient, eventually, roomToken, YjsClient } from "./support/clients.ts";
import { startPartykit, startSandboxService, TEST_SANDBOX_SECRET, type PartykitProcess, type SandboxProcess } from "./support/processes.ts";
import { logEntries } from "./support/room-log.ts";
import { PYTHON_QUESTIONS, TEST_ROOM_SECRET } from "./support/stack.ts";
import { startTyping } from "./support/typist.ts";
import { reachablePostgres, startRealWebApp, type RealWebApp } from "./support/web-app.ts";

const adminUrl = await reachablePostgres();
if (!adminUrl) console.warn("real-web room tests skipped: no PostgreSQL reachable (set TEST_DATABASE_URL)");

describe.skipIf(!adminUrl)("the room with the real web app", () => {
  let web: RealWebApp;
  let sandbox: SandboxProcess;
  let party: PartykitProcess;
  beforeAll(async () => {
    sandbox = await startSandboxService();
    web = await startRealWebApp({ adminUrl: adminUrl!, roomSecret: TEST_ROOM_SECRET, sandboxUrl: sandbox.url, sandboxSecret: TEST_SANDBOX_SECRET });
    party = await startPartykit({ vars: { ROOM_TOKEN_SECRET: TEST_ROOM_SECRET, SANDBOX_URL: sandbox.url, SANDBOX_SERVICE_SECRET: TEST_SANDBOX_SECRET, WEB_INTERNAL_URL: web.url } });
    // In development mode the web app compiles a route on its first request, which can take
    // longer than a room waits for its session while starting: ask once before any room does.
    const path = INTERNAL_PATHS.session("warm-up");
    const warmUp = await fetch(new URL(path, web.url), { headers: await signInternalRequest(TEST_ROOM_SECRET, { method: "GET", path, body: "" }) });
    expect(warmUp.status).toBe(404);
  }, 240_000);
  afterAll(async () => {
    await party?.stop();
    await web?.dispose();
    await sandbox?.stop();
  });

  /** The session's recording as the replay reads it: every row decoded. */
  async function storedEvents(sessionId: string): Promise<RecordingEvent[]> {
    const rows = await web.db.prisma.recordingEvent.findMany({ where: { sessionId }, orderBy: { seq: "asc" }, select: { seq: true, at: true, type: true, actor: true, payload: true } });
    return rows.map(decodeRecordingEvent);
  }

  const inputsOf = (events: RecordingEvent[]) => events.filter((e) => e.type === "terminal.input").map((e) => e.payload.data);

  /**
   * The candidate's control socket once the room has the session. A room that could not load it
   * in time (a loaded machine, a web app compiling a route on first use) says
   * session_unavailable and closes, retrying on its own; a browser reconnects, and so does this.
   */
  function joinAsCandidate(sessionId: string, token: string): Promise<ControlClient> {
    return eventually(
      async () => {
        const control = await ControlClient.connect(party.url, sessionId, token);
        const welcomed = control.waitFor("welcome", () => true, 30_000).then(() => true, () => false);
        return (await Promise.race([welcomed, control.closed.then(() => false)])) ? control : null;
      },
      (control) => control !== null,
      60_000,
      "the room to load the session",
    ) as Promise<ControlClient>;
  }

  async function newInterview() {
    const question = PYTHON_QUESTIONS[0]!;
    const { id: workspaceId } = await sandbox.client.createWorkspace({ language: "python", files: question.files });
    const sessionId = await web.seedSession({ workspaceId, starterFiles: question.files, visibleTests: question.runTestFiles });
    return { sessionId, token: await roomToken(TEST_ROOM_SECRET, sessionId, "candidate", "cand_1") };
  }

  it("records every event exactly once in PostgreSQL through a web-app restart and a room restart", async () => {
    const { sessionId, token } = await newInterview();
    const editor = new YjsClient(party.url, sessionId, token);
    await editor.synced();
    await eventually(() => editor.files.get("calc.py"), (text) => text !== undefined);
    let control = await joinAsCandidate(sessionId, token);
    expect((await control.waitFor("welcome")).session).toMatchObject({ sessionId, status: "ACTIVE", question: { title: "Add two numbers" } });

    const typing = startTyping(() => editor.files.get("calc.py"));
    await eventually(() => storedEvents(sessionId), (events) => events.some((e) => e.type === "yjs.update"), 30_000, "the first typing in PostgreSQL");
    await web.stop();
    const logStart = party.output().length;
    control.send({ type: "terminal.input", data: "echo while-web-down\r" });
    await eventually(() => control.terminalText(), (text) => text.includes("\rwhile-web-down\r\n"), 15_000, "the echo while the web app is down");
    // The room tried to deliver while the web app was away, and kept everything.
    await eventually(() => logEntries(party.output().slice(logStart), "recording.flush_failed"), (failures) => failures.length > 0, 15_000, "a failed delivery");
    await typing.typedMore(30, "typing while the web app is down");
    await web.start();
    // Straight on to a room restart: what the room still holds must survive it too.
    await party.restart();
    control = await joinAsCandidate(sessionId, token);
    control.send({ type: "terminal.input", data: "echo after-room-restart\r" });
    await eventually(() => control.terminalText(), (text) => text.includes("\rafter-room-restart\r\n"), 15_000, "the echo after the room restart");
    await eventually(() => editor.provider.wsconnected && editor.provider.synced, Boolean, 15_000, "the editor to reconnect");
    await typing.typedMore(30, "typing after the room restart");
    typing.stop();
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
    expect(inputsOf(rows)).toEqual(["echo while-web-down\r", "echo after-room-restart\r"]);
    editor.destroy();
    // Two process restarts (the web app's takes ~10 s in development mode) and the room's
    // backed-off retries: more than the default minute on a loaded machine.
  }, 180_000);

  it("records NUL bytes, lone surrogates and the bytes a program prints exactly, and keeps recording after them", async () => {
    const { sessionId, token } = await newInterview();
    const control = await joinAsCandidate(sessionId, token);
    await control.waitFor("terminal.status", (m) => m.state === "ready");
    // A comment line, so the shell does nothing with the odd bytes; then a program printing a NUL.
    const inputs = ["# ", "\u0000", "x\ud800y", "\udc00", "\u0001\u001b\u007f\u00ff", "\r", "printf 'a\\000b\\n'\r", "echo after-nul\r"];
    for (const data of inputs) control.send({ type: "terminal.input", data });
    await eventually(() => control.terminalText(), (text) => text.includes("\rafter-nul\r\n"), 15_000, "the shell to answer");

    const events = await eventually(
      () => storedEvents(sessionId),
      (all) => inputsOf(all).length === inputs.length && all.filter((e) => e.type === "terminal.output").some((e) => String(e.payload.data).includes("\rafter-nul\r\n")),
      30_000,
      "everything typed, and what the shell printed after it, in PostgreSQL",
    );
    expect(inputsOf(events)).toEqual(inputs);
    const output = events.filter((e) => e.type === "terminal.output").map((e) => String(e.payload.data)).join("");
    expect(output).toContain("a\u0000b\r\n");
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    await control.close();
  });

  it("closes a removed member's sockets at once and refuses their token; a role change refuses the old token and accepts the new", async () => {
    const { sessionId } = await newInterview();
    const prisma = web.db.prisma;
    const { organizationId } = await prisma.interviewSession.findUniqueOrThrow({ where: { id: sessionId }, select: { organizationId: true } });
    const person = async (name: string, role: "OWNER" | "MEMBER" | "VIEWER") => {
      const user = await prisma.user.create({ data: { name, email: `${name.toLowerCase()}-${Date.now()}@party.test`, emailVerifiedAt: new Date() } });
      const membership = await prisma.membership.create({ data: { organizationId, userId: user.id, role } });
      return { userId: user.id, membershipId: membership.id, name, organizationId, role };
    };
    const owner = await person("Olga", "OWNER");
    const mia = await person("Mia", "MEMBER");
    const ray = await person("Ray", "MEMBER");
    const deps = { db: prisma, appUrl: web.url, appSecret: "party-test-app-secret-0123456789abcdefghijklmnopqrstuvwxyz", rooms: createRoomAdminClient({ baseUrl: party.url, secret: TEST_ROOM_SECRET }) };
    const pass = async (who: typeof mia) => (await joinLiveSession(prisma, TEST_ROOM_SECRET, who, sessionId)).roomToken;

    const miaToken = await pass(mia);
    const rayToken = await pass(ray);
    const miaWatching = await ControlClient.connect(party.url, sessionId, miaToken);
    const rayWatching = await ControlClient.connect(party.url, sessionId, rayToken);
    await Promise.all([miaWatching.waitFor("welcome", () => true, 60_000), rayWatching.waitFor("welcome", () => true, 60_000)]);

    await removeMember(deps, owner, { membershipId: mia.membershipId });
    expect((await miaWatching.closed).code).toBe(CLOSE_ACCESS_REVOKED);
    expect((await (await ControlClient.connect(party.url, sessionId, miaToken)).closed).code).toBe(CLOSE_ACCESS_REVOKED);

    await changeMemberRole(deps, owner, { membershipId: ray.membershipId, role: "VIEWER" });
    expect((await rayWatching.closed).code).toBe(CLOSE_ACCESS_REVOKED);
    const asViewer = await ControlClient.connect(party.url, sessionId, await pass({ ...ray, role: "VIEWER" }));
    await asViewer.waitFor("welcome");
    asViewer.send({ type: "note.add", text: "a viewer's note" });
    expect((await asViewer.waitFor("error", (m) => m.code === "forbidden")).message).toContain("notes:write");
    await asViewer.close();
  });
});
