// Plain-text edits of the workspace files, taken from the Yjs document while keyframes are
// built, so a frame can show the files at T without decoding the document (a late keyframe's
// document is megabytes of editing history and took most of a seek, docs/decisions/0080).
// Each edit is what one yjs.update did to one file: a text delta, the file's whole new text
// (created, replaced, or a change a delta cannot express exactly), or its removal.
import * as Y from "yjs";

type DeltaOp = { retain: number } | { insert: string } | { delete: number };

export type FileEdit =
  | { seq: number; path: string; delta: DeltaOp[] }
  | { seq: number; path: string; text: string }
  | { seq: number; path: string; removed: true };

/** Calls `onEdit` for every change to the files map of `doc`, stamped with `currentSeq()`. Answers the unsubscribe. */
export function watchFileEdits(doc: Y.Doc, currentSeq: () => number, onEdit: (edit: FileEdit) => void): () => void {
  const files = doc.getMap<Y.Text>("files");
  // The texts as the edits so far leave them, to tell whether the next delta is exact.
  const mirror = new Map([...files.entries()].map(([path, text]) => [path, text.toString()]));
  const emit = (edit: FileEdit) => {
    applyFileEdits(mirror, [edit], edit.seq);
    onEdit(edit);
  };
  const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    const seq = currentSeq();
    const replaced = new Set<string>();
    for (const event of events) {
      if (event.target !== files) continue;
      for (const [path, change] of event.changes.keys) {
        replaced.add(path);
        const text = files.get(path);
        if (change.action === "delete" || !(text instanceof Y.Text)) emit({ seq, path, removed: true });
        else emit({ seq, path, text: text.toString() });
      }
    }
    for (const event of events) {
      if (event.target === files || !(event.target instanceof Y.Text)) continue;
      const path = String(event.path[0]);
      if (replaced.has(path) || files.get(path) !== event.target) continue;
      const delta = plainDelta(event.delta);
      // Embeds and formatting count in a delta's lengths but not in the text, and Yjs replaces
      // the halves of a surrogate pair it splits with U+FFFD without saying so in the delta:
      // then the file's whole text is written out instead.
      if (delta && exact(mirror.get(path) ?? "", delta)) emit({ seq, path, delta });
      else emit({ seq, path, text: event.target.toString() });
    }
  };
  files.observeDeep(observer);
  return () => files.unobserveDeep(observer);
}

function plainDelta(delta: Y.YEvent<Y.AbstractType<unknown>>["delta"]): DeltaOp[] | null {
  const ops: DeltaOp[] = [];
  for (const op of delta) {
    if (op.attributes) return null;
    if (typeof op.insert === "string") ops.push({ insert: op.insert });
    else if (op.insert !== undefined) return null;
    else if (typeof op.retain === "number") ops.push({ retain: op.retain });
    else if (typeof op.delete === "number") ops.push({ delete: op.delete });
  }
  return ops;
}

const HIGH = /[\uD800-\uDBFF]/;
const LOW = /[\uDC00-\uDFFF]/;
const SURROGATE = /[\uD800-\uDFFF]/;

/** True when no op touches a surrogate: none starts or ends between two code units that could pair, none inserts one. */
function exact(before: string, delta: DeltaOp[]): boolean {
  const splits = (at: number) => HIGH.test(before[at - 1] ?? "") || LOW.test(before[at] ?? "");
  let at = 0;
  for (const op of delta) {
    if ("retain" in op) {
      at += op.retain;
      continue;
    }
    if (splits(at)) return false;
    if ("delete" in op) {
      at += op.delete;
      if (splits(at)) return false;
    } else if (SURROGATE.test(op.insert)) return false;
  }
  return true;
}

/** Applies the edits with seq ≤ `untilSeq`, in order, to `files` (path → text). */
export function applyFileEdits(files: Map<string, string>, edits: readonly FileEdit[], untilSeq: number): void {
  for (const edit of edits) {
    if (edit.seq > untilSeq) break;
    if ("removed" in edit) files.delete(edit.path);
    else if ("text" in edit) files.set(edit.path, edit.text);
    else {
      const before = files.get(edit.path) ?? "";
      let after = "";
      let at = 0;
      for (const op of edit.delta) {
        if ("retain" in op) {
          after += before.slice(at, at + op.retain);
          at += op.retain;
        } else if ("delete" in op) at += op.delete;
        else after += op.insert;
      }
      files.set(edit.path, after + before.slice(at));
    }
  }
}

/** Sorted by path, as ReplayState.files() answers. */
export function sortedFiles(files: Map<string, string>): { path: string; content: string }[] {
  return [...files].map(([path, content]) => ({ path, content })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
