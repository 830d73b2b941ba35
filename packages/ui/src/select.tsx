import { forwardRef, type SelectHTMLAttributes } from "react";
import { ChevronDown } from "lucide-react";
import { cx } from "./cx.ts";
import { controlClasses, FieldDescription, FieldErrorText, FieldLabel, useFieldIds, type FieldProps } from "./field.tsx";

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface SelectProps extends FieldProps, Omit<SelectHTMLAttributes<HTMLSelectElement>, "children"> {
  options: readonly SelectOption[];
  /** A first, empty option such as "Choose a role…"; selecting it submits an empty value. */
  placeholder?: string;
  containerClassName?: string;
}

/**
 * A native <select>: it submits with plain HTML forms (no JS needed) and gets the platform's
 * own accessible listbox, which matters more here than a custom-drawn popover.
 */
export const Select = forwardRef<HTMLSelectElement, SelectProps>(function Select(
  { label, description, error, hideLabel, id, options, placeholder, className, containerClassName, ...props },
  ref,
) {
  const field = useFieldIds(id, description, error);
  return (
    <div className={cx("space-y-1.5", containerClassName)}>
      <FieldLabel htmlFor={field.controlId} hidden={hideLabel}>
        {label}
      </FieldLabel>
      <FieldDescription id={field.descriptionId}>{description}</FieldDescription>
      <div className="relative">
        <select
          ref={ref}
          className={controlClasses(Boolean(field.errorId), cx("h-8 appearance-none pr-8 pl-2.5", className))}
          {...props}
          {...field.controlProps}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled}>
              {option.label}
            </option>
          ))}
        </select>
        <ChevronDown
          aria-hidden="true"
          className="pointer-events-none absolute top-1/2 right-2.5 size-4 -translate-y-1/2 text-fg-muted"
        />
      </div>
      <FieldErrorText id={field.errorId} messages={field.messages} />
    </div>
  );
});
