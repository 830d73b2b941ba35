// The countdown in the header. It turns amber at five minutes and says so once to screen
// readers; at zero the room finishes the interview by itself.
import { cx } from "@interviewlm/ui";
import { Clock } from "@interviewlm/ui/icons";
import { useEffect, useState } from "react";
import { WARNING_MS, describeRemaining, formatClock, remainingMs } from "./time-left";

export interface TimerProps {
  /** Room clock, ms since the epoch; null until the room has told us. */
  deadlineAt: number | null;
  serverOffsetMs: number;
}

export function Timer({ deadlineAt, serverOffsetMs }: TimerProps) {
  // null on the server and before hydration: the server's clock is not the reader's.
  const [left, setLeft] = useState<number | null>(null);
  useEffect(() => {
    if (deadlineAt === null) return;
    const tick = () => setLeft(remainingMs(deadlineAt, serverOffsetMs));
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [deadlineAt, serverOffsetMs]);

  const warning = left !== null && left <= WARNING_MS;
  const warned = useOnceWhen(warning);
  const over = useOnceWhen(left === 0);

  return (
    <>
      <span
        role="timer"
        aria-label={left === null ? "Time left" : describeRemaining(left)}
        className={cx(
          "inline-flex items-center gap-1.5 rounded-md px-2 py-1 font-mono text-sm tabular-nums",
          warning ? "bg-warning-soft text-warning-fg" : "bg-surface-raised text-fg",
        )}
      >
        <Clock aria-hidden="true" className="size-3.5" />
        {left === null ? "--:--" : formatClock(left)}
      </span>
      <span aria-live="assertive" className="sr-only">
        {over ? "Time is up. The interview is being finished." : warned ? "Less than five minutes left." : ""}
      </span>
    </>
  );
}

/** Latches true the first time `condition` holds, so an announcement is made once. */
function useOnceWhen(condition: boolean): boolean {
  const [latched, setLatched] = useState(false);
  useEffect(() => {
    if (condition) setLatched(true);
  }, [condition]);
  return latched;
}
