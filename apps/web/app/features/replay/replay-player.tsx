// The replay of one session: the panels at time T, the timeline, transport (play/pause,
// speed, skip idle, previous/next event of a kind), the events list, keyboard shortcuts and
// a shareable URL (?t= seconds). Frames are fetched by time, a few per second while playing.
import type { ReplaySummary } from "@interviewlm/core/replay";
import type { ReplayTrack } from "@interviewlm/core/replay/tracks";
import { Button, Kbd } from "@interviewlm/ui";
import { keepPreviousData } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { usePermissions } from "~/lib/permissions";
import { trpc } from "~/lib/trpc";
import { ReplayEventsList } from "./replay-events-list";
import { ReplayPanels, type DiffBase } from "./replay-panels";
import { ReplayProbe } from "./replay-probe";
import { ReplayTimeline } from "./replay-timeline";
import { SPEEDS, adjacentMarker, clampOffset, formatOffset, nextSpeed, skipIdle, type Speed } from "./replay-time";

const FRAME_EVERY_MS = 250;
const SKIP_IDLE_AFTER_MS = 10_000;
const JUMP_KINDS: { value: "" | ReplayTrack; label: string }[] = [
  { value: "", label: "any kind" },
  { value: "tests", label: "test run" },
  { value: "ai", label: "AI" },
  { value: "signals", label: "paste or focus" },
  { value: "notes", label: "note" },
  { value: "questions", label: "question" },
];

