// Where the evaluation stands: queued / running (with what is happening), failed (with why),
// done (when, which version). The page polls while it is not finished.
import { Badge, Spinner } from "@interviewlm/ui";
import type { EvaluationView } from "./report-format";

type Status = Pick<EvaluationView, "status" | "attempts" | "lastError" | "version" | "currentVersion" | "completedAt">;

export function EvaluationStatus({ evaluation }: { evaluation: Status }) {
  const { status, attempts, lastError } = evaluation;
  if (status === "QUEUED" || status === "RUNNING") {
    const text =
      status === "QUEUED"
        ? attempts > 0
          ? `Queued for another attempt (${attempts} so far${lastError ? `; last: ${lastError}` : ""}).`
          : "Queued: the evaluation starts shortly."
        : "Running: measuring the recording and the hidden tests, then scoring the rubric. This page updates when it is done.";
    return (
      <p role="status" className="flex items-center gap-2 text-sm text-fg-muted">
        <Spinner size="sm" /> <Badge tone="info">{status === "QUEUED" ? "Queued" : "Running"}</Badge> {text}
      </p>
    );
  }
  if (status === "FAILED") {
    return (
      <div role="alert" className="space-y-1 text-sm">
        <p>
          <Badge tone="danger">Evaluation failed</Badge> after {attempts} {attempts === 1 ? "attempt" : "attempts"}.
        </p>
        <p className="text-fg-muted">{lastError ?? "No reason was recorded."}</p>
      </div>
    );
  }
  return (
    <p className="text-sm text-fg-muted">
      <Badge tone="success">Evaluated</Badge> {evaluation.completedAt ? `on ${new Date(evaluation.completedAt).toISOString().slice(0, 16).replace("T", " ")} UTC ` : ""}
      (evaluator {evaluation.version}
      {evaluation.version !== evaluation.currentVersion ? `; a re-run would use ${evaluation.currentVersion}` : ""}).
    </p>
  );
}
