// The read-only editor at T: the live room's CodeMirror component, bound to a throwaway Y.Doc
// holding the file's text as it was (no room, no awareness of anyone), with the candidate's
// recorded caret and selection drawn in when they were in this file.
import { useMemo } from "react";
import { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { CodeEditor } from "~/features/interview/code-editor";
import { replayCursor, type CursorAt } from "./replay-cursor";

export function ReplayCode({ path, content, cursor }: { path: string; content: string; cursor: CursorAt | null }) {
  const { text, awareness } = useMemo(() => {
    const doc = new Y.Doc();
    const text = doc.getText("replay");
    text.insert(0, content);
    return { text, awareness: new Awareness(doc) };
  }, [content]);
  const anchor = cursor?.anchor;
  const head = cursor?.head;
  const extensions = useMemo(() => (anchor === undefined || head === undefined ? [] : replayCursor({ anchor, head }, content.length)), [anchor, head, content.length]);
  // A new text is a new editor: remount rather than diff the views.
  return <CodeEditor key={`${path}:${content.length}:${hash(content)}`} path={path} text={text} awareness={awareness} readOnly label="Candidate's code at this moment" extensions={extensions} />;
}

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i += Math.max(1, Math.floor(text.length / 512))) h = (h * 31 + text.charCodeAt(i)) | 0;
  return h;
}
