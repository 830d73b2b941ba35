// The candidate's caret and selection at T, drawn into the replay's read-only editor. The
// live room draws remote carets from awareness; a replay has no awareness, only the recorded
// position (editor.cursor), so it is a plain decoration of the document as it was.
import type { Extension } from "@codemirror/state";
import { Decoration, EditorView, ViewPlugin, WidgetType } from "@codemirror/view";

export interface CursorAt {
  anchor: number;
  head: number;
}

class CaretWidget extends WidgetType {
  override eq(): boolean {
    return true;
  }
  override toDOM(): HTMLElement {
    const caret = document.createElement("span");
    caret.className = "cm-replayCaret";
    caret.setAttribute("aria-hidden", "true");
    caret.dataset.testid = "replay-cursor";
    return caret;
  }
  override ignoreEvent(): boolean {
    return true;
  }
}

const theme = EditorView.baseTheme({
  ".cm-replayCaret": { position: "relative", borderLeft: "2px solid #f5a524", marginLeft: "-1px", marginRight: "-1px" },
  ".cm-replaySelection": { backgroundColor: "rgb(245 165 36 / 0.22)" },
});

/** Offsets clamped into the document: a position recorded a moment before an edit it follows may point past the end. */
export function clampCursor(cursor: CursorAt, length: number): CursorAt {
  const clamp = (n: number) => Math.max(0, Math.min(length, n));
  return { anchor: clamp(cursor.anchor), head: clamp(cursor.head) };
}

/** The caret at `head`, the selection between anchor and head highlighted, scrolled into view once. */
export function replayCursor(cursor: CursorAt, length: number): Extension {
  const { anchor, head } = clampCursor(cursor, length);
  const from = Math.min(anchor, head);
  const to = Math.max(anchor, head);
  const decorations = Decoration.set(
    [...(from < to ? [Decoration.mark({ class: "cm-replaySelection" }).range(from, to)] : []), Decoration.widget({ widget: new CaretWidget(), side: head === to ? 1 : -1 }).range(head)],
    true,
  );
  const reveal = ViewPlugin.define((view) => {
    // Not during the view's construction: dispatching is only allowed once it exists.
    const timer = setTimeout(() => view.dispatch({ effects: EditorView.scrollIntoView(head, { y: "center" }) }), 0);
    return { destroy: () => clearTimeout(timer) };
  });
  return [theme, EditorView.decorations.of(decorations), reveal];
}

/** "line 3, column 5", or "7 characters selected, from line 2, column 1" — for the sentence under the editor. */
export function describeCursor(content: string, cursor: CursorAt): string {
  const { anchor, head } = clampCursor(cursor, content.length);
  const where = (offset: number) => {
    const before = content.slice(0, offset);
    const line = before.split("\n").length;
    return `line ${line}, column ${offset - before.lastIndexOf("\n")}`;
  };
  if (anchor === head) return `at ${where(head)}`;
  const size = Math.abs(head - anchor);
  return `${size} character${size === 1 ? "" : "s"} selected, from ${where(Math.min(anchor, head))}`;
}
