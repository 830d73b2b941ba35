// One CodeMirror view bound to one file's Y.Text. yCollab keeps the text in sync both ways
// and draws the other people's carets and selections from awareness.
import { EditorState, type Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { useEffect, useRef } from "react";
import { yCollab } from "y-codemirror.next";
import type YProvider from "y-partykit/provider";
import * as Y from "yjs";
import { editorSetup } from "./editor-setup";
import { followCandidateCaret } from "./follow-cursor";
import { withSafeUsers } from "./safe-awareness";
import { languageExtension, languageForPath } from "./editor-languages";

export interface PasteSignal {
  path: string;
  length: number;
  lines: number;
}

export interface CodeEditorProps {
  path: string;
  text: Y.Text;
  awareness: YProvider["awareness"];
  readOnly: boolean;
  /** The accessible name, followed by the path. */
  label: string;
  /** Text pasted or dropped into the editor (candidate): reported to reviewers as a signal. */
  onPaste?: (paste: PasteSignal) => void;
  /** Reviewers: keep the candidate's caret in view while this is true. */
  followCandidate?: boolean;
  /** More CodeMirror extensions (the replay's recorded cursor); keep the value stable, a new one rebuilds the editor. */
  extensions?: Extension;
}

export function CodeEditor({ path, text, awareness, readOnly, label, onPaste, followCandidate = false, extensions = NO_EXTENSIONS }: CodeEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const onPasteRef = useRef(onPaste);
  onPasteRef.current = onPaste;
  // Read by the editor on each caret move, so toggling it does not rebuild the editor.
  const followRef = useRef(followCandidate);
  followRef.current = followCandidate;

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    // The undo manager tracks only changes made through this view (its own origin).
    const undoManager = new Y.UndoManager(text);
    const view = new EditorView({
      parent: host,
      state: EditorState.create({
        doc: text.toString(),
        extensions: [
          editorSetup({ readOnly }),
          languageExtension(languageForPath(path)),
          yCollab(text, withSafeUsers(readOnly ? withoutCursor(awareness) : awareness), { undoManager: readOnly ? false : undoManager }),
          readOnly ? followCandidateCaret(awareness, text, () => followRef.current) : [],
          extensions,
          EditorView.contentAttributes.of({
            "aria-label": `${label}: ${path}`,
            // Already in the tab order as contenteditable, but said explicitly so that tools
            // (and assistive tech) that only count tabindex see the scroller as reachable.
            tabindex: "0",
            ...(readOnly ? { "aria-readonly": "true" } : {}),
          }),
          EditorView.updateListener.of((update) => {
            for (const tr of update.transactions) {
              if (!tr.isUserEvent("input.paste") && !tr.isUserEvent("input.drop")) continue;
              let length = 0;
              let lines = 0;
              tr.changes.iterChanges((_fromA, _toA, _fromB, _toB, inserted) => {
                length += inserted.length;
                lines += inserted.lines;
              });
              if (length > 0) onPasteRef.current?.({ path, length, lines });
            }
          }),
        ],
      }),
    });
    return () => {
      view.destroy();
      undoManager.destroy();
    };
  }, [path, text, awareness, readOnly, label, extensions]);

  return <div ref={hostRef} className="h-full min-h-0 overflow-hidden" data-testid="code-editor" data-path={path} />;
}

const NO_EXTENSIONS: Extension = [];

/**
 * Reviewers watch without leaving marks: their clicks in a read-only editor must not put
 * a caret with their name into the candidate's editor. They still see the candidate's.
 */
function withoutCursor(awareness: CodeEditorProps["awareness"]): CodeEditorProps["awareness"] {
  return new Proxy(awareness, {
    get(target, property) {
      if (property === "setLocalStateField") {
        return (field: string, value: unknown) => (field === "cursor" ? undefined : target.setLocalStateField(field, value));
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
