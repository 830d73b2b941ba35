// Tells people when the live connection is down (and that nothing typed is lost: Yjs keeps
// edits locally and syncs them on reconnect) and shows the room's refusals.
import { Button, cx } from "@interviewlm/ui";
import { TriangleAlert, WifiOff } from "@interviewlm/ui/icons";
import { useEffect, useState, type ReactNode } from "react";
import type { ConnectionStatus, RoomError } from "./room-state";
import type { YStatus } from "./use-y-doc";

export interface ConnectionBannerProps {
  control: ConnectionStatus;
  editor: YStatus | null;
  error: RoomError | null;
  readOnly: boolean;
  onRetry: () => void;
}

/** Room errors stay up this long; the next action usually makes them moot. */
const ERROR_VISIBLE_MS = 8000;

export function ConnectionBanner({ control, editor, error, readOnly, onRetry }: ConnectionBannerProps) {
  const [visibleError, setVisibleError] = useState<RoomError | null>(null);
  useEffect(() => {
    if (!error) return;
    setVisibleError(error);
    const timer = setTimeout(() => setVisibleError(null), ERROR_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [error]);

  const lost = control === "reconnecting" || editor === "disconnected";
  return (
    <div role="status" aria-live="polite">
      {lost ? (
        <Bar tone="warning">
          <WifiOff aria-hidden="true" className="size-4 shrink-0" />
          <span className="flex-1">
            Connection lost — reconnecting…{" "}
            {readOnly ? "The view will catch up when it is back." : "Keep typing: your changes are kept and sync when it is back."}
          </span>
          <Button size="sm" variant="secondary" onClick={onRetry}>Retry now</Button>
        </Bar>
      ) : null}
      {visibleError ? (
        <Bar tone="danger">
          <TriangleAlert aria-hidden="true" className="size-4 shrink-0" />
          <span className="flex-1">{visibleError.message}</span>
        </Bar>
      ) : null}
    </div>
  );
}

function Bar({ tone, children }: { tone: "warning" | "danger"; children: ReactNode }) {
  return (
    <div className={cx("flex items-center gap-2 border-b px-4 py-1.5 text-sm", tone === "warning" ? "border-warning-fg/25 bg-warning-soft text-warning-fg" : "border-danger-fg/25 bg-danger-soft text-danger-fg")}>
      {children}
    </div>
  );
}
