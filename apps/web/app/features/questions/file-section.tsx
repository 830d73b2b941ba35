import { Card, CardContent, CardHeader } from "@interviewlm/ui";
import { ChevronRight } from "@interviewlm/ui/icons";
import type { ReactNode } from "react";

export interface SourceFile {
  path: string;
  content: string;
}

const lineCount = (content: string) => (content === "" ? 0 : content.replace(/\n$/, "").split("\n").length);

/**
 * A set of files under an h2, each one a native <details> (keyboard and screen-reader support
 * for free, and no JavaScript needed). Collapsed unless `open`.
 */
export function FileSection({ title, description, files, open = false, notice }: { title: string; description: ReactNode; files: readonly SourceFile[]; open?: boolean; notice?: ReactNode }) {
  return (
    <Card>
      <CardHeader title={title} description={description} />
      <CardContent className="space-y-3">
        {notice}
        {files.length === 0 ? <p className="text-sm text-fg-muted">No files.</p> : null}
        {files.map((file) => (
          <details key={file.path} open={open} className="group rounded-md border border-line">
            <summary className="flex cursor-pointer list-none items-center justify-between gap-3 rounded-md px-3 py-2 text-sm hover:bg-surface-hover focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus">
              {/* A flex summary loses the browser's disclosure triangle; draw one that turns when open. */}
              <span className="flex min-w-0 items-center gap-2">
                <ChevronRight aria-hidden="true" className="size-4 shrink-0 text-fg-muted transition-transform group-open:rotate-90" />
                <span className="truncate font-mono text-fg">{file.path}</span>
              </span>
              <span className="text-xs text-fg-muted">
                {lineCount(file.content)} lines
              </span>
            </summary>
            {/* A scrollable region must be reachable by keyboard to be scrolled (WCAG 2.1.1). */}
            <div role="region" aria-label={`${file.path} source`} tabIndex={0} className="max-h-[32rem] overflow-auto border-t border-line bg-canvas focus-visible:outline-2 focus-visible:outline-focus">
              <pre className="p-3 font-mono text-xs leading-5 text-fg">
                <code>{file.content}</code>
              </pre>
            </div>
          </details>
        ))}
      </CardContent>
    </Card>
  );
}
