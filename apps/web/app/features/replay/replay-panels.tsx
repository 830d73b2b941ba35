// Every panel at time T, from one frame: files and the read-only editor, the terminal as it
// looked, the latest test run, the AI conversation so far, notes and signals, and the diff
// of the open file against the final code or a marked moment.
import type { ReplayFrame } from "@interviewlm/core/replay";
import { Badge, cx } from "@interviewlm/ui";
import { useEffect, useMemo, useState } from "react";
import { FileTree } from "~/features/interview/file-tree";
import { TerminalPanel } from "~/features/interview/terminal-panel";
import { TerminalStream } from "~/features/interview/terminal-stream";
import { lineDiff } from "./line-diff";
import { ReplayCode } from "./replay-code";
import { describeCursor } from "./replay-cursor";
import { formatOffset } from "./replay-time";

export interface DiffBase {
  label: string;
  files: { path: string; content: string }[];
}

export function ReplayPanels({ frame, diffBase }: { frame: ReplayFrame; diffBase: DiffBase | null }) {
  const paths = useMemo(() => frame.files.map((f) => f.path), [frame.files]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [view, setView] = useState<"code" | "diff">("code");
  const activePath = chosen && paths.includes(chosen) ? chosen : (paths.find((p) => /solution|main|index/.test(p)) ?? paths[0] ?? null);
  const file = frame.files.find((f) => f.path === activePath) ?? null;

  return (
    <div className="grid min-h-0 gap-3 lg:grid-cols-[12rem_1fr_22rem]">
      <section aria-labelledby="files-heading" className="min-h-0 overflow-auto rounded-md border border-line bg-surface">
        <h2 id="files-heading" className="border-b border-line px-3 py-1.5 text-xs font-medium tracking-wide text-fg-muted uppercase">Files</h2>
        {paths.length === 0 ? <p className="p-3 text-sm text-fg-muted">No files yet at this moment.</p> : <FileTree paths={paths} activePath={activePath} readOnly onOpen={setChosen} />}
      </section>
      <div className="flex min-h-0 flex-col gap-3">
        <section aria-label="Code at this moment" className="flex min-h-0 flex-col rounded-md border border-line bg-surface">
          <div role="group" aria-label="Code view" className="flex gap-1 border-b border-line p-1">
            {(["code", "diff"] as const).map((mode) => (
              <button
                key={mode}
                type="button"
                aria-pressed={view === mode}
                onClick={() => setView(mode)}
                className={cx("rounded px-2 py-0.5 text-xs focus-visible:outline-2 focus-visible:outline-focus", view === mode ? "bg-surface-hover font-medium text-fg" : "text-fg-muted hover:text-fg")}
              >
                {mode === "code" ? "Code" : `Diff${diffBase ? ` against ${diffBase.label}` : ""}`}
              </button>
            ))}
          </div>
          {view === "code" ? (
            <>
              <div className="h-80 min-h-0 overflow-hidden">{file ? <ReplayCode path={file.path} content={file.content} cursor={frame.cursor?.path === file.path ? frame.cursor : null} /> : <p className="p-3 text-sm text-fg-muted">Choose a file.</p>}</div>
              <CursorLine frame={frame} file={file} onOpen={setChosen} />
            </>
          ) : (
            <div className="h-80 overflow-auto">
              <ReplayDiff path={activePath} now={file?.content ?? ""} base={diffBase} />
            </div>
          )}
        </section>
        <ReplayTerminal frame={frame} />
      </div>
      <div className="flex min-h-0 flex-col gap-3">
        <ReplayTests frame={frame} />
        <ReplayConversation frame={frame} />
        <ReplayNotesAndSignals frame={frame} />
      </div>
    </div>
  );
}

/** Where the candidate's cursor was, in words (the caret in the editor is drawn for sighted readers only). */
function CursorLine({ frame, file, onOpen }: { frame: ReplayFrame; file: { path: string; content: string } | null; onOpen: (path: string) => void }) {
  const cursor = frame.cursor;
  const cursorFile = cursor ? frame.files.find((f) => f.path === cursor.path) : undefined;
  return (
    <p className="border-t border-line px-3 py-1 text-xs text-fg-muted" data-testid="replay-cursor-line">
      {!cursor || !cursorFile ? (
        "No cursor of the candidate's recorded yet at this moment."
      ) : file?.path === cursor.path ? (
        <>Candidate's cursor: {describeCursor(file.content, cursor)}</>
      ) : (
        <>
          Candidate's cursor is in {cursor.path}.{" "}
          <button type="button" onClick={() => onOpen(cursor.path)} className="text-accent-fg underline focus-visible:outline-2 focus-visible:outline-focus">
            Open it
          </button>
        </>
      )}
    </p>
  );
}

function ReplayTerminal({ frame }: { frame: ReplayFrame }) {
  const [stream] = useState(() => new TerminalStream(4 * 1024 * 1024));
  // The frame's screen is a keyframe's; the output recorded after it is written on top. The
  // panel keeps its own size (it fits its box), so the recorded resizes are not replayed.
  const text = useMemo(() => frame.terminal.screen + frame.terminal.writes.filter((write): write is string => typeof write === "string").join(""), [frame.terminal]);
  useEffect(() => stream.reset(text), [stream, text]);
  return (
    <section aria-label="Terminal at this moment" className="rounded-md border border-line">
      <TerminalPanel stream={stream} readOnly status={{ state: "ready", message: null }} connected className="h-64" />
      {frame.terminal.truncated ? <p className="px-3 py-1 text-xs text-fg-muted">The terminal's recording limit was reached; later output was not recorded.</p> : null}
    </section>
  );
}

function ReplayTests({ frame }: { frame: ReplayFrame }) {
  const latest = frame.tests.latest;
  return (
    <section aria-labelledby="replay-tests-heading" className="rounded-md border border-line bg-surface p-3">
      <h2 id="replay-tests-heading" className="mb-2 text-xs font-medium tracking-wide text-fg-muted uppercase">Tests</h2>
      {frame.tests.running ? <p className="mb-1 text-sm" role="status">Running…</p> : null}
      {latest ? (
        <div data-testid="replay-latest-run">
          <p className="text-sm">
            <Badge tone={latest.status === "passed" ? "success" : "danger"}>{latest.status}</Badge>{" "}
            <span className="text-fg-muted">at {formatOffset(latest.t)}</span>
          </p>
          <ul className="mt-2 space-y-0.5 text-xs">
            {latest.tests.map((test, i) => (
              <li key={`${test.name}-${i}`} className="flex justify-between gap-2">
                <span className="break-all">{test.name}</span>
                <span className={cx(test.status === "passed" ? "text-success-fg" : "text-danger-fg")}>{test.status}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-sm text-fg-muted">No test run yet at this moment.</p>
      )}
    </section>
  );
}

function ReplayConversation({ frame }: { frame: ReplayFrame }) {
  return (
    <section aria-labelledby="replay-ai-heading" className="max-h-64 overflow-auto rounded-md border border-line bg-surface p-3" tabIndex={0}>
      <h2 id="replay-ai-heading" className="mb-2 text-xs font-medium tracking-wide text-fg-muted uppercase">AI conversation</h2>
      {frame.conversation.length === 0 ? (
        <p className="text-sm text-fg-muted">No AI messages yet at this moment.</p>
      ) : (
        <ol className="space-y-2 text-sm">
          {frame.conversation.map((m) => (
            <li key={m.seq}>
              <span className="text-xs text-fg-muted">{m.role === "assistant" ? "AI" : "Candidate"} · {formatOffset(m.t)}</span>
              <p className="break-words whitespace-pre-wrap">{m.text}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function ReplayNotesAndSignals({ frame }: { frame: ReplayFrame }) {
  return (
    <section aria-labelledby="replay-notes-heading" className="max-h-56 overflow-auto rounded-md border border-line bg-surface p-3" tabIndex={0}>
      <h2 id="replay-notes-heading" className="mb-2 text-xs font-medium tracking-wide text-fg-muted uppercase">Notes and signals</h2>
      {frame.notes.length + frame.signals.length === 0 ? (
        <p className="text-sm text-fg-muted">No notes or signals yet at this moment.</p>
      ) : (
        <ol className="space-y-1 text-xs">
          {[...frame.notes.map((n) => ({ seq: n.seq, t: n.t, text: `${n.author}: ${n.text}` })), ...frame.signals.map((s) => ({ seq: s.seq, t: s.t, text: s.label }))]
            .sort((a, b) => a.seq - b.seq)
            .map((item) => (
              <li key={item.seq}>
                <span className="font-mono text-fg-muted">{formatOffset(item.t)}</span> {item.text}
              </li>
            ))}
        </ol>
      )}
    </section>
  );
}

function ReplayDiff({ path, now, base }: { path: string | null; now: string; base: DiffBase | null }) {
  if (!base || !path) return <p className="p-3 text-sm text-fg-muted">Loading the code to compare with…</p>;
  const other = base.files.find((f) => f.path === path);
  if (!other) return <p className="p-3 text-sm text-fg-muted">{path} does not exist in {base.label}.</p>;
  const lines = lineDiff(now, other.content);
  if (lines.every((l) => l.kind === "same")) return <p className="p-3 text-sm text-fg-muted">{path} is the same as in {base.label}.</p>;
  return (
    <pre aria-label={`Changes to ${path} from this moment to ${base.label}`} className="p-3 font-mono text-xs" tabIndex={0}>
      {lines.map((line, i) => (
        <div key={i} className={cx(line.kind === "added" && "bg-success/15", line.kind === "removed" && "bg-danger/15")}>
          <span aria-hidden="true">{line.kind === "added" ? "+ " : line.kind === "removed" ? "- " : "  "}</span>
          <span className="sr-only">{line.kind === "added" ? "added: " : line.kind === "removed" ? "removed: " : ""}</span>
          {line.text}
        </div>
      ))}
    </pre>
  );
}
