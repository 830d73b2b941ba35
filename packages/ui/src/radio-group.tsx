import { useId, type ReactNode } from "react";
import { cx } from "./cx.ts";
import { errorMessages, FieldErrorText, type FieldErrorValue } from "./field.tsx";

export interface RadioOption {
  value: string;
  label: ReactNode;
  description?: ReactNode;
  disabled?: boolean;
}

export interface RadioGroupProps {
  /** The form field name shared by the radios. */
  name: string;
  /** The group's question, rendered as the fieldset legend. */
  label: ReactNode;
  description?: ReactNode;
  error?: FieldErrorValue;
  options: readonly RadioOption[];
  /** Uncontrolled initial value (plain form submission). */
  defaultValue?: string;
  /** Controlled value; pair with onValueChange. */
  value?: string;
  onValueChange?: (value: string) => void;
  required?: boolean;
  disabled?: boolean;
  orientation?: "vertical" | "horizontal";
  className?: string;
}

/**
 * Native radios in a fieldset: arrow keys, form submission and the group's name all come
 * from the browser. The fieldset is described by the description and the error.
 */
export function RadioGroup({
  name,
  label,
  description,
  error,
  options,
  defaultValue,
  value,
  onValueChange,
  required,
  disabled,
  orientation = "vertical",
  className,
}: RadioGroupProps) {
  const baseId = `radio${useId().replace(/:/g, "")}`;
  const messages = errorMessages(error);
  const descriptionId = description ? `${baseId}-description` : undefined;
  const errorId = messages.length > 0 ? `${baseId}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(" ") || undefined;

  return (
    <fieldset
      role="radiogroup"
      aria-required={required || undefined}
      className={cx("space-y-2", className)}
      aria-describedby={describedBy}
      aria-invalid={errorId ? true : undefined}
      disabled={disabled}
    >
      <legend className="text-sm font-medium text-fg">{label}</legend>
      {description ? (
        <p id={descriptionId} className="text-xs text-fg-muted">
          {description}
        </p>
      ) : null}
      <div className={cx("flex gap-2", orientation === "vertical" ? "flex-col" : "flex-row flex-wrap gap-x-5")}>
        {options.map((option, index) => {
          const optionId = `${baseId}-${index}`;
          const optionDescriptionId = option.description ? `${optionId}-description` : undefined;
          return (
            <div key={option.value} className="flex gap-2.5">
              <input
                type="radio"
                id={optionId}
                name={name}
                value={option.value}
                required={required}
                disabled={option.disabled}
                aria-describedby={optionDescriptionId}
                {...(value !== undefined
                  ? { checked: value === option.value, onChange: () => onValueChange?.(option.value) }
                  : { defaultChecked: defaultValue === option.value })}
                className="mt-0.5 size-4 shrink-0 accent-accent focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus disabled:cursor-not-allowed disabled:opacity-60"
              />
              <div className="space-y-0.5">
                <label htmlFor={optionId} className="block text-sm text-fg">
                  {option.label}
                </label>
                {option.description ? (
                  <p id={optionDescriptionId} className="text-xs text-fg-muted">
                    {option.description}
                  </p>
                ) : null}
              </div>
            </div>
          );
        })}
      </div>
      <FieldErrorText id={errorId} messages={messages} />
    </fieldset>
  );
}
