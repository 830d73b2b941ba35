// Room tokens live ten minutes; a connection that drops later must present a fresh one.
// Shortly before expiry we ask the page for a new token (its loader mints one), and once
// more whenever the tab comes back after sleeping past that moment.
import { useEffect, useRef } from "react";
import { roomTokenExpiresAt } from "./room-host";

/** Ask this long before expiry: a reconnect just before the deadline must still get in. */
const REFRESH_MARGIN_MS = 90_000;
const MIN_DELAY_MS = 5_000;
/** If the page could not get a new token (offline), keep asking at this pace. */
const RETRY_MS = 30_000;

export function useTokenRefresh(token: string, refresh: () => void): void {
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;

  useEffect(() => {
    const expiresAt = roomTokenExpiresAt(token);
    if (expiresAt === null) return;
    const refreshAt = expiresAt - REFRESH_MARGIN_MS;
    let retry: ReturnType<typeof setInterval> | undefined;
    const timer = setTimeout(() => {
      refreshRef.current();
      retry = setInterval(() => refreshRef.current(), RETRY_MS);
    }, Math.max(MIN_DELAY_MS, refreshAt - Date.now()));
    // Timers are throttled or frozen in background tabs and while the laptop sleeps.
    const onVisible = () => {
      if (document.visibilityState === "visible" && Date.now() >= refreshAt) refreshRef.current();
    };
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener("online", onVisible);
    return () => {
      clearTimeout(timer);
      clearInterval(retry);
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener("online", onVisible);
    };
  }, [token]);
}
