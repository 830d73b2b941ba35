import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { applyTextChange } from "./text-diff.ts";

function textWith(content: string): Y.Text {
  const doc = new Y.Doc();
  const text = doc.getText("t");
  text.insert(0, content);
  return text;
}

describe("applyTextChange", () => {
  it("turns the text into the new content with edits only where it differs", () => {
    const text = textWith("alpha\nbeta\ngamma\ndelta\n");
    const deltas: unknown[] = [];
    text.observe((event) => deltas.push(event.delta));
    expect(applyTextChange(text, "alpha\nBETA\ngamma\ndelta!\n")).toBe(true);
    expect(text.toString()).toBe("alpha\nBETA\ngamma\ndelta!\n");
    expect(JSON.stringify(deltas)).not.toContain("alpha");
  });

  it("keeps a cursor placed outside the changed region on the same character", () => {
    const text = textWith("def add(a, b):\n    return a - b\n");
    const cursor = Y.createRelativePositionFromTypeIndex(text, text.toString().indexOf("return"));
    applyTextChange(text, "# header\ndef add(a, b):\n    return a - b\n");
    const index = Y.createAbsolutePositionFromRelativePosition(cursor, text.doc!)!.index;
    expect(text.toString().slice(index, index + 6)).toBe("return");
  });

  it("does nothing when the content is the same, and never splits a surrogate pair", () => {
    const text = textWith("smile 😀 here");
    expect(applyTextChange(text, "smile 😀 here")).toBe(false);
    applyTextChange(text, "smile 😁 here");
    expect(text.toString()).toBe("smile 😁 here");
    applyTextChange(text, "");
    expect(text.toString()).toBe("");
  });
});
