import { forwardRef, type HTMLAttributes, type ReactNode } from "react";
import { cx } from "./cx.ts";

export const Card = forwardRef<HTMLDivElement, HTMLAttributes<HTMLDivElement>>(function Card(
  { className, ...props },
  ref,
) {
  return <div ref={ref} className={cx("rounded-lg border border-line bg-surface", className)} {...props} />;
});

export interface CardHeaderProps extends Omit<HTMLAttributes<HTMLDivElement>, "title"> {
  title: ReactNode;
  description?: ReactNode;
  /** Buttons or links aligned to the right of the title. */
  actions?: ReactNode;
  /** Heading level that fits the page outline; defaults to h2. */
  headingLevel?: 1 | 2 | 3 | 4;
}

export function CardHeader({ title, description, actions, headingLevel = 2, className, ...props }: CardHeaderProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className={cx("flex items-start justify-between gap-4 border-b border-line px-5 py-4", className)} {...props}>
      <div className="min-w-0 space-y-1">
        <Heading className="text-sm font-semibold text-fg">{title}</Heading>
        {description ? <p className="text-sm text-fg-muted">{description}</p> : null}
      </div>
      {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
    </div>
  );
}

export function CardContent({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cx("px-5 py-4", className)} {...props} />;
}

export function CardFooter({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return (
    <div
      className={cx("flex items-center justify-end gap-2 border-t border-line px-5 py-3", className)}
      {...props}
    />
  );
}
