// @vitest-environment jsdom
import "./dom-test-setup";
import { EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";
import { candidateCaret, followCandidateCaret } from "./follow-cursor";

const LONG_FILE = Array.from({ length: 400 }, (_, i) => `line ${i + 1}`).join("\n");

/** The reviewer's doc and awareness, with the candidate's caret at `index` of main.py relayed in. */
function watching(index: number, role: "candidate" | "reviewer" = "candidate") {
  const candidateDoc = new Y.Doc();
  const text = new Y.Text(LONG_FILE);
  candidateDoc.getMap<Y.Text>("files").set("main.py", text);
  const candidate = new Awareness(candidateDoc);
  const head = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, index));
  candidate.setLocalState({ user: { id: "c", name: "Cara", role }, cursor: { anchor: head, head } });

  const reviewerDoc = new Y.Doc();
  Y.applyUpdate(reviewerDoc, Y.encodeStateAsUpdate(candidateDoc));
  const reviewer = new Awareness(reviewerDoc);
  const relay = () => applyAwarenessUpdate(reviewer, encodeAwarenessUpdate(candidate, [candidate.clientID]), "relay");
  relay();
  return { reviewer, text: reviewerDoc.getMap<Y.Text>("files").get("main.py")!, candidate, candidateText: text, relay };
}

afterEach(() => vi.restoreAllMocks());

describe("candidateCaret", () => {
  it("finds the candidate's caret in the file", () => {
    const { reviewer, text } = watching(LONG_FILE.length);
    expect(candidateCaret(reviewer, text)).toBe(LONG_FILE.length);
  });

  it("ignores carets in other files and carets of people who are not the candidate", () => {
    const { reviewer } = watching(10);
    const other = new Y.Doc().getText("other");
    expect(candidateCaret(reviewer, other)).toBeNull();
    const notCandidate = watching(10, "reviewer");
    expect(candidateCaret(notCandidate.reviewer, notCandidate.text)).toBeNull();
  });
});

describe("followCandidateCaret", () => {
  function reviewerEditor(setup: ReturnType<typeof watching>, following: () => boolean) {
    const dispatched: unknown[] = [];
    const view = new EditorView({
      parent: document.body,
      state: EditorState.create({ doc: setup.text.toString(), extensions: [EditorState.readOnly.of(true), followCandidateCaret(setup.reviewer, setup.text, following)] }),
    });
    const original = view.dispatch.bind(view);
    vi.spyOn(view, "dispatch").mockImplementation((...specs: Parameters<EditorView["dispatch"]>) => {
      dispatched.push(specs[0]);
      return original(...(specs as [never]));
    });
    return { view, dispatched };
  }

  it("scrolls to the candidate's caret when it moves, and not when not following", async () => {
    const setup = watching(0);
    let following = true;
    const { view, dispatched } = reviewerEditor(setup, () => following);
    // The first scroll is scheduled after the editor mounts: wait for it, not for a fixed time.
    await vi.waitFor(() => expect(dispatched).toHaveLength(1)); // the caret where it was when the editor opened
    expect(dispatched[0]).toMatchObject({ effects: expect.anything() });

    const end = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(setup.candidateText, LONG_FILE.length));
    setup.candidate.setLocalStateField("cursor", { anchor: end, head: end });
    setup.relay();
    expect(dispatched).toHaveLength(2);

    following = false;
    const middle = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(setup.candidateText, 200));
    setup.candidate.setLocalStateField("cursor", { anchor: middle, head: middle });
    setup.relay();
    expect(dispatched).toHaveLength(2);
    view.destroy();
  });
});
