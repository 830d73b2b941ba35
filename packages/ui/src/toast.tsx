import * as ToastPrimitive from "@radix-ui/react-toast";
import { CircleAlert, CircleCheck, Info, X } from "lucide-react";
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { cx } from "./cx.ts";

export type ToastTone = "neutral" | "success" | "danger";

export interface ToastOptions {
  title: string;
  description?: string;
  tone?: ToastTone;
  /** Milliseconds before it hides; Radix pauses the timer while hovered or focused. */
  duration?: number;
}

interface ToastEntry extends ToastOptions {
  id: number;
  open: boolean;
}

interface ToastApi {
  toast: (options: ToastOptions) => void;
}

const ToastContext = createContext<ToastApi | null>(null);

/** Shows a notification in the app's toast region. Must be called under <ToastProvider>. */
export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error("useToast() was called outside <ToastProvider>. Mount it once near the root.");
  return api;
}

const toneStyle: Record<ToastTone, { icon: ReactNode; accent: string }> = {
  neutral: { icon: <Info aria-hidden="true" className="size-4 text-info-fg" />, accent: "border-line-strong" },
  success: { icon: <CircleCheck aria-hidden="true" className="size-4 text-success-fg" />, accent: "border-success-fg/40" },
  danger: { icon: <CircleAlert aria-hidden="true" className="size-4 text-danger-fg" />, accent: "border-danger-fg/40" },
};

let nextId = 1;

/**
 * Owns the notification region. Radix Toast announces each toast through an aria-live
 * region (assertive for "danger", polite otherwise), lets F8 jump to the region and keeps
 * a toast open while it has focus or the pointer.
 */
export function ToastProvider({ children, label = "Notifications" }: { children: ReactNode; label?: string }) {
  const [toasts, setToasts] = useState<ToastEntry[]>([]);

  const toast = useCallback((options: ToastOptions) => {
    setToasts((current) => [...current.slice(-4), { ...options, id: nextId++, open: true }]);
  }, []);
  const api = useMemo(() => ({ toast }), [toast]);

  const close = (id: number) => {
    setToasts((current) => current.map((entry) => (entry.id === id ? { ...entry, open: false } : entry)));
    // Let the close state render (and announce) before the entry is dropped.
    setTimeout(() => setToasts((current) => current.filter((entry) => entry.id !== id)), 300);
  };

  return (
    <ToastContext.Provider value={api}>
      <ToastPrimitive.Provider label={label} swipeDirection="right">
        {children}
        {toasts.map((entry) => {
          const tone = toneStyle[entry.tone ?? "neutral"];
          return (
            <ToastPrimitive.Root
              key={entry.id}
              open={entry.open}
              onOpenChange={(open) => (open ? undefined : close(entry.id))}
              duration={entry.duration ?? 6000}
              type={entry.tone === "danger" ? "foreground" : "background"}
              className={cx(
                "flex items-start gap-3 rounded-lg border bg-surface-raised p-3 pr-9 shadow-overlay motion-safe:animate-scale-in",
                "relative data-[state=closed]:hidden",
                tone.accent,
              )}
            >
              <span className="mt-0.5">{tone.icon}</span>
              <div className="min-w-0 space-y-0.5">
                <ToastPrimitive.Title className="text-sm font-medium text-fg">{entry.title}</ToastPrimitive.Title>
                {entry.description ? (
                  <ToastPrimitive.Description className="text-sm text-fg-muted">{entry.description}</ToastPrimitive.Description>
                ) : null}
              </div>
              <ToastPrimitive.Close
                aria-label="Dismiss notification"
                className="absolute top-2.5 right-2.5 flex size-6 items-center justify-center rounded-md text-fg-muted hover:bg-surface-hover hover:text-fg"
              >
                <X aria-hidden="true" className="size-3.5" />
              </ToastPrimitive.Close>
            </ToastPrimitive.Root>
          );
        })}
        <ToastPrimitive.Viewport className="fixed right-0 bottom-0 z-[60] m-0 flex w-full max-w-sm list-none flex-col gap-2 p-4 focus-visible:outline-2 focus-visible:outline-focus" />
      </ToastPrimitive.Provider>
    </ToastContext.Provider>
  );
}
