// Page-wide keyboard shortcuts, listened for in the capture phase so they work inside the
// editor and the terminal too (CodeMirror binds Mod-Enter to "insert blank line" itself).
import { useEffect, useRef } from "react";

export interface Shortcut {
  id: string;
  /** As shown in the help, e.g. "Ctrl/⌘ + Enter". */
  keys: string;
  description: string;
}

export const SHORTCUTS = {
  runTests: { id: "runTests", keys: "Ctrl/⌘ + Enter", description: "Run the visible tests" },
  save: { id: "save", keys: "Ctrl/⌘ + S", description: "Nothing to do: every change is saved as you type" },
  focusQuestion: { id: "focusQuestion", keys: "Alt + 1", description: "Go to the question" },
  focusEditor: { id: "focusEditor", keys: "Alt + 2", description: "Go to the editor" },
  focusTerminal: { id: "focusTerminal", keys: "Alt + 3", description: "Go to the terminal" },
  focusTests: { id: "focusTests", keys: "Alt + 4", description: "Go to the test results" },
  help: { id: "help", keys: "Shift + ?", description: "Show these shortcuts (outside the editor and terminal)" },
} as const satisfies Record<string, Shortcut>;

/** Shortcuts handled by the editor and file tree themselves, listed in the help. */
export const EDITOR_SHORTCUTS: Shortcut[] = [
  { id: "leaveEditor", keys: "Esc, then Tab", description: "Move focus out of the editor (Tab indents otherwise)" },
  { id: "tabFocus", keys: "Ctrl + M (⇧⌥M on Mac)", description: "Toggle Tab moving focus instead of indenting" },
  { id: "find", keys: "Ctrl/⌘ + F", description: "Find in the file" },
  { id: "undo", keys: "Ctrl/⌘ + Z", description: "Undo your own last change" },
  { id: "treeMove", keys: "↑ ↓ ← →", description: "Move in the file tree, open and close folders" },
  { id: "rename", keys: "F2", description: "Rename the file selected in the tree" },
  { id: "delete", keys: "Delete", description: "Delete the file selected in the tree" },
];

export type ShortcutId = keyof typeof SHORTCUTS;

const isTextEntry = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

export function matchShortcut(event: KeyboardEvent): ShortcutId | null {
  const mod = event.ctrlKey || event.metaKey;
  if (mod && !event.altKey && event.key === "Enter") return "runTests";
  if (mod && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "s") return "save";
  // event.code: Alt+digit types a symbol on macOS keyboards, so event.key is not the digit.
  if (event.altKey && !mod && !event.shiftKey) {
    const panel = { Digit1: "focusQuestion", Digit2: "focusEditor", Digit3: "focusTerminal", Digit4: "focusTests" }[event.code];
    if (panel) return panel as ShortcutId;
  }
  if (event.key === "?" && !mod && !event.altKey && !isTextEntry(event.target)) return "help";
  return null;
}

export function useShortcuts(handlers: Partial<Record<ShortcutId, () => void>>): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const id = matchShortcut(event);
      const handler = id ? ref.current[id] : undefined;
      if (!id || (!handler && id !== "save")) return;
      event.preventDefault();
      event.stopPropagation();
      handler?.();
    };
    window.addEventListener("keydown", onKeyDown, { capture: true });
    return () => window.removeEventListener("keydown", onKeyDown, { capture: true });
  }, []);
}
