import { ensureSyntaxTree, foldable, getIndentation } from "@codemirror/language";
import { EditorState } from "@codemirror/state";
import { classHighlighter, highlightTree } from "@lezer/highlight";
import { describe, expect, it } from "vitest";
import { languageExtension } from "./editor-languages";

// Ruby has no Lezer grammar: its highlighting and indentation come from the legacy stream mode,
// so check that both are really wired up rather than trusting the import.
describe("Ruby in the editor", () => {
  const source = 'class Cart\n  def total(items)\n    items.sum { |i| i[:price] } # cents\n  end\nend\n';
  const state = EditorState.create({ doc: source, extensions: [languageExtension("ruby")] });

  it("highlights keywords, symbols and comments", () => {
    const tree = ensureSyntaxTree(state, state.doc.length, 5_000);
    expect(tree).not.toBeNull();
    const classes = new Map<string, string>();
    highlightTree(tree!, classHighlighter, (from, to, cls) => classes.set(state.sliceDoc(from, to), cls));
    expect(classes.get("class")).toContain("tok-keyword");
    expect(classes.get("def")).toContain("tok-keyword");
    expect(classes.get(":price")).toContain("tok-atom");
    expect(classes.get("# cents")).toContain("tok-comment");
  });

  it("indents inside def and class and lines `end` up with its opener", () => {
    const indentAt = (line: number) => getIndentation(state, state.doc.line(line).from);
    expect(indentAt(2)).toBe(2);
    expect(indentAt(3)).toBe(4);
    expect(indentAt(4)).toBe(2);
    expect(indentAt(5)).toBe(0);
  });

  it("folds a block by indentation, leaving its `end` visible", () => {
    const foldAt = (line: number) => foldable(state, state.doc.line(line).from, state.doc.line(line).to);
    expect(foldAt(1)).toEqual({ from: state.doc.line(1).to, to: state.doc.line(4).to });
    expect(foldAt(2)).toEqual({ from: state.doc.line(2).to, to: state.doc.line(3).to });
    expect(foldAt(3)).toBeNull();
    expect(foldAt(5)).toBeNull();
  });
});
