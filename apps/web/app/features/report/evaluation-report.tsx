// The body of the report: status, then — once measured — questions, AI collaboration,
// session signals and the rubric.
import { AiCollaborationSection } from "./ai-collaboration-section";
import { EvaluationStatus } from "./evaluation-status";
import { IntegritySection } from "./integrity-section";
import { QuestionsSection } from "./questions-section";
import type { EvaluationView } from "./report-format";
import { RubricSection } from "./rubric-section";

export function EvaluationReport({ evaluation, replayPath }: { evaluation: EvaluationView; replayPath: string }) {
  const { measured } = evaluation;
  return (
    <div className="space-y-8">
      <EvaluationStatus evaluation={evaluation} />
      {measured ? (
        <>
          <QuestionsSection questions={measured.questions} replayPath={replayPath} />
          <AiCollaborationSection measured={measured} replayPath={replayPath} />
          <IntegritySection measured={measured} replayPath={replayPath} />
        </>
      ) : null}
      {evaluation.status === "DONE" ? <RubricSection rubric={evaluation.rubric} droppedClaims={evaluation.droppedClaims} model={evaluation.model} replayPath={replayPath} /> : null}
    </div>
  );
}
