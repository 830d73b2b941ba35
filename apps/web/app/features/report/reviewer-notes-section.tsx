// The private notes reviewers took in the live room, each at its moment of the interview with a
// link into the replay there. Only the organisation's members see them.
import { MomentLink } from "./questions-section";
import { formatMoment } from "./report-format";
import type { ReviewView } from "./review-format";

export function ReviewerNotesSection({ notes, replayPath }: { notes: ReviewView["notes"]; replayPath: string }) {
  return (
    <section aria-labelledby="report-notes" className="space-y-3">
      <h2 id="report-notes" className="text-base font-semibold text-fg">Reviewers&apos; notes</h2>
      {notes.length === 0 ? (
        <p className="text-sm text-fg-muted">No notes were taken while watching this interview live. Reviewers add them in the live room&apos;s notes panel.</p>
      ) : (
        <ul aria-label="Reviewers' notes" className="space-y-2 text-sm">
          {notes.map((note) => (
            <li key={note.id} className="space-y-0.5">
              <p>
                <MomentLink replayPath={replayPath} t={note.t}>{formatMoment(note.t)}</MomentLink> <span className="text-fg-muted">· {note.authorName}</span>
              </p>
              <p className="whitespace-pre-wrap">{note.text}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
