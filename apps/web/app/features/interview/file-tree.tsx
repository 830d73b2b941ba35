// The workspace's files as a WAI-ARIA tree: one tab stop, arrow keys move, Right/Left open
// and close folders, Enter opens a file, F2 renames and Delete deletes (candidate only).
import { IconButton, cx } from "@interviewlm/ui";
import { ChevronDown, ChevronRight, FilePlus, FileText, Folder, Pencil, Trash2 } from "@interviewlm/ui/icons";
import { useMemo, useRef, useState, type KeyboardEvent } from "react";
import { treeRows, type TreeRow } from "./file-tree-model";

export interface FileTreeProps {
  paths: string[];
  activePath: string | null;
  readOnly: boolean;
  onOpen: (path: string) => void;
  onCreate?: (folder: string) => void;
  onRename?: (path: string) => void;
  onDelete?: (path: string) => void;
}

export function FileTree({ paths, activePath, readOnly, onOpen, onCreate, onRename, onDelete }: FileTreeProps) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [focusedPath, setFocusedPath] = useState<string | null>(null);
  const rows = useMemo(() => treeRows(paths, collapsed), [paths, collapsed]);
  const itemRefs = useRef(new Map<string, HTMLElement>());
  const tabStop = rows.find((r) => r.path === focusedPath) ?? rows.find((r) => r.path === activePath) ?? rows[0];

  const focusRow = (row: TreeRow | undefined) => {
    if (!row) return;
    setFocusedPath(row.path);
    itemRefs.current.get(row.path)?.focus();
  };
  const toggle = (path: string, open: boolean) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (open) next.delete(path);
      else next.add(path);
      return next;
    });

  const onKeyDown = (event: KeyboardEvent, row: TreeRow, index: number) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => focusRow(rows[index + 1]),
      ArrowUp: () => focusRow(rows[index - 1]),
      Home: () => focusRow(rows[0]),
      End: () => focusRow(rows[rows.length - 1]),
      ArrowRight: () => (row.kind === "folder" ? (row.expanded ? focusRow(rows[index + 1]) : toggle(row.path, true)) : undefined),
      ArrowLeft: () =>
        row.kind === "folder" && row.expanded ? toggle(row.path, false) : focusRow(rows.find((r) => r.path === row.parent)),
      Enter: () => (row.kind === "file" ? onOpen(row.path) : toggle(row.path, !row.expanded)),
      " ": () => (row.kind === "file" ? onOpen(row.path) : toggle(row.path, !row.expanded)),
      F2: () => (row.kind === "file" && !readOnly ? onRename?.(row.path) : undefined),
      Delete: () => (row.kind === "file" && !readOnly ? onDelete?.(row.path) : undefined),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="flex h-9 shrink-0 items-center justify-between border-b border-line pr-1 pl-3">
        <h2 id="files-heading" className="text-xs font-medium tracking-wide text-fg-muted uppercase">Files</h2>
        {readOnly ? null : (
          <IconButton size="sm" aria-label="New file" icon={<FilePlus aria-hidden="true" className="size-4" />} onClick={() => onCreate?.("")} />
        )}
      </div>
      {rows.length === 0 ? (
        <p className="p-3 text-xs text-fg-muted">No files yet.</p>
      ) : (
        <ul role="tree" aria-labelledby="files-heading" className="min-h-0 flex-1 overflow-auto py-1 text-sm">
          {rows.map((row, index) => (
            <li
              key={row.path}
              ref={(el) => void (el ? itemRefs.current.set(row.path, el) : itemRefs.current.delete(row.path))}
              role="treeitem"
              aria-level={row.depth}
              aria-expanded={row.kind === "folder" ? row.expanded : undefined}
              aria-selected={row.kind === "file" ? row.path === activePath : undefined}
              tabIndex={row === tabStop ? 0 : -1}
              onKeyDown={(event) => event.target === event.currentTarget && onKeyDown(event, row, index)}
              onFocus={(event) => event.target === event.currentTarget && setFocusedPath(row.path)}
              onClick={() => (row.kind === "file" ? onOpen(row.path) : toggle(row.path, !row.expanded))}
              className={cx(
                "group flex h-7 cursor-pointer items-center gap-1.5 pr-1 outline-none select-none",
                "hover:bg-surface-hover focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-focus",
                row.path === activePath && "bg-surface-active text-fg",
                row.path !== activePath && "text-fg-muted",
              )}
              style={{ paddingLeft: `${row.depth * 12}px` }}
            >
              <RowIcon row={row} />
              <span className="min-w-0 flex-1 truncate font-mono text-xs">{row.name}</span>
              {row.kind === "file" && !readOnly ? (
                // Pointer shortcuts; keyboard users have F2 and Delete on the row (see the help).
                <span className="hidden gap-0.5 group-hover:flex" aria-hidden="true">
                  <IconButton tabIndex={-1} size="sm" aria-label={`Rename ${row.path}`} icon={<Pencil className="size-3.5" />} onClick={(e) => (e.stopPropagation(), onRename?.(row.path))} />
                  <IconButton tabIndex={-1} size="sm" aria-label={`Delete ${row.path}`} icon={<Trash2 className="size-3.5" />} onClick={(e) => (e.stopPropagation(), onDelete?.(row.path))} />
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function RowIcon({ row }: { row: TreeRow }) {
  if (row.kind === "file") return <FileText aria-hidden="true" className="ml-4 size-3.5 shrink-0 text-fg-subtle" />;
  const Chevron = row.expanded ? ChevronDown : ChevronRight;
  return (
    <>
      <Chevron aria-hidden="true" className="size-3.5 shrink-0 text-fg-subtle" />
      <Folder aria-hidden="true" className="size-3.5 shrink-0 text-fg-subtle" />
    </>
  );
}
