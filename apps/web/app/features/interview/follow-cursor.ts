// Keeps the candidate's caret in view for a reviewer who follows the candidate. CodeMirror
// draws only the lines near its viewport, so without this a candidate typing at the end of
// a long file would be typing off the reviewer's screen.
import type { Extension } from "@codemirror/state";
import { EditorView, ViewPlugin } from "@codemirror/view";
import type YProvider from "y-partykit/provider";
import * as Y from "yjs";
import type { AwarenessUser } from "./use-y-doc";

type Awareness = YProvider["awareness"];
type CursorState = { user?: Partial<AwarenessUser>; cursor?: { head?: unknown } | null };

/** Where the candidate's caret is in `text` (y-codemirror.next publishes it as a relative position), or null. */
export function candidateCaret(awareness: Awareness, text: Y.Text): number | null {
  const doc = text.doc;
  if (!doc) return null;
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue;
    const { user, cursor } = state as CursorState;
    if (user?.role !== "candidate" || !cursor?.head) continue;
    const head = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(cursor.head), doc);
    if (head && head.type === text) return head.index;
  }
  return null;
}

/** Scrolls (only as far as needed) to the candidate's caret whenever it moves, while `following()` says so. */
export function followCandidateCaret(awareness: Awareness, text: Y.Text, following: () => boolean): Extension {
  return ViewPlugin.define((view) => {
    let last: number | null = null;
    const reveal = () => {
      if (!following()) {
        last = null;
        return;
      }
      const caret = candidateCaret(awareness, text);
      if (caret === null || caret === last) return;
      last = caret;
      // The awareness change can arrive just before the edit that moved the caret.
      const position = Math.min(caret, view.state.doc.length);
      view.dispatch({ effects: EditorView.scrollIntoView(position, { y: "nearest", yMargin: 48 }) });
    };
    awareness.on("change", reveal);
    // Not during the view's construction: dispatching is only allowed once it exists.
    const initial = setTimeout(reveal, 0);
    return {
      destroy() {
        clearTimeout(initial);
        awareness.off("change", reveal);
      },
    };
  });
}
