// While the evaluation is queued or running, reload the page's data now and then so the
// report appears without a manual refresh. Stops as soon as it is done or failed.
import { useRevalidator } from "@remix-run/react";
import { useEffect } from "react";

const POLL_MS = 3000;

export function usePollWhilePending(pending: boolean) {
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [pending, revalidator]);
}
