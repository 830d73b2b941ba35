// The editor document: shared between clients, read-only for reviewers, mirrored to the
// sandbox workspace and back.
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ControlClient, eventually, roomToken, YjsClient } from "./support/clients.ts";
import { startRoomStack, TEST_ROOM_SECRET, type RoomStack } from "./support/stack.ts";

let stack: RoomStack;
const clients: { destroy(): void }[] = [];
beforeAll(async () => {
  stack = await startRoomStack();
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await stack?.stop();
});

async function editor(sessionId: string, role: "candidate" | "reviewer", uid: string): Promise<YjsClient> {
  const client = new YjsClient(stack.party.url, sessionId, await roomToken(TEST_ROOM_SECRET, sessionId, role, uid));
  clients.push(client);
  await client.synced();
  return client;
}

async function sandboxFile(sessionId: string, path: string): Promise<string | null> {
  const workspaceId = stack.web.info(sessionId).workspaceId!;
  try {
    return (await stack.sandbox.client.readFile(workspaceId, path)).content;
  } catch {
    return null;
  }
}

describe("the editor document", () => {
  it("starts with the workspace's files and is the same for every client", async () => {
    const sessionId = await stack.newSession();
    const candidate = await editor(sessionId, "candidate", "cand_1");
    const reviewer = await editor(sessionId, "reviewer", "rev_1");
    await eventually(() => candidate.text("calc.py"), (text) => text === "def add(a, b):\n    return a - b\n");
    candidate.files.get("calc.py")!.insert(0, "# my solution\n");
    await eventually(() => reviewer.text("calc.py"), (text) => text?.startsWith("# my solution\n") === true, 10_000, "the reviewer to see the edit");
  });

  it("ignores a reviewer's edits: their sync messages never change the room's document", async () => {
    const sessionId = await stack.newSession();
    const candidate = await editor(sessionId, "candidate", "cand_1");
    const reviewer = await editor(sessionId, "reviewer", "rev_1");
    await eventually(() => reviewer.text("calc.py"), (text) => text !== undefined);
    reviewer.files.get("calc.py")!.insert(0, "# reviewer was here\n");
    reviewer.files.set("evil.py", new Y.Text("import os\n"));
    reviewer.files.delete("calc.py");
    await reviewer.passedThroughRoom(candidate);
    // A marker edit from the candidate, after the room has handled the reviewer's edits.
    candidate.files.get("calc.py")!.insert(0, "# marker\n");
    const late = await editor(sessionId, "candidate", "cand_1");
    await eventually(() => late.text("calc.py"), (text) => text?.startsWith("# marker\n") === true);
    expect(late.text("calc.py")).not.toContain("reviewer was here");
    expect(late.files.has("evil.py")).toBe(false);
    expect(candidate.files.has("evil.py")).toBe(false);
    // Once the marker is in the sandbox, the mirror has written everything the document held before it.
    await eventually(() => sandboxFile(sessionId, "calc.py"), (content) => content?.startsWith("# marker\n") === true, 10_000, "the marker in the sandbox");
    expect(await sandboxFile(sessionId, "evil.py")).toBeNull();
    expect(await sandboxFile(sessionId, "calc.py")).not.toContain("reviewer was here");
  });

  it("writes the candidate's edits, new files, renames and deletions to the sandbox", async () => {
    const sessionId = await stack.newSession();
    const candidate = await editor(sessionId, "candidate", "cand_1");
    await eventually(() => candidate.text("calc.py"), (text) => text !== undefined);
    const calc = candidate.files.get("calc.py")!;
    calc.delete(0, calc.length);
    calc.insert(0, "def add(a, b):\n    return a + b\n");
    candidate.files.set("notes.md", new Y.Text("first draft\n"));
    await eventually(() => sandboxFile(sessionId, "calc.py"), (content) => content === "def add(a, b):\n    return a + b\n", 10_000, "calc.py in the sandbox");
    await eventually(() => sandboxFile(sessionId, "notes.md"), (content) => content === "first draft\n");
    candidate.doc.transact(() => {
      const content = candidate.files.get("notes.md")!.toString();
      candidate.files.delete("notes.md");
      candidate.files.set("docs/notes.md", new Y.Text(content));
    });
    await eventually(() => sandboxFile(sessionId, "docs/notes.md"), (content) => content === "first draft\n");
    expect(await sandboxFile(sessionId, "notes.md")).toBeNull();
    candidate.files.delete("docs/notes.md");
    await eventually(() => sandboxFile(sessionId, "docs/notes.md"), (content) => content === null);
  });

  it("brings files changed from the terminal into the document, keeping the candidate's cursor", async () => {
    const sessionId = await stack.newSession();
    const candidate = await editor(sessionId, "candidate", "cand_1");
    const control = await ControlClient.connect(stack.party.url, sessionId, await roomToken(TEST_ROOM_SECRET, sessionId, "candidate", "cand_1"));
    await control.waitFor("terminal.status", (m) => m.state === "ready");
    const calc = (await eventually(() => candidate.files.get("calc.py"), (text) => text !== undefined))!;
    // A cursor at "return": an edit made elsewhere in the file must not move it off that word.
    const cursor = Y.createRelativePositionFromTypeIndex(calc, calc.toString().indexOf("return"));

    control.send({ type: "terminal.input", data: "echo hi > new.txt && sed -i '1i # header' calc.py\r" });
    await eventually(() => candidate.text("new.txt"), (text) => text === "hi\n", 15_000, "new.txt in the editor");
    await eventually(() => candidate.text("calc.py"), (text) => text?.startsWith("# header\n") === true);
    const index = Y.createAbsolutePositionFromRelativePosition(cursor, candidate.doc)!.index;
    expect(candidate.text("calc.py")!.slice(index, index + 6)).toBe("return");

    control.send({ type: "terminal.input", data: "rm new.txt\r" });
    await eventually(() => candidate.files.has("new.txt"), (has) => !has, 15_000, "new.txt to leave the editor");
    // Nothing echoed back: once a later edit of the candidate's is in the sandbox (the mirror
    // has flushed), the sandbox still has what the terminal wrote.
    candidate.files.set("flushed.txt", new Y.Text("flushed\n"));
    await eventually(() => sandboxFile(sessionId, "flushed.txt"), (content) => content === "flushed\n", 10_000, "the candidate's later edit in the sandbox");
    expect(await sandboxFile(sessionId, "calc.py")).toMatch(/^# header\n/);
    await control.close();
  });
});
