import * as TooltipPrimitive from "@radix-ui/react-tooltip";
import type { ReactElement, ReactNode } from "react";

/** Optional near the root: tooltips inside share one open delay ("skip delay" when moving between them). */
export const TooltipProvider = TooltipPrimitive.Provider;

export interface TooltipProps {
  /** The tooltip text. It supplements; never put essential information only here. */
  content: ReactNode;
  /** One focusable element (Button, IconButton, link): tooltips open on hover and on focus. */
  children: ReactElement;
  side?: "top" | "right" | "bottom" | "left";
  delayDuration?: number;
}

export function Tooltip({ content, children, side = "top", delayDuration = 300 }: TooltipProps) {
  // Each tooltip brings its own provider so it works anywhere, even outside TooltipProvider.
  return (
    <TooltipPrimitive.Provider delayDuration={delayDuration}>
    <TooltipPrimitive.Root>
      <TooltipPrimitive.Trigger asChild>{children}</TooltipPrimitive.Trigger>
      <TooltipPrimitive.Portal>
        <TooltipPrimitive.Content
          side={side}
          sideOffset={6}
          className="z-50 max-w-xs rounded-md border border-line-strong bg-surface-raised px-2 py-1 text-xs text-fg shadow-overlay motion-safe:animate-fade-in"
        >
          {content}
        </TooltipPrimitive.Content>
      </TooltipPrimitive.Portal>
    </TooltipPrimitive.Root>
    </TooltipPrimitive.Provider>
  );
}
