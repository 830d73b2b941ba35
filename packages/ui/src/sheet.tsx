import * as DialogPrimitive from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import { forwardRef, type ComponentPropsWithoutRef, type ElementRef, type ReactNode } from "react";
import { cx } from "./cx.ts";

/*
 * A panel that slides in from the left edge (mobile navigation, filters). It is a modal
 * dialog underneath, so it traps focus, closes on Esc and returns focus to its trigger.
 */
export const Sheet = DialogPrimitive.Root;
export const SheetTrigger = DialogPrimitive.Trigger;
export const SheetClose = DialogPrimitive.Close;

export interface SheetContentProps extends Omit<ComponentPropsWithoutRef<typeof DialogPrimitive.Content>, "title"> {
  /** The accessible name; shown visually unless hideTitle (e.g. when a logo heads the panel). */
  title: ReactNode;
  hideTitle?: boolean;
}

export const SheetContent = forwardRef<ElementRef<typeof DialogPrimitive.Content>, SheetContentProps>(
  function SheetContent({ title, hideTitle, className, children, ...props }, ref) {
    return (
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-40 bg-black/60 motion-safe:animate-fade-in" />
        <DialogPrimitive.Content
          ref={ref}
          aria-describedby={undefined}
          className={cx(
            "fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col border-r border-line bg-surface shadow-overlay",
            "motion-safe:animate-fade-in focus:outline-none",
            className,
          )}
          {...props}
        >
          <DialogPrimitive.Title className={hideTitle ? "sr-only" : "px-4 pt-4 text-sm font-semibold text-fg"}>
            {title}
          </DialogPrimitive.Title>
          {children}
          <DialogPrimitive.Close
            aria-label="Close"
            className="absolute top-3 right-3 flex size-7 items-center justify-center rounded-md text-fg-muted hover:bg-surface-hover hover:text-fg focus-visible:outline-2 focus-visible:outline-focus"
          >
            <X aria-hidden="true" className="size-4" />
          </DialogPrimitive.Close>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    );
  },
);
