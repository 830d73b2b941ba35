// @vitest-environment jsdom
// Two workspaces on two Y.Docs synced like the room does (candidate and reviewer), with the
// real CodeMirror + y-codemirror binding.
import "./dom-test-setup";
import { EditorView } from "@codemirror/view";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import type { SharedDoc } from "./use-y-doc";
import { Workspace } from "./workspace";

function sharedDoc(role: "candidate" | "reviewer"): SharedDoc {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  awareness.setLocalStateField("user", { id: role, name: role, role, color: "#fff", colorLight: "#fff3" });
  const provider = { awareness, connect: () => {} } as unknown as SharedDoc["provider"];
  return { doc, files: doc.getMap<Y.Text>("files"), provider, status: "connected", synced: true };
}

/** Relays document updates between the two docs, as the room does. */
function link(a: SharedDoc, b: SharedDoc) {
  a.doc.on("update", (update: Uint8Array, origin: unknown) => origin !== "relay" && Y.applyUpdate(b.doc, update, "relay"));
  b.doc.on("update", (update: Uint8Array, origin: unknown) => origin !== "relay" && Y.applyUpdate(a.doc, update, "relay"));
}

const editorIn = (container: HTMLElement) => {
  const content = container.querySelector<HTMLElement>(".cm-content");
  if (!content) throw new Error("no editor");
  return { content, view: EditorView.findFromDOM(content)! };
};

