// The events list: typed, filterable by track, searchable on the server (terminal text, AI
// prompts, file and test names, notes) plus the commands typed in the terminal; paged, never
// the whole session. Each event is a button that jumps the replay to it.
import type { ReplayTrack } from "@interviewlm/core/replay/tracks";
import { Button, cx } from "@interviewlm/ui";
import { useMemo, useState } from "react";
import { trpc } from "~/lib/trpc";
import { formatOffset } from "./replay-time";

const FILTERS: { track: ReplayTrack; label: string }[] = [
  { track: "terminal", label: "Terminal" },
  { track: "tests", label: "Tests" },
  { track: "ai", label: "AI" },
  { track: "signals", label: "Pastes & focus" },
  { track: "notes", label: "Notes" },
  { track: "questions", label: "Questions" },
  { track: "typing", label: "Files & edits" },
];
const DEFAULT_TRACKS: ReplayTrack[] = ["terminal", "tests", "ai", "signals", "notes", "questions"];

interface ListItem {
  key: string;
  seq: number;
  t: number;
  kind: string;
  label: string;
}

export function ReplayEventsList({ sessionId, currentSeq, onJump }: { sessionId: string; currentSeq: number; onJump: (item: { seq: number; t: number }) => void }) {
  const [tracks, setTracks] = useState<ReplayTrack[]>(DEFAULT_TRACKS);
  const [draft, setDraft] = useState("");
  const [query, setQuery] = useState("");
  const events = trpc.replay.events.useInfiniteQuery(
    { sessionId, tracks, query: query || undefined, limit: 100 },
    { getNextPageParam: (last) => last.nextAfterSeq ?? undefined, initialCursor: 0 },
  );
  const commands = trpc.replay.commands.useQuery({ sessionId }, { enabled: tracks.includes("terminal") });

  const items = useMemo<ListItem[]>(() => {
    const fromEvents = (events.data?.pages ?? []).flatMap((page) =>
      page.events
        // Keystrokes are listed as the commands they make up.
        .filter((e) => e.type !== "terminal.input")
        .map((e) => ({ key: `e${e.seq}`, seq: e.seq, t: e.t, kind: e.type, label: e.label })),
    );
    const needle = query.toLowerCase();
    const fromCommands = (commands.data ?? [])
      .filter((c) => !needle || c.command.toLowerCase().includes(needle))
      .map((c) => ({ key: `c${c.seq}`, seq: c.seq, t: c.t, kind: "command", label: `$ ${c.command}` }));
    const loadedTo = events.hasNextPage ? (fromEvents.at(-1)?.seq ?? 0) : Infinity;
    return [...fromEvents, ...fromCommands.filter((c) => c.seq <= loadedTo)].sort((a, b) => a.seq - b.seq || a.key.localeCompare(b.key));
  }, [events.data, events.hasNextPage, commands.data, query]);

  const toggle = (track: ReplayTrack) => setTracks((current) => (current.includes(track) ? current.filter((t) => t !== track) : [...current, track]));

  return (
    <section aria-labelledby="events-heading" className="flex min-h-0 flex-col rounded-md border border-line bg-surface">
      <div className="space-y-2 border-b border-line p-3">
        <h2 id="events-heading" className="text-xs font-medium tracking-wide text-fg-muted uppercase">Events</h2>
        <form
          role="search"
          aria-label="Search events"
          onSubmit={(event) => {
            event.preventDefault();
            setQuery(draft.trim());
          }}
          className="flex gap-2"
        >
          <label htmlFor="replay-search" className="sr-only">Search commands, AI prompts, files, tests and notes</label>
          <input
            id="replay-search"
            type="search"
            value={draft}
            maxLength={200}
            onChange={(event) => setDraft(event.currentTarget.value)}
            placeholder="Search commands, prompts, files, tests…"
            className="min-w-0 flex-1 rounded border border-line bg-bg px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-focus"
          />
          <Button type="submit" size="sm" variant="secondary">Search</Button>
        </form>
        <fieldset className="flex flex-wrap gap-x-3 gap-y-1 text-xs">
          <legend className="sr-only">Show these kinds of events</legend>
          {FILTERS.map((filter) => (
            <label key={filter.track} className="flex items-center gap-1">
              <input type="checkbox" checked={tracks.includes(filter.track)} onChange={() => toggle(filter.track)} />
              {filter.label}
            </label>
          ))}
        </fieldset>
      </div>
      <div className="min-h-0 flex-1 overflow-auto p-1" tabIndex={0} role="group" aria-label="Events list">
        {events.isPending ? (
          <p className="p-2 text-sm text-fg-muted" role="status">Loading events…</p>
        ) : items.length === 0 ? (
          <p className="p-2 text-sm text-fg-muted">{query ? `Nothing matches “${query}”.` : "No events of these kinds."}</p>
        ) : (
          <ol className="space-y-0.5">
            {items.map((item) => (
              <li key={item.key}>
                <button
                  type="button"
                  data-kind={item.kind}
                  aria-current={item.seq === currentSeq ? "true" : undefined}
                  onClick={() => onJump(item)}
                  className={cx(
                    "flex w-full gap-2 rounded px-2 py-1 text-left text-xs hover:bg-surface-hover focus-visible:outline-2 focus-visible:outline-focus",
                    item.seq === currentSeq && "bg-surface-hover",
                  )}
                >
                  <span className="shrink-0 font-mono text-fg-muted tabular-nums">{formatOffset(item.t)}</span>
                  <span className="shrink-0 text-fg-muted">{item.kind}</span>
                  <span className="min-w-0 break-all">{item.label}</span>
                </button>
              </li>
            ))}
          </ol>
        )}
        {events.hasNextPage ? (
          <div className="p-2">
            <Button size="sm" variant="secondary" pending={events.isFetchingNextPage} pendingLabel="Loading…" onClick={() => void events.fetchNextPage()}>
              Load more
            </Button>
          </div>
        ) : null}
      </div>
    </section>
  );
}
