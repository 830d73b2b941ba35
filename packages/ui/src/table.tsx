import { useId, type HTMLAttributes, type ReactNode, type TdHTMLAttributes, type ThHTMLAttributes } from "react";
import { cx } from "./cx.ts";

export interface TableProps extends HTMLAttributes<HTMLTableElement> {
  /** What the table lists; every data table should have one for screen-reader navigation. */
  caption?: ReactNode;
  /** Keep the caption for assistive tech when a visible heading already says the same. */
  hideCaption?: boolean;
  /** Class of the scrolling wrapper. */
  containerClassName?: string;
}

/**
 * A data table in a horizontally scrollable wrapper. With a caption, the wrapper is a named,
 * focusable region so keyboard users can scroll a wide table (axe: scrollable-region-focusable).
 */
export function Table({ caption, hideCaption, className, containerClassName, children, ...props }: TableProps) {
  const captionId = `table${useId().replace(/:/g, "")}-caption`;
  return (
    <div
      className={cx("overflow-x-auto rounded-lg border border-line", containerClassName)}
      {...(caption ? { role: "region", "aria-labelledby": captionId, tabIndex: 0 } : {})}
    >
      <table className={cx("w-full border-collapse text-left text-sm", className)} {...props}>
        {caption ? (
          <caption
            id={captionId}
            className={hideCaption ? "sr-only" : "px-4 py-3 text-left text-sm font-medium text-fg"}>
            {caption}
          </caption>
        ) : null}
        {children}
      </table>
    </div>
  );
}

export function TableHead({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return <thead className={cx("bg-surface text-xs text-fg-muted", className)} {...props} />;
}

export function TableBody({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody className={cx("divide-y divide-line", className)} {...props} />;
}

export function TableRow({ className, ...props }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={cx("transition-colors hover:bg-surface-raised/60", className)} {...props} />;
}

/** A header cell; scope defaults to "col" (use scope="row" for the first cell of a row). */
export function TableHeaderCell({ className, scope = "col", ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope={scope}
      className={cx(
        "border-b border-line px-4 py-2.5 font-medium whitespace-nowrap",
        scope === "row" && "border-b-0 text-fg",
        className,
      )}
      {...props}
    />
  );
}

export function TableCell({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cx("px-4 py-2.5 text-fg", className)} {...props} />;
}
