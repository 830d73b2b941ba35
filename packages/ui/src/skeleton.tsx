import type { HTMLAttributes } from "react";
import { cx } from "./cx.ts";

/**
 * A placeholder block while content loads. Hidden from assistive tech: pair the loading
 * region with aria-busy (or a Spinner with a label) so the wait itself is announced.
 */
export function Skeleton({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return (
    <div
      aria-hidden="true"
      className={cx("rounded-md bg-surface-hover motion-safe:animate-pulse", className)}
      {...props}
    />
  );
}
