// A draggable, keyboard-operable divider between two panels (WAI-ARIA window splitter):
// it reports a size in pixels; the layout puts it in a CSS grid track.
import { cx } from "@interviewlm/ui";
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";

export interface SplitterProps {
  /** "vertical": a column divider (drag left/right); "horizontal": a row divider. */
  orientation: "vertical" | "horizontal";
  size: number;
  min: number;
  max: number;
  onChange: (size: number) => void;
  /** Dragging right/down makes the panel smaller (panel after the divider). */
  invert?: boolean;
  /** Names the panel being resized, e.g. "Resize the question panel". */
  label: string;
  className?: string;
}

const STEP = 24;

export function Splitter({ orientation, size, min, max, onChange, invert, label, className }: SplitterProps) {
  const drag = useRef<{ start: number; size: number } | null>(null);
  const clamp = (value: number) => Math.round(Math.min(max, Math.max(min, value)));
  const position = (event: PointerEvent) => (orientation === "vertical" ? event.clientX : event.clientY);

  const onKeyDown = (event: KeyboardEvent) => {
    const grow = orientation === "vertical" ? (invert ? "ArrowLeft" : "ArrowRight") : invert ? "ArrowUp" : "ArrowDown";
    const shrink = orientation === "vertical" ? (invert ? "ArrowRight" : "ArrowLeft") : invert ? "ArrowDown" : "ArrowUp";
    const next = { [grow]: size + STEP, [shrink]: size - STEP, Home: min, End: max }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    onChange(clamp(next));
  };

  return (
    <div
      role="separator"
      tabIndex={0}
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={size}
      aria-valuemin={min}
      aria-valuemax={max}
      onKeyDown={onKeyDown}
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        drag.current = { start: position(event), size };
      }}
      onPointerMove={(event) => {
        if (!drag.current) return;
        const delta = (position(event) - drag.current.start) * (invert ? -1 : 1);
        onChange(clamp(drag.current.size + delta));
      }}
      onPointerUp={() => (drag.current = null)}
      className={cx(
        "relative z-10 bg-line transition-colors hover:bg-accent focus-visible:bg-accent focus-visible:outline-none",
        orientation === "vertical" ? "w-px cursor-col-resize before:absolute before:inset-y-0 before:-inset-x-1.5" : "h-px cursor-row-resize before:absolute before:inset-x-0 before:-inset-y-1.5",
        className,
      )}
    />
  );
}

/** A panel size remembered in localStorage (read after hydration, so the server render matches). */
export function useStoredSize(key: string, initial: number): [number, (size: number) => void] {
  const [size, setSize] = useState(initial);
  useEffect(() => {
    const stored = Number(localStorage.getItem(key));
    if (Number.isFinite(stored) && stored > 0) setSize(stored);
  }, [key]);
  const update = (next: number) => {
    setSize(next);
    localStorage.setItem(key, String(next));
  };
  return [size, update];
}
