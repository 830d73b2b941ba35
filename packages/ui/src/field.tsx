import { useId, type ReactNode } from "react";
import { cx } from "./cx.ts";

/** A field error as validators produce it: one message, several (zod), or none. */
export type FieldErrorValue = string | readonly string[] | null | undefined;

export function errorMessages(error: FieldErrorValue): string[] {
  if (!error) return [];
  return (typeof error === "string" ? [error] : [...error]).filter((message) => message.length > 0);
}

/** Props every labelled control accepts. */
export interface FieldProps {
  label: ReactNode;
  /** Help text under the label, linked with aria-describedby. */
  description?: ReactNode;
  /** Per-field error(s); sets aria-invalid and is announced with the control. */
  error?: FieldErrorValue;
  /** Hides the label visually (it stays the accessible name). Use sparingly. */
  hideLabel?: boolean;
}

/**
 * Ids and ARIA wiring shared by all fields: the control is described by its description
 * and, when present, its error, so screen readers read both on focus.
 */
export function useFieldIds(id: string | undefined, description: ReactNode, error: FieldErrorValue) {
  const generated = useId();
  const controlId = id ?? `field${generated.replace(/:/g, "")}`;
  const descriptionId = description ? `${controlId}-description` : undefined;
  const messages = errorMessages(error);
  const errorId = messages.length > 0 ? `${controlId}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(" ") || undefined;
  return {
    controlId,
    descriptionId,
    errorId,
    messages,
    controlProps: {
      id: controlId,
      "aria-invalid": errorId ? (true as const) : undefined,
      "aria-describedby": describedBy,
    },
  };
}

export const controlBase =
  "w-full rounded-md border bg-surface text-sm text-fg placeholder:text-fg-subtle " +
  "transition-colors duration-100 " +
  "focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-focus focus-visible:border-transparent " +
  "disabled:cursor-not-allowed disabled:opacity-60";

export function controlClasses(invalid: boolean, className?: string): string {
  return cx(
    controlBase,
    invalid ? "border-danger-fg" : "border-line-input hover:border-fg-subtle",
    className,
  );
}

export function FieldLabel({ htmlFor, hidden, children }: { htmlFor: string; hidden?: boolean; children: ReactNode }) {
  return (
    <label htmlFor={htmlFor} className={hidden ? "sr-only" : "block text-sm font-medium text-fg"}>
      {children}
    </label>
  );
}

export function FieldDescription({ id, children }: { id: string | undefined; children: ReactNode }) {
  if (!id || !children) return null;
  return (
    <p id={id} className="text-xs text-fg-muted">
      {children}
    </p>
  );
}

export function FieldErrorText({ id, messages }: { id: string | undefined; messages: string[] }) {
  if (!id || messages.length === 0) return null;
  return (
    <div id={id} className="space-y-0.5 text-xs text-danger-fg">
      {messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}
