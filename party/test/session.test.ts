// The candidate's work in the room: the terminal shared with reviewers, test runs, moving to
// the next question and finishing (by the candidate and at the deadline).
import type * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ControlClient, eventually, roomToken, YjsClient } from "./support/clients.ts";
import { startRoomStack, TEST_ROOM_SECRET, type RoomStack } from "./support/stack.ts";

let stack: RoomStack;
const editors: YjsClient[] = [];
beforeAll(async () => {
  stack = await startRoomStack();
});
afterAll(async () => {
  for (const client of editors) client.destroy();
  await stack?.stop();
});

async function join(sessionId: string, role: "candidate" | "reviewer", uid: string) {
  const token = await roomToken(TEST_ROOM_SECRET, sessionId, role, uid);
  const control = await ControlClient.connect(stack.party.url, sessionId, token);
  await control.waitFor("welcome");
  return control;
}

async function editor(sessionId: string): Promise<YjsClient> {
  const client = new YjsClient(stack.party.url, sessionId, await roomToken(TEST_ROOM_SECRET, sessionId, "candidate", "cand_1"));
  editors.push(client);
  await client.synced();
  await eventually(() => client.files.size, (size) => size > 0);
  return client;
}

function replace(text: Y.Text, content: string): void {
  text.doc!.transact(() => {
    text.delete(0, text.length);
    text.insert(0, content);
  });
}

describe("the terminal", () => {
  it("shows the candidate's shell to reviewers, and its scrollback to whoever connects later", async () => {
    const sessionId = await stack.newSession();
    const candidate = await join(sessionId, "candidate", "cand_1");
    const reviewer = await join(sessionId, "reviewer", "rev_1");
    await candidate.waitFor("terminal.status", (m) => m.state === "ready");
    candidate.send({ type: "terminal.resize", cols: 100, rows: 20 });
    candidate.send({ type: "terminal.input", data: "echo $((6 * 7))-answer\r" });
    await eventually(() => reviewer.terminalText(), (text) => text.includes("42-answer"), 15_000, "the reviewer to see the output");
    const late = await join(sessionId, "reviewer", "rev_2");
    expect((await late.waitFor("welcome")).terminalScrollback).toContain("42-answer");
    await Promise.all([candidate.close(), reviewer.close(), late.close()]);
  });

  it("reopens the shell on the next keystroke after it exited", async () => {
    const sessionId = await stack.newSession();
    const candidate = await join(sessionId, "candidate", "cand_1");
    await candidate.waitFor("terminal.status", (m) => m.state === "ready");
    candidate.send({ type: "terminal.input", data: "exit\r" });
    await candidate.waitFor("terminal.status", (m) => m.state === "exited");
    candidate.send({ type: "terminal.input", data: "echo back-again\r" });
    await eventually(() => candidate.terminalText(), (text) => text.includes("\rback-again"), 15_000, "a new shell to answer");
    expect(candidate.ofType("terminal.status").filter((m) => m.state === "ready").length).toBe(2);
    await candidate.close();
  });
});

describe("test runs", () => {
  it("runs the visible tests for everyone to see: failing first, passing after the fix", async () => {
    const sessionId = await stack.newSession();
    const candidate = await join(sessionId, "candidate", "cand_1");
    const reviewer = await join(sessionId, "reviewer", "rev_1");
    const code = await editor(sessionId);

    candidate.send({ type: "tests.run" });
    candidate.send({ type: "tests.run" });
    await candidate.waitFor("error", (m) => m.code === "tests_running");
    const failed = await reviewer.waitFor("tests.update", (m) => m.run.status === "done", 60_000);
    expect(failed.run.result).toMatchObject({ status: "failed", totals: { total: 2, failed: 2 } });
    expect(reviewer.ofType("tests.update")[0]!.run.status).toBe("running");

    // The fix is typed into the editor and tests run at once: the room writes it first.
    replace(code.files.get("calc.py")!, "def add(a, b):\n    return a + b\n");
    candidate.send({ type: "tests.run" });
    const passed = await candidate.waitFor("tests.update", (m) => m.run.status === "done" && m.run.runId !== failed.run.runId, 60_000);
    expect(passed.run.result).toMatchObject({ status: "passed", totals: { total: 2, passed: 2 } });

    const late = await join(sessionId, "reviewer", "rev_2");
    expect((await late.waitFor("welcome")).testRuns.map((run) => run.result?.status)).toEqual(["failed", "passed"]);
    await Promise.all([candidate.close(), reviewer.close(), late.close()]);
  });

  it("refuses test runs when the assessment hides the tests", async () => {
    const sessionId = await stack.newSession({ canRunTests: false });
    const candidate = await join(sessionId, "candidate", "cand_1");
    candidate.send({ type: "tests.run" });
    await candidate.waitFor("error", (m) => m.code === "tests_disabled");
    expect(candidate.ofType("tests.update")).toEqual([]);
    await candidate.close();
  });
});

