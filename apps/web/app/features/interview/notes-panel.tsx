// Reviewers' private notes: written here, stored by the room with the time and author, and
// never sent to the candidate's connection. New notes from other reviewers appear live.
import { Button, Textarea } from "@interviewlm/ui";
import type { Note } from "@interviewlm/realtime";
import { useState, type FormEvent, type KeyboardEvent } from "react";
import { formatClockTime } from "./test-run-summary";

export interface NotesPanelProps {
  notes: Note[];
  connected: boolean;
  /** false when the room is not connected. */
  onAdd: (text: string) => boolean;
  /** The caller's role may add notes (`notes:write`); otherwise the notes are read-only. */
  canWrite?: boolean;
}

const MAX_NOTE_LENGTH = 5000;

export function NotesPanel({ notes, connected, onAdd, canWrite = true }: NotesPanelProps) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const trimmed = text.trim();

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!trimmed) return setError("Write something first.");
    if (trimmed.length > MAX_NOTE_LENGTH) return setError(`Keep notes under ${MAX_NOTE_LENGTH} characters.`);
    if (!onAdd(trimmed)) return setError("Not connected — your note is kept here; try again in a moment.");
    setText("");
    setError(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) submit(event);
  };

  return (
    <section aria-labelledby="notes-heading" className="flex h-full min-h-0 flex-col">
      <h2 id="notes-heading" className="sr-only">Private notes</h2>
      {canWrite ? null : <p className="border-b border-line p-3 text-xs text-fg-muted">Your role can read reviewers' notes but not add them.</p>}
      {canWrite ? <form onSubmit={submit} className="space-y-2 border-b border-line p-3">
        <Textarea
          label="Add a private note"
          description="Only reviewers see notes. Ctrl/Cmd+Enter adds it."
          value={text}
          onChange={(event) => (setText(event.target.value), setError(null))}
          onKeyDown={onKeyDown}
          error={error}
          rows={3}
          maxLength={MAX_NOTE_LENGTH + 100}
        />
        <div className="flex justify-end">
          <Button type="submit" size="sm" disabled={!connected || !trimmed}>
            Add note
          </Button>
        </div>
      </form> : null}
      {notes.length === 0 ? (
        <p className="p-3 text-sm text-fg-muted">No notes yet.</p>
      ) : (
        <ol aria-label="Notes" aria-live="polite" className="min-h-0 flex-1 space-y-3 overflow-auto p-3">
          {notes
            .slice()
            .reverse()
            .map((note) => (
              <li key={note.id} className="rounded-md border border-line bg-surface-raised p-2.5">
                <div className="mb-1 flex items-baseline justify-between gap-2 text-xs">
                  <span className="font-medium text-fg">{note.authorName}</span>
                  <time dateTime={new Date(note.at).toISOString()} className="text-fg-subtle tabular-nums">
                    {formatClockTime(note.at)}
                  </time>
                </div>
                <p className="text-sm whitespace-pre-wrap text-fg-muted">{note.text}</p>
              </li>
            ))}
        </ol>
      )}
    </section>
  );
}