export function ReplayPlayer({ summary, initialT }: { summary: ReplaySummary; initialT: number }) {
  const [t, setT] = useState(initialT);
  const [frameT, setFrameT] = useState(initialT);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<Speed>(1);
  const [skip, setSkip] = useState(true);
  const [jumpKind, setJumpKind] = useState<"" | ReplayTrack>("");
  const [mark, setMark] = useState<number | null>(null);
  const canProbe = usePermissions().can("evaluations:override");
  const frame = trpc.replay.frame.useQuery({ sessionId: summary.id, t: frameT }, { placeholderData: keepPreviousData, staleTime: Infinity });
  const diffAt = mark ?? summary.durationMs;
  const diffFrame = trpc.replay.frame.useQuery({ sessionId: summary.id, t: diffAt }, { staleTime: Infinity });
  const diffBase: DiffBase | null = diffFrame.data ? { label: mark === null ? "the final code" : `the mark at ${formatOffset(mark)}`, files: diffFrame.data.files } : null;

  const seek = useCallback(
    (next: number) => {
      const clamped = clampOffset(next, summary.durationMs);
      setT(clamped);
      setFrameT(clamped);
    },
    [summary.durationMs],
  );

  // Playback: the clock advances with wall time × speed; frames follow a few times a second.
  const tRef = useRef(t);
  tRef.current = t;
  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let lastFrame = last;
    let raf = 0;
    const step = (now: number) => {
      let next = tRef.current + (now - last) * speed;
      last = now;
      if (skip) next = skipIdle(next, summary.bucketMs, summary.activity, summary.markers, SKIP_IDLE_AFTER_MS);
      if (next >= summary.durationMs) {
        seek(summary.durationMs);
        setPlaying(false);
        return;
      }
      setT(next);
      if (now - lastFrame >= FRAME_EVERY_MS) {
        lastFrame = now;
        setFrameT(Math.round(next));
      }
      raf = requestAnimationFrame(step);
    };
    raf = requestAnimationFrame(step);
    return () => cancelAnimationFrame(raf);
  }, [playing, speed, skip, summary, seek]);

  // The URL says where we are whenever the replay stands still, so it can be shared.
  useEffect(() => {
    if (playing) return;
    const url = new URL(window.location.href);
    url.searchParams.delete("event");
    url.searchParams.set("t", String(Math.floor(frameT / 1000)));
    window.history.replaceState(window.history.state, "", url);
  }, [frameT, playing]);

  const jump = useCallback(
    (direction: 1 | -1) => {
      const marker = adjacentMarker(summary.markers, tRef.current, direction, jumpKind ? [jumpKind] : undefined);
      if (marker) seek(marker.t);
    },
    [summary.markers, jumpKind, seek],
  );

  // Shortcuts, unless the keyboard is busy in a field, the editor or the terminal.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (target?.closest("input, textarea, select, [contenteditable], .xterm, [role=tree]")) return;
      if (event.key === " " || event.key === "k") setPlaying((p) => !p);
      else if (event.key === "ArrowRight" && !event.shiftKey) seek(tRef.current + 5000);
      else if (event.key === "ArrowLeft" && !event.shiftKey) seek(tRef.current - 5000);
      else if (event.key === "ArrowRight" || event.key === "n") jump(1);
      else if (event.key === "ArrowLeft" || event.key === "p") jump(-1);
      else if (event.key === "]") setSpeed((s) => nextSpeed(s, 1));
      else if (event.key === "[") setSpeed((s) => nextSpeed(s, -1));
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [seek, jump]);

  return (
    <div className="flex flex-col gap-3">
      <div role="toolbar" aria-label="Replay controls" className="flex flex-wrap items-center gap-2">
        <Button size="sm" onClick={() => setPlaying((p) => !p)} aria-keyshortcuts="Space" aria-pressed={playing}>
          {playing ? "Pause" : "Play"}
        </Button>
        <span className="font-mono text-sm tabular-nums" aria-live="off" data-testid="replay-time">
          {formatOffset(t)} / {formatOffset(summary.durationMs)}
        </span>
        <label className="flex items-center gap-1 text-sm">
          Speed
          <select value={speed} onChange={(event) => setSpeed(Number(event.currentTarget.value) as Speed)} className="rounded border border-line bg-bg px-1 py-0.5" aria-keyshortcuts="[ ]">
            {SPEEDS.map((s) => (
              <option key={s} value={s}>{s}×</option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" checked={skip} onChange={(event) => setSkip(event.currentTarget.checked)} /> Skip idle
        </label>
        <span className="mx-1 h-5 w-px bg-line" aria-hidden="true" />
        <Button size="sm" variant="secondary" onClick={() => jump(-1)} aria-keyshortcuts="Shift+ArrowLeft">Previous event</Button>
        <label className="flex items-center gap-1 text-sm">
          <span className="sr-only">Kind of event to step through</span>
          <select value={jumpKind} onChange={(event) => setJumpKind(event.currentTarget.value as "" | ReplayTrack)} className="rounded border border-line bg-bg px-1 py-0.5">
            {JUMP_KINDS.map((k) => (
              <option key={k.value} value={k.value}>{k.label}</option>
            ))}
          </select>
        </label>
        <Button size="sm" variant="secondary" onClick={() => jump(1)} aria-keyshortcuts="Shift+ArrowRight">Next event</Button>
        <span className="mx-1 h-5 w-px bg-line" aria-hidden="true" />
        <Button size="sm" variant="secondary" onClick={() => setMark(mark === null ? Math.round(t) : null)}>
          {mark === null ? "Mark this moment" : `Clear mark (${formatOffset(mark)})`}
        </Button>
        {frame.isFetching ? <span role="status" className="text-xs text-fg-muted">Loading…</span> : null}
      </div>
      <p className="text-xs text-fg-muted">
        Keys: <Kbd>Space</Kbd> play/pause · <Kbd>←</Kbd>/<Kbd>→</Kbd> 5 s · <Kbd>Shift ←</Kbd>/<Kbd>Shift →</Kbd> previous/next event · <Kbd>[</Kbd>/<Kbd>]</Kbd> speed. The diff compares the open file with {mark === null ? "the final code" : "the marked moment"}.
      </p>
      <ReplayTimeline summary={summary} t={t} onSeek={seek} />
      <div className="grid min-h-0 gap-3 xl:grid-cols-[1fr_22rem]">
        {frame.data ? (
          <ReplayPanels frame={frame.data} diffBase={diffBase} />
        ) : frame.isError ? (
          <p role="alert" className="text-sm text-danger-fg">{frame.error.message}</p>
        ) : (
          <p role="status" className="text-sm text-fg-muted">Loading the moment…</p>
        )}
        <div className="flex min-h-0 flex-col gap-3">
          {canProbe ? <ReplayProbe sessionId={summary.id} t={frameT} /> : null}
          <ReplayEventsList sessionId={summary.id} currentSeq={frame.data?.seq ?? 0} onJump={(item) => seek(item.t)} />
        </div>
      </div>
    </div>
  );
}
