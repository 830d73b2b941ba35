import { forwardRef, type HTMLAttributes } from "react";

/** Text for screen readers only (the standard "sr-only" clip pattern). */
export const VisuallyHidden = forwardRef<HTMLSpanElement, HTMLAttributes<HTMLSpanElement>>(
  function VisuallyHidden({ className, ...props }, ref) {
    return <span ref={ref} className={className ? `sr-only ${className}` : "sr-only"} {...props} />;
  },
);
