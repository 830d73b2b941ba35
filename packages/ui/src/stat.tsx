import type { HTMLAttributes, ReactNode } from "react";
import { cx } from "./cx.ts";
import { VisuallyHidden } from "./visually-hidden.tsx";

/** A <dl> holding Stats, laid out as a responsive grid. */
export function StatGroup({ className, ...props }: HTMLAttributes<HTMLDListElement>) {
  return <dl className={cx("grid grid-cols-2 gap-3 lg:grid-cols-4", className)} {...props} />;
}

export interface StatDelta {
  /** Already formatted, e.g. "+12%" or "3". */
  value: string;
  direction: "up" | "down" | "flat";
  /** Whether this direction is good news; decides the colour (down can be good, e.g. time to hire). */
  sentiment?: "positive" | "negative" | "neutral";
  /** Context such as "vs last 30 days". */
  label?: string;
}

export interface StatProps {
  label: ReactNode;
  value: ReactNode;
  delta?: StatDelta;
  className?: string;
}

const sentimentColour = { positive: "text-success-fg", negative: "text-danger-fg", neutral: "text-fg-muted" };
const arrow = { up: "↑", down: "↓", flat: "→" };
const spoken = { up: "up", down: "down", flat: "unchanged" };

/** One figure (label / value / delta); must be placed inside a StatGroup (it renders dt/dd). */
export function Stat({ label, value, delta, className }: StatProps) {
  return (
    <div className={cx("rounded-lg border border-line bg-surface px-4 py-3", className)}>
      <dt className="text-xs font-medium text-fg-muted">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tracking-tight text-fg tabular-nums">{value}</dd>
      {delta ? (
        <dd className={cx("mt-0.5 text-xs", sentimentColour[delta.sentiment ?? "neutral"])}>
          <span aria-hidden="true">{arrow[delta.direction]} </span>
          <VisuallyHidden>{spoken[delta.direction]} </VisuallyHidden>
          {delta.value}
          {delta.label ? <span className="text-fg-muted"> {delta.label}</span> : null}
        </dd>
      ) : null}
    </div>
  );
}
