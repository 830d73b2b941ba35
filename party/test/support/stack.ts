// Everything a room needs, for one test file: a fake (or real) web app, the sandbox service,
// and `partykit dev` configured to reach both.
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { FakeWebApp, type FakeQuestion, type FakeSession } from "./fake-web.ts";
import { startPartykit, startSandboxService, TEST_SANDBOX_SECRET, type PartykitProcess, type SandboxProcess } from "./processes.ts";

export const TEST_ROOM_SECRET = "party-test-room-secret-0123456789abcdefghijklmn";

export interface RoomStack {
  web: FakeWebApp;
  sandbox: SandboxProcess;
  party: PartykitProcess;
  /** A new session with its own sandbox workspace holding the first question's files. */
  newSession(options?: { questions?: FakeQuestion[]; deadlineAt?: number; canRunTests?: boolean; ai?: FakeSession["ai"] }): Promise<string>;
  stop(): Promise<void>;
}

export const PYTHON_QUESTIONS: FakeQuestion[] = [
  {
    questionId: "q_add",
    title: "Add two numbers",
    statement: "Implement `add(a, b)`.",
    files: [{ path: "calc.py", content: "def add(a, b):\n    return a - b\n" }],
    runTestFiles: [{ path: "tests/test_calc.py", content: "from calc import add\n\ndef test_add():\n    assert add(2, 3) == 5\n\ndef test_add_negative():\n    assert add(-1, -1) == -2\n" }],
  },
  {
    questionId: "q_shout",
    title: "Shout",
    statement: "Implement `shout(text)`.",
    files: [{ path: "shout.py", content: "def shout(text):\n    return text\n" }],
    runTestFiles: [{ path: "tests/test_shout.py", content: "from shout import shout\n\ndef test_shout():\n    assert shout('hi') == 'HI!'\n" }],
  },
];

/** `persistDir`: where partykit keeps room storage (default: a temporary directory, removed on stop). */
/** `vars`: extra room variables (e.g. a small TERMINAL_RECORDING_LIMIT_CHARS, or ANTHROPIC_BASE_URL of a test server). */
export async function startRoomStack(options: { persistDir?: string; vars?: Record<string, string> } = {}): Promise<RoomStack> {
  const web = new FakeWebApp(TEST_ROOM_SECRET);
  await web.listen();
  const sandbox = await startSandboxService();
  const party = await startPartykit({
    persistDir: options.persistDir,
    vars: { ROOM_TOKEN_SECRET: TEST_ROOM_SECRET, SANDBOX_URL: sandbox.url, SANDBOX_SERVICE_SECRET: TEST_SANDBOX_SECRET, WEB_INTERNAL_URL: web.url, ...options.vars },
  }).catch(async (error: unknown) => {
    await sandbox.stop();
    await web.close();
    throw error;
  });
  return {
    web,
    sandbox,
    party,
    async newSession(options = {}) {
      const questions = options.questions ?? PYTHON_QUESTIONS;
      const { id } = await sandbox.client.createWorkspace({ language: "python", files: questions[0]!.files });
      const sessionId = `sess_${randomUUID().slice(0, 8)}`;
      web.addSession({ sessionId, workspaceId: id, deadlineAt: options.deadlineAt ?? Date.now() + 3_600_000, canRunTests: options.canRunTests ?? true, questions, ...(options.ai ? { ai: options.ai } : {}) });
      return sessionId;
    },
    async stop() {
      await party.stop();
      await sandbox.stop();
      await web.close();
      if (options.persistDir) rmSync(options.persistDir, { recursive: true, force: true });
    },
  };
}
