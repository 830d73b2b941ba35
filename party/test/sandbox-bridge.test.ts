// The room's side of the sandbox: what a RESULTS_ONLY test run lets through, and what the
// room does when the sandbox loses the workspace or cannot run code.
import * as Y from "yjs";
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

/** The sandbox's copy of a file, or null while it does not have it. */
const sandboxText = (workspaceId: string, path: string) => stack.sandbox.client.readFile(workspaceId, path).then((f) => f.content, () => null);

async function join(sessionId: string, role: "candidate" | "reviewer", uid: string) {
  const token = await roomToken(TEST_ROOM_SECRET, sessionId, role, uid);
  const control = await ControlClient.connect(stack.party.url, sessionId, token);
  await control.waitFor("welcome");
  return control;
}

describe("a RESULTS_ONLY test run", () => {
  it("shows which tests pass and nothing of their source, whatever the candidate's conftest.py does", async () => {
    const secret = `SECRET-${Math.random().toString(36).slice(2, 10)}-SOURCE`;
    const sessionId = await stack.newSession({
      questions: [
        {
          questionId: "q_secret",
          title: "Double",
          statement: "Implement `double(n)`.",
          files: [
            { path: "solution.py", content: "def double(n):\n    return n * 2\n" },
            {
              path: "conftest.py",
              content: [
                "import glob, sys",
                "S = ''.join(open(p).read() for p in glob.glob('/workspace/tests/*.py'))",
                "print(S); print(S, file=sys.stderr)",
                "open('/workspace/leak.txt', 'w').write(S)",
                "def pytest_runtest_logreport(report):",
                "    report.nodeid += S",
                "",
              ].join("\n"),
            },
          ],
          runTestFiles: [{ path: "tests/test_double.py", content: `from solution import double\n\ndef test_double():\n    assert double(2) == 4, "${secret}"\n\ndef test_negative():\n    assert double(-1) == -2\n` }],
        },
      ],
    });
    const candidate = await join(sessionId, "candidate", "cand_1");
    candidate.send({ type: "tests.run" });
    const done = await candidate.waitFor("tests.update", (m) => m.run.status === "done", 60_000);
    expect(done.run.result).toMatchObject({ stdout: "", stderr: "", totals: { total: 2 } });
    expect(done.run.result?.tests.map((t) => t.name)).toEqual(["test_double", "test_negative"]);
    expect(JSON.stringify(candidate.messages)).not.toContain(secret);
    await candidate.close();
  });
});

describe("when the sandbox fails", () => {
  it("says the sandbox cannot be reached and what that means, then comes back by itself", async () => {
    const sessionId = await stack.newSession();
    const candidate = await join(sessionId, "candidate", "cand_1");
    await candidate.waitFor("terminal.status", (m) => m.state === "ready");
    await stack.sandbox.kill();
    try {
      candidate.send({ type: "terminal.input", data: "exit\r" }); // the shell is gone with the service anyway
      const down = await candidate.waitFor("terminal.status", (m) => m.state === "unavailable", 30_000);
      expect(down.message).toMatch(/cannot reach the sandbox service\. Your files are safe in the editor\. Retrying by itself/);
    } finally {
      await stack.sandbox.start();
    }
    const readyCount = () => candidate.ofType("terminal.status").filter((m) => m.state === "ready").length;
    await eventually(readyCount, (n) => n >= 2, 60_000, "the terminal to come back");
    await candidate.close();
  });

  it("recreates a workspace the sandbox lost from the editor's last state, and the interview goes on", async () => {
    const sessionId = await stack.newSession();
    const workspaceId = stack.web.info(sessionId).workspaceId!;
    const candidate = await join(sessionId, "candidate", "cand_1");
    const code = await editor(sessionId);
    await candidate.waitFor("terminal.status", (m) => m.state === "ready");
    replace(code.files.get("calc.py")!, "def add(a, b):\n    return a + b  # fixed\n");
    code.files.set("notes.md", new Y.Text("remember the edge cases\n"));
    await eventually(() => sandboxText(workspaceId, "notes.md"), (text) => text === "remember the edge cases\n", 15_000, "the editor's files in the sandbox");

    await stack.sandbox.start({ wipe: true }); // a sandbox that comes back without any workspace
    await eventually(() => sandboxText(workspaceId, "calc.py"), (text) => text?.includes("# fixed") === true, 60_000, "the workspace to be recreated");
    expect(await sandboxText(workspaceId, "notes.md")).toBe("remember the edge cases\n");
    expect(code.text("calc.py")).toContain("# fixed"); // the editor never lost anything

    const before = candidate.terminalText().length;
    await eventually(() => candidate.ofType("terminal.status").at(-1)?.state, (state) => state === "ready" || state === "exited", 60_000, "the terminal after recovery");
    candidate.send({ type: "terminal.input", data: "grep -c fixed calc.py\r" });
    await eventually(() => candidate.terminalText().slice(before), (text) => /[\r\n]1\r\n/.test(text), 30_000, "the terminal to see the recovered file");

    candidate.send({ type: "tests.run" });
    const run = await candidate.waitFor("tests.update", (m) => m.run.status === "done", 60_000);
    expect(run.run.result).toMatchObject({ status: "passed", totals: { total: 2, passed: 2 } });
    await candidate.close();
  });
});
