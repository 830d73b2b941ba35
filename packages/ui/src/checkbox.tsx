import { forwardRef, type InputHTMLAttributes } from "react";
import { cx } from "./cx.ts";
import { FieldDescription, FieldErrorText, useFieldIds, type FieldProps } from "./field.tsx";

export interface CheckboxProps
  extends Omit<FieldProps, "hideLabel">,
    Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "children"> {
  containerClassName?: string;
}

/** A native checkbox (submits "on" or its value with plain forms), label to the right. */
export const Checkbox = forwardRef<HTMLInputElement, CheckboxProps>(function Checkbox(
  { label, description, error, id, className, containerClassName, ...props },
  ref,
) {
  const field = useFieldIds(id, description, error);
  return (
    <div className={cx("flex gap-2.5", containerClassName)}>
      <input
        ref={ref}
        type="checkbox"
        className={cx(
          "mt-0.5 size-4 shrink-0 rounded border bg-surface accent-accent",
          field.errorId ? "border-danger-fg" : "border-line-input",
          "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus",
          "disabled:cursor-not-allowed disabled:opacity-60",
          className,
        )}
        {...props}
        {...field.controlProps}
      />
      <div className="space-y-0.5">
        <label htmlFor={field.controlId} className="block text-sm font-medium text-fg">
          {label}
        </label>
        <FieldDescription id={field.descriptionId}>{description}</FieldDescription>
        <FieldErrorText id={field.errorId} messages={field.messages} />
      </div>
    </div>
  );
});
