import type { QuestionSummary } from "@interviewlm/core/questions";
import { Badge, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@interviewlm/ui";
import { Link } from "@remix-run/react";
import { DifficultyBadge } from "./difficulty-badge";
import { LANGUAGE_LABELS } from "./labels";
import { TopicList } from "./topic-list";

type Row = Omit<QuestionSummary, "verifiedAt" | "approvedAt"> & { verifiedAt: Date | string | null; approvedAt: Date | string | null };

export function QuestionsTable({ questions, caption }: { questions: readonly Row[]; caption: string }) {
  return (
    <Table caption={caption} hideCaption>
      <TableHead>
        <TableRow>
          <TableHeaderCell>Question</TableHeaderCell>
          <TableHeaderCell>Language</TableHeaderCell>
          <TableHeaderCell>Difficulty</TableHeaderCell>
          <TableHeaderCell>Topics</TableHeaderCell>
          <TableHeaderCell className="text-right">Time</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {questions.map((q) => (
          <TableRow key={q.id}>
            <TableHeaderCell scope="row" className="min-w-56 font-normal whitespace-normal">
              <Link to={`/app/questions/${q.id}`} className="font-medium text-fg hover:underline">
                {q.title}
              </Link>
              {q.source === "GENERATED" ? (
                <Badge tone="accent" className="ml-2">
                  Generated
                </Badge>
              ) : null}
              {q.source === "GENERATED" && !q.approvedAt ? (
                <Badge tone="warning" className="ml-2">
                  Draft
                </Badge>
              ) : null}
            </TableHeaderCell>
            <TableCell className="whitespace-nowrap">{LANGUAGE_LABELS[q.language]}</TableCell>
            <TableCell>
              <DifficultyBadge difficulty={q.difficulty} />
            </TableCell>
            <TableCell className="min-w-48">
              <TopicList topics={q.topics} label={`Topics of ${q.title}`} />
            </TableCell>
            <TableCell className="text-right whitespace-nowrap tabular-nums">
              {q.estimatedMinutes} min
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
