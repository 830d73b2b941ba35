// The open files above the editor. A list of buttons (not role=tab): each tab has its own
// close button, and interactive elements may not nest inside a tab.
import { cx } from "@interviewlm/ui";
import { X } from "@interviewlm/ui/icons";

export interface EditorTabsProps {
  paths: string[];
  active: string | null;
  onSelect: (path: string) => void;
  onClose: (path: string) => void;
}

const fileName = (path: string) => path.slice(path.lastIndexOf("/") + 1);

export function EditorTabs({ paths, active, onSelect, onClose }: EditorTabsProps) {
  if (paths.length === 0) return <div className="h-9 shrink-0 border-b border-line" />;
  return (
    <nav aria-label="Open files" className="h-9 shrink-0 overflow-x-auto border-b border-line">
      <ul className="flex h-full">
        {paths.map((path) => {
          const current = path === active;
          return (
            <li
              key={path}
              className={cx(
                "flex h-full items-center border-r border-line text-xs",
                current ? "bg-surface text-fg shadow-[inset_0_-2px_0_var(--color-accent)]" : "text-fg-muted hover:bg-surface-hover",
              )}
            >
              <button
                type="button"
                title={path}
                aria-current={current ? "page" : undefined}
                onClick={() => onSelect(path)}
                className="h-full px-3 font-mono whitespace-nowrap focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-focus"
              >
                {fileName(path)}
              </button>
              <button
                type="button"
                aria-label={`Close ${path}`}
                onClick={() => onClose(path)}
                className="mr-1 flex size-5 items-center justify-center rounded text-fg-subtle hover:bg-surface-active hover:text-fg focus-visible:outline-2 focus-visible:outline-focus"
              >
                <X aria-hidden="true" className="size-3" />
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