describe("Workspace", () => {
  it("opens the candidate's code first and shows their edits in the reviewer's read-only editor", async () => {
    const candidate = sharedDoc("candidate");
    const reviewer = sharedDoc("reviewer");
    link(candidate, reviewer);
    candidate.files.set("test_main.py", new Y.Text("def test(): ...\n"));
    candidate.files.set("main.py", new Y.Text("x = 1\n"));

    const c = render(<div data-testid="c"><Workspace shared={candidate} mode="edit" storageKey="c" /></div>);
    const r = render(<div data-testid="r"><Workspace shared={reviewer} mode="watch" storageKey="r" /></div>);
    const candidateEditor = editorIn(c.getByTestId("c"));
    const reviewerEditor = editorIn(r.getByTestId("r"));
    expect(candidateEditor.content.getAttribute("aria-label")).toBe("Code editor: main.py");
    expect(reviewerEditor.content.getAttribute("aria-label")).toBe("Candidate's code (read-only): main.py");
    expect(reviewerEditor.view.state.readOnly).toBe(true);

    act(() => candidateEditor.view.dispatch({ changes: { from: 6, insert: "y = 2\n" }, userEvent: "input.type" }));
    expect(reviewer.files.get("main.py")?.toString()).toBe("x = 1\ny = 2\n");
    expect(reviewerEditor.view.state.doc.toString()).toBe("x = 1\ny = 2\n");
    // The reviewer's UI offers no file operations.
    expect(within(r.getByTestId("r")).queryByRole("button", { name: "New file" })).toBeNull();
  });

  it("publishes the candidate's caret but never a reviewer's", async () => {
    const candidate = sharedDoc("candidate");
    const reviewer = sharedDoc("reviewer");
    link(candidate, reviewer);
    candidate.files.set("main.py", new Y.Text("x = 1\n"));
    const c = render(<div data-testid="c"><Workspace shared={candidate} mode="edit" storageKey="cc" /></div>);
    const r = render(<div data-testid="r"><Workspace shared={reviewer} mode="watch" storageKey="rc" /></div>);
    for (const [container, shared] of [[c.getByTestId("c"), candidate], [r.getByTestId("r"), reviewer]] as const) {
      const { view } = editorIn(container);
      act(() => {
        view.focus();
        view.dispatch({ selection: { anchor: 3 } });
      });
      const state = shared.provider.awareness.getLocalState() as { cursor?: unknown; activeFile?: unknown };
      expect(state.activeFile).toBe("main.py");
      if (shared === candidate) expect(state.cursor).toBeTruthy();
      else expect(state.cursor ?? null).toBeNull();
    }
  });

  it("reports pastes with their size and file", async () => {
    const candidate = sharedDoc("candidate");
    candidate.files.set("main.py", new Y.Text(""));
    const onPaste = vi.fn();
    const view = render(<Workspace shared={candidate} mode="edit" storageKey="p" onPaste={onPaste} />);
    const { view: editor } = editorIn(view.container);
    act(() => editor.dispatch({ changes: { from: 0, insert: "a\nb\nc" }, userEvent: "input.paste" }));
    act(() => editor.dispatch({ changes: { from: 0, insert: "typed" }, userEvent: "input.type" }));
    expect(onPaste).toHaveBeenCalledTimes(1);
    expect(onPaste).toHaveBeenCalledWith({ path: "main.py", length: 5, lines: 3 });
  });

  it("creates, renames and deletes files through the shared map, keeping the tab on a rename", async () => {
    const candidate = sharedDoc("candidate");
    candidate.files.set("main.py", new Y.Text("print(1)\n"));
    render(<Workspace shared={candidate} mode="edit" storageKey="f" />);

    await userEvent.click(screen.getByRole("button", { name: "New file" }));
    await userEvent.type(screen.getByLabelText("Path"), "src/util.py");
    await userEvent.click(screen.getByRole("button", { name: "Create file" }));
    expect([...candidate.files.keys()].sort()).toEqual(["main.py", "src/util.py"]);
    expect(screen.getByRole("button", { name: "util.py", current: "page" })).toBeTruthy();

    screen.getByRole("treeitem", { name: "util.py" }).focus();
    await userEvent.keyboard("{F2}");
    const input = screen.getByLabelText("Path");
    await userEvent.clear(input);
    await userEvent.type(input, "src/helpers.py");
    await userEvent.click(screen.getByRole("button", { name: "Rename" }));
    expect([...candidate.files.keys()].sort()).toEqual(["main.py", "src/helpers.py"]);
    expect(screen.getByRole("button", { name: "helpers.py", current: "page" })).toBeTruthy();

    screen.getByRole("treeitem", { name: "helpers.py" }).focus();
    await userEvent.keyboard("{Delete}");
    await userEvent.click(screen.getByRole("button", { name: "Delete file" }));
    expect([...candidate.files.keys()]).toEqual(["main.py"]);
    expect(screen.queryByRole("button", { name: "helpers.py" })).toBeNull();
  });

  it("leaves the editor empty when you close the last tab, and opens a new question's file by itself", async () => {
    const candidate = sharedDoc("candidate");
    candidate.files.set("main.py", new Y.Text(""));
    render(<Workspace shared={candidate} mode="edit" storageKey="q" />);
    await userEvent.click(screen.getByRole("button", { name: "Close main.py" }));
    expect(screen.getByText("Open a file from the tree.")).toBeTruthy();

    await userEvent.click(screen.getByRole("treeitem", { name: "main.py" }));
    // The room swaps the workspace for the next question's files.
    act(() =>
      candidate.doc.transact(() => {
        candidate.files.delete("main.py");
        candidate.files.set("test_rle.py", new Y.Text(""));
        candidate.files.set("rle.py", new Y.Text("def encode(text): ...\n"));
      }),
    );
    expect(screen.getByRole("button", { name: "rle.py", current: "page" })).toBeTruthy();
  });

  it("refuses a name that is already taken", async () => {
    const candidate = sharedDoc("candidate");
    candidate.files.set("main.py", new Y.Text(""));
    render(<Workspace shared={candidate} mode="edit" storageKey="d" />);
    await userEvent.click(screen.getByRole("button", { name: "New file" }));
    await userEvent.type(screen.getByLabelText("Path"), "main.py");
    expect(screen.getByText("A file with that name already exists.")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Create file" }) as HTMLButtonElement).disabled).toBe(true);
  });
});
