import * as DialogPrimitive from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import { forwardRef, type ComponentPropsWithoutRef, type ElementRef, type HTMLAttributes, type ReactNode } from "react";
import { cx } from "./cx.ts";

/*
 * Radix Dialog gives us the hard parts: focus moves in and is trapped, Esc closes, focus
 * returns to the trigger, the rest of the page is inert to screen readers.
 */
export const Dialog = DialogPrimitive.Root;
export const DialogTrigger = DialogPrimitive.Trigger;
export const DialogClose = DialogPrimitive.Close;

export interface DialogContentProps extends Omit<ComponentPropsWithoutRef<typeof DialogPrimitive.Content>, "title"> {
  /** Required: the dialog's accessible name. */
  title: ReactNode;
  /** Rendered under the title and used as the accessible description. */
  description?: ReactNode;
  size?: "sm" | "md" | "lg";
  /** Hide the corner close button when the footer already offers Cancel. */
  hideCloseButton?: boolean;
}

const widths = { sm: "max-w-sm", md: "max-w-lg", lg: "max-w-2xl" };

export const DialogContent = forwardRef<ElementRef<typeof DialogPrimitive.Content>, DialogContentProps>(
  function DialogContent({ title, description, size = "md", hideCloseButton, className, children, ...props }, ref) {
    return (
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-black/60 motion-safe:animate-fade-in" />
        <DialogPrimitive.Content
          ref={ref}
          // Without a description Radix warns; an explicit undefined tells it none is intended.
          {...(description ? {} : { "aria-describedby": undefined })}
          className={cx(
            "fixed top-1/2 left-1/2 z-50 w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2",
            "max-h-[calc(100vh-2rem)] overflow-y-auto rounded-xl border border-line-strong bg-surface-raised shadow-overlay",
            "motion-safe:animate-scale-in focus:outline-none",
            widths[size],
            className,
          )}
          {...props}
        >
          <div className="space-y-1 px-5 pt-5 pr-12">
            <DialogPrimitive.Title className="text-base font-semibold text-fg">{title}</DialogPrimitive.Title>
            {description ? (
              <DialogPrimitive.Description className="text-sm text-fg-muted">{description}</DialogPrimitive.Description>
            ) : null}
          </div>
          <div className="px-5 pt-4 pb-5">{children}</div>
          {hideCloseButton ? null : (
            <DialogPrimitive.Close
              aria-label="Close"
              className="absolute top-4 right-4 flex size-7 items-center justify-center rounded-md text-fg-muted hover:bg-surface-hover hover:text-fg focus-visible:outline-2 focus-visible:outline-focus"
            >
              <X aria-hidden="true" className="size-4" />
            </DialogPrimitive.Close>
          )}
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    );
  },
);

/** Right-aligned row of actions at the bottom of a dialog. */
export function DialogFooter({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cx("mt-5 flex flex-wrap justify-end gap-2", className)} {...props} />;
}
