import type { Db, Prisma } from "@interviewlm/db";
import { questionTestFiles, testFileKind } from "../questions/index.ts";
import { scoreTestRun } from "./evaluation-score.ts";
import type { RoomSessionRow } from "./room-info.ts";
import type { WorkspacePort, WorkspaceTestRun } from "./workspace-port.ts";

const EVALUATION_TIMEOUT_MS = 120_000;

/** Stored on SessionQuestion.hiddenTestResult. */
export type StoredEvaluation =
  | ({ ok: true; at: string } & WorkspaceTestRun)
  | { ok: false; at: string; error: string };

/**
 * Runs the question's evaluation tests (hidden tests; plus the visible ones when the
 * candidate never had them) against the workspace as it is now, and stores the result.
 * A sandbox failure is stored too, so finishing never depends on the sandbox being up;
 * the evaluation can be repeated later from the recording.
 */
export async function evaluateQuestion(
  db: Db,
  sandbox: WorkspacePort,
  session: RoomSessionRow & { assessment: { testVisibility: "VISIBLE" | "RESULTS_ONLY" | "HIDDEN" } },
  sessionQuestion: RoomSessionRow["questions"][number],
  now: Date,
): Promise<StoredEvaluation> {
  let stored: StoredEvaluation;
  if (!session.workspaceId) {
    stored = { ok: false, at: now.toISOString(), error: "The session has no workspace." };
  } else {
    try {
      const hiddenTests = questionTestFiles(sessionQuestion.question, session.assessment.testVisibility, { includeHidden: true });
      const run = await sandbox.runTests(session.workspaceId, { hiddenTests: hiddenTests.map(({ path, content }) => ({ path, content })), timeoutMs: EVALUATION_TIMEOUT_MS });
      stored = {
        ok: true,
        at: now.toISOString(),
        status: run.status,
        summary: run.summary,
        totals: run.totals,
        durationMs: run.durationMs,
        // The sandbox flags every injected file as hidden; record which set each test really
        // belongs to, so visible tests run for the evaluation are not counted as hidden.
        tests: run.tests.map((t) => ({
          name: t.name,
          file: t.file,
          status: t.status,
          durationMs: t.durationMs,
          message: t.message,
          hidden: testFileKind(sessionQuestion.question, t.file) === "hidden",
        })),
      };
    } catch (error) {
      stored = { ok: false, at: now.toISOString(), error: error instanceof Error ? error.message : String(error) };
    }
  }
  await db.sessionQuestion.update({
    where: { id: sessionQuestion.id },
    data: { completedAt: now, hiddenTestResult: stored as unknown as Prisma.InputJsonValue },
  });
  return stored;
}

/**
 * Share of the hidden tests that passed, or null when the evaluation could not run. A run that
 * did not finish (timeout, memory, output limit, runner error) is never a full pass: see
 * evaluation-score.ts.
 */
export function hiddenPassRatio(evaluation: StoredEvaluation): number | null {
  if (!evaluation.ok) return null;
  return scoreTestRun(evaluation).ratio;
}
