// The recording survives a web-app outage and a room restart: every event reaches the
// ingest endpoint, each seq exactly once and none missing, and replaying the recorded Yjs
// updates rebuilds exactly the document the candidate ended with. Events the web app refuses
// for good are set aside, and never hold up the ones behind them.
import type { RecordingEvent } from "@interviewlm/realtime";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ControlClient, eventually, roomToken, YjsClient } from "./support/clients.ts";
import { logEntries } from "./support/room-log.ts";
import { startRoomStack, TEST_ROOM_SECRET, type RoomStack } from "./support/stack.ts";
import { startTyping } from "./support/typist.ts";

let stack: RoomStack;
beforeAll(async () => {
  stack = await startRoomStack();
});
afterAll(async () => {
  await stack?.stop();
});

function replayText(events: RecordingEvent[], path: string): string | undefined {
  const doc = new Y.Doc();
  for (const event of events) if (event.type === "yjs.update") Y.applyUpdate(doc, Buffer.from(String(event.payload.update), "base64"));
  return doc.getMap<Y.Text>("files").get(path)?.toString();
}

const inputsOf = (events: RecordingEvent[]) => events.filter((e) => e.type === "terminal.input").map((e) => e.payload.data);

describe("the recording", () => {
  it("loses and duplicates nothing through a web-app outage and a room restart", async () => {
    const sessionId = await stack.newSession();
    const token = await roomToken(TEST_ROOM_SECRET, sessionId, "candidate", "cand_1");
    const editor = new YjsClient(stack.party.url, sessionId, token);
    await editor.synced();
    await eventually(() => editor.files.has("calc.py"), Boolean);
    let control = await ControlClient.connect(stack.party.url, sessionId, token);
    await control.waitFor("welcome");
    const inputs: string[] = [];
    const typeInTerminal = (data: string) => {
      inputs.push(data);
      control.send({ type: "terminal.input", data });
    };

    const typing = startTyping(() => editor.files.get("calc.py"));
    typeInTerminal("echo before-outage\r");
    await eventually(() => inputsOf(stack.web.events(sessionId)), (recorded) => recorded.includes("echo before-outage\r"), 15_000, "the first events to be ingested");

    stack.web.down = true;
    const stored = stack.web.events(sessionId).length;
    const refusedBefore = stack.web.refusedWhileDown;
    typeInTerminal("echo during-outage\r");
    await typing.typedMore(30, "typing during the outage");
    // The room tried (and was refused) more than once: it kept everything and backed off.
    await eventually(() => stack.web.refusedWhileDown, (refused) => refused >= refusedBefore + 2, 15_000, "the room to retry during the outage");
    expect(stack.web.events(sessionId).length).toBe(stored);
    stack.web.down = false;
    await eventually(() => inputsOf(stack.web.events(sessionId)), (recorded) => recorded.includes("echo during-outage\r"), 20_000, "ingest to resume after the outage");

    typeInTerminal("echo before-restart\r");
    // Its output must be in the room before the restart, so the sandbox's replay after it is a duplicate to drop.
    await eventually(() => control.terminalText(), (text) => text.includes("\rbefore-restart\r\n"), 15_000, "the echo before the restart");
    await stack.party.restart();
    control = await ControlClient.connect(stack.party.url, sessionId, token);
    await control.waitFor("welcome");
    typeInTerminal("echo after-restart\r");
    await eventually(() => control.terminalText(), (text) => text.includes("\rafter-restart\r\n"), 15_000, "the echo after the restart");
    await eventually(() => editor.provider.wsconnected && editor.provider.synced, Boolean, 15_000, "the editor to reconnect");
    await typing.typedMore(30, "typing after the restart");
    const typed = typing.stop();
    editor.provider.disconnect();
    await control.close();

    const expectedText = editor.text("calc.py")!;
    expect(expectedText.length).toBeGreaterThan(typed);
    // Every event arrives (the seqs are 1..n with nothing missing), and the document the
    // recording rebuilds is exactly the candidate's.
    const events = await eventually(
      () => stack.web.events(sessionId),
      (all) => all.length > 0 && all.length === all[all.length - 1]!.seq && replayText(all, "calc.py") === expectedText,
      30_000,
      "the recording to be complete",
    );
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(inputsOf(events)).toEqual(inputs);
    // The terminal reattached after the restart: what it replayed was not recorded twice.
    const output = events.filter((e) => e.type === "terminal.output").map((e) => String(e.payload.data)).join("");
    expect(output.split("echo before-restart\r\n").length - 1).toBe(1);
    expect(output.split("\rbefore-restart\r\n").length - 1).toBe(1);
    expect(output.split("\rafter-restart\r\n").length - 1).toBe(1);
    expect(events.filter((e) => e.type === "presence.joined").length).toBe(2);
    for (let i = 1; i < events.length; i++) expect(events[i]!.seq).toBeGreaterThan(events[i - 1]!.seq);
    expect(stack.web.rejectedSignatures).toBe(0);
    if (process.env.DEBUG_ROOM) console.log(stack.party.output(), stack.web.duplicates);
    editor.destroy();
  });

  it("sets aside the events the web app refuses for good, alone, and keeps recording the rest", async () => {
    const sessionId = await stack.newSession();
    const token = await roomToken(TEST_ROOM_SECRET, sessionId, "candidate", "cand_1");
    let control = await ControlClient.connect(stack.party.url, sessionId, token);
    await control.waitFor("welcome");
    stack.web.refuseEvent = (event) => (event.type === "terminal.input" && String(event.payload.data).includes("poison") ? "payload: refused for the test" : null);
    const logStart = stack.party.output().length;
    try {
      // Sent together, so the refused event travels in one batch with good ones.
      const inputs = ["echo one\r", "# poison\r", "echo two\r", "\u0000", "\ud800", "echo three\r"];
      for (const data of inputs) control.send({ type: "terminal.input", data });

      await eventually(() => stack.web.deadLetters.filter((letter) => letter.sessionId === sessionId), (letters) => letters.length === 1, 20_000, "the refused event to be set aside");
      const [letter] = stack.web.deadLetters.filter((l) => l.sessionId === sessionId);
      // Narrowed down to the refused event alone; its request body is kept as it was sent.
      expect(letter).toMatchObject({ events: 1, status: 400, reason: expect.stringMatching(/refused for the test/) });
      expect(letter!.firstSeq).toBe(letter!.lastSeq);
      const setAside = JSON.parse(letter!.body) as { events: RecordingEvent[] };
      expect(setAside.events.map((e) => e.payload.data)).toEqual(["# poison\r"]);

      // Everything else is recorded, in order, and the seqs with the set-aside one are 1..n.
      const events = await eventually(() => stack.web.events(sessionId), (all) => inputsOf(all).includes("echo three\r"), 20_000, "the events behind the refused one");
      expect(inputsOf(events)).toEqual(inputs.filter((data) => !data.includes("poison")));
      expect([...events.map((e) => e.seq), letter!.firstSeq].sort((a, b) => a - b)).toEqual(events.map((_, i) => i + 1).concat(events.length + 1));
      // A log line an operator can alert on, with the room's running count.
      const logged = await eventually(() => logEntries(stack.party.output().slice(logStart), "recording.batch_set_aside"), (entries) => entries.length > 0, 10_000, "the set-aside log line");
      expect(logged).toEqual([expect.objectContaining({ level: "error", room: sessionId, firstSeq: letter!.firstSeq, events: 1, status: 400, deadLetterBatches: 1, deadLetterEvents: 1 })]);

      // The count is kept in room storage: a restarted room still reports it.
      await control.close();
      const restartedAt = stack.party.output().length;
      await stack.party.restart();
      control = await ControlClient.connect(stack.party.url, sessionId, token);
      await control.waitFor("welcome");
      // The log line comes through partykit's stdout, the welcome through the socket: either may arrive first.
      const started = await eventually(() => logEntries(stack.party.output().slice(restartedAt), "room.started").filter((entry) => entry.room === sessionId), (entries) => entries.length > 0, 10_000, "the room.started line");
      expect(started).toEqual([expect.objectContaining({ deadLettered: { batches: 1, events: 1 } })]);
    } finally {
      stack.web.refuseEvent = null;
      await control.close();
    }
  });
});
