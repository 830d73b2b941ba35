// The one way a visible test run happens, whoever asks (the candidate's button or the agent's
// run_tests tool): one run at a time, under the workspace lock, editor flushed first, and for
// RESULTS_ONLY a secret run whose result carries nothing of the injected tests (decision 0030).
import type { TestRunView } from "@interviewlm/realtime";
import { RoomError } from "./errors.ts";
import type { RoomRuntime } from "./room-runtime.ts";

export class VisibleTests {
  private requested = false;

  constructor(private readonly room: RoomRuntime) {}

  async run(actor: string): Promise<TestRunView> {
    const { room } = this;
    requireActive(room);
    const info = room.session.info!;
    if (!info.canRunTests) throw new RoomError("tests_disabled", "Tests cannot be run during this interview");
    const sandbox = room.sandboxRef;
    if (!sandbox) throw new RoomError("workspace_unavailable", "The workspace is not ready yet");
    // Checked synchronously: two clicks must not queue two runs behind the lock.
    if (this.requested || room.tests.running) throw new RoomError("tests_running", "A test run is already in progress");
    this.requested = true;
    try {
      return await room.lock.run(() => {
        // Read again under the lock: a question change may have gone first.
        requireActive(room);
        const current = room.session.info!;
        return room.tests.run(actor, current.question?.position ?? 0, async () => {
          await room.mirror.flush();
          // RESULTS_ONLY: the candidate sees which tests pass, never their source — the sandbox
          // runs them so that nothing the candidate's code prints or reports reaches the result.
          const hiddenTests = current.runTestFiles.map(({ path, content }) => ({ path, content }));
          return sandbox.client.runTests(sandbox.workspaceId, { hiddenTests, secretTests: current.testVisibility === "RESULTS_ONLY" });
        });
      });
    } finally {
      this.requested = false;
    }
  }
}

export function requireActive(room: RoomRuntime): void {
  if (!room.session.acceptsWork) throw new RoomError("session_finished", "The interview is finished; the workspace can no longer change");
}
