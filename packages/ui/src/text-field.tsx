import { forwardRef, useState, type InputHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { Eye, EyeOff } from "lucide-react";
import { cx } from "./cx.ts";
import {
  controlClasses,
  FieldDescription,
  FieldErrorText,
  FieldLabel,
  useFieldIds,
  type FieldProps,
} from "./field.tsx";

export interface TextFieldProps extends FieldProps, Omit<InputHTMLAttributes<HTMLInputElement>, "children"> {
  /** Class for the wrapper; `className` styles the input itself. */
  containerClassName?: string;
}

export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { label, description, error, hideLabel, id, className, containerClassName, type = "text", ...props },
  ref,
) {
  const field = useFieldIds(id, description, error);
  return (
    <div className={cx("space-y-1.5", containerClassName)}>
      <FieldLabel htmlFor={field.controlId} hidden={hideLabel}>
        {label}
      </FieldLabel>
      <FieldDescription id={field.descriptionId}>{description}</FieldDescription>
      <input
        ref={ref}
        type={type}
        className={controlClasses(Boolean(field.errorId), cx("h-8 px-2.5", className))}
        {...props}
        {...field.controlProps}
      />
      <FieldErrorText id={field.errorId} messages={field.messages} />
    </div>
  );
});

export type PasswordFieldProps = Omit<TextFieldProps, "type">;

/** A password input with a show/hide toggle; the toggle is a real button with aria-pressed. */
export const PasswordField = forwardRef<HTMLInputElement, PasswordFieldProps>(function PasswordField(
  { label, description, error, hideLabel, id, className, containerClassName, ...props },
  ref,
) {
  const field = useFieldIds(id, description, error);
  const [visible, setVisible] = useState(false);
  return (
    <div className={cx("space-y-1.5", containerClassName)}>
      <FieldLabel htmlFor={field.controlId} hidden={hideLabel}>
        {label}
      </FieldLabel>
      <FieldDescription id={field.descriptionId}>{description}</FieldDescription>
      <div className="relative">
        <input
          ref={ref}
          type={visible ? "text" : "password"}
          className={controlClasses(Boolean(field.errorId), cx("h-8 pr-9 pl-2.5", className))}
          {...props}
          {...field.controlProps}
        />
        <button
          type="button"
          aria-pressed={visible}
          aria-controls={field.controlId}
          aria-label="Show password"
          onClick={() => setVisible((current) => !current)}
          className="absolute inset-y-0 right-0 flex w-8 items-center justify-center rounded-r-md text-fg-muted hover:text-fg focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-focus"
        >
          {visible ? <EyeOff aria-hidden="true" className="size-4" /> : <Eye aria-hidden="true" className="size-4" />}
        </button>
      </div>
      <FieldErrorText id={field.errorId} messages={field.messages} />
    </div>
  );
});

export interface TextareaProps extends FieldProps, Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "children"> {
  containerClassName?: string;
}

export const Textarea = forwardRef<HTMLTextAreaElement, TextareaProps>(function Textarea(
  { label, description, error, hideLabel, id, className, containerClassName, rows = 4, ...props },
  ref,
) {
  const field = useFieldIds(id, description, error);
  return (
    <div className={cx("space-y-1.5", containerClassName)}>
      <FieldLabel htmlFor={field.controlId} hidden={hideLabel}>
        {label}
      </FieldLabel>
      <FieldDescription id={field.descriptionId}>{description}</FieldDescription>
      <textarea
        ref={ref}
        rows={rows}
        className={controlClasses(Boolean(field.errorId), cx("min-h-16 px-2.5 py-1.5", className))}
        {...props}
        {...field.controlProps}
      />
      <FieldErrorText id={field.errorId} messages={field.messages} />
    </div>
  );
});
