// The candidate's signals for reviewers: pastes into the editor and the interview tab
// losing or regaining focus. Signals made while the room is unreachable are kept (a few)
// and sent once it is back, so a disconnect does not hide a tab switch.
import type { ClientMessage } from "@interviewlm/realtime";
import { useCallback, useEffect, useRef } from "react";
import type { PasteSignal } from "./code-editor";

type SignalMessage = Extract<ClientMessage, { type: "signal.paste" | "signal.focus" }>;

const MAX_QUEUED = 20;

const isFocused = () => document.hasFocus() && document.visibilityState === "visible";

export function useCandidateSignals(send: (message: ClientMessage) => boolean, connected: boolean, enabled: boolean) {
  const queue = useRef<SignalMessage[]>([]);
  const sendRef = useRef(send);
  sendRef.current = send;

  const emit = useCallback((message: SignalMessage) => {
    if (queue.current.length === 0 && sendRef.current(message)) return;
    queue.current = [...queue.current, message].slice(-MAX_QUEUED);
  }, []);

  useEffect(() => {
    if (!connected) return;
    const pending = queue.current;
    queue.current = [];
    for (const [index, message] of pending.entries()) {
      if (!sendRef.current(message)) {
        queue.current = pending.slice(index);
        return;
      }
    }
  }, [connected]);

  // On every (re)connect the room hears where the tab is now: a page closed while in the
  // background would otherwise leave reviewers seeing "away" for good. Repeats of the same
  // state are harmless (reviewers' views skip them, see meaningfulSignals).
  useEffect(() => {
    if (enabled && connected) emit({ type: "signal.focus", state: isFocused() ? "regained" : "lost" });
  }, [enabled, connected, emit]);

  useEffect(() => {
    if (!enabled) return;
    // blur/focus cover switching windows; visibilitychange covers switching tabs and
    // minimising. Both fire on a tab switch, so only changes of state are reported.
    let focused = isFocused();
    const update = () => {
      const now = isFocused();
      if (now === focused) return;
      focused = now;
      emit({ type: "signal.focus", state: now ? "regained" : "lost" });
    };
    // On blur, document.hasFocus() is still true in some browsers until the event ends.
    const deferredUpdate = () => setTimeout(update, 0);
    window.addEventListener("blur", deferredUpdate);
    window.addEventListener("focus", deferredUpdate);
    document.addEventListener("visibilitychange", deferredUpdate);
    return () => {
      window.removeEventListener("blur", deferredUpdate);
      window.removeEventListener("focus", deferredUpdate);
      document.removeEventListener("visibilitychange", deferredUpdate);
    };
  }, [enabled, emit]);

  const onPaste = useCallback((paste: PasteSignal) => emit({ type: "signal.paste", ...paste }), [emit]);
  return { onPaste };
}
