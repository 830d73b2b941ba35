import type { Difficulty } from "@interviewlm/core/questions";
import { Badge } from "@interviewlm/ui";
import { DIFFICULTY_LABELS, DIFFICULTY_TONES } from "./labels";

export function DifficultyBadge({ difficulty }: { difficulty: Difficulty }) {
  return (
    <Badge tone={DIFFICULTY_TONES[difficulty]} dot>
      {DIFFICULTY_LABELS[difficulty]}
    </Badge>
  );
}
