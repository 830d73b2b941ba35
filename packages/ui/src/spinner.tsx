import { cx } from "./cx.ts";
import { VisuallyHidden } from "./visually-hidden.tsx";

export type SpinnerSize = "sm" | "md" | "lg";

export interface SpinnerProps {
  size?: SpinnerSize;
  /**
   * Announced text. Omit it when the spinner sits inside something that already says it is
   * busy (a pending Button sets aria-busy), so screen readers do not hear it twice.
   */
  label?: string;
  className?: string;
}

const sizes: Record<SpinnerSize, string> = { sm: "size-3.5", md: "size-4", lg: "size-6" };

export function Spinner({ size = "md", label, className }: SpinnerProps) {
  const svg = (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      aria-hidden="true"
      className={cx("shrink-0 animate-spin", sizes[size], className)}
    >
      <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
      <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
  if (!label) return svg;
  return (
    <span role="status" className="inline-flex items-center">
      {svg}
      <VisuallyHidden>{label}</VisuallyHidden>
    </span>
  );
}
