import type { HTMLAttributes } from "react";
import { cx } from "./cx.ts";

export type BadgeTone = "neutral" | "accent" | "success" | "warning" | "danger" | "info";

const tones: Record<BadgeTone, { box: string; dot: string }> = {
  neutral: { box: "bg-neutral-soft text-fg-muted border-line-strong", dot: "bg-fg-muted" },
  accent: { box: "bg-accent-soft text-accent-fg border-accent-fg/25", dot: "bg-accent-fg" },
  success: { box: "bg-success-soft text-success-fg border-success-fg/25", dot: "bg-success-fg" },
  warning: { box: "bg-warning-soft text-warning-fg border-warning-fg/25", dot: "bg-warning-fg" },
  danger: { box: "bg-danger-soft text-danger-fg border-danger-fg/25", dot: "bg-danger-fg" },
  info: { box: "bg-info-soft text-info-fg border-info-fg/25", dot: "bg-info-fg" },
};

export interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  tone?: BadgeTone;
  /** A small coloured dot before the text; the text itself carries the meaning. */
  dot?: boolean;
}

/** A status label (e.g. "Invited", "Completed"). Colour is never the only signal: always pass text. */
export function Badge({ tone = "neutral", dot = false, className, children, ...props }: BadgeProps) {
  const style = tones[tone];
  return (
    <span
      className={cx(
        "inline-flex items-center gap-1.5 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap",
        style.box,
        className,
      )}
      {...props}
    >
      {dot ? <span aria-hidden="true" className={cx("size-1.5 rounded-full", style.dot)} /> : null}
      {children}
    </span>
  );
}
