import { CircleAlert } from "lucide-react";
import type { ReactNode } from "react";
import { cx } from "./cx.ts";
import { errorMessages, type FieldErrorValue } from "./field.tsx";

export interface FormErrorProps {
  /** Errors that belong to the whole form (e.g. "Invalid email or password"), not one field. */
  error?: FieldErrorValue;
  /** Alternative to `error` for rich content; null, false or "" render nothing. */
  children?: ReactNode;
  id?: string;
  className?: string;
}

/** Form-level error summary; role=alert so it is announced as soon as it appears. */
export function FormError({ error, children, id, className }: FormErrorProps) {
  const messages = errorMessages(error);
  const hasChildren = children !== null && children !== undefined && children !== false && children !== "";
  if (messages.length === 0 && !hasChildren) return null;
  return (
    <div
      id={id}
      role="alert"
      className={cx(
        "flex gap-2 rounded-md border border-danger-fg/40 bg-danger-soft px-3 py-2 text-sm text-danger-fg",
        className,
      )}
    >
      <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <div className="space-y-0.5">
        {messages.map((message) => (
          <p key={message}>{message}</p>
        ))}
        {hasChildren ? <div>{children}</div> : null}
      </div>
    </div>
  );
}
