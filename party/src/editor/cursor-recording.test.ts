import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";
import { CursorRecording, type CursorPosition } from "./cursor-recording.ts";

const INTERVAL = 200;

/** The room's document and awareness, and a browser's copy of the document publishing a cursor as y-codemirror.next does. */
function setup() {
  const room = new Y.Doc();
  const files = room.getMap<Y.Text>("files");
  room.transact(() => {
    files.set("main.py", new Y.Text("def solve():\n    return 0\n"));
    files.set("notes.md", new Y.Text("# notes\n"));
  });
  const roomAwareness = new Awareness(room);
  const recorded: { actor: string; cursor: CursorPosition }[] = [];
  let clock = 1_000_000;
  const recording = new CursorRecording({ doc: room, awareness: roomAwareness, files, intervalMs: INTERVAL, now: () => clock, record: (actor, cursor) => recorded.push({ actor, cursor }) });

  const browser = (role: "candidate" | "reviewer", id: string) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(room));
    const awareness = new Awareness(doc);
    awareness.setLocalStateField("user", { id, name: role === "candidate" ? "Cara" : "Rhea", role, color: "#123456", colorLight: "#12345633" });
    const publish = () => applyAwarenessUpdate(roomAwareness, encodeAwarenessUpdate(awareness, [doc.clientID]), "socket");
    return {
      doc,
      text: (path: string) => doc.getMap<Y.Text>("files").get(path)!,
      /** Sends the browser's document changes to the room (as its Yjs socket would). */
      sync: () => Y.applyUpdate(room, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(room))),
      select(path: string, anchor: number, head = anchor) {
        const text = doc.getMap<Y.Text>("files").get(path)!;
        const rel = (index: number) => Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, index));
        awareness.setLocalStateField("cursor", { anchor: rel(anchor), head: rel(head) });
        publish();
      },
      blur() {
        awareness.setLocalStateField("cursor", null);
        publish();
      },
    };
  };
  return { room, files, recording, recorded, browser, advance: (ms: number) => (clock += ms) };
}

describe("recording the candidate's cursor", () => {
  // Only the throttle's timeouts: awareness keeps its own interval.
  beforeEach(() => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] }));
  afterEach(() => vi.useRealTimers());

  it("records the candidate's caret and selection as a path and offsets", () => {
    const { browser, recorded, advance } = setup();
    const cara = browser("candidate", "cand_1");
    cara.select("main.py", 4);
    advance(INTERVAL);
    cara.select("notes.md", 2, 7);
    expect(recorded).toEqual([
      { actor: "candidate:cand_1", cursor: { path: "main.py", anchor: 4, head: 4 } },
      { actor: "candidate:cand_1", cursor: { path: "notes.md", anchor: 2, head: 7 } },
    ]);
  });

  it("ignores reviewers, a blurred editor and an unchanged position", () => {
    const { browser, recorded, advance } = setup();
    browser("reviewer", "user_1").select("main.py", 3);
    const cara = browser("candidate", "cand_1");
    cara.select("main.py", 1);
    advance(INTERVAL);
    cara.blur();
    advance(INTERVAL);
    cara.select("main.py", 1);
    vi.runAllTimers();
    expect(recorded.map((r) => r.cursor)).toEqual([{ path: "main.py", anchor: 1, head: 1 }]);
  });

  it("throttles a burst to its first and last positions", () => {
    const { browser, recorded, advance } = setup();
    const cara = browser("candidate", "cand_1");
    for (let i = 0; i < 10; i++) {
      cara.select("main.py", i);
      advance(10);
    }
    expect(recorded.map((r) => r.cursor.head)).toEqual([0]);
    vi.runAllTimers();
    expect(recorded.map((r) => r.cursor.head)).toEqual([0, 9]);
  });

  it("resolves the offsets against the room's document when it records, after edits made meanwhile", () => {
    const { browser, recorded, files, advance } = setup();
    const cara = browser("candidate", "cand_1");
    cara.select("main.py", 0);
    cara.text("main.py").insert(0, "# head\n");
    // Inside the inserted text: a position the room cannot resolve until the edit reaches it.
    cara.select("main.py", 3);
    cara.sync();
    advance(INTERVAL);
    vi.runAllTimers();
    expect(recorded.at(-1)!.cursor).toEqual({ path: "main.py", anchor: 3, head: 3 });
    expect(files.get("main.py")!.toString().slice(0, 7)).toBe("# head\n");
  });

  it("follows the caret when someone else inserts text before it, without a new awareness state", async () => {
    const { browser, recorded, files, advance } = setup();
    const cara = browser("candidate", "cand_1");
    cara.select("main.py", 4);
    advance(INTERVAL);
    files.get("main.py")!.insert(0, "# the agent wrote this\n"); // in the room's document
    await Promise.resolve();
    vi.runAllTimers();
    expect(recorded.map((r) => r.cursor.head)).toEqual([4, 4 + "# the agent wrote this\n".length]);
  });

  it("a caret at the end of a text, heard before the text arrives, is recorded again once it does", async () => {
    const { browser, recorded, advance } = setup();
    const cara = browser("candidate", "cand_1");
    const text = cara.text("notes.md");
    text.insert(text.length, "more notes\n");
    cara.select("notes.md", text.length); // "the end of notes.md": resolvable at once, against the room's shorter text
    advance(INTERVAL);
    cara.sync();
    await Promise.resolve();
    vi.runAllTimers();
    expect(recorded.map((r) => r.cursor)).toEqual([
      { path: "notes.md", anchor: 8, head: 8 },
      { path: "notes.md", anchor: 19, head: 19 },
    ]);
  });

  it("records a position that arrives before the edit it points into once the edit is applied", async () => {
    const { browser, recorded, advance } = setup();
    const cara = browser("candidate", "cand_1");
    cara.text("main.py").insert(0, "# typed before the room has it\n");
    cara.select("main.py", 5); // the awareness frame overtakes the document update
    expect(recorded).toEqual([]);
    advance(INTERVAL);
    cara.sync();
    await Promise.resolve(); // the retry runs after the room's own update listeners
    vi.runAllTimers();
    expect(recorded.map((r) => r.cursor)).toEqual([{ path: "main.py", anchor: 5, head: 5 }]);
  });

  it("drops a waiting position once detached", () => {
    const { browser, recording, recorded } = setup();
    const cara = browser("candidate", "cand_1");
    cara.select("main.py", 1);
    cara.select("main.py", 2);
    recording.detach();
    vi.runAllTimers();
    cara.select("main.py", 3);
    expect(recorded.map((r) => r.cursor.head)).toEqual([1]);
  });
});
