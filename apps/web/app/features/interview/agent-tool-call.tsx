// One tool call in the assistant's conversation: what it ran, with which input, what came
// back and how long it took; an edit shows its diff and, for the candidate, an Undo button.
import { Badge, Button, Spinner, cx } from "@interviewlm/ui";
import { Undo2 } from "@interviewlm/ui/icons";
import type { AgentItem } from "./agent-state";

type ToolItem = Extract<AgentItem, { kind: "tool" }>;

const LABELS: Record<string, string> = {
  list_files: "Listed files",
  read_file: "Read",
  write_file: "Wrote",
  edit_file: "Edited",
  run_tests: "Ran the tests",
  run_command: "Ran",
};

function subject(item: ToolItem): string {
  const input = (item.input ?? {}) as Record<string, unknown>;
  if (typeof input.path === "string") return input.path;
  if (typeof input.command === "string") return input.command;
  return item.edit?.path ?? "";
}

export function AgentToolCall({ item, onUndo }: { item: ToolItem; onUndo?: (toolId: string) => void }) {
  const running = item.output === null;
  const label = LABELS[item.name] ?? item.name;
  return (
    <details className="rounded-md border border-line bg-canvas text-xs" open={item.edit !== null}>
      <summary className="flex cursor-pointer items-center gap-2 px-2 py-1.5 focus-visible:outline-2 focus-visible:outline-focus">
        {running ? <Spinner size="sm" /> : null}
        <span className="font-medium text-fg">{label}</span>
        <code className="min-w-0 flex-1 truncate font-mono text-fg-muted">{subject(item)}</code>
        {item.isError ? <Badge tone="danger">failed</Badge> : null}
        {item.undone ? <Badge tone="neutral">undone</Badge> : null}
        {item.durationMs !== null ? <span className="text-fg-subtle">{formatDuration(item.durationMs)}</span> : null}
      </summary>
      <div className="space-y-2 border-t border-line p-2">
        {item.edit ? <DiffView diff={item.edit.diff} /> : null}
        {item.edit && onUndo && !item.undone ? (
          <Button size="sm" variant="secondary" icon={<Undo2 aria-hidden="true" className="size-3.5" />} onClick={() => onUndo(item.toolId)}>
            Undo this edit
          </Button>
        ) : null}
        {!item.edit && item.input && Object.keys(item.input as object).length > 0 ? (
          <pre tabIndex={0} aria-label="Input" className="max-h-40 overflow-auto whitespace-pre-wrap break-all font-mono text-fg-muted">{JSON.stringify(item.input, null, 2)}</pre>
        ) : null}
        {item.output !== null && !item.edit ? (
          <pre tabIndex={0} aria-label="Output" className={cx("max-h-60 overflow-auto whitespace-pre-wrap break-all font-mono", item.isError ? "text-danger-fg" : "text-fg")}>{item.output}</pre>
        ) : null}
      </div>
    </details>
  );
}

function DiffView({ diff }: { diff: string }) {
  // The two header lines name the file; the summary already does.
  const lines = diff.split("\n").slice(2);
  return (
    <pre tabIndex={0} aria-label="Changes" className="max-h-72 overflow-auto font-mono leading-5">
      {lines.map((line, index) => {
        const kind = line[0];
        const tone = kind === "+" ? "bg-success-soft text-success-fg" : kind === "-" ? "bg-danger-soft text-danger-fg" : "text-fg-muted";
        return (
          <span key={index} className={cx("block px-1", tone)}>
            <span className="sr-only">{kind === "+" ? "added: " : kind === "-" ? "removed: " : ""}</span>
            {line || " "}
          </span>
        );
      })}
    </pre>
  );
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
