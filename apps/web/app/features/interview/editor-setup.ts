// CodeMirror configuration for the shared editor. Like `basicSetup` but without CodeMirror's
// own undo history: y-codemirror's undo manager undoes only this person's edits, whereas the
// history would also undo what the other side typed (remote changes are not marked).
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, indentWithTab } from "@codemirror/commands";
import { bracketMatching, foldGutter, foldKeymap, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { EditorState, type Extension } from "@codemirror/state";
import { oneDarkHighlightStyle } from "@codemirror/theme-one-dark";
import { highlightSelectionMatches, searchKeymap } from "@codemirror/search";
import {
  EditorView,
  crosshairCursor,
  drawSelection,
  dropCursor,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
  rectangularSelection,
} from "@codemirror/view";

/** Colours from the design system's tokens (packages/ui/src/theme.css). */
const editorTheme = EditorView.theme(
  {
    "&": { height: "100%", backgroundColor: "var(--color-surface)", color: "var(--color-fg)", fontSize: "13px" },
    ".cm-scroller": { fontFamily: "var(--font-mono)", lineHeight: "1.55" },
    ".cm-content": { caretColor: "var(--color-fg)" },
    ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--color-fg)" },
    "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection": {
      backgroundColor: "rgb(94 106 210 / 0.35)",
    },
    ".cm-activeLine": { backgroundColor: "rgb(255 255 255 / 0.03)" },
    ".cm-gutters": { backgroundColor: "var(--color-surface)", color: "var(--color-fg-subtle)", border: "none" },
    ".cm-activeLineGutter": { backgroundColor: "rgb(255 255 255 / 0.04)", color: "var(--color-fg-muted)" },
    ".cm-panels": { backgroundColor: "var(--color-surface-raised)", color: "var(--color-fg)" },
    ".cm-tooltip": { backgroundColor: "var(--color-surface-raised)", border: "1px solid var(--color-line-strong)" },
    ".cm-ySelectionInfo": { fontFamily: "var(--font-sans)", fontSize: "11px", opacity: "1", padding: "1px 4px" },
  },
  { dark: true },
);

export function editorSetup({ readOnly }: { readOnly: boolean }): Extension {
  const common: Extension[] = [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    foldGutter(),
    drawSelection(),
    syntaxHighlighting(oneDarkHighlightStyle),
    bracketMatching(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    editorTheme,
    EditorView.lineWrapping,
  ];
  if (readOnly) {
    // Read-only but still focusable: reviewers can move through the code and search it.
    return [...common, EditorState.readOnly.of(true), keymap.of([...defaultKeymap, ...searchKeymap, ...foldKeymap])];
  }
  return [
    ...common,
    EditorState.allowMultipleSelections.of(true),
    dropCursor(),
    indentOnInput(),
    closeBrackets(),
    autocompletion(),
    rectangularSelection(),
    crosshairCursor(),
    // Tab indents; Escape then Tab (or Ctrl+M / Shift+Alt+M) leaves the editor — see the help.
    keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...foldKeymap, ...completionKeymap, indentWithTab]),
  ];
}
