// The recording survives a web-app outage and a room restart: every event reaches the
// ingest endpoint, each seq exactly once and none missing, and replaying the recorded Yjs
// updates rebuilds exactly the document the candidate ended with.
import type { RecordingEvent } from "@interviewlm/realtime";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ControlClient, eventually, roomToken, YjsClient } from "./support/clients.ts";
import { startRoomStack, TEST_ROOM_SECRET, type RoomStack } from "./support/stack.ts";

let stack: RoomStack;
beforeAll(async () => {
  stack = await startRoomStack();
});
afterAll(async () => {
  await stack?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Types one character every few ms into calc.py until stopped. */
function startTyping(client: YjsClient): { stop(): Promise<number> } {
  let typed = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const text = client.files.get("calc.py");
      if (text) {
        text.insert(text.length, String.fromCharCode(97 + (typed % 26)));
        typed++;
      }
      await sleep(15);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return typed;
    },
  };
}

function replayText(events: RecordingEvent[], path: string): string | undefined {
  const doc = new Y.Doc();
  for (const event of events) if (event.type === "yjs.update") Y.applyUpdate(doc, Buffer.from(String(event.payload.update), "base64"));
  return doc.getMap<Y.Text>("files").get(path)?.toString();
}

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

    const typing = startTyping(editor);
    typeInTerminal("echo before-outage\r");
    await sleep(1200);

    stack.web.down = true;
    const stored = stack.web.events(sessionId).length;
    typeInTerminal("echo during-outage\r");
    await sleep(2500);
    expect(stack.web.events(sessionId).length).toBe(stored);
    stack.web.down = false;
    await eventually(() => stack.web.events(sessionId).length, (n) => n > stored, 20_000, "ingest to resume after the outage");

    typeInTerminal("echo before-restart\r");
    await sleep(500);
    await stack.party.restart();
    await sleep(300);
    control = await ControlClient.connect(stack.party.url, sessionId, token);
    await control.waitFor("welcome");
    typeInTerminal("echo after-restart\r");
    await sleep(1500);
    const typed = await typing.stop();
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
    expect(events.filter((e) => e.type === "terminal.input").map((e) => e.payload.data)).toEqual(inputs);
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
});
