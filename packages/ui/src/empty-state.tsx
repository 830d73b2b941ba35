import type { ReactNode } from "react";
import { cx } from "./cx.ts";

export interface EmptyStateProps {
  /** A decorative icon (lucide); it is hidden from assistive tech. */
  icon?: ReactNode;
  title: ReactNode;
  /** One or two sentences: why it is empty and what to do next. */
  description?: ReactNode;
  /** Usually one primary Button or link that fills the empty state. */
  action?: ReactNode;
  headingLevel?: 1 | 2 | 3 | 4;
  className?: string;
}

export function EmptyState({ icon, title, description, action, headingLevel = 2, className }: EmptyStateProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div
      className={cx(
        "flex flex-col items-center justify-center gap-3 rounded-lg border border-dashed border-line-strong px-6 py-12 text-center",
        className,
      )}
    >
      {icon ? (
        <div
          aria-hidden="true"
          className="flex size-10 items-center justify-center rounded-lg border border-line bg-surface-raised text-fg-muted [&_svg]:size-5"
        >
          {icon}
        </div>
      ) : null}
      <div className="max-w-sm space-y-1">
        <Heading className="text-sm font-semibold text-fg">{title}</Heading>
        {description ? <p className="text-sm text-fg-muted">{description}</p> : null}
      </div>
      {action ? <div className="mt-1">{action}</div> : null}
    </div>
  );
}
