// "Open a sandbox at this moment": a new workspace of the reviewer's own (never the
// candidate's) holding the files exactly as they were at T, where the question's visible and
// hidden tests run. The tests are the question's own, injected, so a test file the candidate
// edited or deleted does not change what is checked. Recorded in the audit log.
import type { Db } from "@interviewlm/db";
import { recordAudit } from "../audit/audit-log.ts";
import type { WorkspacePort, WorkspaceTestRun } from "../interviews/workspace-port.ts";
import { questionTestFiles, testFileKind } from "../questions/index.ts";
import type { OrgActor } from "../shared/deps.ts";
import { DomainError } from "../shared/errors.ts";
import { requirePermission } from "../shared/permissions.ts";
import { requireReplaySession } from "./read.ts";
import { stateAt } from "./seek.ts";

const PROBE_TIMEOUT_MS = 120_000;

export interface ReplayProbe {
  workspaceId: string;
  t: number;
  seq: number;
  questionTitle: string;
  run: Omit<WorkspaceTestRun, "tests"> & { tests: (WorkspaceTestRun["tests"][number] & { kind: "visible" | "hidden" | "candidate" })[] };
}

export async function probeAt(deps: { db: Db; sandbox: WorkspacePort | null }, actor: OrgActor, input: { sessionId: string; t: number }): Promise<ReplayProbe> {
  // Spinning up sandboxes is for the people who evaluate, not for every viewer.
  requirePermission(actor, "evaluations:override");
  const session = await requireReplaySession(deps.db, actor, input.sessionId);
  if (!deps.sandbox) throw new DomainError("PRECONDITION_FAILED", "The sandbox service is not configured on this installation.");
  const state = await stateAt(deps.db, session.id, session.originAt + input.t);
  const files = state.files();
  const position = state.side.question?.position ?? 0;
  const seq = state.seq;
  state.dispose();
  const row = await deps.db.interviewSession.findFirst({
    where: { id: session.id, organizationId: actor.organizationId },
    select: {
      language: true,
      assessment: { select: { testVisibility: true } },
      questions: { where: { position }, select: { question: { select: { title: true, visibleTests: true, hiddenTests: true } } } },
    },
  });
  const question = row?.questions[0]?.question;
  if (!row || !question) throw new DomainError("PRECONDITION_FAILED", `Session ${session.id} has no question at position ${position + 1}.`);
  if (files.length === 0) throw new DomainError("PRECONDITION_FAILED", "There are no files at this moment yet; choose a later moment.");

  const workspace = await deps.sandbox.createWorkspace({ language: row.language, files, label: `replay probe of ${session.id} at ${Math.round(input.t / 1000)} s` });
  // "HIDDEN" with includeHidden injects both sets whatever the assessment showed the candidate.
  const tests = questionTestFiles(question, "HIDDEN", { includeHidden: true }).map(({ path, content }) => ({ path, content }));
  const run = await deps.sandbox.runTests(workspace.id, { hiddenTests: tests, timeoutMs: PROBE_TIMEOUT_MS });
  await recordAudit(deps.db, {
    organizationId: actor.organizationId,
    actorUserId: actor.userId,
    action: "replay.probed",
    targetType: "InterviewSession",
    targetId: session.id,
    metadata: { t: input.t, seq, workspaceId: workspace.id, status: run.status, passed: run.totals.passed, total: run.totals.total },
    ipAddress: actor.ipAddress ?? null,
  });
  return {
    workspaceId: workspace.id,
    t: input.t,
    seq,
    questionTitle: question.title,
    run: { ...run, tests: run.tests.map((test) => ({ ...test, kind: testFileKind(question, test.file) ?? "candidate" })) },
  };
}
