import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from "react";
import { cx } from "./cx.ts";
import { Spinner } from "./spinner.tsx";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";
export type ButtonSize = "sm" | "md" | "lg";

const base =
  "relative inline-flex shrink-0 items-center justify-center gap-2 whitespace-nowrap rounded-md font-medium " +
  "transition-colors duration-100 select-none " +
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus " +
  "disabled:cursor-not-allowed disabled:opacity-60";

const variants: Record<ButtonVariant, string> = {
  primary:
    "bg-accent text-fg-on-accent shadow-sm hover:bg-accent-hover active:bg-accent-hover disabled:hover:bg-accent",
  secondary:
    "border border-line-strong bg-surface-raised text-fg hover:bg-surface-hover active:bg-surface-active disabled:hover:bg-surface-raised",
  ghost: "text-fg-muted hover:bg-surface-hover hover:text-fg active:bg-surface-active disabled:hover:bg-transparent",
  danger: "bg-danger text-fg-on-accent hover:bg-danger-hover active:bg-danger-hover disabled:hover:bg-danger",
};

const sizes: Record<ButtonSize, string> = {
  sm: "h-7 px-2.5 text-xs",
  md: "h-8 px-3 text-sm",
  lg: "h-10 px-4 text-sm",
};

/**
 * The button look as a class string, for links that should look like buttons
 * (`<Link className={buttonClasses({ variant: "primary" })}>`).
 */
const iconOnlySizes: Record<ButtonSize, string> = { sm: "size-7", md: "size-8", lg: "size-10" };

export function buttonClasses({
  variant = "primary",
  size = "md",
  iconOnly = false,
  className,
}: { variant?: ButtonVariant; size?: ButtonSize; iconOnly?: boolean; className?: string } = {}): string {
  return cx(base, variants[variant], iconOnly ? iconOnlySizes[size] : sizes[size], className);
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** While a submission is in flight: shows a spinner, sets aria-busy and disables the button. */
  pending?: boolean;
  /** Optional text to show instead of the children while pending (e.g. "Saving…"). */
  pendingLabel?: ReactNode;
  /** An icon before the label; decorative, so give it aria-hidden. */
  icon?: ReactNode;
}

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = "primary", size = "md", pending = false, pendingLabel, icon, className, disabled, children, type, ...props },
  ref,
) {
  return (
    <button
      ref={ref}
      // Default to "button" so a Button inside a form never submits unless asked to.
      type={type ?? "button"}
      className={buttonClasses({ variant, size, className })}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      data-pending={pending || undefined}
      {...props}
    >
      {pending ? <Spinner size={size === "lg" ? "md" : "sm"} /> : icon}
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
});

export interface IconButtonProps extends Omit<ButtonProps, "children" | "icon" | "pendingLabel"> {
  /** Required: an icon-only button has no visible text, so this is its accessible name. */
  "aria-label": string;
  icon: ReactNode;
}

export const IconButton = forwardRef<HTMLButtonElement, IconButtonProps>(function IconButton(
  { icon, variant = "ghost", size = "md", pending = false, className, disabled, type, ...props },
  ref,
) {
  return (
    <button
      ref={ref}
      type={type ?? "button"}
      className={buttonClasses({ variant, size, iconOnly: true, className })}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      {...props}
    >
      {pending ? <Spinner size="sm" /> : icon}
    </button>
  );
});
