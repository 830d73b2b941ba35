import { useId } from "react";
import { cx } from "./cx.ts";
import { VisuallyHidden } from "./visually-hidden.tsx";

export interface BarDatum {
  label: string;
  value: number;
}

export interface BarChartProps {
  /** The chart's title; also its accessible name. */
  title: string;
  data: readonly BarDatum[];
  /** Formats values for labels and the data table (default: the number). */
  formatValue?: (value: number) => string;
  /** Show only every n-th category label under the bars (dense time series). */
  labelEvery?: number;
  className?: string;
}

/**
 * A small vertical bar chart in SVG. Screen readers get the same numbers as a table
 * (the drawing is aria-hidden), so the chart never hides data from anyone.
 */
export function BarChart({ title, data, formatValue = String, labelEvery = 1, className }: BarChartProps) {
  const id = useId();
  const max = Math.max(1, ...data.map((d) => d.value));
  const width = 100 / Math.max(1, data.length);
  return (
    <figure className={cx("space-y-2", className)} aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="text-sm font-medium text-fg">
        {title}
      </figcaption>
      <div aria-hidden="true" className="flex h-36 items-end gap-1 border-b border-line">
        {data.map((d) => (
          <div key={d.label} className="flex h-full flex-1 flex-col justify-end" style={{ maxWidth: `${width}%` }}>
            <span className="mb-0.5 text-center text-[10px] text-fg-muted tabular-nums">{d.value > 0 ? formatValue(d.value) : ""}</span>
            <div
              className="rounded-t-sm bg-accent"
              style={{ height: `${(d.value / max) * 85}%`, minHeight: d.value > 0 ? 2 : 0 }}
              title={`${d.label}: ${formatValue(d.value)}`}
            />
          </div>
        ))}
      </div>
      <div aria-hidden="true" className="flex gap-1">
        {data.map((d, i) => (
          <span key={d.label} className="flex-1 truncate text-center text-[10px] text-fg-subtle" style={{ maxWidth: `${width}%` }}>
            {i % labelEvery === 0 ? d.label : ""}
          </span>
        ))}
      </div>
      <VisuallyHidden>
        <table>
          <caption>{title}</caption>
          <tbody>
            {data.map((d) => (
              <tr key={d.label}>
                <th scope="row">{d.label}</th>
                <td>{formatValue(d.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </figure>
  );
}