describe("the session flow", () => {
  it("asks the web app for the next question and the finish under the asking socket's request id", async () => {
    const sessionId = await stack.newSession();
    const token = await roomToken(TEST_ROOM_SECRET, sessionId, "candidate", "cand_1");
    const candidate = await ControlClient.connect(stack.party.url, sessionId, token, { rid: "browser-socket-0001" });
    await candidate.waitFor("welcome");
    candidate.send({ type: "question.next" });
    await candidate.waitFor("session", (m) => m.session.question?.position === 1);
    candidate.send({ type: "session.finish" });
    await candidate.waitFor("session", (m) => m.session.status === "COMPLETED");
    const asked = stack.web.requestIds.filter((entry) => entry.path.startsWith(`/internal/rooms/${sessionId}/`));
    expect(asked).toEqual([
      { path: `/internal/rooms/${sessionId}/next-question`, requestId: "browser-socket-0001" },
      { path: `/internal/rooms/${sessionId}/finish`, requestId: "browser-socket-0001" },
    ]);
    // The room's own calls (session info, recordings) carry ids of their own.
    const own = stack.web.requestIds.filter((entry) => entry.path === `/internal/rooms/${sessionId}`);
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((entry) => entry.requestId && entry.requestId !== "browser-socket-0001")).toBe(true);
    await candidate.close();
  });

  it("moves to the next question with its files, then finishes and stops taking changes", async () => {
    const sessionId = await stack.newSession();
    const candidate = await join(sessionId, "candidate", "cand_1");
    const reviewer = await join(sessionId, "reviewer", "rev_1");
    const code = await editor(sessionId);
    code.files.get("calc.py")!.insert(0, "# last words\n");

    candidate.send({ type: "question.next" });
    const next = await reviewer.waitFor("session", (m) => m.session.question?.position === 1);
    expect(next.session).toMatchObject({ status: "ACTIVE", question: { title: "Shout", count: 2 } });
    await eventually(() => [...code.files.keys()].sort().join(","), (keys) => keys === "shout.py");
    const workspaceId = stack.web.info(sessionId).workspaceId!;
    const files = await stack.sandbox.client.listFiles(workspaceId);
    expect(files.filter((f) => f.type === "file").map((f) => f.path)).toEqual(["shout.py"]);

    candidate.send({ type: "session.finish" });
    await reviewer.waitFor("session", (m) => m.session.status === "COMPLETED");
    expect(stack.web.finishes).toContainEqual({ sessionId, reason: "candidate" });

    // Finished: no typing, no test runs, and the candidate's editor became read-only.
    candidate.send({ type: "terminal.input", data: "touch after-finish.txt\r" });
    await candidate.waitFor("error", (m) => m.code === "session_finished");
    candidate.send({ type: "tests.run" });
    await eventually(() => candidate.ofType("error").filter((m) => m.code === "session_finished").length, (n) => n === 2);
    await eventually(() => code.provider.synced && code.provider.wsconnected, Boolean, 15_000, "the editor to reconnect");
    const observer = await editor(sessionId);
    code.files.get("shout.py")!.insert(0, "# too late\n");
    await code.passedThroughRoom(observer);
    const fresh = await editor(sessionId);
    expect(fresh.text("shout.py")).not.toContain("too late");
    expect((await stack.sandbox.client.readFile(workspaceId, "shout.py")).content).not.toContain("too late");
    await Promise.all([candidate.close(), reviewer.close()]);
  });

  it("finishes by itself at the deadline", async () => {
    const sessionId = await stack.newSession({ deadlineAt: Date.now() + 3000 });
    const reviewer = await join(sessionId, "reviewer", "rev_1");
    await reviewer.waitFor("session", (m) => m.session.status === "COMPLETED", 20_000);
    expect(stack.web.finishes).toContainEqual({ sessionId, reason: "timeout" });
    await reviewer.close();
  });
});
