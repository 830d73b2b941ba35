// The room's side of the sandbox: what a RESULTS_ONLY test run lets through, and what the
// room does when the sandbox loses the workspace or cannot run code.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ControlClient, roomToken } from "./support/clients.ts";
import { startRoomStack, TEST_ROOM_SECRET, type RoomStack } from "./support/stack.ts";

let stack: RoomStack;
beforeAll(async () => {
  stack = await startRoomStack();
});
afterAll(async () => {
  await stack?.stop();
});

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
