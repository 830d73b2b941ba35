import type { HTMLAttributes } from "react";
import { cx } from "./cx.ts";

/** A keyboard key, e.g. <Kbd>⌘</Kbd><Kbd>K</Kbd>. */
export function Kbd({ className, ...props }: HTMLAttributes<HTMLElement>) {
  return (
    <kbd
      className={cx(
        "inline-flex h-5 min-w-5 items-center justify-center rounded border border-line-strong bg-surface-raised px-1 font-sans text-[11px] font-medium text-fg-muted",
        className,
      )}
      {...props}
    />
  );
}
